import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { fromSameParameters } from '../../helpers/validation';
import type { ItemApi } from '../operation';
import {
	orderFieldProperties,
	orderFromFields,
	readOrderParameters,
	verificationFailed,
	verificationProblems,
	verifyOrder,
} from './order.shared';

const properties: INodeProperties[] = [
	...orderFieldProperties,
	{
		displayName: 'Output Orders With Errors',
		name: 'outputOrdersWithErrors',
		type: 'boolean',
		default: false,
		description:
			"Whether to output an order whose verification reports errors as a normal item (with Crayon's errors in it) instead of failing the item",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['verify'] } },
	properties,
);

export function readInput(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return readOrderParameters(this, itemIndex, properties);
}

export const schema = fromSameParameters({
	order: orderFromFields,
	outputOrdersWithErrors: z
		.object({ outputOrdersWithErrors: z.boolean().default(false) })
		.transform((options) => options.outputOrdersWithErrors),
});

export async function execute(
	this: IExecuteFunctions,
	{ order, outputOrdersWithErrors }: z.output<typeof schema>,
	api: ItemApi,
): Promise<IDataObject> {
	const verified = await verifyOrder(this, api, order);
	const problems = verificationProblems(verified);
	if (problems.length > 0 && !outputOrdersWithErrors) {
		throw verificationFailed(this, api.itemIndex, problems, 'in the order');
	}
	return verified;
}
