import { randomUUID } from 'node:crypto';
import {
	billingCycleEnumFromPlan,
	planFromBillingCycleType,
	SubscriptionStatus,
	type TermDuration,
} from './enums';
import { BillingData } from './billing';
import { isoSeconds, startOfUtcDay, termEnd } from './dates';
import {
	SEED,
	seedCatalogue,
	seedCatalogueAdditions,
	seedInvoiceProfiles,
	seedMicrosoftTenants,
	seedOrganizations,
	seedSalesPrices,
	seedScheduledRequests,
	seedSubscriptions,
	seedTenants,
	seedUser,
} from './seed';
import type {
	CatalogueProduct,
	Change,
	CustomerTenant,
	InvoiceProfile,
	MicrosoftTenant,
	NceOrder,
	Organization,
	ProcessedOrder,
	Purchase,
	ResellerSalesPrice,
	ScheduledRequest,
	Subscription,
	SubscriptionOrigin,
	SubscriptionTags,
	User,
} from './types';

export interface NewSubscription {
	tenant: CustomerTenant;
	product: CatalogueProduct;
	quantity: number;
	name: string;
	/** BillingCycleEnum value. */
	billingCycle: number;
	termDuration: TermDuration | null;
	origin: SubscriptionOrigin;
	now: number;
	/** Overrides the standard term end (coterminosity). */
	commitmentEndDate?: string;
	parentSubscriptionId?: number;
	tags?: SubscriptionTags | null;
	isTrial?: boolean;
}

export interface QuantityChange {
	subscriptionId: number;
	from: number;
	to: number;
	at: number;
}

export interface SimulatorStateOptions {
	newCommerceOrderProcessingDelayMs: number;
	username: string;
	/** See SimulatorOptions.cancellationWindowHours (default 168). */
	cancellationWindowHours?: number;
}

/**
 * The simulator's in-memory state. Maps keep their identity across reset(), so a test may hold
 * on to `sim.state.subscriptions` and still see the current data.
 */
export class SimulatorState {
	readonly organizations = new Map<number, Organization>();
	readonly tenants = new Map<number, CustomerTenant>();
	/** Catalogue keyed by lower-cased part number ('cfq7ttc0lf8r:0001', '1eda119b-…'). */
	readonly catalogue = new Map<string, CatalogueProduct>();
	/** Subscriptions by id, in id order (including add-on subscriptions). */
	readonly subscriptions = new Map<number, Subscription>();
	/** NCE orders by NewCommerceOrderId. */
	readonly nceOrders = new Map<string, NceOrder>();
	/** Processed purchases: subscription creates, add-ons set (true), NCE orders accepted, checkouts. */
	readonly purchases: Purchase[] = [];
	/** Quantity changes made with PUT /subscriptions/{id} (not purchases). */
	readonly quantityChanges: QuantityChange[] = [];
	/** Billing statements and files, invoices, Azure plans and usage (billing.ts). */
	readonly billing = new BillingData();
	/** Reseller sales prices (GET /api/v1/resellersalesprices), in seed order. */
	readonly salesPrices: ResellerSalesPrice[] = [];
	/** Every other change that is not a purchase: status, auto-renewal, next-term instructions, tags, … */
	readonly changes: Change[] = [];
	readonly invoiceProfiles = new Map<number, InvoiceProfile>();
	/** Microsoft tenants not yet visible in Cloud-iQ, by lower-cased PublisherCustomerId. */
	readonly microsoftTenants = new Map<string, MicrosoftTenant>();
	/** Scheduled purchase requests by OrderReferenceId. */
	readonly scheduledRequests = new Map<number, ScheduledRequest>();
	/** Checked-out purchase request orders, in order. */
	readonly processedOrders: ProcessedOrder[] = [];
	user: User;

	private nextSubscriptionId: number = SEED.nextSubscriptionId;
	private nextTenantId: number = SEED.nextCustomerTenantId;
	private nextOrderReferenceId: number = SEED.nextOrderReferenceId;
	private readonly productsBySku = new Map<string, CatalogueProduct>();
	private readonly subscriptionsByTenant = new Map<number, Subscription[]>();
	private readonly purchasesByNceOrder = new Map<string, Purchase>();
	/** Orders waiting to be processed, sorted by dueAt, from index pendingHead on. */
	private pendingNceOrders: NceOrder[] = [];
	private pendingHead = 0;
	private timer: NodeJS.Timeout | undefined;

