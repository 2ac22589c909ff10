import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsDescription } from './common.descriptions';
import * as newCommerceOrder from './newCommerceOrder';
import type { ResourceOperations } from './operation';
import * as order from './order';
import * as subscription from './subscription';

export const resources: Record<string, ResourceOperations> = {
	subscription: subscription.operations,
	newCommerceOrder: newCommerceOrder.operations,
	order: order.operations,
};

export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'New Commerce Order', value: 'newCommerceOrder' },
			{ name: 'Order', value: 'order' },
			{ name: 'Subscription', value: 'subscription' },
		],
		default: 'subscription',
	},
	...subscription.description,
	...newCommerceOrder.description,
	...order.description,
	requestOptionsDescription,
];
