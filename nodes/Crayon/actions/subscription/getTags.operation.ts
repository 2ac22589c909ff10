import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { getTags } from '../../domain/tags';
import { subscriptionLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	subscriptionId: subscriptionLocator({ description: 'The subscription (Crayon subscription ID)' }),
};

export const option: OperationOption = {
	name: 'Get Tags',
	action: 'Get the tags of a subscription',
	description: 'Read the cost center, department, project, owner and custom tags of a subscription',
};

export const schema = schemaOf(fields);

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await getTags(crayon, subscriptionId);
}