	constructor(private readonly options: SimulatorStateOptions) {
		this.user = seedUser(options.username);
		this.reset();
	}

	get newCommerceOrderProcessingDelayMs(): number {
		return this.options.newCommerceOrderProcessingDelayMs;
	}

	get cancellationWindowHours(): number {
		return this.options.cancellationWindowHours ?? 168;
	}

	/** Back to the seed. */
	reset(now = Date.now()): void {
		this.dispose();
		this.organizations.clear();
		this.tenants.clear();
		this.catalogue.clear();
		this.subscriptions.clear();
		this.nceOrders.clear();
		this.purchases.length = 0;
		this.quantityChanges.length = 0;
		this.salesPrices.splice(0, this.salesPrices.length, ...seedSalesPrices(now));
		this.changes.length = 0;
		this.invoiceProfiles.clear();
		this.microsoftTenants.clear();
		this.scheduledRequests.clear();
		this.processedOrders.length = 0;
		this.productsBySku.clear();
		this.subscriptionsByTenant.clear();
		this.purchasesByNceOrder.clear();
		this.pendingNceOrders = [];
		this.pendingHead = 0;
		this.user = seedUser(this.options.username);

		for (const org of seedOrganizations()) this.organizations.set(org.id, org);
		const tenants = seedTenants();
		for (const tenant of tenants) this.tenants.set(tenant.id, tenant);
		const catalogue = seedCatalogue();
		for (const product of [...catalogue, ...seedCatalogueAdditions()]) {
			this.catalogue.set(product.partNumber.toLowerCase(), product);
			if (product.productId && product.skuId) {
				this.productsBySku.set(`${product.productId}:${product.skuId}`.toLowerCase(), product);
			}
		}
		for (const sub of seedSubscriptions(catalogue, tenants, now, this.cancellationWindowHours))
			this.index(sub);
		this.nextSubscriptionId = SEED.nextSubscriptionId;
		this.billing.reset(now, this.organizations, this.tenants, this.subscriptions);
		for (const profile of seedInvoiceProfiles()) this.invoiceProfiles.set(profile.id, profile);
		for (const tenant of seedMicrosoftTenants())
			this.microsoftTenants.set(tenant.publisherCustomerId.toLowerCase(), tenant);
		for (const request of seedScheduledRequests(now))
			this.scheduledRequests.set(request.orderReferenceId, request);
		this.nextTenantId = SEED.nextCustomerTenantId;
		this.nextOrderReferenceId = SEED.nextOrderReferenceId;
	}

	/** Stops the NCE processing timer. */
	dispose(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
	}

	findProduct(partNumber: string): CatalogueProduct | undefined {
		return this.catalogue.get(partNumber.trim().toLowerCase());
	}

	findProductBySku(productId: string, skuId: string): CatalogueProduct | undefined {
		return this.productsBySku.get(`${productId.trim()}:${skuId.trim()}`.toLowerCase());
	}

	productOf(subscription: Subscription): CatalogueProduct {
		return this.findProduct(subscription.partNumber) as CatalogueProduct;
	}

	subscriptionsOfTenant(tenantId: number): readonly Subscription[] {
		return this.subscriptionsByTenant.get(tenantId) ?? [];
	}

	purchaseCount(): number {
		return this.purchases.length;
	}

