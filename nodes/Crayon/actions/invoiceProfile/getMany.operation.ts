import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { INVOICE_PROFILES_PATH } from '../../domain/customerTenants';
import { readAllPages } from '../../domain/paging';
import {
	filterQuery,
	filtersField,
	itemLimit,
	returnAllFields,
	searchFilter,
} from '../../fields/lists';
import { organizationLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	organizationId: organizationLocator({
		description: 'The Crayon organization whose invoice profiles to list (required by Crayon)',
	}),
	...returnAllFields,
	filters: filtersField({
		search: searchFilter('Only invoice profiles whose name contains this text', 'projects'),
	}),
};

export const option: OperationOption = {
	name: 'Get Many',
	action: 'Get many invoice profiles',
	description:
		"List an organization's invoice profiles, to find the ID a new customer tenant is billed to",
};

export const schema = schemaOf(fields).transform(({ organizationId, filters, ...paging }) => ({
	limit: itemLimit(paging),
	qs: filterQuery({ organizationId, ...filters }),
}));

/** GET /api/v1/invoiceprofiles/ (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/InvoiceProfileResource.cs; OrganizationId required per the "Get invoice profiles" page). */
export async function execute(
	this: IExecuteFunctions,
	{ limit, qs }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await readAllPages(crayon, { path: INVOICE_PROFILES_PATH, qs }, limit);
}
