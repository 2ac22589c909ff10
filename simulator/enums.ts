/**
 * Enumerations of the Crayon Cloud-iQ API, as its documentation ("Create subscription",
 * "Create New Commerce Orders", "Checkout Order") and SDK (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/*.cs) give them.
 */

/** A name → integer enumeration table. */
export type EnumTable = Readonly<Record<string, number>>;

export interface EnumDefinition {
	/** .NET type name, used in error messages ("Error converting value 6 to type 'BillingCycleEnum'"). */
	readonly typeName: string;
	readonly values: EnumTable;
}

/** SubscriptionStatus is a flag set (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/SubscriptionStatus.cs). */
export const SubscriptionStatus = {
	Active: 1,
	Suspended: 2,
	Deleted: 4,
	CustomerCancellation: 8,
	Converted: 16,
	Expired: 32,
	Pending: 64,
	Cancelled: 128,
	Disabled: 256,
} as const;
export const ALL_SUBSCRIPTION_STATUSES = 511;
export const SUBSCRIPTION_STATUS: EnumDefinition = {
	typeName: 'SubscriptionStatus',
	values: SubscriptionStatus,
};

/** Subscription BillingCycle (the "Create subscription" page of Crayon's API documentation). Note: there is no 6. */
export const BillingCycleEnum = {
	Unknown: 0,
	Monthly: 1,
	Annual: 2,
	None: 3,
	OneTime: 4,
	BiAnnually: 5,
	TwoYears: 7,
	ThreeYears: 8,
	Quarterly: 9,
} as const;
export const BILLING_CYCLE_ENUM: EnumDefinition = {
	typeName: 'BillingCycleEnum',
	values: BillingCycleEnum,
};

/** NCE order / purchase-request order line billingCycle (the "Create New Commerce Orders" page of Crayon's API documentation). */
export const BillingCycleType = {
	Unknown: 0,
	Monthly: 1,
	Annual: 2,
	None: 3,
	OneTime: 4,
	Triennial: 5,
} as const;
export const BILLING_CYCLE_TYPE: EnumDefinition = {
	typeName: 'BillingCycleType',
	values: BillingCycleType,
};

/** Purchase-request order line type (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/AssetType.cs). */
export const OrderLineType = {
	Reservation: 1,
	Software: 2,
	Subscription: 3,
} as const;
export const ORDER_LINE_TYPE: EnumDefinition = { typeName: 'OrderLineType', values: OrderLineType };

/** SortOrder (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/SortOrder.cs). */
export const SORT_ORDER: EnumDefinition = {
	typeName: 'SortOrder',
	values: { Ascending: 0, Descending: 1 },
};

/** SubscriptionSortBy (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/SubscriptionSortBy.cs). */
export const SUBSCRIPTION_SORT_BY: EnumDefinition = {
	typeName: 'SubscriptionSortBy',
	values: { Name: 0, ProductName: 1, CreationDate: 2, EndDate: 3 },
};

/** AgreementTypeConsent (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/AgreementTypeConsent.cs). */
export const AGREEMENT_TYPE_CONSENT: EnumDefinition = {
	typeName: 'AgreementTypeConsent',
	values: { MicrosoftCloudAgreement: 0, MicrosoftCustomerAgreement: 1 },
};

/** CustomerTenantType (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/CustomerTenantType.cs). */
export const CUSTOMER_TENANT_TYPE: EnumDefinition = {
	typeName: 'CustomerTenantType',
	values: { None: 0, T1: 1, T2: 2 },
};

/** Purchase order `orderState` ("Get processed purchase orders" page: None 0, Successful 1, Failed 2, Processing 4). */
export const ORDER_STATE: EnumDefinition = {
	typeName: 'OrderState',
	values: { None: 0, Successful: 1, Failed: 2, Processing: 4 },
};

export const TERM_DURATIONS = ['P1M', 'P1Y', 'P3Y'] as const;
export type TermDuration = (typeof TERM_DURATIONS)[number];

/** How a product is paid for; the two billing-cycle enums both map onto this. */
export type BillingPlan = 'monthly' | 'annual' | 'triennial' | 'one-time';

