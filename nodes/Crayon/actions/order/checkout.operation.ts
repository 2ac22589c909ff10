import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { withCatalogueVariants } from '../../domain/catalogue';
import {
	CHECKOUT_PATH,
	orderLinesOf,
	simplifyOrder,
	verificationFailed,
	verificationProblems,
	verifiedOrder,
	verifyOrder,
	type OrderBody,
} from '../../domain/orders';
import { checkoutLookup, checkoutSignature } from '../../domain/purchaseOrders';
import { booleanField } from '../../fields/common';
import { simplifyField } from '../../fields/lists';
import {
	orderFields,
	orderFromFields,
	orderLineLabels,
	orderLinesPath,
	readOrderParameters,
} from '../../fields/order';
import {
	field,
	fromSameParameters,
	propertiesOf,
	schemaOf,
	sentField,
	withProperty,
	type Field,
} from '../../fields/parameters';
import { answer, fieldOf, type CrayonClient } from '../../transport';

import type { OperationOption } from '../resource';

/** Where a problem in the input item's verified order is reported. */
const INPUT_ITEM = 'Input Item';

const fromFieldsOnly = { displayOptions: { show: { orderSource: ['fields'] } } };

const toggles = {
	verifyBeforeCheckout: booleanField({
		displayName: 'Verify Before Checkout',
		default: true,
		description:
			"Whether to verify every item's order with Crayon before the first checkout of the run and refuse if verification reports errors; the verified order (with Crayon's catalog item IDs) is what gets checked out",
	}),
	simplify: withProperty(simplifyField, {
		description:
			'Whether to output the checked-out order with readable billing cycles and line types instead of the order exactly as it was sent',
	}),
};

export const fields = {
	orderSource: field(
		{
			displayName: 'Order Source',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Verified Order From Input',
					value: 'verifiedOrder',
					description:
						'Check out the order a previous Order → Verify step output (each input item is one order)',
				},
				{ name: 'Define Below', value: 'fields', description: 'Enter the order here' },
			],
			default: 'verifiedOrder',
		},
		z.enum(['verifiedOrder', 'fields']),
		{ fallback: true },
	),
	...Object.fromEntries(
		Object.entries(orderFields).map(([name, orderField]) => [
			name,
			withProperty(orderField as Field, fromFieldsOnly),
		]),
	),
	...toggles,
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Check Out',
	action: 'Check out an order',
	description: 'Place a purchase request order (by default verified first; costs money)',
};

export function readInput(this: IExecuteFunctions, itemIndex: number) {
	const parameters = readOrderParameters(this, itemIndex, propertiesOf(fields));
	if (parameters.orderSource === 'fields') return parameters;
	return { ...parameters, [INPUT_ITEM]: this.getInputData()[itemIndex]?.json ?? {} };
}

/** The input item is not an order at all: most likely no Verify step runs before this node. */
const NOT_A_VERIFIED_ORDER =
	'is not an order (it has no orderLines): "Verified Order From Input" checks out what an Order → Verify step before this node output. Put Order → Verify before this node, or set Order Source to "Define Below" and enter the order here';

const verifiedOrderInput = z
	.object({ [INPUT_ITEM]: z.unknown() })
	.superRefine((raw, context) => {
		if (!Array.isArray(fieldOf(raw[INPUT_ITEM], 'orderLines'))) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: [INPUT_ITEM],
				message: NOT_A_VERIFIED_ORDER,
			});
			return;
		}
		const problems = verificationProblems(raw[INPUT_ITEM], orderLineLabels);
		if (problems.length > 0) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: [INPUT_ITEM],
				message: `is an order whose verification reported errors, so it will not be checked out: ${problems.join('; ')}`,
			});
		}
	})
	.transform((raw) => raw[INPUT_ITEM])
	.pipe(verifiedOrder);

