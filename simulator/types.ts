import type { BillingPlan, TermDuration } from './enums';

// ---------------------------------------------------------------------------------------------
// Public contract (re-exported from simulator/index.ts)
// ---------------------------------------------------------------------------------------------

export const DEFAULT_CREDENTIALS = {
	clientId: 'demo-client-id',
	clientSecret: 'demo-client-secret',
	username: 'reseller@example.com',
	password: 'demo-password',
	scope: 'CustomerApi',
} as const;

export interface SimulatorCredentials {
	clientId: string;
	clientSecret: string;
	username: string;
	password: string;
}

export interface SimulatorOptions {
	/** 0 (default) = random free port. */
	port?: number;
	/** Default '127.0.0.1'. */
	host?: string;
	/** Lifetime of issued access tokens, seconds. Default 3600. */
	tokenLifetimeSeconds?: number;
	/** Default 3000: an NCE order's subscription id becomes visible via GET .../new-commerce-orders/{id} only after this. */
	newCommerceOrderProcessingDelayMs?: number;
	/** Fixed artificial latency added to EVERY request (benchmark). Default 0. */
	latencyMs?: number;
	/** Accepted login. Default DEFAULT_CREDENTIALS. */
	credentials?: SimulatorCredentials;
	/** Log one line per request to stderr. Default false. */
	log?: boolean;
	/**
	 * Inferred behaviour: a ScheduledDate / scheduledPurchaseDate before today (UTC) is a business
	 * error ("ScheduledDateInPast"). Set false to treat past dates as "process now". Default true.
	 */
	rejectPastScheduledDates?: boolean;
	/**
	 * Inferred behaviour: GET /api/v1/orders/{orderId}/items answers a bare array (the docs say "a
	 * collection of OrderItems" and show one item), or with 'collection' `{Items, TotalHits}`. Default 'array'.
	 */
	orderItemsAnswer?: 'array' | 'collection';
	/**
	 * Inferred behaviour: the catalogue (GET /api/v1/agreementproducts) states each row's term in
	 * `ProductVariant.MinimumCommitment` (months) and `ProductVariant.PurchasePeriod` (P1M/P1Y/P3Y).
	 * Set false for rows that state no term at all (both null). Default true.
	 */
	catalogueStatesTerms?: boolean;
	/**
	 * How GET /api/v1/agreementproducts/{partNumber}/supportedbillingcycles answers: 'numbers'
	 * (BillingCycleEnum values, default) or 'names' ("Monthly"); the SDK's type reads either.
	 */
	supportedBillingCyclesAs?: 'numbers' | 'names';
	/**
	 * Which query names GET /api/v1/resellersalesprices[/current] binds: 'sdk' (Type, ObjectId,
	 * ObjectType, FromDate; default) or 'apidocs' (resellerSalesPriceType, objectId,
	 * resellerSalesPriceObjectType, fromDate). The two sources disagree.
	 */
	resellerSalesPriceQuery?: 'sdk' | 'apidocs';
	/**
	 * How long after a New Commerce purchase (or renewal) it may be cancelled: its
	 * CancellationAllowedUntilDate. Partner Center: 7 days (168 hours). Default 168.
	 */
	cancellationWindowHours?: number;
	/**
	 * Inferred behaviour: a PUT that reactivates a suspended subscription (Status Suspended →
	 * Active) is accepted, although "Update subscription" says a subscription "has to be active
	 * to be able to be updated". Set false to apply that sentence literally (400). Default true.
	 */
	reactivateSuspended?: boolean;
	/**
	 * Where the SDK (`{Items, TotalHits}`, PascalCase) and the API documentation (a bare camelCase
	 * array) disagree: transition eligibilities and scheduled purchase requests. 'sdk' (default)
	 * or 'apidocs'.
	 */
	disputedListShape?: 'sdk' | 'apidocs';
	/**
	 * Stricter than the real API is likely to be: Json.NET converts a JSON string of digits ("1")
	 * where an integer is expected; the simulator gives 400 unless this is true. Default false, so
	 * that a client sending "1" is caught.
	 */
	acceptNumericStrings?: boolean;
}

