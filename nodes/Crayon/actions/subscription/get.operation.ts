import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { getSubscription, simplifySubscription } from '../../domain/subscriptions';
import { simplifyField } from '../../fields/lists';
import { subscriptionLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	subscriptionId: subscriptionLocator({
		description: 'The subscription to read (Crayon subscription ID)',
	}),
	simplify: simplifyField,
};

export const option: OperationOption = {
	name: 'Get',
	action: 'Get a subscription',
	description: 'Read one subscription by its ID: product, quantity, status, term and end date',
};

export const schema = schemaOf(fields);

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId, simplify }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	const subscription = await getSubscription(crayon, subscriptionId);
	return simplify ? simplifySubscription(subscription) : subscription;
}
