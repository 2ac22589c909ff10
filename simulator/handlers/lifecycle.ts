/**
 * A subscription's life after the purchase: next-term (renewal) instructions, tags, transitions
 * (upgrades) and trial conversions (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/SubscriptionResource.cs;
 * the "Schedule Next Term Instructions", "Set subscription tags", "Get subscription upgrade
 * eligibility" and "Create subscription upgrade" pages of Crayon's API documentation).
 */
import { ApiError } from '../errors';
import {
	jsonObjectBody,
	type HandlerResult,
	type RequestContext,
	type SimulatorContext,
} from '../context';
import {
	BILLING_CYCLE_ENUM,
	BILLING_CYCLE_TYPE,
	SubscriptionStatus,
	billingCycleEnumFromPlan,
	enumName,
	planFromBillingCycleEnum,
	planFromBillingCycleType,
	planLabel,
	type BillingPlan,
} from '../enums';
import { isoSeconds } from '../dates';
import { checkQuantity, checkSubscriptionPurchase, type Violation } from '../rules';
import * as serialise from '../serializers';
import type { CatalogueProduct, CustomerTenant, Subscription, TransitionRecord } from '../types';
import { Validator } from '../validation';
import { throwViolations } from './common';
import { findSubscription } from './subscriptions';

const ELIGIBILITY_TYPES = ['immediate', 'scheduled'];
/** Partner Center's transition types; the API documentation shows only transition_only. */
const TRANSITION_TYPES = ['transition_only', 'transition_with_license_transfer'];

function catalogItemIdOf(product: CatalogueProduct): string {
	return `${product.productId}:${product.skuId}:${product.availabilityId}`;
}

function statusName(sub: Subscription): string {
	return enumName({ typeName: 'SubscriptionStatus', values: SubscriptionStatus }, sub.status);
}

/** An object's keys in camelCase, at every level: the shape the API documentation's examples show. */
function camelCase(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(camelCase);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, nested]) => [
			key.charAt(0).toLowerCase() + key.slice(1),
			camelCase(nested),
		]),
	);
}

/** A list where the SDK (`{Items, TotalHits}`) and the API documentation (a bare camelCase array) disagree. */
export function disputedList(sim: SimulatorContext, items: Record<string, unknown>[]): unknown {
	return sim.options.disputedListShape === 'apidocs'
		? camelCase(items)
		: { Items: items, TotalHits: items.length };
}

function nextTermFailure(code: string, description: string): HandlerResult {
	return {
		status: 200,
		body: { IsSuccessful: false, ErrorReasonCode: code, ErrorDescription: description },
	};
}

/**
 * POST /api/v1/subscriptions/{id}/next-term-instructions (NextTermInstructions, every property
 * optional): what the subscription renews as. Properties left out keep what the next term would
 * be anyway. Malformed bodies are a 400; business problems a 200 with IsSuccessful false.
 */
