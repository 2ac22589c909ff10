import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemApi } from '../operation';
import { getSubscriptionIds } from './create.operation';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const properties: INodeProperties[] = [
	{
		displayName: 'New Commerce Order ID',
		name: 'newCommerceOrderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '767bc43f-c3af-48e7-b7fa-89889132a655',
		description: 'The NewCommerceOrderId that New Commerce Order → Create returned',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['newCommerceOrder'], operation: ['getSubscriptionIds'] } },
	properties,
);

export const schema = z.object({
	newCommerceOrderId: z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.trim()
		.regex(GUID, 'must be a GUID such as 767bc43f-c3af-48e7-b7fa-89889132a655'),
});

export async function execute(
	this: IExecuteFunctions,
	{ newCommerceOrderId }: z.output<typeof schema>,
	api: ItemApi,
): Promise<IDataObject> {
	const ids = await getSubscriptionIds(this, api, newCommerceOrderId);
	return {
		NewCommerceOrderId: newCommerceOrderId,
		// Crayon answers an empty list until it has processed the order.
		Processed: ids.length > 0,
		SubscriptionIds: ids,
		SubscriptionId: ids[0] ?? null,
	};
}
