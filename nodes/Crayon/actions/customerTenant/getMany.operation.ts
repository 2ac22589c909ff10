import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { readAllPages } from '../../domain/paging';
import { filtersField, listRequestSchema, returnAllFields, searchFilter } from '../../fields/lists';
import { optionalField, textField } from '../../fields/common';
import { organizationLocator } from '../../fields/locators';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	...returnAllFields,
	filters: filtersField({
		organizationId: organizationLocator({
			required: false,
			description: 'Only customer tenants of this Crayon organization',
		}),
		search: searchFilter(
			'Only customer tenants whose name or domain prefix contains this text',
			'contoso',
		),
		// CustomerTenantFilter (crayon-api-sdk: src/Crayon.Api.Sdk/Filtering/CustomerTenantFilter.cs).
		domainPrefix: optionalField(
			textField(
				{
					displayName: 'Domain Prefix',
					default: '',
					placeholder: 'contoso',
					description: 'Only the customer tenant <prefix>.onmicrosoft.com',
				},
				100,
			),
		),
		domain: optionalField(
			textField(
				{
					displayName: 'Domain',
					default: '',
					placeholder: 'contoso.onmicrosoft.com',
					description: 'Only the customer tenant with this domain',
				},
				253,
			),
		),
	}),
};

export const option: OperationOption = {
	name: 'Get Many',
	action: 'Get many customer tenants',
	description:
		'List customer tenants, optionally of one organization or matching a search text, to find their IDs',
};

export const schema = listRequestSchema(fields);

export async function execute(
	this: IExecuteFunctions,
	{ limit, qs }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await readAllPages(crayon, { path: '/api/v1/customertenants', qs }, limit);
}
