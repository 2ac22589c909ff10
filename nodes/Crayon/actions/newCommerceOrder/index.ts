import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../operation';
import * as create from './create.operation';
import * as getSubscriptionIds from './getSubscriptionIds.operation';

export const operations: ResourceOperations = { create, getSubscriptionIds };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['newCommerceOrder'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Buy a New Commerce subscription in one call (verify and checkout combined; costs money) and optionally wait for its subscription ID',
				action: 'Create a new commerce order',
			},
			{
				name: 'Get Subscription IDs',
				value: 'getSubscriptionIds',
				description:
					'Check once, without waiting, whether Crayon has processed a New Commerce order and which subscription IDs it created',
				action: 'Get the subscriptions of a new commerce order',
			},
		],
		default: 'create',
	},
	...create.description,
	...getSubscriptionIds.description,
];
