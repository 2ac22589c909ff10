import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { readAllPages } from '../../domain/paging';
import { ASSET_ORDERS_PATH } from '../../domain/purchaseOrders';
import { optionalField, textField } from '../../fields/common';
import { filtersField, itemLimit, returnAllFields } from '../../fields/lists';
import { customerTenantLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	...returnAllFields,
	filters: filtersField({
		externalOrderId: optionalField(
			textField(
				{
					displayName: 'External Order ID',
					default: '',
					placeholder: 'PO-2025-0042',
					description: 'Only the order checked out with this externalOrderId',
				},
				100,
			),
		),
		customerTenantId: customerTenantLocator({
			required: false,
			description: 'Only orders of this customer tenant',
		}),
	}),
};

export const option: OperationOption = {
	name: 'Get Many Asset Orders',
	action: 'Get many asset orders',
	description:
		'List checked-out orders the legacy way (assets/orders), e.g. the one with an external order ID',
};

/** AssetFilter keys as the SDK sends them: ResellerCustomerId, ExternalOrderId. */
export const schema = schemaOf(fields).transform(({ filters, ...paging }) => ({
	limit: itemLimit(paging),
	qs: Object.fromEntries(
		Object.entries({
			ResellerCustomerId: filters.customerTenantId,
			ExternalOrderId: filters.externalOrderId,
		}).filter(([, value]) => value !== undefined),
	),
}));

/** GET api/v1/assets/orders/ (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/AssetResource.cs `GetOrdersAsync`). */
export async function execute(
	this: IExecuteFunctions,
	{ limit, qs }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await readAllPages(crayon, { path: ASSET_ORDERS_PATH, qs }, limit);
}
