import { defineResource } from '../resource';
import * as operations from './operations';

export const customerTenant = defineResource(
	{
		name: 'Customer Tenant',
		value: 'customerTenant',
		description: "A reseller's customer (a Microsoft tenant) that subscriptions are bought for",
	},
	'getMany',
	operations,
);
