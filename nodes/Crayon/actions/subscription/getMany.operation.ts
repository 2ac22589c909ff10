import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { dropdownOptions } from '../../domain/enums';
import { readAllPages } from '../../domain/paging';
import {
	ALL_STATUSES,
	simplifySubscription,
	subscriptionStatuses,
} from '../../domain/subscriptions';
import { oneOf } from '../../domain/values';
import {
	filterQuery,
	filtersField,
	itemLimit,
	returnAllFields,
	searchFilter,
	simplifyField,
} from '../../fields/lists';
import { customerTenantLocator, organizationLocator } from '../../fields/locators';
import { field, schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	...returnAllFields,
	filters: filtersField({
		customerTenantId: customerTenantLocator({
			required: false,
			description: 'Only subscriptions of this customer tenant',
		}),
		organizationId: organizationLocator({
			required: false,
			description: 'Only subscriptions of this Crayon organization',
		}),
		search: searchFilter(
			'Only subscriptions whose name, part number or product name contains this text',
			'Office 365',
		),
		statuses: field(
			{
				displayName: 'Statuses',
				type: 'multiOptions',
				options: dropdownOptions(subscriptionStatuses),
				default: [],
				description: 'Only subscriptions in one of these statuses',
				hint: 'All statuses when none is chosen',
			},
			z.array(oneOf(subscriptionStatuses)),
		),
	}),
	simplify: simplifyField,
};

export const option: OperationOption = {
	name: 'Get Many',
	action: 'Get many subscriptions',
	description:
		'List subscriptions, optionally of one customer tenant or organization, by status or matching a search text',
};

export const schema = schemaOf(fields).transform(({ filters, simplify, ...paging }) => ({
	limit: itemLimit(paging),
	simplify,
	qs: filterQuery({
		customerTenantId: filters.customerTenantId,
		organizationId: filters.organizationId,
		search: filters.search,
		// SubscriptionStatus is a flag set: several statuses are sent as one number.
		statuses: filters.statuses?.length
			? filters.statuses.reduce((flags, status) => flags | status, 0)
			: ALL_STATUSES,
	}),
}));

export async function execute(
	this: IExecuteFunctions,
	{ limit, simplify, qs }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	const subscriptions = await readAllPages(crayon, { path: '/api/v1/subscriptions', qs }, limit);
	return simplify ? subscriptions.map(simplifySubscription) : subscriptions;
}
