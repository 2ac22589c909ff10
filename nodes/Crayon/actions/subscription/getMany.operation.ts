import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { dropdownOptions } from '../../helpers/enums';
import { readAllPages } from '../../helpers/paging';
import { simplifySubscription, subscriptionStatuses } from '../../helpers/subscriptions';
import { oneOf, optional } from '../../helpers/validation';
import {
	customerTenantLocator,
	optionalLocatorId,
	organizationLocator,
} from '../../methods/locators';
import {
	filterQuery,
	filtersProperty,
	itemLimit,
	returnAllProperties,
	returnAllSchema,
	searchFilter,
	searchSchema,
	simplifyProperty,
	simplifySchema,
} from '../lists';
import type { ItemApi } from '../operation';

const properties: INodeProperties[] = [
	...returnAllProperties,
	filtersProperty([
		customerTenantLocator({
			required: false,
			description: 'Only subscriptions of this customer tenant',
		}),
		organizationLocator({
			required: false,
			description: 'Only subscriptions of this Crayon organization',
		}),
		searchFilter(
			'Only subscriptions whose name, part number or product name contains this text',
			'Office 365',
		),
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: dropdownOptions(subscriptionStatuses),
			default: [],
			description: 'Only subscriptions in one of these statuses (all statuses when empty)',
		},
	]),
	simplifyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['getMany'] } },
	properties,
);

export const schema = z
	.object({
		...returnAllSchema,
		...simplifySchema,
		filters: z
			.object({
				customerTenantId: optionalLocatorId,
				organizationId: optionalLocatorId,
				search: searchSchema,
				statuses: optional(z.array(oneOf(subscriptionStatuses))),
			})
			.strict()
			.default({}),
	})
	.transform(({ filters, simplify, ...paging }) => ({
		limit: itemLimit(paging),
		simplify,
		qs: filterQuery({
			customerTenantId: filters.customerTenantId,
			organizationId: filters.organizationId,
			search: filters.search,
			// SubscriptionStatus is a flag set: several statuses are sent as one number.
			statuses: filters.statuses?.length
				? filters.statuses.reduce((flags, status) => flags | status, 0)
				: undefined,
		}),
	}));

export async function execute(
	this: IExecuteFunctions,
	{ limit, simplify, qs }: z.output<typeof schema>,
	api: ItemApi,
): Promise<IDataObject[]> {
	const subscriptions = await readAllPages(this, api, { path: '/api/v1/subscriptions', qs }, limit);
	return simplify ? subscriptions.map(simplifySubscription) : subscriptions;
}
