import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../operation';
import * as addAddon from './addAddon.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAddonOffers from './getAddonOffers.operation';
import * as getCoterminosityDates from './getCoterminosityDates.operation';
import * as getMany from './getMany.operation';
import * as updateQuantity from './updateQuantity.operation';

export const operations: ResourceOperations = {
	create,
	addAddon,
	get,
	getMany,
	updateQuantity,
	getAddonOffers,
	getCoterminosityDates,
};

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
				description:
					"Buy an add-on for an existing active subscription (costs money); the offer must be one of the subscription's add-on offers",
				action: 'Add an add on to a subscription',
			},
			{
				name: 'Create',
				value: 'create',
				description:
					'Buy a new subscription (legacy CSP or New Commerce) for a customer tenant (costs money)',
				action: 'Create a subscription',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Read one subscription by its ID: product, quantity, status, term and end date',
				action: 'Get a subscription',
			},
			{
				name: 'Get Add-On Offers',
				value: 'getAddonOffers',
				description:
					'List the add-on offers that can be bought for a subscription, with their part numbers',
				action: 'Get add on offers for a subscription',
			},
			{
				name: 'Get Coterminosity Dates',
				value: 'getCoterminosityDates',
				description:
					'List the term end dates a new New Commerce subscription of a customer tenant may use to end together with existing ones',
				action: 'Get coterminosity dates for a customer tenant',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					'List subscriptions, optionally of one customer tenant or organization, by status or matching a search text',
				action: 'Get many subscriptions',
			},
			{
				name: 'Update Quantity',
				value: 'updateQuantity',
				description:
					'Set the licence count of an active subscription (changes what is billed); refuses suspended, cancelled or other inactive subscriptions',
				action: 'Update the quantity of a subscription',
			},
		],
		default: 'create',
	},
	...create.description,
	...addAddon.description,
	...get.description,
	...getMany.description,
	...updateQuantity.description,
	...getAddonOffers.description,
	...getCoterminosityDates.description,
];
