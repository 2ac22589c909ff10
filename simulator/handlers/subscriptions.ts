/** Subscriptions: create, get, list, update, add-on offers and add-ons. */
import { ApiError } from '../errors';
import {
	intParam,
	jsonObjectBody,
	type HandlerResult,
	type RequestContext,
	type SimulatorContext,
} from '../context';
import {
	BILLING_CYCLE_ENUM,
	BillingCycleEnum,
	SORT_ORDER,
	SUBSCRIPTION_SORT_BY,
	SUBSCRIPTION_STATUS,
	SubscriptionStatus,
	enumName,
	parseStatusFlags,
	planFromBillingCycleEnum,
	type TermDuration,
} from '../enums';
import { checkQuantity, checkSubscriptionPurchase, type Violation } from '../rules';
import * as serialise from '../serializers';
import type { CatalogueProduct, CustomerTenant, Subscription, SubscriptionTags } from '../types';
import { Scope, Validator, queryBool, queryEnum, queryInt } from '../validation';
import { readPaging, readSearch, throwViolations } from './common';

interface SubscriptionBody {
	name?: string;
	tenantId?: number;
	tenant?: CustomerTenant;
	partNumber?: string;
	product?: CatalogueProduct;
	quantity?: number;
	billingCycle?: number;
	termDuration?: TermDuration;
	id?: number;
}

/** Reads a SubscriptionDetailed body (create and update); references are resolved but not judged. */
function readSubscriptionBody(
	v: Validator,
	body: Scope,
	sim: SimulatorContext,
	withId: boolean,
): SubscriptionBody {
	const out: SubscriptionBody = {};
	if (withId) out.id = v.int(body, 'Id');
	out.name = v.string(body, 'Name', { required: true });
	const tenantScope = v.object(body, 'CustomerTenant', 'CustomerTenantReference', {
		required: true,
		requiredProperty: 'CustomerTenant.Id',
	});
	if (tenantScope) {
		out.tenantId = v.int(tenantScope, 'Id', { required: true });
		if (out.tenantId !== undefined) {
			out.tenant = sim.state.tenants.get(out.tenantId);
			if (!out.tenant) {
				v.add(
					'CustomerTenant.Id',
					tenantScope.pathOf('Id', tenantScope.get('Id')),
					`Customer tenant ${out.tenantId} was not found.`,
					'NotFound',
				);
			}
		}
	}
	const productScope = v.object(body, 'Product', 'ProductReference', {
		required: true,
		requiredProperty: 'Product.PartNumber',
	});
	if (productScope) {
		out.partNumber = v.string(productScope, 'PartNumber', { required: true });
		if (out.partNumber !== undefined) {
			out.product = sim.state.findProduct(out.partNumber);
			if (!out.product) {
				v.add(
					'Product.PartNumber',
					productScope.pathOf('PartNumber', productScope.get('PartNumber')),
					`Product with part number '${out.partNumber}' was not found.`,
					'NotFound',
				);
			}
		}
	}
	out.quantity = v.int(body, 'Quantity', { required: true, min: 1 });
	out.billingCycle = v.enumValue(body, 'BillingCycle', BILLING_CYCLE_ENUM);
	out.termDuration = v.term(body, 'TermDuration');
	return out;
}

function hasValue(body: Scope, name: string): boolean {
	const field = body.get(name);
	return field !== undefined && field.value !== null;
}

