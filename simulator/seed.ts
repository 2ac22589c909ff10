/**
 * The deterministic seed data. Ids, names and counts never change between runs; dates are
 * relative to the day the state is (re)seeded so that term end dates stay in the future.
 *
 * Documented values (from Crayon's API documentation pages and SDK): organisation 3869 "My company", tenants 123
 * and 486 (PublisherCustomerId f39d8f51-…), part numbers CFQ7TTC0LF8R:0001 (variant 2622144,
 * catalog item CFQ7TTC0LF8R:0001:CFQ7TTC0Q3X5), CFQ7TTC0HD33:0003, legacy offer 1eda119b-… with
 * Product.Id 133518 and the add-on offer 53FC25F7-…. Everything else is illustrative.
 */
import { createHash } from 'node:crypto';
import {
	SubscriptionStatus,
	billingCycleEnumFromPlan,
	type BillingPlan,
	type TermDuration,
} from './enums';
import { DAY_MS, addMonthsUtc, isoSeconds, startOfUtcDay, termMonths } from './dates';
import type {
	CatalogueListing,
	CatalogueProduct,
	CustomerTenant,
	InvoiceProfile,
	MicrosoftTenant,
	Organization,
	Publisher,
	ResellerSalesPrice,
	ScheduledRequest,
	Subscription,
	User,
} from './types';

