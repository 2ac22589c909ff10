import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';
import { z } from 'zod';

import { productAndSku, type PickedProduct } from '../domain/catalogue';
import { camelizeKeys } from '../domain/casing';
import { orderBillingCycles, orderLineTypes } from '../domain/enums';
import { sendable, type OrderBody } from '../domain/orders';
import { catalogueCode, crayonId, dateTime, optional } from '../domain/values';
import { enumField, optionalField, quantityField, termDurationField } from './common';
import { customerTenantLocator, productLocator } from './locators';
import { field, propertiesOf, readParameters, schemaOf } from './parameters';

/** The fields of one order line, as the checkout page's example shows them. */
const lineFields = {
	billingCycle: enumField({ displayName: 'Billing Cycle', default: 1 }, orderBillingCycles),
	catalogItemId: field(
		{
			displayName: 'Catalog Item ID',
			type: 'string',
			default: '',
			placeholder: 'CFQ7TTC0LF8R:0001:CFQ7TTC0Q3X5',
			description: 'ProductId:skuId:availabilityId; filled in by Verify when left empty',
		},
		optional(catalogueCode('CFQ7TTC0LF8R:0001:CFQ7TTC0Q3X5')),
	),
	product: optionalField(
		productLocator(
			{
				displayName: 'Product',
				required: false,
				description:
					"A product of the customer tenant's catalogue: fills in Product ID, SKU ID and Product Variant ID (leave those empty)",
			},
			{ dependsOn: ['resellerCustomerId.value'] },
		),
	),
	productId: field(
		{ displayName: 'Product ID', type: 'string', default: '', placeholder: 'CFQ7TTC0LF8R' },
		optional(catalogueCode('CFQ7TTC0LF8R')),
	),
	productVariantId: field(
		{ displayName: 'Product Variant ID', type: 'string', default: '', placeholder: '2622144' },
		optional(crayonId),
	),
	quantity: quantityField('Number of licences'),
	skuId: field(
		{ displayName: 'SKU ID', type: 'string', default: '', placeholder: '0001' },
		optional(catalogueCode('0001')),
	),
	termDuration: termDurationField('Length of the commitment', 'P1M'),
	type: enumField({ displayName: 'Type', default: 3 }, orderLineTypes),
};

/**
 * Product ID and SKU ID are typed, or come from the line's Product (a New Commerce part number
 * is productId:skuId); typed ones that differ from the Product's are refused, not overridden.
 */
function checkProductIds(
	line: { product?: string; productId?: string; skuId?: string },
	context: z.RefinementCtx,
): void {
	const fromProduct = line.product === undefined ? undefined : productAndSku(line.product);
	if (line.product !== undefined && fromProduct === undefined) {
		context.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['product'],
			message:
				'must be a part number of the form productId:skuId (for example CFQ7TTC0LF8R:0001) to fill in the line',
		});
		return;
	}
	for (const key of ['productId', 'skuId'] as const) {
		if (fromProduct === undefined && line[key] === undefined) {
			context.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'is required' });
		} else if (
			fromProduct !== undefined &&
			line[key] !== undefined &&
			line[key] !== fromProduct[key]
		) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: [key],
				message: `differs from the Product's (${fromProduct[key]}): leave it empty or give the same`,
			});
		}
	}
}

/**
 * One order line as sent, and, for a line whose Product was picked and whose variant is not
 * typed, the part number whose variant the catalogue gives at run time. Lines also given as
 * JSON may carry a custom term end date (coterminosity).
 */
const orderLine = schemaOf(lineFields, { defaults: false })
	.extend({ customTermEndDate: optional(dateTime) })
	.superRefine(checkProductIds)
	.transform(
		({
			product,
			productId,
			skuId,
			productVariantId,
			catalogItemId,
			customTermEndDate,
			...line
		}) => {
			const ids = product === undefined ? { productId, skuId } : productAndSku(product);
			return {
				line: {
					...line,
					productId: ids?.productId as string,
					skuId: ids?.skuId as string,
					...(productVariantId !== undefined ? { productVariantId } : {}),
					...(catalogItemId !== undefined ? { catalogItemId } : {}),
					...(customTermEndDate !== undefined ? { customTermEndDate } : {}),
				},
				picked:
					product !== undefined && productVariantId === undefined
						? { partNumber: product, termDuration: line.termDuration }
						: undefined,
			};
		},
	);

