/** New Commerce orders (the "Create New Commerce Orders" page of Crayon's API documentation). */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../errors';
import {
	jsonObjectBody,
	type HandlerResult,
	type RequestContext,
	type SimulatorContext,
} from '../context';
import { BILLING_CYCLE_TYPE, enumName, planFromBillingCycleType } from '../enums';
import { isoDate, isoSeconds } from '../dates';
import { checkSubscriptionPurchase, scheduleOf, type Violation } from '../rules';
import type { CatalogueProduct, CustomerTenant } from '../types';
import { Validator } from '../validation';
import { scheduledLine } from './orders';

const NCE_PART_NUMBER = /^[A-Za-z0-9]+:[A-Za-z0-9]+$/;

/**
 * POST /api/v1/subscriptions/new-commerce-orders. Malformed requests → 400; business failures →
 * 200 with IsSuccessful:false and the first violation's reason code.
 */
export function createNewCommerceOrder(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const body = jsonObjectBody(req, 'NewCommerceOrder');
	const v = new Validator();
	const tenantId = v.int(body, 'CustomerTenantId', { required: true });
	const billingCycle = v.enumValue(body, 'BillingCycle', BILLING_CYCLE_TYPE, { required: true });
	const partNumber = v.string(body, 'PartNumber', { required: true });
	const quantity = v.int(body, 'Quantity', { required: true, min: 1 });
	const termDuration = v.term(body, 'TermDuration', { required: true });
	const customTermEndDate = v.dateTime(body, 'CustomTermEndDate');
	const scheduledDate = v.dateTime(body, 'ScheduledDate');

	let tenant: CustomerTenant | undefined;
	if (tenantId !== undefined) {
		tenant = sim.state.tenants.get(tenantId);
		if (!tenant) {
			v.add(
				'CustomerTenantId',
				body.pathOf('CustomerTenantId', body.get('CustomerTenantId')),
				`Customer tenant ${tenantId} was not found.`,
				'NotFound',
			);
		}
	}
	let product: CatalogueProduct | undefined;
	if (partNumber !== undefined) {
		const path = body.pathOf('PartNumber', body.get('PartNumber'));
		if (!NCE_PART_NUMBER.test(partNumber.trim())) {
			v.add(
				'PartNumber',
				path,
				`PartNumber '${partNumber}' is not a New Commerce part number (expected 'productId:skuId', e.g. 'CFQ7TTC0HD33:0003').`,
				'InvalidValue',
			);
		} else {
			product = sim.state.findProduct(partNumber);
			if (!product) {
				v.add(
					'PartNumber',
					path,
					`Product with part number '${partNumber}' was not found in the New Commerce catalogue.`,
					'NotFound',
				);
			} else if (product.kind !== 'nce') {
				v.add(
					'PartNumber',
					path,
					`Product '${product.partNumber}' (${product.itemName}) is not a New Commerce subscription product.`,
					'InvalidValue',
				);
			} else if (product.isAddon) {
				v.add(
					'PartNumber',
					path,
					`Product '${product.partNumber}' (${product.itemName}) is an add-on offer; add it with POST /api/v1/subscriptions/{id}/addons.`,
					'InvalidValue',
				);
			}
		}
	}
	v.throwIfInvalid();

	const t = tenant as CustomerTenant;
	const p = product as CatalogueProduct;
	const violations: Violation[] = checkSubscriptionPurchase(sim.state, {
		tenant: t,
		product: p,
		quantity: quantity as number,
		termDuration,
		plan: planFromBillingCycleType(billingCycle as number),
		billingCycleLabel: enumName(BILLING_CYCLE_TYPE, billingCycle as number),
		customTermEndDate,
		now: req.now,
		names: {
			tenant: 'CustomerTenantId',
			term: 'TermDuration',
			billingCycle: 'BillingCycle',
			quantity: 'Quantity',
			customTermEndDate: 'CustomTermEndDate',
		},
	});
	const schedule = scheduledDate ? scheduleOf(scheduledDate.ms, req.now) : 'now';
	if (schedule === 'past' && sim.options.rejectPastScheduledDates) {
		violations.push({
			code: 'ScheduledDateInPast',
			description: `ScheduledDate ${scheduledDate?.text} is in the past. Leave it empty (null) to place a regular order.`,
			property: 'ScheduledDate',
			properties: { ScheduledDate: scheduledDate?.text ?? '' },
		});
	}
	if (violations.length > 0) {
		return {
			status: 200,
			body: {
				IsSuccessful: false,
				ErrorReasonCode: violations[0].code,
				ErrorDescription: violations[0].description,
				NewCommerceOrderId: null,
			},
		};
	}

	const id = randomUUID();
	const scheduled = schedule === 'future';
	sim.state.recordPurchase({
		kind: 'nce-order',
		at: req.now,
		tenantId: t.id,
		lines: [{ partNumber: p.partNumber, quantity: quantity as number }],
		subscriptionIds: [],
		nceOrderId: id,
	});
	sim.state.addNceOrder({
		id,
		tenantId: t.id,
		partNumber: p.partNumber,
		quantity: quantity as number,
		billingCycle: billingCycle as number,
		termDuration: termDuration as NonNullable<typeof termDuration>,
		customTermEndDate: customTermEndDate ? `${isoDate(customTermEndDate.ms)}T23:59:59Z` : null,
		scheduledDate: scheduledDate ? isoSeconds(scheduledDate.ms) : null,
		createdAt: req.now,
		dueAt: scheduled ? null : req.now + sim.state.newCommerceOrderProcessingDelayMs,
		subscriptionId: null,
	});
	if (scheduled) {
		const orderReferenceId = sim.state.takeOrderReferenceId();
		sim.state.scheduledRequests.set(orderReferenceId, {
			orderReferenceId,
			tenantId: t.id,
			nceOrderId: id,
			lines: [
				scheduledLine(
					1,
					{
						catalogId: `${p.productId}:${p.skuId}:${p.availabilityId}`,
						name: p.itemName,
						quantity: quantity as number,
						billingCycle: billingCycle as number,
						termDuration: termDuration as string,
					},
					(scheduledDate as { ms: number }).ms,
				),
			],
		});
	}
	sim.state.processDueNceOrders(req.now);
	return {
		status: 200,
		body: {
			IsSuccessful: true,
			ErrorReasonCode: null,
			ErrorDescription: null,
			NewCommerceOrderId: id,
		},
	};
}

/** GET /api/v1/subscriptions/new-commerce-orders/{id} → [] until processed, then [subscriptionId]. */
export function getNewCommerceOrderSubscriptions(
	req: RequestContext,
	sim: SimulatorContext,
): HandlerResult {
	const id = req.params.orderId;
	sim.state.processDueNceOrders(req.now);
	const order = sim.state.nceOrders.get(id.toLowerCase());
	if (!order) throw ApiError.notFound(`New commerce order '${id}' was not found.`);
	return { status: 200, body: order.subscriptionId === null ? [] : [order.subscriptionId] };
}
