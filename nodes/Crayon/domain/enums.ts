/**
 * Crayon's enumerations with the names and values its documentation and SDK give
 * (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/BillingCycleEnum.cs, BillingCycleType.cs, AssetType.cs).
 */

/**
 * The billing cycles a New Commerce subscription can be bought with. The subscription side
 * (BillingCycleEnum) and the order side (BillingCycleType) number them differently: 5 is
 * BiAnnually on one and Triennial on the other, so each operation sends its own number for the
 * same name. Unknown, None, OneTime, Quarterly, BiAnnually and TwoYears are never accepted for
 * a New Commerce purchase.
 */
const purchasableBillingCycles = [
	{ name: 'Monthly', subscription: 1, order: 1 },
	{ name: 'Annual', subscription: 2, order: 2 },
	{ name: 'Triennial', subscription: 8, order: 5 },
] as const;

/** Billing Cycle of Subscription → Create (BillingCycleEnum). */
export const subscriptionBillingCycles = purchasableBillingCycles.map(({ name, subscription }) => ({
	name,
	value: subscription,
}));

/** Billing Cycle of New Commerce Order → Create (BillingCycleType). */
export const purchaseOrderBillingCycles = purchasableBillingCycles.map(({ name, order }) => ({
	name,
	value: order,
}));

/**
 * Every BillingCycleEnum value a subscription can carry, named as the dropdowns name them
 * (8 is "Triennial" there too), for reading subscriptions.
 */
const subscriptionBillingCycleNames: Record<number, string> = {
	0: 'Unknown',
	1: 'Monthly',
	2: 'Annual',
	3: 'None',
	4: 'One Time',
	5: 'Biannual',
	7: 'Two Years',
	8: 'Triennial',
	9: 'Quarterly',
};

/** A subscription's BillingCycle as a name; Crayon usually sends the number, sometimes the name. */
export function subscriptionBillingCycleText<T>(billingCycle: T): T | string {
	return typeof billingCycle === 'number'
		? (subscriptionBillingCycleNames[billingCycle] ?? billingCycle)
		: billingCycle;
}

/** An order line's enumeration value as its name, e.g. BillingCycle 5 → "Triennial", Type 3 → "Subscription". */
export function optionName(
	options: ReadonlyArray<{ name: string; value: string | number }>,
	value: unknown,
): unknown {
	return options.find((option) => option.value === value)?.name ?? value;
}

/** The order-side number of a subscription-side billing cycle, for verifying a subscription purchase as an order line. */
export function orderBillingCycleOf(subscriptionBillingCycle: number): number | undefined {
	return purchasableBillingCycles.find(
		({ subscription }) => subscription === subscriptionBillingCycle,
	)?.order;
}

/**
 * The billing cycles a term allows (Microsoft's New Commerce rules: a monthly term is billed
 * monthly; a year monthly or annually; three years also in one payment).
 */
const BILLING_CYCLES_BY_TERM: Record<string, string[]> = {
	P1M: ['Monthly'],
	P1Y: ['Monthly', 'Annual'],
	P3Y: ['Monthly', 'Annual', 'Triennial'],
};

/**
 * Why a term and billing cycle (a value of `billingCycles`, the operation's own numbering)
 * cannot be bought together, if they cannot; nothing to say while either is missing.
 */
export function termBillingProblem(
	billingCycles: ReadonlyArray<{ name: string; value: number }>,
	billingCycle: number | undefined,
	termDuration: string | undefined,
): string | undefined {
	const cycle = billingCycles.find(({ value }) => value === billingCycle);
	if (!cycle || !termDuration) return undefined;
	const allowed = BILLING_CYCLES_BY_TERM[termDuration] ?? [];
	return allowed.includes(cycle.name)
		? undefined
		: `${cycle.name} billing is not offered with term ${termDuration}: choose ${allowed.join(' or ')}`;
}

/** Order line `BillingCycle` (BillingCycleType): every value, as order lines also buy software. */
export const orderBillingCycles = [
	{ name: 'Monthly', value: 1 },
	{ name: 'Annual', value: 2 },
	{ name: 'Triennial', value: 5 },
	{ name: 'One Time', value: 4 },
	{ name: 'None', value: 3 },
	{ name: 'Unknown', value: 0 },
] as const;

/** ISO 8601 term durations Crayon supports. */
export const termDurations = [
	{ name: '1 Month (P1M)', value: 'P1M' },
	{ name: '1 Year (P1Y)', value: 'P1Y' },
	{ name: '3 Years (P3Y)', value: 'P3Y' },
] as const;

/** Purchase request order line `type` (AssetType). */
export const orderLineTypes = [
	{ name: 'Subscription', value: 3 },
	{ name: 'Software', value: 2 },
	{ name: 'Reservation', value: 1 },
] as const;

/** The line types an order typed into the node offers: a reservation's fields are undocumented (see fields/order.ts). */
export const typedOrderLineTypes = orderLineTypes.filter(({ name }) => name !== 'Reservation');

/** Copies the readonly enum table into the mutable option list n8n's description type wants. */
export function dropdownOptions<T extends string | number>(
	options: ReadonlyArray<{ name: string; value: T }>,
): Array<{ name: string; value: T }> {
	return options.map((option) => ({ ...option }));
}

/**
 * Every BillingCycleEnum value (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/BillingCycleEnum.cs),
 * for reading what the catalogue and `supportedbillingcycles` answer; 8 (ThreeYears) is named as
 * the purchase dropdowns name it.
 */
export const billingCycleEnumNames = [
	{ name: 'Unknown', value: 0, crayonName: 'Unknown' },
	{ name: 'Monthly', value: 1, crayonName: 'Monthly' },
	{ name: 'Annual', value: 2, crayonName: 'Annual' },
	{ name: 'None', value: 3, crayonName: 'None' },
	{ name: 'One Time', value: 4, crayonName: 'OneTime' },
	{ name: 'Bi-Annually', value: 5, crayonName: 'BiAnnually' },
	{ name: 'Two Years', value: 7, crayonName: 'TwoYears' },
	{ name: 'Triennial', value: 8, crayonName: 'ThreeYears' },
	{ name: 'Quarterly', value: 9, crayonName: 'Quarterly' },
] as const;

/** ResellerSalesPriceObjectType (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/ResellerSalesPriceObjectType.cs). */
export const resellerSalesPriceObjectTypes = [
	{ name: 'Organization', value: 1 },
	{ name: 'Customer Tenant', value: 2 },
	{ name: 'Subscription', value: 3 },
	{ name: 'Subscription Add-On', value: 4 },
	{ name: 'Azure Subscription', value: 5 },
	{ name: 'Asset', value: 6 },
] as const;

/** ResellerSalesPriceType (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/ResellerSalesPriceType.cs). */
export const resellerSalesPriceTypes = [
	{ name: 'License', value: 1 },
	{ name: 'Usage', value: 2 },
	{ name: 'NCE License', value: 3 },
	{ name: 'Azure Plan', value: 4 },
	{ name: 'Azure Reservation', value: 5 },
	{ name: 'Software', value: 6 },
] as const;
