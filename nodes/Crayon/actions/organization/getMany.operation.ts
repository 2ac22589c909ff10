import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { readAllPages } from '../../domain/paging';
import { filtersField, listRequestSchema, returnAllFields, searchFilter } from '../../fields/lists';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	...returnAllFields,
	filters: filtersField({
		search: searchFilter(
			'Only organizations whose name or account number contains this text',
			'Sweden',
		),
	}),
};

export const option: OperationOption = {
	name: 'Get Many',
	action: 'Get many organizations',
	description:
		'List the Crayon organizations (reseller accounts) the user can act for, to find their IDs',
};

export const schema = listRequestSchema(fields);

export async function execute(
	this: IExecuteFunctions,
	{ limit, qs }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await readAllPages(crayon, { path: '/api/v1/organizations', qs }, limit);
}