/** POST /api/v1/subscriptions */
export function createSubscription(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const body = jsonObjectBody(req, 'SubscriptionDetailed');
	const v = new Validator();
	const s = readSubscriptionBody(v, body, sim, false);
	const product = s.product;
	if (product) {
		const path = 'product.partNumber';
		if (product.isAddon) {
			v.add(
				'Product.PartNumber',
				path,
				`Product '${product.partNumber}' is an add-on offer; add it to its subscription with POST /api/v1/subscriptions/{id}/addons.`,
				'InvalidValue',
			);
		} else if (product.kind === 'software') {
			v.add(
				'Product.PartNumber',
				path,
				`Product '${product.partNumber}' is not a subscription product; order it with /api/v1/purchaserequest/checkout.`,
				'InvalidValue',
			);
		} else if (product.kind === 'nce') {
			if (!hasValue(body, 'BillingCycle')) {
				v.add(
					'BillingCycle',
					'billingCycle',
					'The BillingCycle field is required for New Commerce (NCE) products.',
					'Required',
				);
			}
			if (!hasValue(body, 'TermDuration')) {
				v.add(
					'TermDuration',
					'termDuration',
					'The TermDuration field is required for New Commerce (NCE) products.',
					'Required',
				);
			}
		}
	}
	v.throwIfInvalid();
	const tenant = s.tenant as CustomerTenant;
	const p = product as CatalogueProduct;
	const quantity = s.quantity as number;
	let violations: Violation[] = [];
	if (p.kind === 'nce') {
		violations = checkSubscriptionPurchase(sim.state, {
			tenant,
			product: p,
			quantity,
			termDuration: s.termDuration,
			plan: planFromBillingCycleEnum(s.billingCycle as number),
			billingCycleLabel: enumName(BILLING_CYCLE_ENUM, s.billingCycle as number),
			now: req.now,
			names: {
				tenant: 'CustomerTenant.Id',
				term: 'TermDuration',
				billingCycle: 'BillingCycle',
				quantity: 'Quantity',
				customTermEndDate: 'CustomTermEndDate',
			},
		});
	} else {
		checkQuantity(violations, p, quantity, 'Quantity');
	}
	throwViolations(violations);

	const sub = sim.state.createSubscription({
		tenant,
		product: p,
		quantity,
		// "For Nce subscriptions, no names will be assigned": NCE subscriptions carry the product name.
		name: p.kind === 'nce' ? p.itemName : (s.name as string),
		billingCycle: p.kind === 'nce' ? (s.billingCycle as number) : BillingCycleEnum.Monthly,
		termDuration: p.kind === 'nce' ? (s.termDuration as TermDuration) : 'P1Y',
		origin: 'create-subscription',
		now: req.now,
	});
	sim.state.recordPurchase({
		kind: 'subscription',
		at: req.now,
		tenantId: tenant.id,
		lines: [{ partNumber: p.partNumber, quantity }],
		subscriptionIds: [sub.id],
	});
	return { status: 200, body: serialise.subscriptionDetailed(sim.state, sub) };
}

export function findSubscription(req: RequestContext, sim: SimulatorContext): Subscription {
	const id = intParam(req, 'id');
	const sub = sim.state.subscriptions.get(id);
	if (!sub) throw ApiError.notFound(`Subscription ${id} was not found.`);
	return sub;
}

/** GET /api/v1/subscriptions/{id} */
export function getSubscription(req: RequestContext, sim: SimulatorContext): HandlerResult {
	return {
		status: 200,
		body: serialise.subscriptionDetailed(sim.state, findSubscription(req, sim)),
	};
}

/**
 * GET /api/v1/subscriptions?customerTenantId&organizationId&publisherCustomerId&isTrial&page&pageSize
 * &search&statuses&sortBy&sortOrder: list items in the `Subscription` shape (not SubscriptionDetailed).
 */
export function listSubscriptions(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const tenantId = queryInt(v, req.query, 'customerTenantId');
	const organizationId = queryInt(v, req.query, 'organizationId');
	const isTrial = queryBool(v, req.query, 'isTrial');
	const sortBy = queryEnum(v, req.query, 'sortBy', SUBSCRIPTION_SORT_BY);
	const sortOrder = queryEnum(v, req.query, 'sortOrder', SORT_ORDER);
	const publisherCustomerId =
		req.query.get('publisherCustomerId')?.trim().toLowerCase() || undefined;
	const paging = readPaging(v, req.query);
	const statusValues = req.query.getAll('statuses');
	const statuses = parseStatusFlags(statusValues);
	if (statuses === undefined) {
		v.add(
			'statuses',
			'statuses',
			`The value '${statusValues.join(',')}' is not valid for statuses.`,
			'InvalidValue',
			{
				AllowedValues: Object.entries(SUBSCRIPTION_STATUS.values)
					.map(([k, n]) => `${k}=${n}`)
					.join(', '),
			},
		);
	}
	v.throwIfInvalid();
	const search = readSearch(req.query);
	const source: Iterable<Subscription> =
		tenantId !== undefined
			? sim.state.subscriptionsOfTenant(tenantId)
			: sim.state.subscriptions.values();
	const items: Subscription[] = [];
	for (const sub of source) {
		if (organizationId !== undefined && sub.organizationId !== organizationId) continue;
		if (statuses && (sub.status & statuses) === 0) continue;
		if (search && !matchesSearch(sim, sub, search)) continue;
		if (isTrial !== undefined && sub.isTrial !== isTrial) continue;
		if (
			publisherCustomerId !== undefined &&
			sim.state.tenants.get(sub.tenantId)?.publisherCustomerId.toLowerCase() !== publisherCustomerId
		)
			continue;
		items.push(sub);
	}
	if (sortBy !== undefined) sortSubscriptions(sim, items, sortBy, sortOrder ?? 0);
	else if (sortOrder === 1) items.reverse();
	return {
		status: 200,
		body: serialise.page(items, paging.page, paging.pageSize, (sub) =>
			serialise.subscriptionListItem(sim.state, sub),
		),
	};
}