export interface RecordedRequest {
	method: string;
	/** Path without the query string, as received. */
	path: string;
	/** Query parameters; repeated keys are joined with ','. */
	query: Record<string, string>;
	/** Lower-cased header names; repeated headers joined with ', '. */
	headers: Record<string, string>;
	/** Parsed JSON or form object, undefined if none (or unparseable). */
	body: unknown;
	rawBody: string;
	/** Status sent, 0 if the connection was dropped before a response. */
	status: number;
	/** Description of the injected fault that affected this request, if any. */
	fault?: string;
	/** Arrival time, ms since the epoch. */
	at: number;
}

export interface FaultSpec {
	/** Match; default any. */
	method?: string;
	/** Match on path (string = exact path, trailing-slash and case insensitive); default any path EXCEPT the token endpoint. */
	path?: string | RegExp;
	/** Number of matching requests affected, default 1 (Infinity allowed). */
	times?: number;
	/** Delay before handling. */
	latencyMs?: number;
	/** Respond with this status WITHOUT processing the request (Crayon error body). */
	status?: number;
	/** Sets Retry-After with status faults. */
	retryAfterSeconds?: number;
	/** Destroy the socket without a response; 'after-processing' first applies the request to state. */
	dropConnection?: 'before-processing' | 'after-processing';
	/** Send this instead of processing (e.g. an HTML error page or truncated JSON). */
	rawResponse?: { status: number; contentType: string; body: string };
}

// ---------------------------------------------------------------------------------------------
// In-memory state entities (internal camelCase model; the API serialises them to PascalCase)
// ---------------------------------------------------------------------------------------------

export interface Organization {
	id: number;
	name: string;
	accountNumber: string;
}

export interface CustomerTenant {
	id: number;
	name: string;
	organizationId: number;
	publisherCustomerId: string;
	domainPrefix: string;
	/** ISO country code, returned as the verify response's countryCode. */
	countryCode: string;
	/** False for tenants that cannot buy New Commerce (NCE) products. */
	nceEligible: boolean;
	/** The invoice profile new subscriptions are billed to (null: the organization's default). */
	invoiceProfileId: number | null;
	/** CustomerTenantType: None 0, T1 1, T2 2. */
	customerTenantType: number;
	/** The Microsoft tenant this one was linked from (POST customertenants/existing), else null. */
	externalPublisherCustomerId: string | null;
	/** Consented end-customer agreements (ServiceAccountAgreement). */
	agreements: Agreement[];
}

/** ServiceAccountAgreement: a customer's consent to a Microsoft agreement. */
export interface Agreement {
	firstName: string;
	lastName: string;
	phoneNumber: string | null;
	email: string;
	dateAgreed: string;
	/** AgreementTypeConsent: MicrosoftCloudAgreement 0, MicrosoftCustomerAgreement 1. */
	agreementType: number;
}

/** A Microsoft tenant that exists but is not yet visible in Cloud-iQ (link with POST customertenants/existing). */
export interface MicrosoftTenant {
	publisherCustomerId: string;
	domainPrefix: string;
	name: string;
	countryCode: string;
}

export interface InvoiceProfile {
	id: number;
	organizationId: number;
	name: string;
	invoiceAddressId: number;
}

export interface Publisher {
	id: number;
	name: string;
}

/** 'usage': bought once and billed by consumption (Azure Plan); no term, no licence price. */
export type ProductKind = 'nce' | 'legacy' | 'software' | 'usage';

/** What the catalogue (GET /api/v1/agreementproducts) says about a product besides what purchases use. */
export interface CatalogueListing {
	/** ProductVariant.ProductType.Name: 'Subscription', 'Subscription Add-On', 'Software', 'Azure Plan'. */
	productType: string;
	/** ProductVariant.ProductFamily.Name. */
	family: string;
	/**
	 * Estimated retail price in euro cents: per licence and month of a one-year term for
	 * subscriptions (a month's term costs 20 % more, three years the same), the one-off price
	 * for software; undefined where the catalogue gives no price (Azure Plan).
	 */
	retailEuroCents?: number;
}