export function setNextTermInstructions(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const body = jsonObjectBody(req, 'NextTermInstructions');
	const v = new Validator();
	const partNumber = v.string(body, 'PartNumber');
	const billingCycle = v.enumValue(body, 'BillingCycle', BILLING_CYCLE_TYPE);
	const termDuration = v.term(body, 'TermDuration');
	const quantity = v.int(body, 'Quantity', { min: 1 });
	const customTermEndDate = v.dateTime(body, 'CustomTermEndDate');
	v.throwIfInvalid();
	const sub = findSubscription(req, sim);
	const current = sim.state.productOf(sub);
	if (current.kind !== 'nce' || sub.termDuration === null) {
		return nextTermFailure(
			'NotNewCommerce',
			`Subscription ${sub.id} is a legacy CSP subscription: next-term instructions are for New Commerce subscriptions.`,
		);
	}
	if (sub.status !== SubscriptionStatus.Active) {
		return nextTermFailure(
			'SubscriptionNotActive',
			`Subscription ${sub.id} is ${statusName(sub)}: only an active subscription renews.`,
		);
	}
	if (sub.autoRenewEnabled === false) {
		return nextTermFailure(
			'AutoRenewDisabled',
			`Subscription ${sub.id} does not renew automatically, so it has no next term. Turn automatic renewal on first.`,
		);
	}
	const product = partNumber === undefined ? current : sim.state.findProduct(partNumber);
	if (!product || product.kind !== 'nce' || product.isAddon) {
		return nextTermFailure(
			'ProductNotFound',
			`Product with part number '${partNumber}' is not a New Commerce product a subscription can renew as.`,
		);
	}
	const before = sub.nextTerm;
	const term = termDuration ?? before?.termDuration ?? sub.termDuration;
	const plan: BillingPlan | undefined =
		billingCycle !== undefined
			? planFromBillingCycleType(billingCycle)
			: before
				? (before.billingCycle.toLowerCase() as BillingPlan)
				: planFromBillingCycleEnum(sub.billingCycle);
	const renewedQuantity = quantity ?? before?.quantity ?? sub.quantity;
	const violations: Violation[] = checkSubscriptionPurchase(sim.state, {
		tenant: sim.state.tenants.get(sub.tenantId) as CustomerTenant,
		product,
		quantity: renewedQuantity,
		termDuration: term,
		plan,
		billingCycleLabel:
			billingCycle === undefined ? String(plan) : enumName(BILLING_CYCLE_TYPE, billingCycle),
		customTermEndDate,
		now: req.now,
		names: {
			tenant: 'SubscriptionId',
			term: 'TermDuration',
			billingCycle: 'BillingCycle',
			quantity: 'Quantity',
			customTermEndDate: 'CustomTermEndDate',
		},
	});
	if (violations.length > 0) return nextTermFailure(violations[0].code, violations[0].description);
	sub.nextTerm = {
		productId: product.productId as string,
		skuId: product.skuId as string,
		availabilityId: product.availabilityId as string,
		billingCycle: planLabel(plan as BillingPlan),
		termDuration: term,
		quantity: renewedQuantity,
		customTermEndDate: customTermEndDate ? isoSeconds(customTermEndDate.ms) : null,
	};
	sim.state.recordChange({
		kind: 'nextTermInstructions',
		at: req.now,
		subscriptionId: sub.id,
		detail: `${product.partNumber} × ${renewedQuantity}, ${term} ${sub.nextTerm.billingCycle}`,
	});
	return {
		status: 200,
		body: { IsSuccessful: true, ErrorReasonCode: null, ErrorDescription: null },
	};
}

/** GET /api/v1/subscriptions/{id}/tags → SubscriptionTags (every tag null when none are set). */
export function getSubscriptionTags(req: RequestContext, sim: SimulatorContext): HandlerResult {
	return { status: 200, body: serialise.subscriptionTags(findSubscription(req, sim)) };
}

const TAG_NAMES = ['CostCenter', 'Department', 'Project', 'Custom', 'Owner'] as const;

/**
 * POST /api/v1/subscriptions/{id}/tags (SubscriptionTags) → bare true. A full replace: "In order
 * to overwrite an existing tag without nullifying the others, they should be filled as well";
 * every tag null deletes them.
 */
export function setSubscriptionTags(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const body = jsonObjectBody(req, 'SubscriptionTags');
	const v = new Validator();
	const subscriptionId = v.int(body, 'SubscriptionId');
	const values = Object.fromEntries(
		TAG_NAMES.map((name) => [name, v.string(body, name) ?? null]),
	) as Record<(typeof TAG_NAMES)[number], string | null>;
	v.dateTime(body, 'CreatedDate');
	v.dateTime(body, 'ModifiedDate');
	v.throwIfInvalid();
	const sub = findSubscription(req, sim);
	if (subscriptionId !== undefined && subscriptionId !== 0 && subscriptionId !== sub.id) {
		throw ApiError.badRequestField(
			'SubscriptionId',
			`The SubscriptionId in the body (${subscriptionId}) does not match the subscription id in the URL (${sub.id}).`,
			'InvalidValue',
			'subscriptionId',
		);
	}
	const empty = TAG_NAMES.every((name) => values[name] === null);
	const now = isoSeconds(req.now);
	sub.tags = empty
		? null
		: {
				subscriptionId: sub.id,
				costCenter: values.CostCenter,
				department: values.Department,
				project: values.Project,
				custom: values.Custom,
				owner: values.Owner,
				createdDate: sub.tags?.createdDate ?? now,
				modifiedDate: now,
			};
	sim.state.recordChange({
		kind: 'tags',
		at: req.now,
		subscriptionId: sub.id,
		detail: empty
			? 'deleted'
			: TAG_NAMES.filter((name) => values[name] !== null)
					.map((name) => `${name}=${values[name]}`)
					.join(', '),
	});
	return { status: 200, body: true };
}

