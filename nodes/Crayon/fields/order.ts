import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';
import { z } from 'zod';

import { productAndSku, type PickedProduct } from '../domain/catalogue';
import { camelizeKeys } from '../domain/casing';
import { orderBillingCycles, typedOrderLineTypes } from '../domain/enums';
import {
	MAX_EMAIL_LENGTH,
	MAX_ORDER_TEXT_LENGTH,
	orderLine,
	sendable,
	type OrderBody,
} from '../domain/orders';
import { catalogueCode, crayonId, optional } from '../domain/values';
import {
	additionalFields,
	customTermEndDateField,
	dayField,
	enumField,
	optionalField,
	quantityField,
	termDurationField,
	textField,
} from './common';
import { customerTenantLocator, productLocator } from './locators';
import { field, propertiesOf, readParameters, schemaOf } from './parameters';

/**
 * The fields of one order line, required ones first, as the checkout page's example shows them.
 * Reservation lines (type 1) are left to Order Lines (JSON): no source documents which of the
 * SDK's line fields (region, scope, the Azure subscription) a reservation needs.
 */
const lineFields = {
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
		{
			displayName: 'Product ID',
			type: 'string',
			default: '',
			placeholder: 'CFQ7TTC0LF8R',
			description:
				'The first part of a New Commerce part number (productId:skuId); leave empty when Product is picked',
		},
		optional(catalogueCode('CFQ7TTC0LF8R')),
	),
	skuId: field(
		{
			displayName: 'SKU ID',
			type: 'string',
			default: '',
			placeholder: '0001',
			description:
				'The second part of a New Commerce part number (productId:skuId); leave empty when Product is picked',
		},
		optional(catalogueCode('0001')),
	),
	quantity: quantityField('Number of licences'),
	billingCycle: enumField({ displayName: 'Billing Cycle', default: 1 }, orderBillingCycles),
	termDuration: termDurationField('Length of the commitment', 'P1M'),
	type: enumField({ displayName: 'Type', default: 3 }, typedOrderLineTypes),
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
	productVariantId: field(
		{
			displayName: 'Product Variant ID',
			type: 'string',
			default: '',
			placeholder: '2622144',
			description: "Crayon's catalogue ID of the product variant (optional)",
		},
		optional(crayonId),
	),
	customTermEndDate: customTermEndDateField(
		"End the term on this date to align with the customer tenant's other subscriptions (coterminosity)",
	),
	attestationAccepted: field(
		{
			displayName: 'Attestation Accepted',
			type: 'boolean',
			default: false,
			description:
				"Whether you accept the offer's attestation: some offers (for example Windows 365 or Microsoft 365 for frontline workers) can only be bought with it",
		},
		optional(z.boolean({ invalid_type_error: 'must be true or false' })),
	),
};

/** Line property → its field's label, for Crayon's line errors. */
export const orderLineLabels: Record<string, string> = Object.fromEntries(
	Object.entries(lineFields).map(([name, lineField]) => [name, lineField.property.displayName]),
);

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

/** An order line as sent, and the part number of its Product when the catalogue must give its variant. */
interface LineWithProduct {
	line: IDataObject;
	picked?: Omit<PickedProduct, 'line'>;
}

/** A line's Product replaced by the Product ID and SKU ID it stands for. */
function withProductIds({
	product,
	productId,
	skuId,
	...line
}: IDataObject & { product?: string; productId?: string; skuId?: string }): LineWithProduct {
	const ids = product === undefined ? { productId, skuId } : productAndSku(product);
	return {
		line: { productId: ids?.productId, skuId: ids?.skuId, ...line },
		picked:
			product !== undefined && (line.productVariantId ?? undefined) === undefined
				? { partNumber: product, termDuration: String(line.termDuration) }
				: undefined,
	};
}

/** A line typed into the node: what was left empty (or an attestation not accepted) is not sent. */
const typedOrderLine = schemaOf(lineFields, { defaults: false })
	.superRefine(checkProductIds)
	.transform((line) =>
		withProductIds(
			Object.fromEntries(
				Object.entries(line).filter(
					([key, value]) =>
						value !== undefined && !(key === 'attestationAccepted' && value === false),
				),
			),
		),
	);

