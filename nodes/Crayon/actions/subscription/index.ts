import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../operation';
import * as addAddon from './addAddon.operation';
import * as create from './create.operation';

export const operations: ResourceOperations = { create, addAddon };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		options: [
			{
				name: 'Add Add-On',
				value: 'addAddon',
				description: 'Buy an add-on for an existing subscription',
				action: 'Add an add on to a subscription',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Buy a new subscription (legacy CSP or New Commerce) for a customer tenant',
				action: 'Create a subscription',
			},
		],
		default: 'create',
	},
	...create.description,
	...addAddon.description,
];
