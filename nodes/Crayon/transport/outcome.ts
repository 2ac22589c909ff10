import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemApi } from '../actions/operation';
import { listPages } from '../helpers/paging';
import { getSubscription } from '../helpers/subscriptions';
import type { OutcomeCheck, OutcomeFinding } from './index';

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

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /([zZ]|[+-]\d{2}:?\d{2})$/;

/**
 * Whether a subscription may have been created at `since` or later. An unknown or unreadable
 * creation date counts as "may": wrongly saying "bought" costs a look, wrongly saying "not bought" a purchase.
 */
function createdSince(creationDate: unknown, since: number): boolean {
	if (typeof creationDate !== 'string') return true;
	const text = creationDate.trim();
	const endOfDay = DATE_ONLY.test(text) ? `${text}T23:59:59Z` : undefined;
	const time = Date.parse(
		endOfDay ?? (HAS_OFFSET.test(text) ? text : `${text.replace(' ', 'T')}Z`),
	);
	return Number.isNaN(time) || time >= since;
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
	sentAt: Date,
	appears: SubscriptionAppears,
): OutcomeFinding {
	const since = sentAt.getTime() - CLOCK_DIFFERENCE_MS;
	const found = candidates.subscriptions.filter((subscription) => {
		const partNumber = field(subscription.Product, 'PartNumber');
		return (
			typeof partNumber === 'string' &&
			partNumber.toLowerCase() === expected.partNumber.toLowerCase() &&
			subscription.Quantity === expected.quantity &&
			createdSince(subscription.CreationDate, since)
		);
	});
	const wanted = `${expected.partNumber} × ${expected.quantity} for ${candidates.where}`;
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
	context: IExecuteFunctions,
	api: ItemApi,
	customerTenantId: number,
): Promise<Candidates> {
	const where = `customer tenant ${customerTenantId}`;
	const subscriptions: IDataObject[] = [];
	let pagesRead = 0;
	for await (const page of listPages(
		context,
		api,
		{ path: '/api/v1/subscriptions', qs: { customerTenantId } },
		PAGE_SIZE,
	)) {
		subscriptions.push(...page.items);
		if (page.nextPage !== undefined && ++pagesRead === MAX_PAGES)
			return { subscriptions, complete: false, where };
	}
	return { subscriptions, complete: true, where };
}

/**
 * For purchases that create a subscription: lists the customer tenant's subscriptions and
 * looks for one of the part number and quantity created since the purchase was sent.
 */
export function newSubscriptionCheck(
	context: IExecuteFunctions,
	api: ItemApi,
	expected: ExpectedSubscription,
	appears: SubscriptionAppears,
): OutcomeCheck {
	return async (sentAt) =>
		findingFor(
			await tenantSubscriptions(context, api, expected.customerTenantId),
			expected,
			sentAt,
			appears,
		);
}

/** For add-ons: reads the subscription and looks among its add-ons (its nested subscriptions) for the new one. */
export function newAddonCheck(
	context: IExecuteFunctions,
	api: ItemApi,
	expected: ExpectedAddon,
): OutcomeCheck {
	return async (sentAt) => {
		const subscription = await getSubscription(context, api, expected.subscriptionId);
		const addons = Array.isArray(subscription.Subscriptions)
			? (subscription.Subscriptions as IDataObject[])
			: [];
		const candidates = {
			subscriptions: addons,
			complete: true,
			where: `subscription ${expected.subscriptionId}`,
		};
		return findingFor(candidates, expected, sentAt, 'immediately');
	};
}
