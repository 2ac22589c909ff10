import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../operation';
import * as create from './create.operation';

export const operations: ResourceOperations = { create };

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
				description: 'Buy a New Commerce subscription in one call (verify and checkout combined)',
				action: 'Create a new commerce order',
			},
		],
		default: 'create',
	},
	...create.description,
];