/** SubscriptionSortBy: Name 0, ProductName 1, CreationDate 2, EndDate 3; ties keep id order. */
function sortSubscriptions(
	sim: SimulatorContext,
	items: Subscription[],
	sortBy: number,
	sortOrder: number,
): void {
	const key = (sub: Subscription): string =>
		sortBy === 0
			? sub.name.toLowerCase()
			: sortBy === 1
				? sim.state.productOf(sub).itemName.toLowerCase()
				: sortBy === 2
					? sub.creationDate
					: sub.commitmentEndDate;
	const direction = sortOrder === 1 ? -1 : 1;
	items.sort((a, b) => {
		const [x, y] = [key(a), key(b)];
		return x === y ? a.id - b.id : x < y ? -direction : direction;
	});
}

function matchesSearch(sim: SimulatorContext, sub: Subscription, search: string): boolean {
	const product = sim.state.productOf(sub);
	return (
		sub.name.toLowerCase().includes(search) ||
		sub.partNumber.toLowerCase().includes(search) ||
		product.itemName.toLowerCase().includes(search) ||
		sub.publisherSubscriptionId.includes(search) ||
		String(sub.id) === search
	);
}

/** PUT /api/v1/subscriptions/{id} with the whole SubscriptionDetailed (get, change, put). */
export function updateSubscription(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const body = jsonObjectBody(req, 'SubscriptionDetailed');
	const v = new Validator();
	const s = readSubscriptionBody(v, body, sim, true);
	v.throwIfInvalid();
	const sub = findSubscription(req, sim);
	if (s.id !== undefined && s.id !== sub.id) {
		v.add(
			'Id',
			'id',
			`The Id in the body (${s.id}) does not match the subscription id in the URL (${sub.id}).`,
			'InvalidValue',
		);
	}
	if (s.tenantId !== sub.tenantId) {
		v.add(
			'CustomerTenant.Id',
			'customerTenant.id',
			`CustomerTenant.Id cannot be changed (subscription ${sub.id} belongs to customer tenant ${sub.tenantId}).`,
			'InvalidValue',
		);
	}
	if ((s.partNumber as string).trim().toLowerCase() !== sub.partNumber.toLowerCase()) {
		v.add(
			'Product.PartNumber',
			'product.partNumber',
			`Product.PartNumber cannot be changed (subscription ${sub.id} is for ${sub.partNumber}).`,
			'InvalidValue',
		);
	}
	const status = v.enumValue(body, 'Status', SUBSCRIPTION_STATUS);
	const autoRenew = readNullableBoolean(v, body, 'AutoRenewEnabled');
	v.throwIfInvalid();
	const quantity = s.quantity as number;
	if (quantity !== sub.quantity) {
		if (sub.status !== SubscriptionStatus.Active) {
			throw ApiError.badRequestField(
				'Quantity',
				`The quantity can only be changed on an active subscription; subscription ${sub.id} is ${enumName(SUBSCRIPTION_STATUS, sub.status)}.`,
				'SubscriptionNotActive',
				'quantity',
			);
		}
		const violations: Violation[] = [];
		checkQuantity(violations, sim.state.productOf(sub), quantity, 'Quantity');
		throwViolations(violations);
	}
	const newStatus = status !== undefined && status !== sub.status ? status : undefined;
	if (newStatus !== undefined) checkStatusChange(sim, sub, newStatus, req.now);
	const newAutoRenew =
		autoRenew !== undefined && autoRenew !== null && autoRenew !== sub.autoRenewEnabled
			? autoRenew
			: undefined;
	if (newAutoRenew !== undefined) checkAutoRenewChange(sim, sub);

	if (quantity !== sub.quantity) {
		sim.state.quantityChanges.push({
			subscriptionId: sub.id,
			from: sub.quantity,
			to: quantity,
			at: req.now,
		});
		sub.quantity = quantity;
	}
	if (newStatus !== undefined) {
		sim.state.recordChange({
			kind: 'status',
			at: req.now,
			subscriptionId: sub.id,
			detail: `${enumName(SUBSCRIPTION_STATUS, sub.status)} → ${enumName(SUBSCRIPTION_STATUS, newStatus)}`,
		});
		sub.status = newStatus;
		sub.suspensionReasons = newStatus === SubscriptionStatus.Suspended ? ['ResellerInitiated'] : [];
	}
	if (newAutoRenew !== undefined) {
		sim.state.recordChange({
			kind: 'autoRenew',
			at: req.now,
			subscriptionId: sub.id,
			detail: `AutoRenewEnabled ${String(sub.autoRenewEnabled)} → ${String(newAutoRenew)}`,
		});
		sub.autoRenewEnabled = newAutoRenew;
	}
	sub.name = s.name as string;
	return { status: 200, body: serialise.subscriptionDetailed(sim.state, sub) };
}