/** Named seed ids so tests never hard-code magic numbers. */
export const SEED = {
	organizationId: 3869,
	organizationName: 'My company',
	secondOrganizationId: 3870,
	thirdOrganizationId: 3871,
	organizationCount: 3,

	/** NCE-eligible tenant from the docs (NCE examples), organisation 3869. */
	tenantId: 123,
	tenantName: 'Contoso Ltd',
	/** Tenant from the legacy create-subscription example (organisation 3869). */
	legacyTenantId: 486,
	legacyTenantPublisherCustomerId: 'f39d8f51-ff2c-46b4-8435-84bf67f2a36c',
	/** Tenant whose NCE purchases fail with CustomerNotEligible. */
	nceIneligibleTenantId: 505,
	tenantCount: 8,
	/** Tenants of organisation 3869 (123, 486, 501, 505). */
	organizationTenantCount: 4,
	unknownTenantId: 999_999,

	/** Office 365 E3 (NCE): P1M monthly; P1Y monthly/annual; P3Y monthly/annual/triennial. Max 300. */
	ncePartNumber: 'CFQ7TTC0LF8R:0001',
	nceProductId: 'CFQ7TTC0LF8R',
	nceSkuId: '0001',
	nceProductVariantId: 2622144,
	nceAvailabilityId: 'CFQ7TTC0Q3X5',
	nceCatalogItemId: 'CFQ7TTC0LF8R:0001:CFQ7TTC0Q3X5',
	nceMaxQuantity: 300,
	/** Visio Plan 1 (NCE, from the NCE order example): P1M monthly; P1Y monthly/annual (no P3Y). */
	secondNcePartNumber: 'CFQ7TTC0HD33:0003',
	secondNceProductId: 'CFQ7TTC0HD33',
	secondNceSkuId: '0003',
	secondNceProductVariantId: 2622150,
	secondNceCatalogItemId: 'CFQ7TTC0HD33:0003:CFQ7TTC0K59M',
	/** A part number in valid NCE format that is not in the catalogue. */
	unknownNcePartNumber: 'CFQ7TTC0ZZZZ:0001',

	/** Legacy CSP offer from the create-subscription example (Product.Id 133518). Max 10000. */
	legacyPartNumber: '1eda119b-65b0-429d-a063-4d2f9840a83f',
	legacyProductId: 133518,
	legacyMaxQuantity: 10_000,
	/** Add-on offers of the legacy product (the first from the "Set Subscription addon" page of Crayon's API documentation). */
	addonOfferId: '53FC25F7-6639-4F78-BB44-3C2DFEC3ED40',
	secondAddonOfferId: '0DDA3A0F-4C86-4C47-8A74-4A1B7B3B6C1E',
	/** Add-on offer of the NCE Office 365 E3 product. */
	nceAddonOfferId: 'CFQ7TTC0LHWM:0001',
	addonMaxQuantity: 1000,

	/** Perpetual software (order line type 2, billing cycle OneTime 4, no term). */
	softwareProductId: 'DG7GMGF0D7FV',
	softwareSkuId: '0002',
	softwareCatalogItemId: 'DG7GMGF0D7FV:0002:DG7GMGF0F4MH',

	/** Active legacy subscription of tenant 486 whose product has add-on offers. */
	addonCapableSubscriptionId: 5001,
	/** Suspended legacy subscription of tenant 486 (same product): setting an add-on returns false. */
	suspendedSubscriptionId: 5002,
	/** Active NCE Office 365 E3 subscription (P1Y) of tenant 123. */
	nceSubscriptionId: 5003,
	firstSubscriptionId: 5001,
	/** All seeded subscriptions (pageSize 50 → 3 pages: 50, 50, 20). */
	subscriptionCount: 120,
	unknownSubscriptionId: 999_999,
	/** Id of the next subscription created. */
	nextSubscriptionId: 5121,

	userId: '7d1f2b9e-3c4a-4e5f-8a6b-9c0d1e2f3a4b',

	/** Catalogue additions (GET /api/v1/agreementproducts): Microsoft 365 E5, P1M/P1Y/P3Y. */
	e5PartNumber: 'CFQ7TTC0LFLZ:0002',
	e5ProductVariantId: 2622200,
	/** Microsoft Teams Premium, an NCE add-on (Subscription Add-On). */
	teamsPremiumPartNumber: 'CFQ7TTC0RM8K:0001',
	/** Azure Plan: a catalogue row without term or licence price (bought once, billed by usage). */
	azurePlanPartNumber: 'DZH318Z0BPS6:0001',
	/** Tenant 486 (Fabrikam) buys on its own agreement: NOK prices with four decimals, 3 % below the others. */
	specialPriceTenantId: 486,
	/** Organisation whose reseller sales prices (markups) are seeded, with tenant 123 and subscription 5003. */
	salesPriceOrganizationId: 3869,
	/** Subscription lifecycle (all active NCE subscriptions of tenant 123 unless said otherwise). */
	/** Microsoft 365 E3, bought 6 days ago: its cancellation window closes within the next 9 to 33 hours. */
	closingWindowSubscriptionId: 5009,
	/** Microsoft 365 Business Basic, bought 2 days ago: cancellable for about 5 more days. */
	cancellableSubscriptionId: 5017,
	/** Office 365 E3, bought 10 days ago: its cancellation window closed 3 days ago. */
	closedWindowSubscriptionId: 5025,
	/** A trial of Microsoft 365 E3 (P1M, 25 licences), started 12 days ago; converts to the paid offer. */
	trialSubscriptionId: 5033,
	/** Microsoft 365 Business Basic (P1M) whose term ends in 3 days (end of that day); window long closed. */
	renewingSubscriptionId: 5041,
	/** A deleted legacy subscription (tenant 504): nothing may change it. */
	deletedSubscriptionId: 5014,
	/** The product Office 365 E3 subscriptions may be upgraded to: Microsoft 365 E3. */
	upgradeTargetPartNumber: 'CFQ7TTC0LFLX:0001',
	upgradeTargetCatalogItemId: 'CFQ7TTC0LFLX:0001:CFQ7TTC0K8Z7',

	/** Invoice profiles: two of organisation 3869, one each of 3870 and 3871. */
	invoiceProfileId: 4001,
	secondInvoiceProfileId: 4002,
	secondOrganizationInvoiceProfileId: 4003,
	thirdOrganizationInvoiceProfileId: 4004,
	invoiceProfileCount: 4,
	unknownInvoiceProfileId: 999_999,
	/** Tenant 123 has accepted the Microsoft Customer Agreement; tenant 486 has not. */
	mcaAcceptedTenantId: 123,
	/** A Microsoft tenant not yet visible in Cloud-iQ, to link with POST customertenants/existing. */
	linkableTenantPublisherCustomerId: '3c5a8f1e-2b7d-4e9a-9f60-1d2c3b4a5e6f',
	linkableTenantDomainPrefix: 'alpineskihouse',
	linkableTenantName: 'Alpine Ski House',
	/** Id of the next customer tenant created or linked. */
	nextCustomerTenantId: 507,
	/** A scheduled purchase request of tenant 123 (two lines, in 20 and 30 days). */
	scheduledOrderReferenceId: 7001,
	scheduledOrderNumbers: [1, 2],
	/** Id of the next purchase order (checkout) or scheduled request. */
	nextOrderReferenceId: 7002,
} as const;