const PLAN_FROM_BILLING_CYCLE_ENUM: Readonly<Record<number, BillingPlan>> = {
	[BillingCycleEnum.Monthly]: 'monthly',
	[BillingCycleEnum.Annual]: 'annual',
	[BillingCycleEnum.ThreeYears]: 'triennial',
	[BillingCycleEnum.OneTime]: 'one-time',
};
const PLAN_FROM_BILLING_CYCLE_TYPE: Readonly<Record<number, BillingPlan>> = {
	[BillingCycleType.Monthly]: 'monthly',
	[BillingCycleType.Annual]: 'annual',
	[BillingCycleType.Triennial]: 'triennial',
	[BillingCycleType.OneTime]: 'one-time',
};
const BILLING_CYCLE_ENUM_FROM_PLAN: Readonly<Record<BillingPlan, number>> = {
	monthly: BillingCycleEnum.Monthly,
	annual: BillingCycleEnum.Annual,
	triennial: BillingCycleEnum.ThreeYears,
	'one-time': BillingCycleEnum.OneTime,
};

export function planFromBillingCycleEnum(value: number): BillingPlan | undefined {
	return PLAN_FROM_BILLING_CYCLE_ENUM[value];
}
export function planFromBillingCycleType(value: number): BillingPlan | undefined {
	return PLAN_FROM_BILLING_CYCLE_TYPE[value];
}
export function billingCycleEnumFromPlan(plan: BillingPlan): number {
	return BILLING_CYCLE_ENUM_FROM_PLAN[plan];
}

/** Display name of an enum value, e.g. enumName(BILLING_CYCLE_ENUM, 9) === 'Quarterly'. */
export function enumName(definition: EnumDefinition, value: number): string {
	for (const [name, v] of Object.entries(definition.values)) if (v === value) return name;
	return String(value);
}

const PLAN_LABEL: Readonly<Record<BillingPlan, string>> = {
	monthly: 'Monthly',
	annual: 'Annual',
	triennial: 'Triennial',
	'one-time': 'OneTime',
};
export function planLabel(plan: BillingPlan): string {
	return PLAN_LABEL[plan];
}

const lowerCaseIndexes = new WeakMap<EnumDefinition, Map<string, number>>();

/**
 * Reads an enum value the way the API accepts it: a JSON integer that is a defined value,
 * the value's name in any casing ("Monthly", "monthly"), or a numeric string ("1").
 * Returns undefined when the value is not a member.
 */
export function parseEnum(definition: EnumDefinition, value: unknown): number | undefined {
	if (typeof value === 'number') {
		return Number.isInteger(value) && Object.values(definition.values).includes(value)
			? value
			: undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^-?\d+$/.test(text)) return parseEnum(definition, Number(text));
	let index = lowerCaseIndexes.get(definition);
	if (!index) {
		index = new Map(Object.entries(definition.values).map(([name, v]) => [name.toLowerCase(), v]));
		lowerCaseIndexes.set(definition, index);
	}
	return index.get(text.toLowerCase());
}

/** Parses a SubscriptionStatus filter: a flag integer ("3"), or names/integers separated by commas. */
export function parseStatusFlags(values: string[]): number | undefined {
	let flags = 0;
	for (const value of values) {
		for (const part of value.split(',')) {
			const text = part.trim();
			if (text === '') continue;
			if (/^\d+$/.test(text)) {
				const n = Number(text);
				if (n > ALL_SUBSCRIPTION_STATUSES) return undefined;
				flags |= n;
				continue;
			}
			const named = parseEnum(SUBSCRIPTION_STATUS, text);
			if (named === undefined) return undefined;
			flags |= named;
		}
	}
	return flags;
}

/** ResellerSalesPriceObjectType (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/ResellerSalesPriceObjectType.cs). */
export const RESELLER_SALES_PRICE_OBJECT_TYPE: EnumDefinition = {
	typeName: 'ResellerSalesPriceObjectType',
	values: {
		Organization: 1,
		CustomerTenant: 2,
		Subscription: 3,
		SubscriptionAddon: 4,
		AzureSubscription: 5,
		Asset: 6,
	},
};

/** ResellerSalesPriceType (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/ResellerSalesPriceType.cs). */
export const RESELLER_SALES_PRICE_TYPE: EnumDefinition = {
	typeName: 'ResellerSalesPriceType',
	values: {
		License: 1,
		Usage: 2,
		NCELicense: 3,
		AzurePlan: 4,
		AzureReservation: 5,
		Software: 6,
	},
};