function upgradeTargets(sim: SimulatorContext, sub: Subscription): CatalogueProduct[] {
	return (sim.state.productOf(sub).upgradeTargets ?? [])
		.map((partNumber) => sim.state.findProduct(partNumber))
		.filter((product): product is CatalogueProduct => product !== undefined);
}

/**
 * GET /api/v1/subscriptions/{id}/transition-eligibilities/{eligibilityType}: the products the
 * subscription may be upgraded to, eligible while it is active.
 */
export function listTransitionEligibilities(
	req: RequestContext,
	sim: SimulatorContext,
): HandlerResult {
	const type = req.params.eligibilityType.toLowerCase();
	if (!ELIGIBILITY_TYPES.includes(type)) {
		throw ApiError.badRequestField(
			'eligibilityType',
			`The eligibilityType '${req.params.eligibilityType}' is not supported: use immediate or scheduled.`,
			'InvalidValue',
			'eligibilityType',
		);
	}
	const sub = findSubscription(req, sim);
	const active = sub.status === SubscriptionStatus.Active;
	const items = upgradeTargets(sim, sub).map((target) => ({
		CatalogItemId: catalogItemIdOf(target),
		Title: target.itemName,
		Description: `Upgrade ${sim.state.productOf(sub).itemName} to ${target.itemName}`,
		Quantity: sub.quantity,
		Eligibilities: [
			{
				Errors: active
					? []
					: [{ Code: 800002, Description: `The subscription is ${statusName(sub)}, not active.` }],
				IsEligible: active,
				TransitionType: 'transition_only',
			},
		],
	}));
	return { status: 200, body: disputedList(sim, items) };
}

function transitionResponse(record: TransitionRecord): Record<string, unknown> {
	return {
		FromCatalogItemId: record.fromCatalogItemId,
		FromSubscriptionId: record.fromSubscriptionId,
		ToCatalogItemId: record.toCatalogItemId,
		ToSubscriptionId: record.toSubscriptionId,
		TransitionType: record.transitionType,
		Quantity: record.quantity,
		BillingCycle: record.billingCycle,
		Term: record.term,
		Events: [
			{
				Name: 'TransitionCompleted',
				TimeStamp: isoSeconds(record.at),
				Status: 'Completed',
				Attributes: { ObjectType: 'Event' },
			},
		],
		Attributes: { ObjectType: 'SubscriptionTransition' },
	};
}

/** GET /api/v1/subscriptions/{id}/transitions/ → {Items, TotalHits} of SubscriptionTransitionResponse. */
export function listTransitions(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const items = findSubscription(req, sim).transitions.map(transitionResponse);
	return { status: 200, body: { Items: items, TotalHits: items.length } };
}

/** A subscription named by its Crayon id or its PublisherSubscriptionId. */
function subscriptionByAnyId(sim: SimulatorContext, id: string): Subscription | undefined {
	if (/^\d{1,10}$/.test(id)) return sim.state.subscriptions.get(Number(id));
	const wanted = id.toLowerCase();
	return [...sim.state.subscriptions.values()].find(
		(sub) => sub.publisherSubscriptionId.toLowerCase() === wanted,
	);
}

/**
 * POST /api/v1/subscriptions/{id}/transition/ (SubscriptionTransition): upgrade to an eligible
 * product. "Full upgrade: if the target quantity is greater or equal to the current quantity"
 * (the source becomes Converted); otherwise partial (its quantity goes down). The target is a new
 * subscription, or ToSubscriptionId's. BillingCycle is read as the SDK types it (BillingCycleType).
 */
