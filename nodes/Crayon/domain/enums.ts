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
 * Why a billing cycle (a value of `options`, the operation's own numbering) cannot be bought
 * with the term, if it cannot. Nothing to say while either is still missing.
 */
export function termBillingProblem(
	options: ReadonlyArray<{ name: string; value: number }>,
	billingCycle: number | undefined,
	termDuration: string | undefined,
): string | undefined {
	const name = options.find(({ value }) => value === billingCycle)?.name;
	if (name === undefined || termDuration === undefined) return undefined;
	const allowed = BILLING_CYCLES_BY_TERM[termDuration] ?? [];
	return allowed.includes(name)
		? undefined
		: `${name} billing is not offered with term ${termDuration}: choose ${allowed.join(' or ')}`;
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

/** Purchase request order line `type`. */
export const orderLineTypes = [
	{ name: 'Subscription', value: 3 },
	{ name: 'Software', value: 2 },
	{ name: 'Reservation', value: 1 },
] as const;

/** Copies the readonly enum table into the mutable option list n8n's description type wants. */
export function dropdownOptions<T extends string | number>(
	options: ReadonlyArray<{ name: string; value: T }>,
): Array<{ name: string; value: T }> {
	return options.map((option) => ({ ...option }));
}
