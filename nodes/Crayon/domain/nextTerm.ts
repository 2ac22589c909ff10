import type { IDataObject } from 'n8n-workflow';

import { fieldOf, type CrayonClient, type OutcomeLookup } from '../transport';
import { orderBillingCycles } from './enums';
import { getSubscription } from './subscriptions';

/**
 * Next-term (renewal) instructions: sent as NextTermInstructions, read back on the subscription as
 * ScheduledNextTermInstructions `{Product: {ProductId, SkuId, AvailabilityId, BillingCycle, TermDuration}, Quantity, CustomTermEndDate}`,
 * the billing cycle a name there (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/NextTermInstructions.cs,
 * ScheduledNextTermInstructions.cs).
 */

function nested(value: unknown, key: string): unknown {
	return fieldOf(value, key);
}

/** What a subscription renews as, flattened. */
export function renewalOf(subscription: IDataObject): IDataObject {
	const scheduled = fieldOf(subscription, 'ScheduledNextTermInstructions') as
		| IDataObject
		| null
		| undefined;
	const product = nested(scheduled, 'Product');
	const productId = nested(product, 'ProductId');
	const skuId = nested(product, 'SkuId');
	return {
		SubscriptionId: subscription.Id,
		AutoRenewEnabled: (fieldOf(subscription, 'AutoRenewEnabled') ?? null) as IDataObject[string],
		EndDate: (fieldOf(subscription, 'EndDate') ??
			fieldOf(subscription, 'CommitmentEndDate') ??
			null) as IDataObject[string],
		Quantity: subscription.Quantity,
		TermDuration: (fieldOf(subscription, 'TermDuration') ?? null) as IDataObject[string],
		BillingCycle: (fieldOf(subscription, 'BillingCycle') ?? null) as IDataObject[string],
		HasNextTermInstructions: scheduled !== null && scheduled !== undefined,
		NextPartNumber: productId && skuId ? `${String(productId)}:${String(skuId)}` : null,
		NextQuantity: (nested(scheduled, 'Quantity') ?? null) as IDataObject[string],
		NextTermDuration: (nested(product, 'TermDuration') ?? null) as IDataObject[string],
		NextBillingCycle: (nested(product, 'BillingCycle') ?? null) as IDataObject[string],
		NextCustomTermEndDate: (nested(scheduled, 'CustomTermEndDate') ?? null) as IDataObject[string],
		ScheduledNextTermInstructions: (scheduled ?? null) as IDataObject[string],
	};
}

/** Whether the subscription's scheduled next term says what `body` asked for. */
function matches(renewal: IDataObject, body: IDataObject): boolean {
	const cycle = orderBillingCycles.find(({ value }) => value === body.billingCycle)?.name;
	const same = (a: unknown, b: unknown) =>
		String(a).replace(/\s+/g, '').toLowerCase() === String(b).replace(/\s+/g, '').toLowerCase();
	return (
		renewal.HasNextTermInstructions === true &&
		(body.quantity === undefined || renewal.NextQuantity === body.quantity) &&
		(body.termDuration === undefined || same(renewal.NextTermDuration, body.termDuration)) &&
		(body.partNumber === undefined || same(renewal.NextPartNumber, body.partNumber)) &&
		(cycle === undefined || same(renewal.NextBillingCycle, cycle))
	);
}

/**
 * Reads the subscription back: instructions that say what was sent were most likely set. Not
 * decisive: no source says whether Crayon stores them before it answers.
 */
export function nextTermLookup(
	client: CrayonClient,
	subscriptionId: number,
	body: IDataObject,
): OutcomeLookup {
	return {
		decisive: false,
		find: async () => {
			const renewal = renewalOf(await getSubscription(client, subscriptionId));
			const shown = JSON.stringify(renewal.ScheduledNextTermInstructions);
			return matches(renewal, body)
				? {
						verdict: 'bought',
						details: `subscription ${subscriptionId} with next-term instructions ${shown}`,
					}
				: {
						verdict: 'unclear',
						details: `subscription ${subscriptionId} with next-term instructions ${shown}, not yet what was sent; look again in a few minutes`,
					};
		},
	};
}