export function createTransition(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const body = jsonObjectBody(req, 'SubscriptionTransition');
	const v = new Validator();
	const toCatalogItemId = v.string(body, 'ToCatalogItemId', { required: true });
	const toSubscriptionId = v.string(body, 'ToSubscriptionId');
	const transitionType = v.string(body, 'TransitionType') ?? 'transition_only';
	const quantity = v.int(body, 'Quantity', { required: true, min: 1 });
	const billingCycle = v.enumValue(body, 'BillingCycle', BILLING_CYCLE_TYPE, { required: true });
	const term = v.term(body, 'Term', { required: true });
	v.string(body, 'FromCatalogItemId');
	v.string(body, 'FromSubscriptionId');
	if (!TRANSITION_TYPES.includes(transitionType.toLowerCase())) {
		v.add(
			'TransitionType',
			'transitionType',
			`The TransitionType '${transitionType}' is not supported: use ${TRANSITION_TYPES.join(' or ')}.`,
			'InvalidValue',
		);
	}
	v.throwIfInvalid();
	const sub = findSubscription(req, sim);
	const refuse = (property: string, message: string, code: string): never => {
		throw ApiError.badRequestField(property, message, code, property);
	};
	if (sub.status !== SubscriptionStatus.Active)
		refuse(
			'Status',
			`Subscription ${sub.id} is ${statusName(sub)}: only an active subscription can be upgraded.`,
			'SubscriptionNotActive',
		);
	const target = upgradeTargets(sim, sub).find(
		(product) =>
			catalogItemIdOf(product).toLowerCase() === (toCatalogItemId as string).toLowerCase(),
	);
	if (!target)
		refuse(
			'ToCatalogItemId',
			`'${toCatalogItemId}' is not an upgrade of subscription ${sub.id}. See GET /api/v1/subscriptions/${sub.id}/transition-eligibilities/immediate.`,
			'TransitionNotEligible',
		);
	const product = target as CatalogueProduct;
	const tenant = sim.state.tenants.get(sub.tenantId) as CustomerTenant;
	const violations = checkSubscriptionPurchase(sim.state, {
		tenant,
		product,
		quantity: quantity as number,
		termDuration: term,
		plan: planFromBillingCycleType(billingCycle as number),
		billingCycleLabel: enumName(BILLING_CYCLE_TYPE, billingCycle as number),
		now: req.now,
		names: {
			tenant: 'SubscriptionId',
			term: 'Term',
			billingCycle: 'BillingCycle',
			quantity: 'Quantity',
			customTermEndDate: 'CustomTermEndDate',
		},
	});
	throwViolations(violations);
	let destination: Subscription;
	if (toSubscriptionId !== undefined) {
		const existing = subscriptionByAnyId(sim, toSubscriptionId);
		if (
			!existing ||
			existing.tenantId !== sub.tenantId ||
			existing.partNumber !== product.partNumber ||
			existing.status !== SubscriptionStatus.Active
		) {
			refuse(
				'ToSubscriptionId',
				`ToSubscriptionId '${toSubscriptionId}' is not an active ${product.itemName} subscription of customer tenant ${sub.tenantId}.`,
				'InvalidValue',
			);
		}
		destination = existing as Subscription;
		const total: Violation[] = [];
		checkQuantity(total, product, destination.quantity + (quantity as number), 'Quantity');
		throwViolations(total);
		destination.quantity += quantity as number;
	} else {
		const plan = planFromBillingCycleType(billingCycle as number) as BillingPlan;
		destination = sim.state.createSubscription({
			tenant,
			product,
			quantity: quantity as number,
			name: product.itemName,
			billingCycle: billingCycleEnumFromPlan(plan),
			termDuration: term as NonNullable<typeof term>,
			origin: 'transition',
			now: req.now,
		});
	}
	const full = (quantity as number) >= sub.quantity;
	const record: TransitionRecord = {
		fromCatalogItemId: catalogItemIdOf(sim.state.productOf(sub)),
		fromSubscriptionId: sub.publisherSubscriptionId,
		toCatalogItemId: catalogItemIdOf(product),
		toSubscriptionId: destination.publisherSubscriptionId,
		transitionType: transitionType.toLowerCase(),
		quantity: quantity as number,
		billingCycle: billingCycle as number,
		term: term as string,
		at: req.now,
	};
	sub.transitions.push(record);
	if (full) sub.status = SubscriptionStatus.Converted;
	else sub.quantity -= quantity as number;
	sim.state.recordPurchase({
		kind: 'transition',
		at: req.now,
		tenantId: tenant.id,
		lines: [{ partNumber: product.partNumber, quantity: quantity as number }],
		subscriptionIds: [destination.id],
		parentSubscriptionId: sub.id,
	});
	return { status: 200, body: transitionResponse(record) };
}

