import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { getTransitions } from '../../domain/transitions';
import { subscriptionLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	subscriptionId: subscriptionLocator({
		description: 'The subscription whose upgrades to list (Crayon subscription ID)',
	}),
};

export const option: OperationOption = {
	name: 'Get Upgrades',
	action: 'Get the upgrades of a subscription',
	description: 'List the upgrades (transitions) made from a subscription, with their events',
};

export const schema = schemaOf(fields);

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await getTransitions(crayon, subscriptionId);
}
