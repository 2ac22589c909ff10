import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { readAllPages } from '../../domain/paging';
import { PURCHASE_ORDERS_PATH } from '../../domain/purchaseOrders';
import { enumField } from '../../fields/common';
import {
	filterQuery,
	filtersField,
	itemLimit,
	returnAllFields,
	searchFilter,
} from '../../fields/lists';
import { customerTenantLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

/** "Get processed purchase orders": orderState "None = 0, Successful = 1, Failed = 2, Processing = 4". */
const orderStates = [
	{ name: 'Successful', value: 1 },
	{ name: 'Failed', value: 2 },
	{ name: 'Processing', value: 4 },
] as const;

/** The documented examples of sortBy; sortOrder is sent by name, as the page's example does. */
const sortFields = [
	{ name: 'Creation Date', value: 'CreationDate' },
	{ name: 'Scheduled Date', value: 'ScheduledDate' },
] as const;
const sortOrders = [
	{ name: 'Ascending', value: 'Ascending' },
	{ name: 'Descending', value: 'Descending' },
] as const;

export const fields = {
	customerTenantId: customerTenantLocator({
		description: 'The customer tenant whose purchase orders to list (required by Crayon)',
	}),
	...returnAllFields,
	filters: filtersField({
		orderState: enumField(
			{ displayName: 'Order State', default: 1, description: 'Only orders in this state' },
			orderStates,
		),
		search: searchFilter('Only order lines whose product contains this text', 'Office 365'),
		sortBy: enumField(
			{
				displayName: 'Sort By',
				default: 'CreationDate',
				description: 'The order Crayon lists them in',
			},
			sortFields,
		),
		sortOrder: enumField(
			{ displayName: 'Sort Order', default: 'Ascending', description: 'Ascending or descending' },
			sortOrders,
		),
	}),
};

export const option: OperationOption = {
	name: 'Get Many',
	action: 'Get many purchase orders',
	description:
		"List a customer tenant's processed purchase orders (one item per order line, with its state), e.g. to see whether a checkout went through",
};

export const schema = schemaOf(fields).transform(({ customerTenantId, filters, ...paging }) => ({
	limit: itemLimit(paging),
	qs: filterQuery({ customerTenantId, ...filters }),
}));

/** GET /api/v1/purchaserequest/orders/ ("Get processed purchase orders" page of Crayon's API documentation). */
export async function execute(
	this: IExecuteFunctions,
	{ limit, qs }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await readAllPages(crayon, { path: PURCHASE_ORDERS_PATH, qs }, limit);
}
