import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customerTenant'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Read one customer tenant by its Crayon ID: name, domain, Microsoft tenant ID and organization',
				action: 'Get a customer tenant',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					'List customer tenants, optionally of one organization or matching a search text, to find their IDs',
				action: 'Get many customer tenants',
			},
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
