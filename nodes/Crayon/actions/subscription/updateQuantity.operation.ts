import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { quantityChangeLookup } from '../../domain/outcomes';
import {
	getSubscription,
	isActive,
	simplifySubscription,
	statusText,
	subscriptionDetailed,
} from '../../domain/subscriptions';
import { quantityField } from '../../fields/common';
import { simplifyField } from '../../fields/lists';
import { activeSubscriptionLocator } from '../../fields/locators';
import { schemaOf, sentField, withProperty } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	subscriptionId: activeSubscriptionLocator({
		description:
			'The active subscription whose licence count changes (the list shows active ones only)',
	}),
	quantity: withProperty(
		quantityField(
			'Raising it is billed; New Commerce subscriptions may not allow lowering it after the first days of the term',
		),
		{ hint: 'The new total number of licences, not the difference' },
	),
	simplify: simplifyField,
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Update Quantity',
	action: 'Update the quantity of a subscription',
	description:
		'Set the licence count of an active subscription (changes what is billed); refuses suspended, cancelled or other inactive subscriptions',
};

export const schema = schemaOf(fields);

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId, quantity, simplify }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	const current = await getSubscription(crayon, subscriptionId);
	if (!isActive(current.Status)) {
		throw await crayon.error({
			message: `Subscription ${subscriptionId} is ${statusText(current.Status)}: only an active subscription's quantity can be changed`,
			description: `Nothing was changed. Its quantity stays ${current.Quantity}. Reactivate the subscription in Cloud-iQ first.`,
		});
	}
	let result = current;
	if (current.Quantity !== quantity) {
		// Crayon updates a subscription from the whole document, so it goes back exactly as read, with the new quantity.
		result = await crayon.purchase(
			{
				method: 'PUT',
				path: `/api/v1/subscriptions/${subscriptionId}`,
				body: { ...current, Quantity: quantity },
				sent: [sentField(fields.quantity, quantity, 'Quantity')],
				action: `change subscription ${subscriptionId} from ${current.Quantity} to ${quantity} licences`,
				identify: () => ({
					identity: `subscription ${subscriptionId} quantity ${current.Quantity} → ${quantity}`,
				}),
				lookup: quantityChangeLookup(crayon, subscriptionId, {
					from: current.Quantity,
					to: quantity,
				}),
			},
			subscriptionDetailed,
		);
	}
	return {
		...(simplify ? simplifySubscription(result) : result),
		PreviousQuantity: current.Quantity,
		QuantityChanged: current.Quantity !== quantity,
	};
}