const orderLines = z
	.array(orderLine, {
		required_error: 'is required',
		invalid_type_error: 'must be a list (JSON array) of order lines',
	})
	.min(1, 'needs at least one order line');

/** Fields describing a purchase request order typed into the node. */
export const orderFields = {
	resellerCustomerId: customerTenantLocator({
		displayName: 'Reseller Customer ID',
		description: 'Crayon ID of the customer (customer tenant) the order is for',
	}),
	scheduledPurchaseDate: field(
		{
			displayName: 'Scheduled Purchase Date',
			type: 'dateTime',
			default: '',
			description:
				'Process the purchase on this date instead of now (leave empty for a regular order)',
		},
		optional(dateTime),
	),
	orderLinesInput: field(
		{
			displayName: 'Order Lines Input',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Define Below', value: 'fields', description: 'Enter each order line' },
				{
					name: 'Using JSON',
					value: 'json',
					description: 'Give the order lines as a JSON array, e.g. mapped from an earlier node',
				},
			],
			default: 'fields',
		},
		z.enum(['fields', 'json']),
		{ fallback: true },
	),
	orderLines: field(
		{
			displayName: 'Order Lines',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Order Line',
			default: {},
			displayOptions: { show: { orderLinesInput: ['fields'] } },
			options: [{ displayName: 'Line', name: 'line', values: propertiesOf(lineFields) }],
		},
		z.object({ line: orderLines.default([]) }).default({}),
	),
	orderLinesJson: field(
		{
			displayName: 'Order Lines (JSON)',
			type: 'json',
			default: '[]',
			displayOptions: { show: { orderLinesInput: ['json'] } },
			description:
				'Array of order lines with billingCycle, productId, productVariantId, quantity, skuId, termDuration, type and optionally catalogItemId (or product, a part number, instead of productId and skuId)',
		},
		// Checked for keys given twice in two casings before they are made camelCase.
		sendable.pipe(z.unknown().transform(camelizeKeys)).pipe(orderLines),
	),
};

export const orderFieldProperties: INodeProperties[] = propertiesOf(orderFields);

function parseOrderLinesJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return jsonParse(value);
	} catch {
		// Left as text, so validation reports "must be a list" for this field.
		return value;
	}
}

/** One item's order parameters with Order Lines (JSON) parsed, so that a problem can point into it. */
export function readOrderParameters(
	context: IExecuteFunctions,
	itemIndex: number,
	properties: INodeProperties[],
): IDataObject {
	const parameters = readParameters(context, itemIndex, properties);
	if (parameters.orderLinesInput !== 'json') return parameters;
	return {
		...parameters,
		orderLinesJson: parseOrderLinesJson(parameters.orderLinesJson) as IDataObject[string],
	};
}

/** Where `readOrderParameters` left the order lines, for problems about one line. */
export function orderLinesPath(parameters: { orderLinesInput?: unknown }): string[] {
	return parameters.orderLinesInput === 'json' ? ['orderLinesJson'] : ['orderLines', 'line'];
}

const orderHeader = {
	resellerCustomerId: orderFields.resellerCustomerId.schema,
	scheduledPurchaseDate: orderFields.scheduledPurchaseDate.schema,
};

/** An order typed into the node: the documented order body, and the lines whose Product was picked. */
export interface OrderFromFields {
	body: OrderBody;
	picked: PickedProduct[];
}

/**
 * Order fields typed into the node (as `readOrderParameters` reads them) → the documented
 * order body. The lines are validated where the user entered them, so a problem names
 * that field ("Order Lines → Line 2 → SKU ID") and shows the value it holds.
 */
export const orderFromFields = z
	.discriminatedUnion('orderLinesInput', [
		z.object({
			...orderHeader,
			orderLinesInput: z.literal('fields'),
			orderLines: orderFields.orderLines.schema,
		}),
		z.object({
			...orderHeader,
			orderLinesInput: z.literal('json'),
			orderLinesJson: orderFields.orderLinesJson.schema,
		}),
	])
	.transform((order): OrderFromFields => {
		const lines = order.orderLinesInput === 'json' ? order.orderLinesJson : order.orderLines.line;
		return {
			body: {
				resellerCustomerId: order.resellerCustomerId,
				...(order.scheduledPurchaseDate !== undefined
					? { ScheduledPurchaseDate: order.scheduledPurchaseDate }
					: {}),
				orderLines: lines.map(({ line }) => line),
			},
			picked: lines.flatMap(({ picked }, line) => (picked ? [{ ...picked, line }] : [])),
		};
	});
