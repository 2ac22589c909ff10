import { z } from 'zod';

import { answer, type CrayonClient } from '../transport';

/**
 * New Commerce orders ("Create New Commerce Orders" page of Crayon's API documentation):
 * one call that buys, and the subscription ids Crayon creates once it has processed the order.
 */

export const NEW_COMMERCE_ORDERS_PATH = '/api/v1/subscriptions/new-commerce-orders';

export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const subscriptionIds = answer(z.array(z.number().int()), 'a list of subscription IDs');

/** Crayon answers `[]` until the order is processed, then the new subscription ids. */
export async function getSubscriptionIds(
	client: CrayonClient,
	newCommerceOrderId: string,
): Promise<number[]> {
	return await client.read(
		{
			method: 'GET',
			path: `${NEW_COMMERCE_ORDERS_PATH}/${encodeURIComponent(newCommerceOrderId)}`,
		},
		subscriptionIds,
	);
}
