import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { renewalOf } from '../../domain/nextTerm';
import { getSubscription } from '../../domain/subscriptions';
import { subscriptionLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	subscriptionId: subscriptionLocator({
		description: 'The subscription whose renewal to read (Crayon subscription ID)',
	}),
};

export const option: OperationOption = {
	name: 'Get Next-Term Instructions',
	action: 'Get the next term instructions of a subscription',
	description:
		'Read what a subscription renews as: whether it renews, when its term ends, and the instructions scheduled for the next term',
};

export const schema = schemaOf(fields);

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return renewalOf(await getSubscription(crayon, subscriptionId));
}
