import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { getConversions } from '../../domain/conversions';
import { subscriptionLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	subscriptionId: subscriptionLocator({
		description: 'The trial subscription (Crayon subscription ID)',
	}),
};

export const option: OperationOption = {
	name: 'Get Trial Conversions',
	action: 'Get the trial conversions of a subscription',
	description:
		'List the paid offers a trial subscription can be converted to (none for other subscriptions)',
};

export const schema = schemaOf(fields);

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await getConversions(crayon, subscriptionId);
}