export interface CatalogueProduct {
	/** Crayon's integer Product.Id. */
	id: number;
	/** Part number as used by the API: 'productId:skuId' for NCE, an offer GUID for legacy CSP. */
	partNumber: string;
	itemName: string;
	itemLegalName: string;
	publisher: Publisher;
	kind: ProductKind;
	/** True for add-on offers (bought through POST /subscriptions/{id}/addons). */
	isAddon: boolean;
	/** Microsoft product id / sku id / availability id / Crayon product variant id (NCE and software). */
	productId?: string;
	skuId?: string;
	availabilityId?: string;
	productVariantId?: number;
	/** Purchase-request order line type: Reservation 1, Software 2, Subscription 3. */
	lineType: 1 | 2 | 3;
	/** Term durations offered, each with the billing plans allowed for it. Empty for software. */
	terms: Partial<Record<TermDuration, BillingPlan[]>>;
	minQuantity: number;
	maxQuantity: number;
	/** Part numbers of the add-on offers available for subscriptions of this product. */
	addonOfferIds: string[];
	listing: CatalogueListing;
	/** Part numbers of the products a subscription of this one may be upgraded to (transitions). */
	upgradeTargets?: string[];
}

/** ResellerSalesPrice (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/ResellerSalesPrice.cs), enums as numbers. */
export interface ResellerSalesPrice {
	objectId: number;
	/** ResellerSalesPriceObjectType: Organization 1, CustomerTenant 2, Subscription 3, SubscriptionAddon 4, AzureSubscription 5, Asset 6. */
	objectType: number;
	/** ResellerSalesPriceType: License 1, Usage 2, NCELicense 3, AzurePlan 4, AzureReservation 5, Software 6. */
	type: number;
	/** ResellerSalesPricePriceType: MarkupOnCost 1, FixedPrice 2, ListPrice 3, DiscountOnEstimatedRetailPrice 4. */
	priceType: number;
	/** Exact decimal as Crayon would send it (a JSON number). */
	value: number;
	/** Epoch ms of the day the price applies from. */
	fromDate: number;
	changedBy: string;
}

export interface SubscriptionTags {
	subscriptionId: number | null;
	department: string | null;
	costCenter: string | null;
	project: string | null;
	owner: string | null;
	custom: string | null;
	createdDate: string | null;
	modifiedDate: string | null;
}

export type SubscriptionOrigin =
	| 'seed'
	| 'create-subscription'
	| 'addon'
	| 'nce-order'
	| 'checkout'
	| 'transition';

export interface Subscription {
	id: number;
	name: string;
	quantity: number;
	/** SubscriptionStatus flag value (1 Active, 2 Suspended, ...). */
	status: number;
	publisherSubscriptionId: string;
	orderId: string;
	tenantId: number;
	organizationId: number;
	/** Catalogue part number (exact casing of the catalogue). */
	partNumber: string;
	/** BillingCycleEnum value. */
	billingCycle: number;
	termDuration: TermDuration | null;
	creationDate: string;
	effectiveStartDate: string;
	commitmentEndDate: string;
	suspensionReasons: string[];
	acceptAutoSuspension: boolean;
	autoSuspensionDate: string | null;
	attestationAccepted: boolean;
	parentSubscriptionId: number | null;
	/** Ids of add-on subscriptions (serialised as the nested Subscriptions array). */
	addonIds: number[];
	tags: SubscriptionTags | null;
	origin: SubscriptionOrigin;
	isTrial: boolean;
	/** New Commerce subscriptions renew automatically unless turned off; null for legacy ones. */
	autoRenewEnabled: boolean | null;
	/** New Commerce only: the end of the window in which the purchase (or renewal) may be cancelled. */
	cancellationAllowedUntilDate: string | null;
	/** What the next term will be (POST next-term-instructions), shown as ScheduledNextTermInstructions. */
	nextTerm: ScheduledNextTerm | null;
	/** Transitions (upgrades) made from this subscription. */
	transitions: TransitionRecord[];
	invoiceProfileId: number | null;
}

