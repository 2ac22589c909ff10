import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../operation';
import * as checkout from './checkout.operation';
import * as verify from './verify.operation';

export const operations: ResourceOperations = { verify, checkout };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Checkout',
				value: 'checkout',
				description: 'Place a purchase request order (by default verified first)',
				action: 'Checkout an order',
			},
			{
				name: 'Verify',
				value: 'verify',
				description: 'Check a purchase request order and get its catalog item IDs without buying',
				action: 'Verify an order',
			},
		],
		default: 'verify',
	},
	...verify.description,
	...checkout.description,
];
