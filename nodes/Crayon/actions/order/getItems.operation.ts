import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { organizationLocator } from '../../fields/locators';
import { field, schemaOf } from '../../fields/parameters';
import { answer, answerObject, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

/** An order id is a .NET long: digits only, at most 19 of them (kept as text, as a JavaScript number cannot hold them all). */
const orderId = z
	.union([z.string(), z.number()], {
		required_error: 'is required',
		invalid_type_error: 'must be digits',
	})
	.transform((value) =>
		typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value,
	)
	.pipe(
		z
			.string({ invalid_type_error: 'must be digits (a number this large must be given as text)' })
			.regex(/^[1-9]\d{0,18}$/, 'must be an order ID: digits only, such as 7728322354'),
	);

export const fields = {
	orderId: field(
		{
			displayName: 'Order ID',
			type: 'string',
			required: true,
			default: '',
			placeholder: '7728322354',
			description: "The order an invoice bills (the invoice's OrderId)",
		},
		orderId,
	),
	organizationId: organizationLocator({
		description: 'The Crayon organization the order belongs to',
	}),
};

export const option: OperationOption = {
	name: 'Get Items',
	action: 'Get the items of an order',
	description:
		'List the lines of an invoiced order: SKU, description, unit price, quantity and row total',
};

export const schema = schemaOf(fields);

const orderItem = z
	.object({})
	.passthrough()
	.transform((item) => item as IDataObject);

/** The docs say "a collection of OrderItems" and show one item: a list, or Crayon's `{Items}` page. */
const orderItems = answer(
	z.union([
		z.array(orderItem),
		answerObject({ Items: z.array(orderItem) }, 'order items').transform((page) => page.Items),
	]),
	'the order items (a list, or {Items})',
);

/** GET /api/v1/orders/{orderId}/items?organizationId (https://apidocs.crayon.com/scenarios/orderitems-get.html). */
export async function execute(
	this: IExecuteFunctions,
	{ orderId: id, organizationId }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await crayon.read(
		{ method: 'GET', path: `/api/v1/orders/${id}/items`, qs: { organizationId } },
		orderItems,
	);
}