	createSubscription(input: NewSubscription): Subscription {
		const start = startOfUtcDay(input.now);
		const isNce = input.product.kind === 'nce';
		const sub: Subscription = {
			id: this.nextSubscriptionId++,
			name: input.name,
			quantity: input.quantity,
			status: SubscriptionStatus.Active,
			publisherSubscriptionId: randomUUID(),
			orderId: randomUUID(),
			tenantId: input.tenant.id,
			organizationId: input.tenant.organizationId,
			partNumber: input.product.partNumber,
			billingCycle: input.billingCycle,
			termDuration: input.termDuration,
			creationDate: isoSeconds(input.now),
			effectiveStartDate: isoSeconds(start),
			commitmentEndDate:
				input.commitmentEndDate ??
				(isNce && input.termDuration
					? isoSeconds(termEnd(start, input.termDuration))
					: '9999-12-21T00:00:00Z'),
			suspensionReasons: [],
			acceptAutoSuspension: false,
			autoSuspensionDate: null,
			attestationAccepted: true,
			parentSubscriptionId: input.parentSubscriptionId ?? null,
			addonIds: [],
			tags: input.tags ?? null,
			origin: input.origin,
			isTrial: input.isTrial ?? false,
			autoRenewEnabled: isNce ? true : null,
			cancellationAllowedUntilDate: isNce
				? isoSeconds(input.now + this.cancellationWindowHours * 3_600_000)
				: null,
			nextTerm: null,
			transitions: [],
			invoiceProfileId: input.tenant.invoiceProfileId,
		};
		this.index(sub);
		if (sub.parentSubscriptionId !== null)
			this.subscriptions.get(sub.parentSubscriptionId)?.addonIds.push(sub.id);
		return sub;
	}

	recordChange(change: Change): void {
		this.changes.push(change);
	}

	/** The next OrderReferenceId, shared by checked-out orders and scheduled requests. */
	takeOrderReferenceId(): number {
		return this.nextOrderReferenceId++;
	}

	/** A new customer tenant (created or linked), with the next id. */
	addTenant(tenant: Omit<CustomerTenant, 'id'>): CustomerTenant {
		const created = { ...tenant, id: this.nextTenantId++ };
		this.tenants.set(created.id, created);
		return created;
	}

	recordPurchase(purchase: Purchase): void {
		this.purchases.push(purchase);
		if (purchase.nceOrderId) this.purchasesByNceOrder.set(purchase.nceOrderId, purchase);
	}

	/** Stores an accepted NCE order; its subscription appears once dueAt has passed. */
	addNceOrder(order: NceOrder): void {
		this.nceOrders.set(order.id, order);
		if (order.dueAt === null) return;
		// Orders nearly always arrive in dueAt order (constant delay), so this is an append.
		const queue = this.pendingNceOrders;
		let i = queue.length;
		while (i > this.pendingHead && (queue[i - 1].dueAt as number) > order.dueAt) i--;
		queue.splice(i, 0, order);
		if (i === this.pendingHead) this.schedule();
	}

	/** Creates the subscriptions of every NCE order that is due. O(1) when nothing is due. */
	processDueNceOrders(now = Date.now()): void {
		const queue = this.pendingNceOrders;
		const before = this.pendingHead;
		while (this.pendingHead < queue.length && (queue[this.pendingHead].dueAt as number) <= now) {
			this.materialise(queue[this.pendingHead], now);
			this.pendingHead++;
		}
		if (this.pendingHead === before) return;
		if (this.pendingHead === queue.length) {
			this.pendingNceOrders = [];
			this.pendingHead = 0;
		} else if (this.pendingHead > 1024 && this.pendingHead * 2 > queue.length) {
			this.pendingNceOrders = queue.slice(this.pendingHead);
			this.pendingHead = 0;
		}
		this.schedule();
	}

	private materialise(order: NceOrder, now: number): void {
		const tenant = this.tenants.get(order.tenantId) as CustomerTenant;
		const product = this.findProduct(order.partNumber) as CatalogueProduct;
		const plan = planFromBillingCycleType(order.billingCycle) ?? 'monthly';
		const sub = this.createSubscription({
			tenant,
			product,
			quantity: order.quantity,
			name: product.itemName,
			billingCycle: billingCycleEnumFromPlan(plan),
			termDuration: order.termDuration,
			origin: 'nce-order',
			now,
			commitmentEndDate: order.customTermEndDate ?? undefined,
		});
		order.subscriptionId = sub.id;
		this.purchasesByNceOrder.get(order.id)?.subscriptionIds.push(sub.id);
	}

	private schedule(): void {
		this.dispose();
		const next = this.pendingNceOrders[this.pendingHead];
		if (!next) return;
		const wait = Math.max(0, (next.dueAt as number) - Date.now());
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.processDueNceOrders();
		}, wait);
		this.timer.unref();
	}

	private index(sub: Subscription): void {
		this.subscriptions.set(sub.id, sub);
		const list = this.subscriptionsByTenant.get(sub.tenantId);
		if (list) list.push(sub);
		else this.subscriptionsByTenant.set(sub.tenantId, [sub]);
	}
}
