/** Crayon's enumerations with the names and values its documentation gives. */

/** Subscription `BillingCycle` (BillingCycleEnum), used by Subscription → Create. */
export const subscriptionBillingCycles = [
	{ name: 'Monthly', value: 1 },
	{ name: 'Annual', value: 2 },
	{ name: 'Quarterly', value: 9 },
	{ name: 'Bi-Annually', value: 5 },
	{ name: 'Two Years', value: 7 },
	{ name: 'Three Years', value: 8 },
	{ name: 'One Time', value: 4 },
	{ name: 'None', value: 3 },
	{ name: 'Unknown', value: 0 },
] as const;

/** Order `BillingCycle` (BillingCycleType), used by New Commerce orders and purchase request order lines. */
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
