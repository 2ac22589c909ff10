import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { readAllPages } from '../../domain/paging';
import { itemLimit, returnAllFields } from '../../fields/lists';
import { organizationLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	organizationId: organizationLocator({
		description: 'The Crayon organization whose invoices to list',
	}),
	...returnAllFields,
};

export const option: OperationOption = {
	name: 'Get Many',
	action: 'Get many invoices',
	description:
		"List an organization's invoices from Crayon: amount, currency, date, customer references and the order each bills",
};

export const schema = schemaOf(fields).transform(({ organizationId, ...paging }) => ({
	organizationId,
	limit: itemLimit(paging),
}));

/** GET /api/v1/invoices/{organizationId}?page&pageSize (https://apidocs.crayon.com/scenarios/invoices-get.html). */
export async function execute(
	this: IExecuteFunctions,
	{ organizationId, limit }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await readAllPages(crayon, { path: `/api/v1/invoices/${organizationId}` }, limit);
}