function trialConversion(sim: SimulatorContext, sub: Subscription): Record<string, unknown> {
	const product = sim.state.productOf(sub);
	return {
		BillingCycle: sub.billingCycle,
		OfferId: `${product.productId}:${product.skuId}:TRIAL`,
		OrderId: sub.orderId,
		Quantity: sub.quantity,
		TargetOfferId: catalogItemIdOf(product),
		ProductName: product.itemName,
	};
}

/** GET /api/v1/subscriptions/{id}/conversions → {Items, TotalHits}: a trial's paid offer; none for other subscriptions. */
export function listConversions(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const sub = findSubscription(req, sim);
	const items =
		sub.isTrial && sub.status === SubscriptionStatus.Active ? [trialConversion(sim, sub)] : [];
	return { status: 200, body: { Items: items, TotalHits: items.length } };
}

/**
 * POST /api/v1/subscriptions/{id}/conversions (SubscriptionConversion) → the converted
 * SubscriptionDetailed: the same subscription, no longer a trial, with the quantity and billing
 * cycle (BillingCycleEnum) asked for. A purchase.
 */
export function convertTrial(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const body = jsonObjectBody(req, 'SubscriptionConversion');
	const v = new Validator();
	const targetOfferId = v.string(body, 'TargetOfferId', { required: true });
	const quantity = v.int(body, 'Quantity', { required: true, min: 1 });
	const billingCycle = v.enumValue(body, 'BillingCycle', BILLING_CYCLE_ENUM, { required: true });
	v.string(body, 'OfferId');
	v.string(body, 'OrderId');
	v.string(body, 'ProductName');
	v.throwIfInvalid();
	const sub = findSubscription(req, sim);
	if (!sub.isTrial || sub.status !== SubscriptionStatus.Active) {
		throw ApiError.badRequestField(
			'TargetOfferId',
			`Subscription ${sub.id} is not an active trial: there is nothing to convert.`,
			'NotATrial',
			'targetOfferId',
		);
	}
	const product = sim.state.productOf(sub);
	if ((targetOfferId as string).toLowerCase() !== catalogItemIdOf(product).toLowerCase()) {
		throw ApiError.badRequestField(
			'TargetOfferId',
			`TargetOfferId '${targetOfferId}' is not a conversion of subscription ${sub.id}. See GET /api/v1/subscriptions/${sub.id}/conversions.`,
			'InvalidConversion',
			'targetOfferId',
		);
	}
	const violations = checkSubscriptionPurchase(sim.state, {
		tenant: sim.state.tenants.get(sub.tenantId) as CustomerTenant,
		product,
		quantity: quantity as number,
		termDuration: sub.termDuration ?? undefined,
		plan: planFromBillingCycleEnum(billingCycle as number),
		billingCycleLabel: enumName(BILLING_CYCLE_ENUM, billingCycle as number),
		now: req.now,
		names: {
			tenant: 'SubscriptionId',
			term: 'TermDuration',
			billingCycle: 'BillingCycle',
			quantity: 'Quantity',
			customTermEndDate: 'CustomTermEndDate',
		},
	});
	throwViolations(violations);
	sub.isTrial = false;
	sub.quantity = quantity as number;
	sub.billingCycle = billingCycle as number;
	sim.state.recordPurchase({
		kind: 'conversion',
		at: req.now,
		tenantId: sub.tenantId,
		lines: [{ partNumber: product.partNumber, quantity: quantity as number }],
		subscriptionIds: [sub.id],
	});
	return { status: 200, body: serialise.subscriptionDetailed(sim.state, sub) };
}