/** ScheduledNextTermInstructions (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/ScheduledNextTermInstructions.cs). */
export interface ScheduledNextTerm {
	productId: string;
	skuId: string;
	availabilityId: string;
	/** Read back as a name (the SDK types it as string): 'Monthly', 'Annual', 'Triennial'. */
	billingCycle: string;
	termDuration: TermDuration;
	quantity: number;
	customTermEndDate: string | null;
}

/** SubscriptionTransitionResponse, as stored. */
export interface TransitionRecord {
	fromCatalogItemId: string;
	fromSubscriptionId: string;
	toCatalogItemId: string;
	toSubscriptionId: string;
	transitionType: string;
	quantity: number;
	/** BillingCycleType value as sent. */
	billingCycle: number;
	term: string;
	at: number;
}

/** A line of a scheduled purchase request (ScheduledPurchaseRequestLine). */
export interface ScheduledLine {
	orderNumber: number;
	catalogId: string;
	name: string;
	quantity: number;
	/** A name, as the SDK reads it ('Monthly'). */
	billingCycle: string;
	termDuration: string | null;
	emailReceiver: string | null;
	scheduledDate: string;
	cancelled: boolean;
}

/** A purchase waiting for its date (ScheduledPurchaseRequestItem). */
export interface ScheduledRequest {
	orderReferenceId: number;
	tenantId: number;
	lines: ScheduledLine[];
	/** The NCE order it came from, if any: cancelling the last line cancels the order. */
	nceOrderId?: string;
}

/** A checked-out purchase request order, for GET purchaserequest/orders and GET assets/orders. */
export interface ProcessedOrder {
	orderReferenceId: number;
	tenantId: number;
	externalOrderId: string | null;
	countryCode: string;
	created: number;
	/** 'Succeeded' (the documented answer's spelling), 'Failed' or 'Processing'. */
	state: 'Succeeded' | 'Failed' | 'Processing';
	lines: ProcessedOrderLine[];
}

export interface ProcessedOrderLine {
	productId: string;
	skuId: string;
	catalogItemId: string;
	productVariantId: number | null;
	name: string;
	quantity: number;
	/** BillingCycleType value. */
	billingCycle: number;
	termDuration: string | null;
	type: number;
}

/** Changes that are not purchases but change what is billed or owned: every one is logged. */
export type ChangeKind =
	| 'status'
	| 'autoRenew'
	| 'nextTermInstructions'
	| 'tags'
	| 'scheduledCancel'
	| 'customerTenant'
	| 'agreement';

export interface Change {
	kind: ChangeKind;
	at: number;
	subscriptionId?: number;
	tenantId?: number;
	/** e.g. 'Active → Deleted', 'quantity 12, P1Y Annual'. */
	detail: string;
}

export interface NceOrder {
	id: string;
	tenantId: number;
	partNumber: string;
	quantity: number;
	/** BillingCycleType value as sent. */
	billingCycle: number;
	termDuration: TermDuration;
	customTermEndDate: string | null;
	scheduledDate: string | null;
	createdAt: number;
	/** When the subscription appears; null for orders scheduled for a future date. */
	dueAt: number | null;
	subscriptionId: number | null;
}

export type PurchaseKind =
	| 'subscription'
	| 'addon'
	| 'nce-order'
	| 'checkout'
	| 'transition'
	| 'conversion';

export interface PurchaseLine {
	partNumber: string;
	quantity: number;
}

export interface Purchase {
	kind: PurchaseKind;
	at: number;
	tenantId: number;
	lines: PurchaseLine[];
	/** Subscriptions created by the purchase so far (NCE orders: filled once processed). */
	subscriptionIds: number[];
	nceOrderId?: string;
	parentSubscriptionId?: number;
}

export interface User {
	id: string;
	userName: string;
	email: string;
	firstName: string;
	lastName: string;
	organizationId: number;
}
