import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { sendAndRead } from '../../helpers/responses';
import {
	getSubscription,
	isActive,
	simplifySubscription,
	statusText,
	subscriptionDetailed,
} from '../../helpers/subscriptions';
import { crayonId, quantity } from '../../helpers/validation';
import { subscriptionLocator } from '../../methods/locators';
import { quantityProperty } from '../fields';
import { simplifyProperty, simplifySchema } from '../lists';
import type { ItemApi } from '../operation';

const properties: INodeProperties[] = [
	subscriptionLocator({
		description: 'The active subscription whose licence count changes (Crayon subscription ID)',
	}),
	quantityProperty(
		'The new total number of licences (not the difference). Raising it is billed; New Commerce subscriptions may not allow lowering it after the first days of the term.',
	),
	simplifyProperty,
];

export const buys = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['updateQuantity'] } },
	properties,
);

export const schema = z.object({ subscriptionId: crayonId, quantity, ...simplifySchema });

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId, quantity, simplify }: z.output<typeof schema>,
	api: ItemApi,
): Promise<IDataObject> {
	const current = await getSubscription(this, api, subscriptionId);
	if (!isActive(current.Status)) {
		throw new NodeOperationError(
			this.getNode(),
			`Subscription ${subscriptionId} is ${statusText(current.Status)}: only an active subscription's quantity can be changed`,
			{
				itemIndex: api.itemIndex,
				description: `Nothing was changed. Its quantity stays ${current.Quantity}. Reactivate the subscription in Cloud-iQ first.`,
			},
		);
	}
	let result = current;
	if (current.Quantity !== quantity) {
		// Crayon updates a subscription from the whole document, so it goes back exactly as read, with the new quantity.
		result = await sendAndRead(
			this,
			api,
			{
				method: 'PUT',
				path: `/api/v1/subscriptions/${subscriptionId}`,
				body: { ...current, Quantity: quantity },
				purchase: true,
				checkOutcome: async () => {
					const now = await getSubscription(this, api, subscriptionId);
					const details = `subscription ${subscriptionId} with quantity ${now.Quantity}`;
					if (now.Quantity === quantity) return { verdict: 'bought', details };
					return { verdict: now.Quantity === current.Quantity ? 'notBought' : 'unclear', details };
				},
			},
			subscriptionDetailed,
			'the updated subscription (an object with numeric Id, Quantity and Status)',
		);
	}
	return {
		...(simplify ? simplifySubscription(result) : result),
		PreviousQuantity: current.Quantity,
		QuantityChanged: current.Quantity !== quantity,
	};
}
