/**
 * The catalogue as GET /api/v1/agreementproducts lists it: one AgreementProduct per product and
 * term (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/AgreementProduct.cs, ProductVariant.cs,
 * Price.cs), priced for a customer tenant. What no source decides (one row per term, where the
 * term is stated, what the prices cover) is in simulator/README.md's inferred-behaviour table.
 */
import { termMonths } from './dates';
import { billingCycleEnumFromPlan, type BillingPlan, type TermDuration } from './enums';
import { SEED } from './seed';
import type { CatalogueProduct, CustomerTenant } from './types';

/** One row of the catalogue: a product, and the term it is sold with (none for legacy, software, Azure Plan). */
export interface CatalogueRow {
	product: CatalogueProduct;
	term: TermDuration | null;
	/** BillingCycleEnum values the row may be billed with. */
	billingCycles: number[];
}

const PLAN_ORDER: BillingPlan[] = ['monthly', 'annual', 'triennial', 'one-time'];

function cyclesOf(plans: readonly BillingPlan[]): number[] {
	return PLAN_ORDER.filter((plan) => plans.includes(plan)).map(billingCycleEnumFromPlan);
}

/** The rows of one product: one per term for New Commerce products, one otherwise. */
export function rowsOf(product: CatalogueProduct): CatalogueRow[] {
	const terms = Object.keys(product.terms) as TermDuration[];
	if (product.kind === 'nce' && terms.length > 0) {
		return terms.map((term) => ({
			product,
			term,
			billingCycles: cyclesOf(product.terms[term] ?? []),
		}));
	}
	const plans: BillingPlan[] =
		product.kind === 'software'
			? ['one-time']
			: product.kind === 'usage'
				? ['monthly']
				: terms.flatMap((term) => product.terms[term] ?? []);
	return [{ product, term: null, billingCycles: cyclesOf(plans) }];
}

/** Every billing cycle a product can be bought with (BillingCycleEnum), over all its terms. */
export function supportedBillingCycles(product: CatalogueProduct): number[] {
	const cycles = new Set(rowsOf(product).flatMap((row) => row.billingCycles));
	return PLAN_ORDER.map(billingCycleEnumFromPlan).filter((cycle) => cycles.has(cycle));
}

/** The price list a tenant buys on: its agreement, currency, and how prices are rounded. */
export interface PriceList {
	agreement: { Id: number; Name: string };
	name: string;
	currency: string;
	/** Euro → currency, in 1/10000. */
	rate: number;
	decimals: 2 | 4;
	/** Extra discount on the sales price, in percent. */
	discount: number;
}

const EURO: PriceList = {
	agreement: { Id: 7001, Name: 'CSP Europe' },
	name: 'CSP EUR',
	currency: 'EUR',
	rate: 10_000,
	decimals: 2,
	discount: 0,
};

const BY_COUNTRY: Record<string, PriceList> = {
	NO: {
		...EURO,
		agreement: { Id: 7002, Name: 'CSP Norway' },
		name: 'CSP NOK',
		currency: 'NOK',
		rate: 114_830,
	},
	SE: {
		...EURO,
		agreement: { Id: 7003, Name: 'CSP Sweden' },
		name: 'CSP SEK',
		currency: 'SEK',
		rate: 112_610,
	},
	DK: {
		...EURO,
		agreement: { Id: 7004, Name: 'CSP Denmark' },
		name: 'CSP DKK',
		currency: 'DKK',
		rate: 74_605,
	},
};

/** Tenant 486 buys on its own agreement: four decimals and 3 % off the sales price. */
const SPECIAL: PriceList = {
	...BY_COUNTRY.NO,
	agreement: { Id: 7005, Name: 'Fabrikam framework agreement' },
	name: 'Fabrikam NOK',
	decimals: 4,
	discount: 3,
};

/** Without a tenant the reseller's euro list; otherwise the tenant's country's, or its own. */
export function priceListOf(tenant: CustomerTenant | undefined): PriceList {
	if (!tenant) return EURO;
	if (tenant.id === SEED.specialPriceTenantId) return SPECIAL;
	return BY_COUNTRY[tenant.countryCode] ?? EURO;
}

/** Reseller cost: 85 % of the estimated retail price. */
const COST_PERCENT = 85;

/**
 * Estimated retail and sales price of a row per licence (and month, for subscriptions), exact
 * decimals computed in integer units of the list's last decimal; undefined where the catalogue
 * has none.
 */
