/**
 * What became of purchase requests: processed purchase orders (the "Get processed purchase
 * orders" page of Crayon's API documentation, GET purchaserequest/orders), the legacy asset
 * orders (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/AssetResource.cs, GET assets/orders) and
 * scheduled purchase requests (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/ScheduledPurchaseRequestResource.cs).
 */
import { ApiError } from '../errors';
import {
	intParam,
	type HandlerResult,
	type RequestContext,
	type SimulatorContext,
} from '../context';
import { BILLING_CYCLE_TYPE, ORDER_STATE, SORT_ORDER, enumName } from '../enums';
import { isoSeconds } from '../dates';
import * as serialise from '../serializers';
import type { ProcessedOrder, ProcessedOrderLine, ScheduledLine, ScheduledRequest } from '../types';
import { Validator, queryEnum, queryInt } from '../validation';
import { readPaging, readSearch } from './common';
import { disputedList } from './lifecycle';

/** Billing cycle names as the orders answer them ("BillingCycle": "OneTime"). */
const BILLING_CYCLE_NAMES: Record<number, string> = {
	0: 'Unknown',
	1: 'Monthly',
	2: 'Annual',
	3: 'None',
	4: 'OneTime',
	5: 'Triennial',
};

export function billingCycleName(value: number | null): string {
	return value === null
		? 'None'
		: (BILLING_CYCLE_NAMES[value] ?? enumName(BILLING_CYCLE_TYPE, value));
}

/** The state filter: None 0 means every state; Successful 1, Failed 2, Processing 4 as flags. */
function stateMatches(order: ProcessedOrder, flags: number | undefined): boolean {
	if (!flags) return true;
	const flag = order.state === 'Succeeded' ? 1 : order.state === 'Failed' ? 2 : 4;
	return (flags & flag) !== 0;
}

/** '2025-08-04T09:17:18.193': the documented answer's format, without an offset. */
function localTimestamp(ms: number): string {
	return new Date(ms).toISOString().replace(/Z$/, '');
}

/**
 * GET /api/v1/purchaserequest/orders/?customerTenantId (required)&orderState&search&page&pageSize
 * &sortBy&sortOrder: one item per order line, newest last unless sortOrder is Descending.
 */
export function listPurchaseOrders(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const tenantId = queryInt(v, req.query, 'customerTenantId', { required: true, min: 1 });
	const orderState = queryEnum(v, req.query, 'orderState', ORDER_STATE);
	const sortOrder = queryEnum(v, req.query, 'sortOrder', SORT_ORDER);
	const sortBy = req.query.get('sortBy')?.trim().toLowerCase() ?? '';
	if (!['', 'creationdate', 'scheduleddate'].includes(sortBy)) {
		v.add(
			'sortBy',
			'sortBy',
			`The value '${req.query.get('sortBy')}' is not valid for sortBy.`,
			'InvalidValue',
		);
	}
	const paging = readPaging(v, req.query);
	v.throwIfInvalid();
	if (!sim.state.tenants.has(tenantId as number))
		throw ApiError.notFound(`Customer tenant ${tenantId} was not found.`);
	const search = readSearch(req.query);
	const lines: Array<{ order: ProcessedOrder; line: ProcessedOrderLine }> = [];
	for (const order of sim.state.processedOrders) {
		if (order.tenantId !== tenantId || !stateMatches(order, orderState)) continue;
		for (const line of order.lines) {
			if (
				search &&
				!line.name.toLowerCase().includes(search) &&
				!line.catalogItemId.toLowerCase().includes(search) &&
				String(order.orderReferenceId) !== search
			)
				continue;
			lines.push({ order, line });
		}
	}
	if (sortOrder === 1) lines.reverse();
	return {
		status: 200,
		body: serialise.page(lines, paging.page, paging.pageSize, ({ order, line }) => ({
			OrderReferenceId: order.orderReferenceId,
			CatalogId: line.catalogItemId,
			Name: line.name,
			Quantity: line.quantity,
			BillingCycle: billingCycleName(line.billingCycle),
			TermDuration: line.termDuration,
			EmailReceiver: null,
			Created: localTimestamp(order.created),
			OrderState: order.state,
			Error: null,
		})),
	};
}

/**
 * GET /api/v1/assets/orders/?ResellerCustomerId&ExternalOrderId&ExternalOrderIds&Page&PageSize
 * (AssetFilter): the checked-out orders as PurchaseRequestOrder (the legacy AssetOrder shape,
 * PascalCase). ResellerCustomerId 0 or absent means every customer tenant.
 */
