import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { getSubscriptionIds, GUID } from '../../domain/newCommerceOrders';
import { field, schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	newCommerceOrderId: field(
		{
			displayName: 'New Commerce Order ID',
			type: 'string',
			required: true,
			default: '',
			placeholder: '767bc43f-c3af-48e7-b7fa-89889132a655',
			description: 'The NewCommerceOrderId that New Commerce Order → Create returned',
		},
		z
			.string({ required_error: 'is required', invalid_type_error: 'must be text' })
			.regex(GUID, 'must be a GUID such as 767bc43f-c3af-48e7-b7fa-89889132a655'),
	),
};

export const option: OperationOption = {
	name: 'Get Subscription IDs',
	action: 'Get the subscriptions of a New Commerce order',
	description:
		'Check once, without waiting, whether Crayon has processed a New Commerce order and which subscription IDs it created',
};

export const schema = schemaOf(fields);

export async function execute(
	this: IExecuteFunctions,
	{ newCommerceOrderId }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	const ids = await getSubscriptionIds(crayon, newCommerceOrderId);
	return {
		NewCommerceOrderId: newCommerceOrderId,
		// Crayon answers an empty list until it has processed the order.
		Processed: ids.length > 0,
		SubscriptionIds: ids,
		SubscriptionId: ids[0] ?? null,
	};
}
