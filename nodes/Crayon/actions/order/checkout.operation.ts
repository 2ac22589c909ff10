import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { fromSameParameters } from '../../helpers/validation';
import type { ItemApi } from '../operation';
import {
	CHECKOUT_PATH,
	type OrderBody,
	orderFieldProperties,
	orderFromFields,
	orderFromVerifiedItem,
	orderLinesPath,
	readOrderParameters,
	verificationFailed,
	verificationProblems,
	verifyOrder,
} from './order.shared';

/** Where a problem in the input item's verified order is reported. */
const INPUT_ITEM = 'Input Item';

const properties: INodeProperties[] = [
	{
		displayName: 'Order Source',
		name: 'orderSource',
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
	...updateDisplayOptions({ show: { orderSource: ['fields'] } }, orderFieldProperties),
	{
		displayName: 'Verify Before Checkout',
		name: 'verifyBeforeCheckout',
		type: 'boolean',
		default: true,
		description:
			"Whether to verify the order with Crayon right before checking it out and refuse if verification reports errors; the verified order (with Crayon's catalog item IDs) is what gets checked out",
	},
];

export const buys = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['checkout'] } },
	properties,
);

export function readInput(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const parameters = readOrderParameters(this, itemIndex, properties);
	if (parameters.orderSource === 'fields') return parameters;
	return { ...parameters, [INPUT_ITEM]: this.getInputData()[itemIndex]?.json ?? {} };
}

const verifiedOrderInput = z
	.object({ [INPUT_ITEM]: z.unknown() })
	.superRefine((raw, context) => {
		const problems = verificationProblems(raw[INPUT_ITEM]);
		if (problems.length > 0) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: [INPUT_ITEM],
				message: `is an order whose verification reported errors, so it will not be checked out: ${problems.join('; ')}`,
			});
		}
	})
	.transform((raw) => raw[INPUT_ITEM])
	.pipe(orderFromVerifiedItem);

/** Checking out without verifying needs what Verify fills in. */
function requireCatalogItemIds(
	order: OrderBody,
	linesPath: Array<string | number>,
	context: z.RefinementCtx,
): void {
	order.orderLines.forEach((line, index) => {
		if (!('catalogItemId' in line)) {
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
		const result = (fromFields ? orderFromFields : verifiedOrderInput).safeParse(raw);
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
				result.data,
				fromFields ? orderLinesPath(raw) : [INPUT_ITEM, 'orderLines'],
				context,
			);
		}
		return result.data;
	}),
	verifyBeforeCheckout: z
		.object({ verifyBeforeCheckout: z.boolean().default(true) })
		.transform((options) => options.verifyBeforeCheckout),
});

async function verifiedBody(
	context: IExecuteFunctions,
	api: ItemApi,
	order: OrderBody,
): Promise<OrderBody> {
	const verified = await verifyOrder(context, api, order);
	const problems = verificationProblems(verified);
	if (problems.length > 0)
		throw verificationFailed(context, api.itemIndex, problems, 'so nothing was checked out');
	const result = orderFromVerifiedItem.safeParse(verified);
	if (!result.success) {
		throw new NodeApiError(context.getNode(), { verified } as unknown as JsonObject, {
			itemIndex: api.itemIndex,
			message: "Crayon's verified order is incomplete, so nothing was checked out",
			description: result.error.issues
				.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
				.join('\n'),
		});
	}
	return result.data;
}

export async function execute(
	this: IExecuteFunctions,
	{ order, verifyBeforeCheckout }: z.output<typeof schema>,
	api: ItemApi,
): Promise<IDataObject> {
	const body = verifyBeforeCheckout ? await verifiedBody(this, api, order) : order;
	const response = await api.request({
		method: 'POST',
		path: CHECKOUT_PATH,
		body: body as unknown as IDataObject,
		purchase: true,
	});
	return {
		checkedOut: true,
		statusCode: response.statusCode,
		verifiedBeforeCheckout: verifyBeforeCheckout,
		order: body as unknown as IDataObject,
	};
}
