import type { IDataObject } from 'n8n-workflow';

import { fieldOf, type CrayonClient, type OutcomeLookup } from '../transport';
import { itemsOrArray } from './collections';
import { getSubscription } from './subscriptions';

/** GET /api/v1/subscriptions/{id}/conversions: SubscriptionConversion items (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/SubscriptionConversion.cs). */
export async function getConversions(
	client: CrayonClient,
	subscriptionId: number,
): Promise<IDataObject[]> {
	return await client.read(
		{ method: 'GET', path: `/api/v1/subscriptions/${subscriptionId}/conversions` },
		itemsOrArray,
	);
}

/**
 * Reads the subscription back: no longer a trial means converted. Not decisive: no source says
 * whether Crayon converts before it answers, so "still a trial" never allows sending again.
 */
export function conversionLookup(client: CrayonClient, subscriptionId: number): OutcomeLookup {
	return {
		decisive: false,
		find: async () => {
			const trial = fieldOf(await getSubscription(client, subscriptionId), 'IsTrial');
			return trial === false
				? { verdict: 'bought', details: `subscription ${subscriptionId} is no longer a trial` }
				: {
						verdict: 'unclear',
						details: `subscription ${subscriptionId} is still a trial; Crayon may still be converting it, look again in a few minutes`,
					};
		},
	};
}