/** A JSON boolean or null (bool? in the SDK); anything else is a 400. */
function readNullableBoolean(v: Validator, body: Scope, name: string): boolean | null | undefined {
	const field = body.get(name);
	if (field === undefined || field.value === null) return field === undefined ? undefined : null;
	if (typeof field.value !== 'boolean') {
		v.add(
			name,
			body.pathOf(name, field),
			`Unexpected token ${typeof field.value === 'string' ? 'String' : typeof field.value} when parsing boolean. Path '${body.pathOf(name, field)}'.`,
			'InvalidType',
		);
		return undefined;
	}
	return field.value;
}

const STATUS_NAMES = (status: number) => enumName(SUBSCRIPTION_STATUS, status);

/**
 * The status changes "Update subscription" allows (its C# example suspends; Microsoft's lifecycle
 * states, which the page points to, cancel a New Commerce subscription by setting it to Deleted):
 * Active → Suspended, Suspended → Active (see the reactivateSuspended option), Active or Suspended →
 * Deleted for New Commerce subscriptions within their cancellation window. Anything else is a 400.
 */
function checkStatusChange(
	sim: SimulatorContext,
	sub: Subscription,
	status: number,
	now: number,
): void {
	const refuse = (message: string, code: string): never => {
		throw ApiError.badRequestField('Status', message, code, 'status');
	};
	const from = STATUS_NAMES(sub.status);
	const to = STATUS_NAMES(status);
	const { Active, Suspended, Deleted } = SubscriptionStatus;
	if (sub.status !== Active && sub.status !== Suspended) {
		refuse(
			`Subscription ${sub.id} is ${from}: a subscription has to be active to be updated.`,
			'SubscriptionNotActive',
		);
	}
	if (status === Active) {
		if (!sim.options.reactivateSuspended) {
			refuse(
				`Subscription ${sub.id} is ${from}: a subscription has to be active to be updated.`,
				'SubscriptionNotActive',
			);
		}
		return;
	}
	if (status === Suspended) return;
	if (status === Deleted) {
		if (sim.state.productOf(sub).kind !== 'nce') {
			refuse(
				`Subscription ${sub.id} is a legacy CSP subscription: it cannot be deleted, suspend it to cancel it.`,
				'InvalidStatusTransition',
			);
		}
		const until = sub.cancellationAllowedUntilDate;
		if (until === null || now > Date.parse(until)) {
			refuse(
				`Subscription ${sub.id} can no longer be cancelled: cancellation was allowed until ${String(until)}.`,
				'CancellationWindowExpired',
			);
		}
		return;
	}
	refuse(
		`The status of subscription ${sub.id} cannot be changed from ${from} to ${to}.`,
		'InvalidStatusTransition',
	);
}