export function listAssetOrders(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const tenantId = queryInt(v, req.query, 'resellerCustomerId', { min: 0 });
	queryInt(v, req.query, 'publisherId', { min: 0 });
	queryInt(v, req.query, 'invoiceProfileId', { min: 0 });
	queryInt(v, req.query, 'status', { min: 0 });
	const paging = readPaging(v, req.query);
	v.throwIfInvalid();
	const wanted = [
		...req.query.getAll('externalOrderId'),
		...req.query.getAll('externalOrderIds'),
	].filter((id) => id !== '');
	const items = sim.state.processedOrders.filter(
		(order) =>
			(!tenantId || order.tenantId === tenantId) &&
			(wanted.length === 0 ||
				(order.externalOrderId !== null && wanted.includes(order.externalOrderId))),
	);
	return {
		status: 200,
		body: serialise.page(items, paging.page, paging.pageSize, (order) => ({
			ExternalOrderId: order.externalOrderId,
			CountryCode: order.countryCode,
			ResellerCustomerId: order.tenantId,
			AdminAccount: null,
			NotificationEmail: null,
			InvoiceProfileId: sim.state.tenants.get(order.tenantId)?.invoiceProfileId ?? null,
			Errors: [],
			OrderLines: order.lines.map((line) => ({
				ProductId: line.productId,
				SkuId: line.skuId,
				ProductVariantId: line.productVariantId,
				Quantity: line.quantity,
				BillingCycle: line.billingCycle,
				Type: line.type,
				CatalogItemId: line.catalogItemId,
				TermDuration: line.termDuration,
				Errors: [],
			})),
		})),
	};
}

function openLines(request: ScheduledRequest): ScheduledLine[] {
	return request.lines.filter((line) => !line.cancelled);
}

function scheduledItem(request: ScheduledRequest): Record<string, unknown> {
	return {
		OrderReferenceId: request.orderReferenceId,
		OrderItems: openLines(request).map((line) => ({
			OrderNumber: line.orderNumber,
			CatalogId: line.catalogId,
			Name: line.name,
			Quantity: line.quantity,
			BillingCycle: line.billingCycle,
			TermDuration: line.termDuration,
			EmailReceiver: line.emailReceiver,
			ScheduledDate: line.scheduledDate,
		})),
	};
}

/**
 * GET /api/v1/scheduledpurchaserequest/?ResellerCustomerId&Page&PageSize&SortOrder: requests with
 * a line still waiting, by OrderReferenceId. ResellerCustomerId 0 or absent means every tenant.
 * The shape follows the disputedListShape option (the SDK's {Items, TotalHits} or the
 * documentation's bare camelCase array, which has no paging).
 */
export function listScheduledRequests(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const tenantId = queryInt(v, req.query, 'resellerCustomerId', { min: 0 });
	const sortOrder = queryEnum(v, req.query, 'sortOrder', SORT_ORDER);
	const paging = readPaging(v, req.query);
	v.throwIfInvalid();
	const requests = [...sim.state.scheduledRequests.values()]
		.filter(
			(request) => (!tenantId || request.tenantId === tenantId) && openLines(request).length > 0,
		)
		.sort((a, b) => (a.orderReferenceId - b.orderReferenceId) * (sortOrder === 1 ? -1 : 1));
	if (sim.options.disputedListShape === 'apidocs')
		return { status: 200, body: disputedList(sim, requests.map(scheduledItem)) };
	return {
		status: 200,
		body: serialise.page(requests, paging.page, paging.pageSize, scheduledItem),
	};
}

/**
 * PUT /api/v1/scheduledpurchaserequest/cancel-order/{id}/{orderNumber}, no body: the line is
 * cancelled and disappears from the list; the answer is the request with its remaining lines.
 * A request scheduled by a New Commerce order is cancelled with it.
 */
export function cancelScheduledLine(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const id = intParam(req, 'id');
	const orderNumber = intParam(req, 'orderNumber');
	const request = sim.state.scheduledRequests.get(id);
	const line = request?.lines.find((candidate) => candidate.orderNumber === orderNumber);
	if (!request || !line || line.cancelled) {
		throw ApiError.notFound(
			`Scheduled purchase request ${id} has no line ${orderNumber} waiting to be bought.`,
		);
	}
	line.cancelled = true;
	if (request.nceOrderId && openLines(request).length === 0) {
		const order = sim.state.nceOrders.get(request.nceOrderId);
		if (order) order.dueAt = null;
	}
	sim.state.recordChange({
		kind: 'scheduledCancel',
		at: req.now,
		tenantId: request.tenantId,
		detail: `scheduled purchase request ${id} line ${orderNumber} (${line.name} × ${line.quantity}, ${line.scheduledDate})`,
	});
	return { status: 200, body: scheduledItem(request) };
}

/** A scheduled line as a checkout or NCE order creates it. */
export function scheduledLine(
	orderNumber: number,
	line: {
		catalogId: string;
		name: string;
		quantity: number;
		billingCycle: number | null;
		termDuration: string | null;
	},
	scheduledMs: number,
): ScheduledLine {
	return {
		orderNumber,
		catalogId: line.catalogId,
		name: line.name,
		quantity: line.quantity,
		billingCycle: billingCycleName(line.billingCycle),
		termDuration: line.termDuration,
		emailReceiver: null,
		scheduledDate: isoSeconds(scheduledMs),
		cancelled: false,
	};
}