/** Checking out without verifying needs what Verify fills in. */
function requireCatalogItemIds(
	order: OrderBody,
	linesPath: Array<string | number>,
	context: z.RefinementCtx,
): void {
	orderLinesOf(order).forEach((line, index) => {
		if (fieldOf(line, 'catalogItemId') === undefined || fieldOf(line, 'catalogItemId') === null) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: [...linesPath, index, 'catalogItemId'],
				message: 'is required when checking out without verifying first (Verify fills it in)',
			});
		}
	});
}

export const schema = fromSameParameters({
	order: z.record(z.unknown()).transform((raw, context) => {
		const fromFields = raw.orderSource === 'fields';
		const result = fromFields
			? orderFromFields.safeParse(raw)
			: verifiedOrderInput.transform((body) => ({ body, picked: [] })).safeParse(raw);
		if (!result.success) {
			for (const issue of result.error.issues) {
				const path =
					fromFields || issue.path[0] === INPUT_ITEM ? issue.path : [INPUT_ITEM, ...issue.path];
				context.addIssue({ code: z.ZodIssueCode.custom, path, message: issue.message });
			}
			return z.NEVER;
		}
		if (raw.verifyBeforeCheckout === false) {
			requireCatalogItemIds(
				result.data.body,
				fromFields ? orderLinesPath(raw) : [INPUT_ITEM, 'orderLines'],
				context,
			);
		}
		return result.data;
	}),
	settings: schemaOf(toggles),
}).transform(({ order, settings }) => ({ order: order.body, picked: order.picked, settings }));

type Input = z.output<typeof schema>;

/**
 * Runs for every item before the first checkout of the run: Crayon's objection to one order
 * stops the run before anything is bought. The verified order is what gets checked out.
 */
export async function prepare(
	this: IExecuteFunctions,
	input: Input,
	crayon: CrayonClient,
): Promise<Input> {
	// A line's Product picked from the catalogue gets its variant from the tenant's catalogue first.
	const order = await withCatalogueVariants(crayon, input.order, input.picked);
	if (!input.settings.verifyBeforeCheckout) return { ...input, order, picked: [] };
	const verified = await verifyOrder(crayon, order);
	const problems = verificationProblems(verified, orderLineLabels);
	if (problems.length > 0)
		throw await verificationFailed(crayon, problems, 'so nothing was checked out');
	const result = verifiedOrder.safeParse(verified);
	if (!result.success) {
		throw await crayon.error({
			message: "Crayon's verified order is incomplete, so nothing was checked out",
			description: result.error.issues
				.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
				.join('\n'),
			response: { verified },
		});
	}
	return { ...input, order: result.data, picked: [] };
}

/** Crayon documents 204 with no body; an older description says 200 with the order. Anything else is not a success. */
const checkedOut = answer(
	z.union([
		z.undefined(),
		z.custom<OrderBody>((value) => Array.isArray(fieldOf(value, 'orderLines'))),
	]),
	'HTTP 204 with no body, or the checked-out order',
);

export async function execute(
	this: IExecuteFunctions,
	{ order, settings }: Input,
	crayon: CrayonClient,
) {
	const customer = String(fieldOf(order, 'resellerCustomerId'));
	await crayon.purchase(
		{
			method: 'POST',
			path: CHECKOUT_PATH,
			body: order,
			sent: [
				sentField(
					orderFields.resellerCustomerId,
					fieldOf(order, 'resellerCustomerId'),
					'ResellerCustomer',
					'CustomerTenant',
				),
			],
			action: `check out an order of ${orderLinesOf(order).length} line(s) for customer tenant ${customer}`,
			identify: () => ({
				identity: `order of ${orderLinesOf(order).length} line(s) for customer tenant ${customer}`,
			}),
			signature: checkoutSignature(order),
			lookup: checkoutLookup(crayon, order),
		},
		checkedOut,
	);
	return {
		CheckedOut: true,
		VerifiedBeforeCheckout: settings.verifyBeforeCheckout,
		Order: settings.simplify ? simplifyOrder(order) : order,
	};
}
