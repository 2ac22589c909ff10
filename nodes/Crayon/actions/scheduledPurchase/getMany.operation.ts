import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { readScheduledRequests, scheduledLines } from '../../domain/purchaseOrders';
import { enumField } from '../../fields/common';
import { filtersField, itemLimit, returnAllFields, simplifyField } from '../../fields/lists';
import { customerTenantLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

const sortOrders = [
	{ name: 'Ascending', value: 0 },
	{ name: 'Descending', value: 1 },
] as const;

export const fields = {
	...returnAllFields,
	filters: filtersField({
		customerTenantId: customerTenantLocator({
			required: false,
			description: 'Only scheduled purchases of this customer tenant',
		}),
		sortOrder: enumField(
			{ displayName: 'Sort Order', default: 0, description: 'Ascending or descending' },
			sortOrders,
		),
	}),
	simplify: {
		...simplifyField,
		property: {
			...simplifyField.property,
			description:
				'Whether to output one item per scheduled line (with its OrderReferenceId) instead of the requests as Crayon sends them',
		},
	},
};

export const option: OperationOption = {
	name: 'Get Many',
	action: 'Get many scheduled purchases',
	description:
		'List the purchases waiting for their scheduled date, with the OrderReferenceId and OrderNumber that cancel one',
};

/** ScheduledPurchaseRequestFilter keys as the SDK sends them (ResellerCustomerId, SortOrder). */
export const schema = schemaOf(fields).transform(({ filters, simplify, ...paging }) => ({
	limit: itemLimit(paging),
	simplify,
	qs: Object.fromEntries(
		Object.entries({
			ResellerCustomerId: filters.customerTenantId,
			SortOrder: filters.sortOrder,
		}).filter(([, value]) => value !== undefined),
	),
}));

/** GET api/v1/scheduledpurchaserequest/ (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/ScheduledPurchaseRequestResource.cs). */
export async function execute(
	this: IExecuteFunctions,
	{ limit, simplify, qs }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	if (!simplify) return await readScheduledRequests(crayon, qs, limit);
	const lines = scheduledLines(await readScheduledRequests(crayon, qs));
	return limit === undefined ? lines : lines.slice(0, limit);
}