/** Only active New Commerce subscriptions renew automatically, so only they can turn it on or off. */
function checkAutoRenewChange(sim: SimulatorContext, sub: Subscription): void {
	if (sim.state.productOf(sub).kind !== 'nce' || sub.autoRenewEnabled === null) {
		throw ApiError.badRequestField(
			'AutoRenewEnabled',
			`Subscription ${sub.id} is a legacy CSP subscription: it has no automatic renewal to turn on or off.`,
			'AutoRenewNotSupported',
			'autoRenewEnabled',
		);
	}
	if (sub.status !== SubscriptionStatus.Active) {
		throw ApiError.badRequestField(
			'AutoRenewEnabled',
			`Subscription ${sub.id} is ${STATUS_NAMES(sub.status)}: a subscription has to be active to be updated.`,
			'SubscriptionNotActive',
			'autoRenewEnabled',
		);
	}
}

/** GET /api/v1/subscriptions/{id}/addon-offers */
export function listAddonOffers(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const sub = findSubscription(req, sim);
	const v = new Validator();
	const paging = readPaging(v, req.query);
	v.throwIfInvalid();
	const offers = sim.state
		.productOf(sub)
		.addonOfferIds.map((id) => sim.state.findProduct(id))
		.filter((p): p is CatalogueProduct => p !== undefined);
	return {
		status: 200,
		body: serialise.page(offers, paging.page, paging.pageSize, (p) => ({
			Product: serialise.productReference(p),
			Publisher: { Id: p.publisher.id, Name: p.publisher.name },
		})),
	};
}

function readTags(v: Validator, body: Scope): SubscriptionTags | null {
	const tags = v.object(body, 'SubscriptionTags', 'SubscriptionTags');
	if (!tags) return null;
	const text = (name: string): string | null => v.string(tags, name) ?? null;
	const date = (name: string): string | null => v.dateTime(tags, name)?.text ?? null;
	return {
		subscriptionId: v.int(tags, 'SubscriptionId') ?? null,
		department: text('Department'),
		costCenter: text('CostCenter'),
		project: text('Project'),
		owner: text('Owner'),
		custom: text('Custom'),
		createdDate: date('CreatedDate'),
		modifiedDate: date('ModifiedDate'),
	};
}

/**
 * POST /api/v1/subscriptions/{id}/addons (PostSubscriptionAddOn) → bare true, or bare false when
 * the subscription is not active.
 */
export function setSubscriptionAddon(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const body = jsonObjectBody(req, 'PostSubscriptionAddOn');
	const v = new Validator();
	const quantity = v.int(body, 'Quantity', { required: true, min: 1 });
	const offerId = v.string(body, 'OfferId', { required: true });
	const tags = readTags(v, body);
	v.throwIfInvalid();
	const parent = findSubscription(req, sim);
	const parentProduct = sim.state.productOf(parent);
	const wanted = (offerId as string).trim().toLowerCase();
	const offerPart = parentProduct.addonOfferIds.find((id) => id.toLowerCase() === wanted);
	if (!offerPart) {
		throw ApiError.badRequestField(
			'OfferId',
			`OfferId '${offerId}' is not an add-on offer of subscription ${parent.id} (${parentProduct.itemName}). See GET /api/v1/subscriptions/${parent.id}/addon-offers.`,
			'InvalidAddonOffer',
			body.pathOf('OfferId', body.get('OfferId')),
		);
	}
	if (parent.status !== SubscriptionStatus.Active) return { status: 200, body: false };
	const offer = sim.state.findProduct(offerPart) as CatalogueProduct;
	const violations: Violation[] = [];
	checkQuantity(violations, offer, quantity as number, 'Quantity');
	throwViolations(violations);
	const tenant = sim.state.tenants.get(parent.tenantId) as CustomerTenant;
	const addon = sim.state.createSubscription({
		tenant,
		product: offer,
		quantity: quantity as number,
		name: offer.itemName,
		billingCycle: parent.billingCycle,
		termDuration: parent.termDuration,
		origin: 'addon',
		now: req.now,
		parentSubscriptionId: parent.id,
		commitmentEndDate: offer.kind === 'nce' ? parent.commitmentEndDate : undefined,
		tags,
	});
	sim.state.recordPurchase({
		kind: 'addon',
		at: req.now,
		tenantId: tenant.id,
		lines: [{ partNumber: offer.partNumber, quantity: quantity as number }],
		subscriptionIds: [addon.id],
		parentSubscriptionId: parent.id,
	});
	return { status: 200, body: true };
}