export function pricesOf(
	row: CatalogueRow,
	list: PriceList,
): { retail: number; sales: number } | undefined {
	const cents = row.product.listing.retailEuroCents;
	if (cents === undefined) return undefined;
	const euroCents = row.term === 'P1M' ? (cents * 6) / 5 : cents;
	const scale = 10 ** list.decimals;
	const retailUnits = Math.round((euroCents * list.rate * (scale / 100)) / 10_000);
	const salesUnits = Math.round((retailUnits * COST_PERCENT * (100 - list.discount)) / 10_000);
	return { retail: retailUnits / scale, sales: salesUnits / scale };
}

const COMMITMENT_NAMES: Record<TermDuration, string> = {
	P1M: '1 month',
	P1Y: '1 year',
	P3Y: '3 years',
};

const PRODUCT_TYPE_IDS: Record<string, number> = {
	Subscription: 1,
	'Subscription Add-On': 2,
	Software: 3,
	'Azure Plan': 4,
};

/** AgreementType: NewCommerceCSPSeats 13, CloudSeatAgreement 6, LicenseAgreement 1, CloudUsageAgreement 7. */
const AGREEMENT_TYPES: Record<CatalogueProduct['kind'], number> = {
	nce: 13,
	legacy: 6,
	software: 1,
	usage: 7,
};

export const CSP_PROGRAM = { Id: 31, Name: 'CSP' };

export interface RowOptions {
	list: PriceList;
	/** Whether MinimumCommitment and PurchasePeriod state the term (option catalogueStatesTerms). */
	statesTerms: boolean;
	includeProductInformation: boolean;
	familyIds: Map<string, number>;
}

/** An AgreementProduct, PascalCase as the SDK's classes are named. */
export function agreementProduct(row: CatalogueRow, options: RowOptions): Record<string, unknown> {
	const { product, term } = row;
	const { list } = options;
	const prices = pricesOf(row, list);
	const price = (value: number | undefined) =>
		value === undefined ? null : { Value: value, CurrencyCode: list.currency };
	const termIndex = term ? ['P1M', 'P1Y', 'P3Y'].indexOf(term) + 1 : 0;
	const statedTerm = options.statesTerms ? term : null;
	const productType = product.listing.productType;
	return {
		UniqueId: `${product.id}-${term ?? 'none'}-${list.agreement.Id}`,
		ProductType: 0,
		ProductVariant: {
			Id: product.productVariantId ?? product.id,
			Product: {
				Id: product.id,
				PartNumber: product.partNumber,
				PublisherProductId: product.productId ?? null,
				ItemLegalName: product.itemLegalName,
				ItemName: product.itemName,
			},
			PartNumber: product.partNumber,
			ProductName: product.itemName,
			Publisher: { Id: product.publisher.id, Name: product.publisher.name },
			Program: CSP_PROGRAM,
			ProductFamily: {
				Id: options.familyIds.get(product.listing.family) ?? 0,
				Name: product.listing.family,
			},
			Language: null,
			Level: null,
			ProductType: { Id: PRODUCT_TYPE_IDS[productType] ?? 0, Name: productType },
			Pool: { Id: 1, Name: product.kind === 'software' ? 'Non-specific' : 'Cloud' },
			LicenseType: null,
			LicenseAgreementType: null,
			OperatingSystem: null,
			Offering: null,
			MinimumCommitment: statedTerm
				? { Id: termIndex, Months: termMonths(statedTerm), Name: COMMITMENT_NAMES[statedTerm] }
				: null,
			UnitCount: 1,
			Version: null,
			PurchaseUnit: 'Licenses',
			PurchasePeriod: statedTerm,
			AddDate: '2021-10-01T00:00:00+00:00',
			DeleteDate: '9999-12-31T00:00:00+00:00',
			ProductCategory: null,
			Region: null,
			IsTrial: false,
			DefaultBillingCycleId: row.billingCycles[0] ?? 0,
			AvailableBillingCycleIds: row.billingCycles,
			Attributes: {},
			MinimumQuantity: product.minQuantity,
			MaximumQuantity: product.maxQuantity,
		},
		Agreement: list.agreement,
		Name: product.itemName,
		PriceId: product.id * 10 + termIndex,
		RecommendedRetailPrice: price(prices?.retail),
		SalesPrice: price(prices?.sales),
		AlternativeSalesPrice: null,
		PriceListName: list.name,
		MonthMultiplier: term ? termMonths(term) : 1,
		PriceCalculationType: 1,
		AgreementType: AGREEMENT_TYPES[product.kind],
		ProductInformation: options.includeProductInformation
			? {
					ExternalProductId: product.id,
					CultureCode: 'en-US',
					Description: `${product.itemName} from ${product.publisher.name}.`,
					LearnMoreLink: null,
				}
			: null,
		MinimumQuantity: product.minQuantity,
		MaximumQuantity: product.maxQuantity,
		Catalog: { Id: 1, Name: 'Microsoft CSP' },
	};
}
