import type { IDataObject } from 'n8n-workflow';

import { fieldOf, type CrayonClient, type OutcomeLookup } from '../transport';
import { itemsOrArray } from './collections';
import { orderLinesOf, type OrderBody } from './orders';
import { listPages } from './paging';
import { timeOf } from './time';

/**
 * What became of purchase request orders: the processed orders ("Get processed purchase orders"
 * page of Crayon's API documentation: GET /api/v1/purchaserequest/orders/, one item per line), the
 * legacy asset orders (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/AssetResource.cs
 * `GetOrdersAsync`, GET api/v1/assets/orders/ with an AssetFilter) and the scheduled purchase
 * requests (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/ScheduledPurchaseRequestResource.cs).
 */
export const PURCHASE_ORDERS_PATH = '/api/v1/purchaserequest/orders/';
export const ASSET_ORDERS_PATH = '/api/v1/assets/orders/';
export const SCHEDULED_PATH = '/api/v1/scheduledpurchaserequest/';

/** A lookup reads at most this many pages. */
const MAX_PAGES = 10;
const PAGE_SIZE = 100;
const CLOCK_DIFFERENCE_MS = 10 * 60_000;

/** The scheduled purchase requests, page after page; the documentation's bare array is one page. */
export async function readScheduledRequests(
	client: CrayonClient,
	qs: IDataObject,
	limit?: number,
): Promise<IDataObject[]> {
	const pageSize = Math.min(limit ?? 50, 50);
	const items: IDataObject[] = [];
	for (let page = 1; page <= 1000; page++) {
		const answer = await client.read(
			{ method: 'GET', path: SCHEDULED_PATH, qs: { ...qs, page, pageSize } },
			itemsOrArray,
		);
		items.push(...answer);
		if (answer.length < pageSize || (limit !== undefined && items.length >= limit)) break;
	}
	return limit === undefined ? items : items.slice(0, limit);
}

/** The lines of the scheduled requests, each with the OrderReferenceId it belongs to. */
export function scheduledLines(requests: IDataObject[]): IDataObject[] {
	return requests.flatMap((request) =>
		((fieldOf(request, 'OrderItems') as IDataObject[] | undefined) ?? []).map((line) => ({
			OrderReferenceId: fieldOf(request, 'OrderReferenceId') as number,
			...line,
		})),
	);
}

interface Line {
	catalogItemId: string;
	quantity: number;
}

function linesOf(order: OrderBody): Line[] {
	return orderLinesOf(order).map((line) => ({
		catalogItemId: String(fieldOf(line, 'catalogItemId') ?? '').toLowerCase(),
		quantity: Number(fieldOf(line, 'quantity')),
	}));
}

/** Whether every line of the order is among `found` (CatalogId and Quantity), each found line used once. */
function allLinesAmong(lines: Line[], found: IDataObject[]): boolean {
	const left = [...found];
	return lines.every((line) => {
		const index = left.findIndex(
			(candidate) =>
				String(fieldOf(candidate, 'CatalogId') ?? '').toLowerCase() === line.catalogItemId &&
				fieldOf(candidate, 'Quantity') === line.quantity,
		);
		if (index < 0) return false;
		left.splice(index, 1);
		return true;
	});
}

async function recentOrderLines(client: CrayonClient, customerTenantId: number, since: number) {
	const lines: IDataObject[] = [];
	let pages = 0;
	const list = {
		path: PURCHASE_ORDERS_PATH,
		qs: { customerTenantId, sortBy: 'CreationDate', sortOrder: 'Descending' },
	};
	for await (const page of listPages(client, list, PAGE_SIZE)) {
		lines.push(
			...page.items.filter(
				(line) => (timeOf(fieldOf(line, 'Created'), 'end') ?? Infinity) >= since,
			),
		);
		if (++pages === MAX_PAGES) break;
	}
	return lines;
}

/** A ScheduledPurchaseDate from tomorrow on is scheduled; today's is bought now ("Checkout Order" page). */
function startOfTomorrow(): number {
	const day = 86_400_000;
	return (Math.floor(Date.now() / day) + 1) * day;
}

/** The signature of a checkout: others of the run with the same one could be mistaken for it. */
export function checkoutSignature(order: OrderBody): string {
	const lines = linesOf(order)
		.map((line) => `${line.catalogItemId} × ${line.quantity}`)
		.sort();
	return `checkout for tenant ${String(fieldOf(order, 'resellerCustomerId'))}: ${lines.join(', ')}`;
}

/**
 * For Order → Checkout: the legacy asset orders by its externalOrderId, then the processed
 * purchase orders of its customer tenant (lines of its catalog items and quantities created since
 * it was sent), or the scheduled requests when it was scheduled. It can confirm a checkout, never
 * rule one out: no source says how soon a checkout shows in these lists, nor whether
 * assets/orders and purchaserequest/orders hold the same orders.
 */
export function checkoutLookup(client: CrayonClient, order: OrderBody): OutcomeLookup {
	const customerTenantId = Number(fieldOf(order, 'resellerCustomerId'));
	const externalOrderId = fieldOf(order, 'externalOrderId');
	const scheduledFor = timeOf(fieldOf(order, 'scheduledPurchaseDate'));
	const lines = linesOf(order);
	const what = `an order of ${lines.length} line(s) for customer tenant ${customerTenantId}`;
	return {
		decisive: false,
		find: async (context) => {
			const bought = (details: string) =>
				context.ambiguous
					? {
							verdict: 'unclear' as const,
							details: `${details}, but another item of this run checked out the same and its answer is not known`,
						}
					: { verdict: 'bought' as const, details };
			if (typeof externalOrderId === 'string' && externalOrderId !== '') {
				const found = await client.read(
					{
						method: 'GET',
						path: ASSET_ORDERS_PATH,
						qs: { ResellerCustomerId: customerTenantId, ExternalOrderId: externalOrderId },
					},
					itemsOrArray,
				);
				if (found.length > 0)
					return bought(`the order with externalOrderId ${externalOrderId} among the asset orders`);
			}
			const since = context.sentAt.getTime() - CLOCK_DIFFERENCE_MS;
			if (scheduledFor !== undefined && scheduledFor >= startOfTomorrow()) {
				const waiting = scheduledLines(
					await readScheduledRequests(client, { ResellerCustomerId: customerTenantId }),
				);
				if (allLinesAmong(lines, waiting))
					return bought(`a scheduled purchase request with the lines of ${what}`);
			} else if (lines.every((line) => line.catalogItemId !== '')) {
				const recent = await recentOrderLines(client, customerTenantId, since);
				if (allLinesAmong(lines, recent))
					return bought(`purchase order lines of ${what}, created since this request was sent`);
			}
			return {
				verdict: 'unclear',
				details: `nothing yet that shows ${what}; Crayon may still be processing it, so look again in Cloud-iQ in a few minutes before checking out again`,
			};
		},
	};
}
