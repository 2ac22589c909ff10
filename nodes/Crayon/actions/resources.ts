import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsDescription } from './common.descriptions';
import * as customerTenant from './customerTenant';
import * as newCommerceOrder from './newCommerceOrder';
import type { ResourceOperations } from './operation';
import * as order from './order';
import * as organization from './organization';
import * as subscription from './subscription';

export const resources: Record<string, ResourceOperations> = {
	subscription: subscription.operations,
	newCommerceOrder: newCommerceOrder.operations,
	order: order.operations,
	customerTenant: customerTenant.operations,
	organization: organization.operations,
};

export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Customer Tenant',
				value: 'customerTenant',
				description: "A reseller's customer (a Microsoft tenant) that subscriptions are bought for",
			},
			{
				name: 'New Commerce Order',
				value: 'newCommerceOrder',
				description: 'A one-call New Commerce (NCE) purchase and the subscriptions it created',
			},
			{
				name: 'Order',
				value: 'order',
				description: 'A purchase request order: verify it, then check it out',
			},
			{
				name: 'Organization',
				value: 'organization',
				description: 'A Crayon reseller account that owns customer tenants',
			},
			{
				name: 'Subscription',
				value: 'subscription',
				description:
					'A licence subscription of a customer tenant: buy, read, list, change quantity, add add-ons',
			},
		],
		default: 'subscription',
	},
	...subscription.description,
	...newCommerceOrder.description,
	...order.description,
	...customerTenant.description,
	...organization.description,
	requestOptionsDescription,
];
