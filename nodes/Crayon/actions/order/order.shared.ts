import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, jsonParse } from 'n8n-workflow';
import { z } from 'zod';

import { camelizeKeys } from '../../helpers/casing';
import {
	dropdownOptions,
	orderBillingCycles,
	orderLineTypes,
	termDurations,
} from '../../helpers/enums';
import { readParameters } from '../../helpers/parameters';
import { sendAndRead } from '../../helpers/responses';
import {
	catalogueCode,
	crayonId,
	dateTime,
	oneOf,
	optional,
	quantity,
} from '../../helpers/validation';
import { customerTenantLocator } from '../../methods/locators';
import type { ItemApi } from '../operation';

export const VERIFY_PATH = '/api/v1/purchaserequest/verify';
export const CHECKOUT_PATH = '/api/v1/purchaserequest/checkout';

/** Fields describing a purchase request order typed into the node. */
export const orderFieldProperties: INodeProperties[] = [
	customerTenantLocator({
		displayName: 'Reseller Customer ID',
		name: 'resellerCustomerId',
		description: 'Crayon ID of the customer (customer tenant) the order is for',
	}),
	{
		displayName: 'Scheduled Purchase Date',
		name: 'scheduledPurchaseDate',
		type: 'dateTime',
		default: '',
		description:
			'Process the purchase on this date instead of now (leave empty for a regular order)',
	},
	{
		displayName: 'Order Lines Input',
		name: 'orderLinesInput',
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
	{
		displayName: 'Order Lines',
		name: 'orderLines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Order Line',
		default: {},
		displayOptions: { show: { orderLinesInput: ['fields'] } },
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{
						displayName: 'Billing Cycle',
						name: 'billingCycle',
						type: 'options',
						options: dropdownOptions(orderBillingCycles),
						default: 1,
					},
					{
						displayName: 'Catalog Item ID',
						name: 'catalogItemId',
						type: 'string',
						default: '',
						placeholder: 'CFQ7TTC0LF8R:0001:CFQ7TTC0Q3X5',
						description: 'ProductId:skuId:availabilityId; filled in by Verify when left empty',
					},
					{
						displayName: 'Product ID',
						name: 'productId',
						type: 'string',
						default: '',
						placeholder: 'CFQ7TTC0LF8R',
					},
					{
						displayName: 'Product Variant ID',
						name: 'productVariantId',
						type: 'string',
						default: '',
						placeholder: '2622144',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 1,
					},
					{
						displayName: 'SKU ID',
						name: 'skuId',
						type: 'string',
						default: '',
						placeholder: '0001',
					},
					{
						displayName: 'Term Duration',
						name: 'termDuration',
						type: 'options',
						options: dropdownOptions(termDurations),
						default: 'P1M',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: dropdownOptions(orderLineTypes),
						default: 3,
					},
				],
			},
		],
	},
	{
		displayName: 'Order Lines (JSON)',
		name: 'orderLinesJson',
		type: 'json',
		default: '[]',
		displayOptions: { show: { orderLinesInput: ['json'] } },
		description:
			'Array of order lines with billingCycle, productId, productVariantId, quantity, skuId, termDuration, type and optionally catalogItemId',
	},
];

const orderLine = z
	.object({
		billingCycle: oneOf(orderBillingCycles),
		productId: catalogueCode('CFQ7TTC0LF8R'),
		productVariantId: optional(crayonId),
		quantity,
		skuId: catalogueCode('0001'),
		termDuration: oneOf(termDurations),
		type: oneOf(orderLineTypes),
		catalogItemId: optional(catalogueCode('CFQ7TTC0LF8R:0001:CFQ7TTC0Q3X5')),
		customTermEndDate: optional(dateTime),
	})
	.transform(({ productVariantId, catalogItemId, customTermEndDate, ...line }) => ({
		...line,
		...(productVariantId !== undefined ? { productVariantId } : {}),
		...(catalogItemId !== undefined ? { catalogItemId } : {}),
		...(customTermEndDate !== undefined ? { customTermEndDate } : {}),
	}));

