import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organization'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					'List the Crayon organizations (reseller accounts) the user can act for, to find their IDs',
				action: 'Get many organizations',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
