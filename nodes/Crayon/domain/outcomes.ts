import type { IDataObject } from 'n8n-workflow';

import type { CrayonClient, LookupContext, OutcomeFinding, OutcomeLookup } from '../transport';
import { listPages } from './paging';
import { ALL_STATUSES, getSubscription } from './subscriptions';
import { timeOf } from './time';

/**
 * Read-only lookups for a purchase whose answer was lost: did Crayon create the subscription
 * (or add-on) it would have created? They never count what another purchase of the same
 * execution created, and say "cannot tell" where that other purchase could be the one found.
 */

/** What a lost purchase would have created: a subscription (or add-on) of this product and quantity. */
interface ExpectedPurchase {
	partNumber: string;
	quantity: number;
}

export interface ExpectedSubscription extends ExpectedPurchase {
	customerTenantId: number;
}

export interface ExpectedAddon extends ExpectedPurchase {
	/** The subscription the add-on was bought for. */
	subscriptionId: number;
}

/**
 * `immediately`: Crayon creates the subscription before answering (Subscription → Create).
 * `afterProcessing`: it appears only once Crayon has processed the order (New Commerce orders).
 */
export type SubscriptionAppears = 'immediately' | 'afterProcessing';

/** Crayon's clock and n8n's may differ; a subscription created this long before the request still counts. */
const CLOCK_DIFFERENCE_MS = 10 * 60_000;
const PAGE_SIZE = 100;
/** A lookup must end: tenants with more subscriptions than this are reported as not fully checked. */
const MAX_PAGES = 10;

/** Purchases with equal signatures could be mistaken for each other by these lookups. */
export function subscriptionSignature(expected: ExpectedSubscription): string {
	return `tenant ${expected.customerTenantId}: ${expected.partNumber.toLowerCase()} × ${expected.quantity}`;
}

export function addonSignature(expected: ExpectedAddon): string {
	return `subscription ${expected.subscriptionId}: ${expected.partNumber.toLowerCase()} × ${expected.quantity}`;
}

/**
 * Whether a subscription may have been created at `since` or later. An unknown or unreadable
 * creation date counts as "may": wrongly saying "bought" costs a look, wrongly saying "not bought" a purchase.
 */
function createdSince(creationDate: unknown, since: number): boolean {
	const time = timeOf(creationDate, 'end');
	return time === undefined || time >= since;
}

function field(value: unknown, key: string): unknown {
	return value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
}

function describe(subscription: IDataObject): string {
	const created =
		typeof subscription.CreationDate === 'string' ? `, created ${subscription.CreationDate}` : '';
	return `${String(subscription.Id)} (quantity ${String(subscription.Quantity)}${created})`;
}

interface Candidates {
	subscriptions: IDataObject[];
	/** False when the lookup stopped before seeing every subscription. */
	complete: boolean;
	/** "customer tenant 123", "subscription 5001": where the lookup looked. */
	where: string;
}

/** Subscriptions (or add-ons) of the expected product and quantity created since the purchase was sent. */
function findingFor(
	candidates: Candidates,
	expected: ExpectedPurchase,
	context: LookupContext,
	appears: SubscriptionAppears,
): OutcomeFinding {
	const since = context.sentAt.getTime() - CLOCK_DIFFERENCE_MS;
	const found = candidates.subscriptions.filter((subscription) => {
		const partNumber = field(subscription.Product, 'PartNumber');
		return (
			typeof partNumber === 'string' &&
			partNumber.toLowerCase() === expected.partNumber.toLowerCase() &&
			subscription.Quantity === expected.quantity &&
			!context.createdByOthers.has(Number(subscription.Id)) &&
			createdSince(subscription.CreationDate, since)
		);
	});
	const wanted = `${expected.partNumber} × ${expected.quantity} for ${candidates.where}`;
	if (found.length > 0 && context.ambiguous) {
		return {
			verdict: 'unclear',
			details:
				`${found.map(describe).join(', ')} of ${wanted}, but another item of this run bought the same and its answer ` +
				'is not known, so the node cannot tell whose purchase this is',
		};
	}
	if (found.length > 0) {
		const which =
			found.length === 1
				? 'subscription'
				: `${found.length} subscriptions (one may be from another purchase at the same time)`;
		return {
			verdict: 'bought',
			details: `${which} ${found.map(describe).join(', ')} of ${wanted}, created since this request was sent. Do not run this item again`,
		};
	}
	if (!candidates.complete) {
		return {
			verdict: 'unclear',
			details: `${candidates.where} has more than ${candidates.subscriptions.length} subscriptions; the ones checked hold no new ${wanted}`,
		};
	}
	if (appears === 'afterProcessing') {
		return {
			verdict: 'unclear',
			details: `no new subscription of ${wanted} yet, but Crayon creates it only once the order is processed, which can take minutes. Look again later before ordering again`,
		};
	}
	return {
		verdict: 'notBought',
		details: `no subscription of ${wanted} created since this request was sent`,
	};
}

async function tenantSubscriptions(
	client: CrayonClient,
	customerTenantId: number,
): Promise<Candidates> {
	const where = `customer tenant ${customerTenantId}`;
	const subscriptions: IDataObject[] = [];
	let pagesRead = 0;
	const list = { path: '/api/v1/subscriptions', qs: { customerTenantId, statuses: ALL_STATUSES } };
	for await (const page of listPages(client, list, PAGE_SIZE)) {
		subscriptions.push(...page.items);
		if (page.nextPage !== undefined && ++pagesRead === MAX_PAGES) {
			return { subscriptions, complete: false, where };
		}
	}
	return { subscriptions, complete: true, where };
}

/**
 * For purchases that create a subscription: lists the customer tenant's subscriptions (every
 * status) and looks for one of the part number and quantity created since the purchase was sent.
 */
export function newSubscriptionLookup(
	client: CrayonClient,
	expected: ExpectedSubscription,
	appears: SubscriptionAppears,
): OutcomeLookup {
	return {
		decisive: appears === 'immediately',
		find: async (context) =>
			findingFor(
				await tenantSubscriptions(client, expected.customerTenantId),
				expected,
				context,
				appears,
			),
	};
}

/** For add-ons: reads the subscription and looks among its add-ons (its nested subscriptions) for the new one. */
export function newAddonLookup(client: CrayonClient, expected: ExpectedAddon): OutcomeLookup {
	return {
		decisive: true,
		find: async (context) => {
			const subscription = await getSubscription(client, expected.subscriptionId);
			const addons = Array.isArray(subscription.Subscriptions)
				? (subscription.Subscriptions as IDataObject[])
				: [];
			const candidates = {
				subscriptions: addons,
				complete: true,
				where: `subscription ${expected.subscriptionId}`,
			};
			return findingFor(candidates, expected, context, 'immediately');
		},
	};
}

/** For a quantity change: reads the subscription back and compares its quantity. */
export function quantityChangeLookup(
	client: CrayonClient,
	subscriptionId: number,
	change: { from: number; to: number },
): OutcomeLookup {
	return {
		decisive: true,
		find: async () => {
			const now = await getSubscription(client, subscriptionId);
			const details = `subscription ${subscriptionId} with quantity ${now.Quantity}`;
			if (now.Quantity === change.to) return { verdict: 'bought', details };
			return { verdict: now.Quantity === change.from ? 'notBought' : 'unclear', details };
		},
	};
}