const orderHeader = {
	resellerCustomerId: crayonId,
	scheduledPurchaseDate: optional(dateTime),
	externalOrderId: optional(z.string()),
	countryCode: optional(z.string()),
};

const orderLines = z
	.array(orderLine, {
		required_error: 'is required',
		invalid_type_error: 'must be a list (JSON array) of order lines',
	})
	.min(1, 'needs at least one order line');

/** The order body Crayon documents for verify and checkout (checkout's example, key for key). */
function orderBody(
	{
		resellerCustomerId,
		scheduledPurchaseDate,
		externalOrderId,
		countryCode,
	}: z.output<z.ZodObject<typeof orderHeader>>,
	lines: Array<z.output<typeof orderLine>>,
) {
	return {
		resellerCustomerId,
		...(scheduledPurchaseDate !== undefined
			? { ScheduledPurchaseDate: scheduledPurchaseDate }
			: {}),
		...(externalOrderId ? { externalOrderId } : {}),
		...(countryCode ? { countryCode } : {}),
		orderLines: lines,
	};
}

export type OrderBody = ReturnType<typeof orderBody>;

function parseOrderLinesJson(value: unknown): unknown {
	if (typeof value !== 'string') return camelizeKeys(value);
	try {
		return camelizeKeys(jsonParse(value));
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
			orderLines: z.object({ line: orderLines.default([]) }).default({}),
		}),
		z.object({ ...orderHeader, orderLinesInput: z.literal('json'), orderLinesJson: orderLines }),
	])
	.transform((order) =>
		orderBody(
			order,
			order.orderLinesInput === 'json' ? order.orderLinesJson : order.orderLines.line,
		),
	);

/** A verified order as an earlier Verify step output it (Crayon's casing) → the documented order body. */
export const orderFromVerifiedItem = z.preprocess(
	camelizeKeys,
	z.object({ ...orderHeader, orderLines }).transform((order) => orderBody(order, order.orderLines)),
);

/** Order-level and line-level `errors` of a verified order, as readable sentences. */
export function verificationProblems(verifiedOrder: unknown): string[] {
	const order = camelizeKeys(verifiedOrder) as {
		errors?: Array<{ code?: unknown; description?: unknown }> | null;
		orderLines?: Array<{
			productId?: unknown;
			skuId?: unknown;
			errors?: Array<{ reasonCode?: unknown; description?: unknown }> | null;
		}>;
	};
	const orderProblems = (order.errors ?? []).map(
		(error) =>
			`Order: ${String(error.description ?? 'error')} (${String(error.code ?? 'no code')})`,
	);
	const lineProblems = (order.orderLines ?? []).flatMap((line, index) =>
		(line.errors ?? []).map(
			(error) =>
				`Line ${index + 1} (${String(line.productId ?? '?')}:${String(line.skuId ?? '?')}): ${String(error.description ?? 'error')} (${String(error.reasonCode ?? 'no code')})`,
		),
	);
	return [...orderProblems, ...lineProblems];
}

const verifiedOrderResponse = z
	.object({ orderLines: z.array(z.object({}).passthrough()) })
	.passthrough();

/** POST verify; returns Crayon's whole verified order as it answered it. */
export async function verifyOrder(
	context: IExecuteFunctions,
	api: ItemApi,
	body: OrderBody,
): Promise<IDataObject> {
	const verified = await sendAndRead(
		context,
		api,
		{ method: 'POST', path: VERIFY_PATH, body: body as unknown as IDataObject, purchase: false },
		z.custom<IDataObject>((value) => verifiedOrderResponse.safeParse(camelizeKeys(value)).success),
		'the verified order (with orderLines)',
	);
	return verified;
}

export function verificationFailed(
	context: IExecuteFunctions,
	itemIndex: number,
	problems: string[],
	verb: string,
) {
	return new NodeApiError(context.getNode(), { problems } as JsonObject, {
		itemIndex,
		message: `Crayon's verification found ${problems.length} problem${problems.length === 1 ? '' : 's'} ${verb}: ${problems[0]}`,
		description: problems.join('\n'),
	});
}
