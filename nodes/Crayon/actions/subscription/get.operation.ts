import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { getSubscription, simplifySubscription } from '../../helpers/subscriptions';
import { crayonId } from '../../helpers/validation';
import { subscriptionLocator } from '../../methods/locators';
import { simplifyProperty, simplifySchema } from '../lists';
import type { ItemApi } from '../operation';

const properties: INodeProperties[] = [
	subscriptionLocator({ description: 'The subscription to read (Crayon subscription ID)' }),
	simplifyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['get'] } },
	properties,
);

export const schema = z.object({ subscriptionId: crayonId, ...simplifySchema });

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId, simplify }: z.output<typeof schema>,
	api: ItemApi,
): Promise<IDataObject> {
	const subscription = await getSubscription(this, api, subscriptionId);
	return simplify ? simplifySubscription(subscription) : subscription;
}
