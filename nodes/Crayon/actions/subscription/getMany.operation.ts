import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { dropdownOptions } from '../../domain/enums';
import { listPages, PAGE_SIZE, readAllPages, type ListRequest } from '../../domain/paging';
import {
	ALL_STATUSES,
	simplifyListedSubscription,
	subscriptionStatuses,
} from '../../domain/subscriptions';
import { catalogueCode, oneOf } from '../../domain/values';
import { enumField } from '../../fields/common';
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

const trialChoices = [
	{ name: 'Only Trials', value: 'trial' },
	{ name: 'Only Paid', value: 'paid' },
] as const;

/** SubscriptionSortBy (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/SubscriptionSortBy.cs). */
const subscriptionSortFields = [
	{ name: 'Name', value: 0 },
	{ name: 'Product Name', value: 1 },
	{ name: 'Creation Date', value: 2 },
	{ name: 'End Date', value: 3 },
] as const;

/** SortOrder (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/SortOrder.cs). */
const sortOrders = [
	{ name: 'Ascending', value: 0 },
	{ name: 'Descending', value: 1 },
] as const;

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
		// apidocs "Get subscriptions": isTrial, publisherCustomerId; crayon-api-sdk:
		// src/Crayon.Api.Sdk/Filtering/SubscriptionFilter.cs: IsTrial, SortBy, SortOrder.
		trial: enumField(
			{
				displayName: 'Trial',
				default: 'trial',
				description: 'Only trial subscriptions, or only paid ones',
			},
			trialChoices,
		),
		publisherCustomerId: field(
			{
				displayName: 'Microsoft Customer ID',
				type: 'string',
				default: '',
				placeholder: 'f39d8f51-ff2c-46b4-8435-84bf67f2a36c',
				description:
					"Only subscriptions of the customer tenant with this Microsoft tenant ID (the tenant's PublisherCustomerId)",
			},
			catalogueCode('f39d8f51-ff2c-46b4-8435-84bf67f2a36c'),
		),
		publisherSubscriptionId: field(
			{
				displayName: 'Microsoft Subscription ID',
				type: 'string',
				default: '',
				placeholder: '767bc43f-c3af-48e7-b7fa-89889132a655',
				description:
					'Only the subscription with this Microsoft subscription ID (PublisherSubscriptionId). Crayon has no filter for it, so the node reads page after page and stops at the match.',
			},
			catalogueCode('767bc43f-c3af-48e7-b7fa-89889132a655'),
		),
		sortBy: enumField(
			{ displayName: 'Sort By', default: 2, description: 'The order Crayon lists them in' },
			subscriptionSortFields,
		),
		sortOrder: enumField(
			{ displayName: 'Sort Order', default: 0, description: 'Ascending or descending' },
			sortOrders,
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
	publisherSubscriptionId: filters.publisherSubscriptionId,
	qs: filterQuery({
		customerTenantId: filters.customerTenantId,
		organizationId: filters.organizationId,
		search: filters.search,
		publisherCustomerId: filters.publisherCustomerId,
		isTrial: filters.trial === undefined ? undefined : filters.trial === 'trial',
		sortBy: filters.sortBy,
		sortOrder: filters.sortOrder,
		// SubscriptionStatus is a flag set: several statuses are sent as one number.
		statuses: filters.statuses?.length
			? filters.statuses.reduce((flags, status) => flags | status, 0)
			: ALL_STATUSES,
	}),
}));

export async function execute(
	this: IExecuteFunctions,
	{ limit, simplify, qs, publisherSubscriptionId }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	const list = { path: '/api/v1/subscriptions', qs };
	const subscriptions =
		publisherSubscriptionId === undefined
			? await readAllPages(crayon, list, limit)
			: await findByPublisherSubscriptionId(crayon, list, publisherSubscriptionId);
	const ignored = filterNotApplied(subscriptions, qs);
	if (ignored !== undefined) {
		throw await crayon.error({
			message: `Crayon's answer holds subscriptions the "${ignored.filter}" filter excludes`,
			description: `Subscription ${String(ignored.subscription.Id)} has ${ignored.field} ${JSON.stringify(ignored.subscription[ignored.field] ?? ignored.value)}. Crayon may not support this filter here, so nothing is output rather than a list that is not what was asked for.`,
		});
	}
	return simplify ? subscriptions.map(simplifyListedSubscription) : subscriptions;
}

/**
 * `isTrial` and `publisherCustomerId` are documented by one source each (the SDK has no
 * publisherCustomerId): a list that contradicts them must not pass for a filtered one, as a
 * workflow may act on every item.
 */
function filterNotApplied(subscriptions: IDataObject[], qs: IDataObject) {
	for (const subscription of subscriptions) {
		if (
			typeof qs.isTrial === 'boolean' &&
			subscription.IsTrial !== undefined &&
			subscription.IsTrial !== qs.isTrial
		)
			return { filter: 'Trial', field: 'IsTrial', subscription, value: subscription.IsTrial };
		const tenant = subscription.CustomerTenant as IDataObject | undefined;
		const customerId = tenant?.PublisherCustomerId;
		if (
			typeof qs.publisherCustomerId === 'string' &&
			typeof customerId === 'string' &&
			customerId.toLowerCase() !== qs.publisherCustomerId.toLowerCase()
		)
			return {
				filter: 'Microsoft Customer ID',
				field: 'CustomerTenant',
				subscription,
				value: tenant,
			};
	}
	return undefined;
}

/**
 * The subscription with this Microsoft subscription ID: Crayon documents no filter for it (the
 * PowerShell module filters its answers too), so pages are read until it is found.
 */
async function findByPublisherSubscriptionId(
	crayon: CrayonClient,
	list: ListRequest,
	publisherSubscriptionId: string,
) {
	const wanted = publisherSubscriptionId.toLowerCase();
	for await (const page of listPages(crayon, list, PAGE_SIZE)) {
		const found = page.items.filter(
			(subscription) =>
				typeof subscription.PublisherSubscriptionId === 'string' &&
				subscription.PublisherSubscriptionId.toLowerCase() === wanted,
		);
		if (found.length > 0) return found;
	}
	return [];
}