/** A line given as JSON: every field of a Crayon order line, or a Product instead of its IDs. */
const jsonOrderLine = orderLine
	.extend({
		product: optional(z.string({ invalid_type_error: 'must be a part number' })),
		productId: optional(catalogueCode('CFQ7TTC0LF8R')),
		skuId: optional(catalogueCode('0001')),
	})
	.superRefine(checkProductIds)
	.transform((line) => withProductIds(line as IDataObject));

const orderLineList = <T extends z.ZodTypeAny>(line: T) =>
	z
		.array(line, {
			required_error: 'is required',
			invalid_type_error: 'must be a list (JSON array) of order lines',
		})
		.min(1, 'needs at least one order line');

/** Fields of the order itself that Crayon takes and the checkout page's example leaves out. */
const orderAdditionalFields = additionalFields({
	adminAccount: textField(
		{
			displayName: 'Admin Account',
			default: '',
			placeholder: 'admin@contoso.onmicrosoft.com',
			description: "The customer tenant's admin account for the order (Crayon's AdminAccount)",
		},
		MAX_EMAIL_LENGTH,
	),
	externalOrderId: textField(
		{
			displayName: 'External Order ID',
			default: '',
			placeholder: 'PO-2026-0042',
			description: 'Your own reference for the order, e.g. a purchase order number',
		},
		MAX_ORDER_TEXT_LENGTH,
	),
	invoiceProfileId: field(
		{
			displayName: 'Invoice Profile ID',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'The invoice profile of the organization the order is billed to',
		},
		crayonId,
	),
	notificationEmail: textField(
		{
			displayName: 'Notification Email',
			default: '',
			placeholder: 'name@email.com',
			description: 'Who Crayon notifies about the order',
		},
		MAX_EMAIL_LENGTH,
	),
	scheduledPurchaseDate: dayField(
		'Scheduled Purchase Date',
		'A day (YYYY-MM-DD) in the future: Crayon places the order then instead of now',
	),
});

/** Fields describing a purchase request order typed into the node. */
export const orderFields = {
	resellerCustomerId: customerTenantLocator({
		description: 'The customer tenant the order is for (Crayon calls it the reseller customer)',
	}),
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
		z.object({ line: orderLineList(typedOrderLine).default([]) }).default({}),
	),
	orderLinesJson: field(
		{
			displayName: 'Order Lines (JSON)',
			type: 'json',
			default: '[]',
			displayOptions: { show: { orderLinesInput: ['json'] } },
			description:
				'Array of order lines with productId and skuId (or product, a part number, instead), quantity, billingCycle, termDuration and type; any other field of a Crayon order line (catalogItemId, customTermEndDate, attestationAccepted, armRegionName, scope, subscriptionId …) is sent as given',
		},
		// Checked for keys given twice in two casings before they are made camelCase.
		sendable.pipe(z.unknown().transform(camelizeKeys)).pipe(orderLineList(jsonOrderLine)),
	),
	additionalFields: orderAdditionalFields,
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
	additionalFields: orderFields.additionalFields.schema,
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
		const lines: LineWithProduct[] =
			order.orderLinesInput === 'json' ? order.orderLinesJson : order.orderLines.line;
		return {
			body: {
				resellerCustomerId: order.resellerCustomerId,
				...orderHeaderFields(order.additionalFields),
				orderLines: lines.map(({ line }) => line),
			},
			picked: lines.flatMap(({ picked }, line) => (picked ? [{ ...picked, line }] : [])),
		};
	});

/** The order fields given, as the checkout page spells them (it writes ScheduledPurchaseDate in PascalCase). */
function orderHeaderFields({
	scheduledPurchaseDate,
	...fields
}: Record<string, unknown> & { scheduledPurchaseDate?: string }): IDataObject {
	return Object.fromEntries(
		Object.entries({ ...fields, ScheduledPurchaseDate: scheduledPurchaseDate }).filter(
			([, value]) => value !== undefined,
		),
	) as IDataObject;
}