/** Deterministic GUID from a label. */
export function seedGuid(label: string): string {
	const h = createHash('md5').update(label).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const MICROSOFT: Publisher = { id: 2, name: 'Microsoft' };

const M: BillingPlan[] = ['monthly'];
const MA: BillingPlan[] = ['monthly', 'annual'];
const MAT: BillingPlan[] = ['monthly', 'annual', 'triennial'];

function nce(
	id: number,
	productId: string,
	skuId: string,
	availabilityId: string,
	productVariantId: number,
	itemName: string,
	terms: CatalogueProduct['terms'],
	maxQuantity: number,
	addonOfferIds: string[] = [],
	isAddon = false,
	upgradeTargets: string[] = [],
): CatalogueProduct {
	return {
		id,
		partNumber: `${productId}:${skuId}`,
		itemName,
		itemLegalName: itemName,
		publisher: MICROSOFT,
		kind: 'nce',
		isAddon,
		productId,
		skuId,
		availabilityId,
		productVariantId,
		lineType: 3,
		terms,
		minQuantity: 1,
		maxQuantity,
		addonOfferIds,
		listing: listingOf(`${productId}:${skuId}`),
		upgradeTargets,
	};
}

function legacy(
	id: number,
	partNumber: string,
	itemName: string,
	maxQuantity: number,
	addonOfferIds: string[] = [],
	isAddon = false,
): CatalogueProduct {
	return {
		id,
		partNumber,
		itemName,
		itemLegalName: itemName,
		publisher: MICROSOFT,
		kind: 'legacy',
		isAddon,
		lineType: 3,
		terms: { P1Y: MA },
		minQuantity: 1,
		maxQuantity,
		addonOfferIds,
		listing: listingOf(partNumber),
	};
}

/**
 * What the catalogue lists besides what purchases need: product type and family names, and the
 * estimated retail price in euro cents (per licence and month of a one-year term; the one-off
 * price of software). Prices and names are illustrative.
 */
const CATALOGUE_LISTINGS: Record<string, CatalogueListing> = {
	'CFQ7TTC0LF8R:0001': subscriptionListing('Office 365', 2260),
	'CFQ7TTC0HD33:0003': subscriptionListing('Visio', 470),
	'CFQ7TTC0LH18:0001': subscriptionListing('Microsoft 365', 560),
	'CFQ7TTC0LCHC:0002': subscriptionListing('Microsoft 365', 2060),
	'CFQ7TTC0LFLX:0001': subscriptionListing('Microsoft 365', 3440),
	'CFQ7TTC0LHWM:0001': addonListing('Microsoft Teams', 380),
	'1eda119b-65b0-429d-a063-4d2f9840a83f': subscriptionListing('Office 365', 2100),
	'53FC25F7-6639-4F78-BB44-3C2DFEC3ED40': addonListing('Microsoft Teams', 340),
	'0DDA3A0F-4C86-4C47-8A74-4A1B7B3B6C1E': addonListing('Office 365', 19),
	'DG7GMGF0D7FV:0002': {
		productType: 'Software',
		family: 'Windows Server',
		retailEuroCents: 11290,
	},
	'CFQ7TTC0LFLZ:0002': subscriptionListing('Microsoft 365', 5475),
	'CFQ7TTC0LDPB:0001': subscriptionListing('Microsoft 365', 1170),
	'CFQ7TTC0LGZW:0001': subscriptionListing('Microsoft 365', 750),
	'CFQ7TTC0LH1P:0001': subscriptionListing('Microsoft 365 Apps', 980),
	'CFQ7TTC0LGZT:0001': subscriptionListing('Microsoft 365 Apps', 1100),
	'CFQ7TTC0LF8Q:0001': subscriptionListing('Office 365', 940),
	'CFQ7TTC0LF8S:0002': subscriptionListing('Office 365', 3620),
	'CFQ7TTC0LH16:0001': subscriptionListing('Exchange Online', 370),
	'CFQ7TTC0LH1G:0001': subscriptionListing('Exchange Online', 750),
	'CFQ7TTC0RQXH:0001': subscriptionListing('Microsoft Teams', 370),
	'CFQ7TTC0MM8R:0002': subscriptionListing('Microsoft Teams', 510),
	'CFQ7TTC0QW7C:0001': subscriptionListing('Microsoft Teams', 3740),
	'CFQ7TTC0RM8K:0001': addonListing('Microsoft Teams', 920),
	'CFQ7TTC0LH2H:0001': addonListing('Microsoft Teams', 750),
	'CFQ7TTC0LFK5:0001': subscriptionListing('Microsoft Entra', 560),
	'CFQ7TTC0LFK4:0001': subscriptionListing('Microsoft Entra', 840),
	'CFQ7TTC0LCHR:0001': subscriptionListing('Microsoft Intune', 750),
	'CFQ7TTC0HCHL:0001': subscriptionListing('Microsoft Defender', 280),
	'CFQ7TTC0HD32:0001': subscriptionListing('Visio', 1310),
	'CFQ7TTC0HDB1:0001': subscriptionListing('Project', 940),
	'CFQ7TTC0HDB0:0002': subscriptionListing('Project', 2810),
	'CFQ7TTC0L3PB:0001': subscriptionListing('Power BI', 1310),
	'CFQ7TTC0MM9D:0001': subscriptionListing('Microsoft 365 Copilot', 2810),
	'CFQ7TTC0LH0J:0001': subscriptionListing('Dynamics 365', 6560),
	'DZH318Z0BPS6:0001': { productType: 'Azure Plan', family: 'Azure' },
};

function subscriptionListing(family: string, retailEuroCents: number): CatalogueListing {
	return { productType: 'Subscription', family, retailEuroCents };
}

function addonListing(family: string, retailEuroCents: number): CatalogueListing {
	return { productType: 'Subscription Add-On', family, retailEuroCents };
}

function listingOf(partNumber: string): CatalogueListing {
	const listing = CATALOGUE_LISTINGS[partNumber];
	if (!listing) throw new Error(`seed: no catalogue listing for ${partNumber}`);
	return listing;
}

export function seedCatalogue(): CatalogueProduct[] {
	return [
		nce(
			200101,
			SEED.nceProductId,
			SEED.nceSkuId,
			SEED.nceAvailabilityId,
			SEED.nceProductVariantId,
			'Office 365 E3',
			{ P1M: M, P1Y: MA, P3Y: MAT },
			SEED.nceMaxQuantity,
			[SEED.nceAddonOfferId],
			false,
			[SEED.upgradeTargetPartNumber],
		),
		nce(
			200102,
			SEED.secondNceProductId,
			SEED.secondNceSkuId,
			'CFQ7TTC0K59M',
			SEED.secondNceProductVariantId,
			'Visio Plan 1',
			{ P1M: M, P1Y: MA },
			300,
		),
		nce(
			200103,
			'CFQ7TTC0LH18',
			'0001',
			'CFQ7TTC0K5MK',
			2622160,
			'Microsoft 365 Business Basic',
			{ P1M: M, P1Y: MA },
			300,
			[],
			false,
			['CFQ7TTC0LCHC:0002'],
		),
		nce(
			200104,
			'CFQ7TTC0LCHC',
			'0002',
			'CFQ7TTC0K6PD',
			2622170,
			'Microsoft 365 Business Premium',
			{ P1M: M, P1Y: MA },
			300,
		),
		nce(
			200105,
			'CFQ7TTC0LFLX',
			'0001',
			'CFQ7TTC0K8Z7',
			2622180,
			'Microsoft 365 E3',
			{ P1M: M, P1Y: MA, P3Y: MAT },
			2400,
		),
		nce(
			200106,
			'CFQ7TTC0LHWM',
			'0001',
			'CFQ7TTC0K9RF',
			2622190,
			'Microsoft Teams Audio Conferencing with dial-out to USA/CAN',
			{ P1M: M, P1Y: MA },
			SEED.addonMaxQuantity,
			[],
			true,
		),
		legacy(
			SEED.legacyProductId,
			SEED.legacyPartNumber,
			'Office 365 E3 (legacy CSP)',
			SEED.legacyMaxQuantity,
			[SEED.addonOfferId, SEED.secondAddonOfferId],
		),
		legacy(
			133601,
			SEED.addonOfferId,
			'Audio Conferencing (legacy CSP add-on)',
			SEED.addonMaxQuantity,
			[],
			true,
		),
		legacy(
			133602,
			SEED.secondAddonOfferId,
			'Office 365 Extra File Storage (legacy CSP add-on)',
			SEED.addonMaxQuantity,
			[],
			true,
		),
		{
			id: 300101,
			partNumber: `${SEED.softwareProductId}:${SEED.softwareSkuId}`,
			itemName: 'Windows Server 2022 Standard - 2 Core License Pack',
			itemLegalName: 'Windows Server 2022 Standard - 2 Core License Pack',
			publisher: MICROSOFT,
			kind: 'software',
			isAddon: false,
			productId: SEED.softwareProductId,
			skuId: SEED.softwareSkuId,
			availabilityId: 'DG7GMGF0F4MH',
			productVariantId: 2700101,
			lineType: 2,
			terms: {},
			minQuantity: 1,
			maxQuantity: 500,
			addonOfferIds: [],
			listing: listingOf(`${SEED.softwareProductId}:${SEED.softwareSkuId}`),
		},
	];
}

/**
 * Products that are only in the catalogue: buyable like the others, but none of the seeded
 * subscriptions is of them (seedSubscriptions cycles through seedCatalogue() alone, so the 120
 * subscriptions stay as they were). Availability and variant ids are illustrative.
 */
/** Term durations offered with their billing plans: up to one year, or up to three years. */
const UP_TO_P1Y: CatalogueProduct['terms'] = { P1M: M, P1Y: MA };
const UP_TO_P3Y: CatalogueProduct['terms'] = { P1M: M, P1Y: MA, P3Y: MAT };

/** Catalogue-only NCE products: part number, availability id, name, terms, maximum quantity, add-on. */
const ADDITIONS: Array<[string, string, string, CatalogueProduct['terms'], number, boolean?]> = [
	[SEED.e5PartNumber, 'CFQ7TTC0K9WS', 'Microsoft 365 E5', UP_TO_P3Y, 2400],
	['CFQ7TTC0LDPB:0001', 'CFQ7TTC0KBB1', 'Microsoft 365 Business Standard', UP_TO_P1Y, 300],
	['CFQ7TTC0LGZW:0001', 'CFQ7TTC0KC4L', 'Microsoft 365 F3', UP_TO_P3Y, 2400],
	['CFQ7TTC0LH1P:0001', 'CFQ7TTC0KD2M', 'Microsoft 365 Apps for business', UP_TO_P1Y, 300],
	['CFQ7TTC0LGZT:0001', 'CFQ7TTC0KD7Q', 'Microsoft 365 Apps for enterprise', UP_TO_P1Y, 2400],
	['CFQ7TTC0LF8Q:0001', 'CFQ7TTC0KF1B', 'Office 365 E1', UP_TO_P3Y, 2400],
	['CFQ7TTC0LF8S:0002', 'CFQ7TTC0KF5H', 'Office 365 E5', UP_TO_P3Y, 2400],
	['CFQ7TTC0LH16:0001', 'CFQ7TTC0KG2T', 'Exchange Online (Plan 1)', UP_TO_P1Y, 300],
	['CFQ7TTC0LH1G:0001', 'CFQ7TTC0KG8W', 'Exchange Online (Plan 2)', UP_TO_P1Y, 300],
	['CFQ7TTC0RQXH:0001', 'CFQ7TTC0KH3C', 'Microsoft Teams Essentials', UP_TO_P1Y, 300],
	['CFQ7TTC0MM8R:0002', 'CFQ7TTC0KH9F', 'Microsoft Teams Enterprise', UP_TO_P1Y, 2400],
	['CFQ7TTC0QW7C:0001', 'CFQ7TTC0KJ4N', 'Microsoft Teams Rooms Pro', UP_TO_P1Y, 300],
	[SEED.teamsPremiumPartNumber, 'CFQ7TTC0KJ8R', 'Microsoft Teams Premium', UP_TO_P1Y, 1000, true],
	['CFQ7TTC0LH2H:0001', 'CFQ7TTC0KK3V', 'Microsoft Teams Phone Standard', UP_TO_P1Y, 1000, true],
	['CFQ7TTC0LFK5:0001', 'CFQ7TTC0KK7X', 'Microsoft Entra ID P1', UP_TO_P3Y, 2400],
	['CFQ7TTC0LFK4:0001', 'CFQ7TTC0KL2B', 'Microsoft Entra ID P2', UP_TO_P3Y, 2400],
	['CFQ7TTC0LCHR:0001', 'CFQ7TTC0KL6D', 'Microsoft Intune Plan 1', UP_TO_P1Y, 2400],
	['CFQ7TTC0HCHL:0001', 'CFQ7TTC0KM1G', 'Microsoft Defender for Business', UP_TO_P1Y, 300],
	['CFQ7TTC0HD32:0001', 'CFQ7TTC0KM5J', 'Visio Plan 2', UP_TO_P1Y, 300],
	['CFQ7TTC0HDB1:0001', 'CFQ7TTC0KN2L', 'Project Plan 1', UP_TO_P1Y, 300],
	['CFQ7TTC0HDB0:0002', 'CFQ7TTC0KN6P', 'Project Plan 3', UP_TO_P1Y, 300],
	['CFQ7TTC0L3PB:0001', 'CFQ7TTC0KP1S', 'Power BI Pro', UP_TO_P1Y, 2400],
	['CFQ7TTC0MM9D:0001', 'CFQ7TTC0KP5V', 'Microsoft 365 Copilot', UP_TO_P3Y, 300],
	['CFQ7TTC0LH0J:0001', 'CFQ7TTC0KQ2Z', 'Dynamics 365 Business Central Essentials', UP_TO_P1Y, 300],
];

/**
 * Products that are only in the catalogue: buyable like the others, but none of the seeded
 * subscriptions is of them (seedSubscriptions cycles through seedCatalogue() alone, so the 120
 * subscriptions stay as they were). Crayon ids count up from 200107, variant ids from 2622200
 * in steps of 10; availability and variant ids are illustrative.
 */
export function seedCatalogueAdditions(): CatalogueProduct[] {
	const products = ADDITIONS.map(
		([partNumber, availabilityId, itemName, terms, maxQuantity, isAddon = false], index) => {
			const [productId, skuId] = partNumber.split(':');
			const variantId = SEED.e5ProductVariantId + 10 * index;
			return nce(
				200107 + index,
				productId,
				skuId,
				availabilityId,
				variantId,
				itemName,
				terms,
				maxQuantity,
				[],
				isAddon,
			);
		},
	);
	return [
		...products,
		{
			id: 400101,
			partNumber: SEED.azurePlanPartNumber,
			itemName: 'Azure plan',
			itemLegalName: 'Azure plan',
			publisher: MICROSOFT,
			kind: 'usage',
			isAddon: false,
			productId: 'DZH318Z0BPS6',
			skuId: '0001',
			availabilityId: 'DZH318Z0BPS6',
			productVariantId: 2800101,
			lineType: 3,
			terms: {},
			minQuantity: 1,
			maxQuantity: 1,
			addonOfferIds: [],
			listing: listingOf(SEED.azurePlanPartNumber),
		},
	];
}

/**
 * Reseller sales prices (markups and fixed prices the reseller set in Cloud-iQ) of tenant 123,
 * organisation 3869 and subscription 5003: one in force since long ago, one since 60 days, one
 * from 30 days ahead, so that "current" and "from a date" differ.
 */
export function seedSalesPrices(nowMs: number): ResellerSalesPrice[] {
	const today = startOfUtcDay(nowMs);
	const day = (offset: number) => today + offset * DAY_MS;
	const price = (
		objectType: number,
		objectId: number,
		type: number,
		priceType: number,
		value: number,
		fromDate: number,
	): ResellerSalesPrice => ({
		objectId,
		objectType,
		type,
		priceType,
		value,
		fromDate,
		changedBy: 'reseller@example.com',
	});
	const [organization, tenant, subscription] = [1, 2, 3];
	const [license, usage, nceLicense, software] = [1, 2, 3, 6];
	const [markupOnCost, fixedPrice, , discountOnRetail] = [1, 2, 3, 4];
	return [
		price(tenant, SEED.tenantId, nceLicense, markupOnCost, 12.5, day(-400)),
		price(tenant, SEED.tenantId, nceLicense, markupOnCost, 10, day(-60)),
		price(tenant, SEED.tenantId, nceLicense, markupOnCost, 9.75, day(30)),
		price(tenant, SEED.tenantId, license, markupOnCost, 8, day(-400)),
		price(tenant, SEED.legacyTenantId, nceLicense, discountOnRetail, 3.5, day(-200)),
		price(tenant, SEED.legacyTenantId, software, markupOnCost, 4.125, day(-200)),
		price(organization, SEED.salesPriceOrganizationId, nceLicense, markupOnCost, 15, day(-500)),
		price(organization, SEED.salesPriceOrganizationId, usage, markupOnCost, 5, day(-500)),
		price(subscription, SEED.nceSubscriptionId, nceLicense, fixedPrice, 27.3456, day(-90)),
	];
}

export function seedOrganizations(): Organization[] {
	return [
		{ id: SEED.organizationId, name: SEED.organizationName, accountNumber: '100869' },
		{ id: SEED.secondOrganizationId, name: 'My company Sweden', accountNumber: '100870' },
		{ id: SEED.thirdOrganizationId, name: 'My company Denmark', accountNumber: '100871' },
	];
}

export function seedTenants(): CustomerTenant[] {
	const t = (
		id: number,
		name: string,
		organizationId: number,
		domainPrefix: string,
		countryCode: string,
		nceEligible = true,
		publisherCustomerId = seedGuid(`tenant-${id}`),
	): CustomerTenant => ({
		id,
		name,
		organizationId,
		publisherCustomerId,
		domainPrefix,
		countryCode,
		nceEligible,
		invoiceProfileId: INVOICE_PROFILE_OF_ORGANIZATION[organizationId] ?? null,
		customerTenantType: 1,
		externalPublisherCustomerId: null,
		agreements:
			id === SEED.mcaAcceptedTenantId
				? [
						{
							firstName: 'Megan',
							lastName: 'Bowen',
							phoneNumber: null,
							email: 'megan.bowen@contoso.example',
							dateAgreed: '2024-01-15T09:30:00+00:00',
							agreementType: 1,
						},
					]
				: [],
	});
	return [
		t(SEED.tenantId, SEED.tenantName, SEED.organizationId, 'contoso', 'NO'),
		t(
			SEED.legacyTenantId,
			'Fabrikam Inc',
			SEED.organizationId,
			'fabrikam',
			'NO',
			true,
			SEED.legacyTenantPublisherCustomerId,
		),
		t(501, 'Northwind Traders', SEED.organizationId, 'northwindtraders', 'NO'),
		t(502, 'Adventure Works Cycles', SEED.secondOrganizationId, 'adventureworks', 'SE'),
		t(503, 'Tailspin Toys', SEED.secondOrganizationId, 'tailspintoys', 'SE'),
		t(504, 'Wide World Importers', SEED.thirdOrganizationId, 'wideworldimporters', 'DK'),
		t(SEED.nceIneligibleTenantId, 'Litware Inc', SEED.organizationId, 'litware', 'NO', false),
		t(506, 'Woodgrove Bank', SEED.thirdOrganizationId, 'woodgrovebank', 'DK'),
	];
}

/** The invoice profile each organisation's tenants are billed to. */
const INVOICE_PROFILE_OF_ORGANIZATION: Record<number, number> = {
	[SEED.organizationId]: SEED.invoiceProfileId,
	[SEED.secondOrganizationId]: SEED.secondOrganizationInvoiceProfileId,
	[SEED.thirdOrganizationId]: SEED.thirdOrganizationInvoiceProfileId,
};

export function seedInvoiceProfiles(): InvoiceProfile[] {
	return [
		{
			id: SEED.invoiceProfileId,
			organizationId: SEED.organizationId,
			name: 'My company - invoices',
			invoiceAddressId: 81001,
		},
		{
			id: SEED.secondInvoiceProfileId,
			organizationId: SEED.organizationId,
			name: 'My company - Azure consumption',
			invoiceAddressId: 81001,
		},
		{
			id: SEED.secondOrganizationInvoiceProfileId,
			organizationId: SEED.secondOrganizationId,
			name: 'My company Sweden',
			invoiceAddressId: 81002,
		},
		{
			id: SEED.thirdOrganizationInvoiceProfileId,
			organizationId: SEED.thirdOrganizationId,
			name: 'My company Denmark',
			invoiceAddressId: 81003,
		},
	];
}

/** Microsoft tenants that exist but are not yet visible in Cloud-iQ. */
export function seedMicrosoftTenants(): MicrosoftTenant[] {
	return [
		{
			publisherCustomerId: SEED.linkableTenantPublisherCustomerId,
			domainPrefix: SEED.linkableTenantDomainPrefix,
			name: SEED.linkableTenantName,
			countryCode: 'NO',
		},
	];
}

/** One scheduled purchase request of tenant 123: Office 365 E3 in 20 days, Visio Plan 1 in 30. */
export function seedScheduledRequests(nowMs: number): ScheduledRequest[] {
	const inDays = (days: number) => isoSeconds(startOfUtcDay(nowMs) + days * DAY_MS);
	return [
		{
			orderReferenceId: SEED.scheduledOrderReferenceId,
			tenantId: SEED.tenantId,
			lines: [
				{
					orderNumber: SEED.scheduledOrderNumbers[0],
					catalogId: SEED.nceCatalogItemId,
					name: 'Office 365 E3',
					quantity: 5,
					billingCycle: 'Annual',
					termDuration: 'P1Y',
					emailReceiver: 'it@contoso.example',
					scheduledDate: inDays(20),
					cancelled: false,
				},
				{
					orderNumber: SEED.scheduledOrderNumbers[1],
					catalogId: SEED.secondNceCatalogItemId,
					name: 'Visio Plan 1',
					quantity: 2,
					billingCycle: 'Monthly',
					termDuration: 'P1M',
					emailReceiver: 'it@contoso.example',
					scheduledDate: inDays(30),
					cancelled: false,
				},
			],
		},
	];
}

export function seedUser(username: string): User {
	return {
		id: SEED.userId,
		userName: username,
		email: username,
		firstName: 'Demo',
		lastName: 'Reseller',
		organizationId: SEED.organizationId,
	};
}

/** The current term of a subscription started at `startDayMs`: renewed (auto-renewal) until it ends in the future. */
function currentTerm(
	startDayMs: number,
	term: TermDuration,
	todayMs: number,
): { periodStart: number; end: number } {
	let periodStart = startDayMs;
	let end = addMonthsUtc(periodStart, termMonths(term)) - 1000;
	while (end < todayMs) {
		periodStart = addMonthsUtc(periodStart, termMonths(term));
		end = addMonthsUtc(periodStart, termMonths(term)) - 1000;
	}
	return { periodStart, end };
}

/** Seed subscriptions whose age, term or trial state the lifecycle tests rely on. */
const LIFECYCLE_OVERRIDES: Record<
	number,
	{
		ageDays: number;
		term?: TermDuration;
		plan?: BillingPlan;
		quantity?: number;
		isTrial?: true;
		endInDays?: number;
	}
> = {
	[SEED.closingWindowSubscriptionId]: { ageDays: 6 },
	[SEED.cancellableSubscriptionId]: { ageDays: 2 },
	[SEED.closedWindowSubscriptionId]: { ageDays: 10 },
	[SEED.trialSubscriptionId]: {
		ageDays: 12,
		term: 'P1M',
		plan: 'monthly',
		quantity: 25,
		isTrial: true,
	},
	[SEED.renewingSubscriptionId]: { ageDays: 300, endInDays: 3 },
};

/**
 * 120 subscriptions, ids 5001..5120, spread over the 8 tenants. 5001-5003 are the named ones in SEED;
 * the rest cycle through tenants, products and statuses (every 9th Suspended, every 13th Deleted,
 * every 17th Expired, the rest Active). NCE products are never given to the NCE-ineligible tenant.
 * A few (SEED.closingWindowSubscriptionId …) get the age, term or trial state of LIFECYCLE_OVERRIDES.
 * New Commerce subscriptions may be cancelled for `cancellationWindowHours` after their purchase
 * or their latest renewal.
 */
export function seedSubscriptions(
	catalogue: CatalogueProduct[],
	tenants: CustomerTenant[],
	nowMs: number,
	cancellationWindowHours = 168,
): Subscription[] {
	const today = startOfUtcDay(nowMs);
	const tenantById = new Map(tenants.map((t) => [t.id, t]));
	const byPart = new Map(catalogue.map((p) => [p.partNumber, p]));
	const legacyProduct = byPart.get(SEED.legacyPartNumber) as CatalogueProduct;
	const baseProducts = catalogue.filter((p) => !p.isAddon && p.kind !== 'software');
	const windowMs = cancellationWindowHours * 3_600_000;

	const make = (
		id: number,
		tenantId: number,
		product: CatalogueProduct,
		quantity: number,
		status: number,
		term: TermDuration,
		plan: BillingPlan,
		ageDays: number,
		name?: string,
	): Subscription => {
		const tenant = tenantById.get(tenantId) as CustomerTenant;
		const override = LIFECYCLE_OVERRIDES[id];
		const effectiveTerm = override?.term ?? term;
		const start = today - (override?.ageDays ?? ageDays) * DAY_MS;
		const created = start + 9 * 3_600_000;
		const isNce = product.kind === 'nce';
		const current = currentTerm(start, effectiveTerm, today);
		if (override?.endInDays !== undefined) {
			current.end = today + (override.endInDays + 1) * DAY_MS - 1000;
			current.periodStart = addMonthsUtc(current.end + 1000, -termMonths(effectiveTerm));
		}
		// A renewal opens a new cancellation window; the first one runs from the purchase itself.
		const windowStart = current.periodStart === start ? created : current.periodStart;
		return {
			id,
			name: name ?? (isNce ? product.itemName : `${product.itemName} - ${tenant.name}`),
			quantity: override?.quantity ?? quantity,
			status,
			publisherSubscriptionId: seedGuid(`subscription-${id}`),
			orderId: seedGuid(`order-${id}`),
			tenantId,
			organizationId: tenant.organizationId,
			partNumber: product.partNumber,
			billingCycle: billingCycleEnumFromPlan(override?.plan ?? plan),
			termDuration: effectiveTerm,
			creationDate: isoSeconds(created),
			effectiveStartDate: isoSeconds(start),
			commitmentEndDate: isNce ? isoSeconds(current.end) : '9999-12-21T00:00:00Z',
			suspensionReasons: status === SubscriptionStatus.Suspended ? ['ResellerInitiated'] : [],
			acceptAutoSuspension: false,
			autoSuspensionDate: null,
			attestationAccepted: true,
			parentSubscriptionId: null,
			addonIds: [],
			tags: null,
			origin: 'seed',
			isTrial: override?.isTrial ?? false,
			autoRenewEnabled: isNce ? true : null,
			cancellationAllowedUntilDate: isNce ? isoSeconds(windowStart + windowMs) : null,
			nextTerm: null,
			transitions: [],
			invoiceProfileId: tenant.invoiceProfileId,
		};
	};

	const subs: Subscription[] = [
		make(
			SEED.addonCapableSubscriptionId,
			SEED.legacyTenantId,
			legacyProduct,
			25,
			SubscriptionStatus.Active,
			'P1Y',
			'monthly',
			400,
			'My subscription',
		),
		make(
			SEED.suspendedSubscriptionId,
			SEED.legacyTenantId,
			legacyProduct,
			5,
			SubscriptionStatus.Suspended,
			'P1Y',
			'monthly',
			380,
			'Suspended subscription',
		),
		make(
			SEED.nceSubscriptionId,
			SEED.tenantId,
			byPart.get(SEED.ncePartNumber) as CatalogueProduct,
			10,
			SubscriptionStatus.Active,
			'P1Y',
			'annual',
			90,
		),
	];
	for (let i = 3; i < SEED.subscriptionCount; i++) {
		const id = SEED.firstSubscriptionId + i;
		const tenant = tenants[i % tenants.length];
		let product = baseProducts[(i * 5) % baseProducts.length];
		if (product.kind === 'nce' && !tenant.nceEligible) product = legacyProduct;
		const terms = Object.keys(product.terms) as TermDuration[];
		const term = terms[i % terms.length];
		const plans = product.terms[term] as BillingPlan[];
		const plan = plans[i % plans.length];
		const status =
			i % 9 === 0
				? SubscriptionStatus.Suspended
				: i % 13 === 0
					? SubscriptionStatus.Deleted
					: i % 17 === 0
						? SubscriptionStatus.Expired
						: SubscriptionStatus.Active;
		subs.push(make(id, tenant.id, product, ((i * 7) % 50) + 1, status, term, plan, (i * 11) % 700));
	}
	return subs;
}
