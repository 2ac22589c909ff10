import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { withCatalogueVariants } from '../../domain/catalogue';
import { verificationFailed, verificationProblems, verifyOrder } from '../../domain/orders';
import { booleanField } from '../../fields/common';
import {
	orderFields,
	orderFromFields,
	orderLineLabels,
	readOrderParameters,
} from '../../fields/order';
import { fromSameParameters, propertiesOf, schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';

import type { OperationOption } from '../resource';

const toggles = {
	outputOrdersWithErrors: booleanField({
		displayName: 'Output Orders With Errors',
		default: false,
		description:
			"Whether to output an order whose verification reports errors as a normal item (with Crayon's errors in it) instead of failing the item",
	}),
};

export const fields = { ...orderFields, ...toggles };

export const option: OperationOption = {
	name: 'Verify',
	action: 'Verify an order',
	description: 'Check a purchase request order and get its catalog item IDs without buying',
};

export function readInput(this: IExecuteFunctions, itemIndex: number) {
	return readOrderParameters(this, itemIndex, propertiesOf(fields));
}

export const schema = fromSameParameters({
	order: orderFromFields,
	outputOrdersWithErrors: schemaOf(toggles).transform((options) => options.outputOrdersWithErrors),
});

export async function execute(
	this: IExecuteFunctions,
	{ order, outputOrdersWithErrors }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	// A line's Product picked from the catalogue gets its variant from the tenant's catalogue first.
	const verified = await verifyOrder(
		crayon,
		await withCatalogueVariants(crayon, order.body, order.picked),
	);
	const problems = verificationProblems(verified, orderLineLabels);
	if (problems.length > 0 && !outputOrdersWithErrors) {
		throw await verificationFailed(crayon, problems, 'in the order');
	}
	return verified;
}
