import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { readAllPages } from '../../domain/paging';
import { subscriptionLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	subscriptionId: subscriptionLocator({
		description: 'The subscription whose add-on offers to list (Crayon subscription ID)',
	}),
};

export const option: OperationOption = {
	name: 'Get Add-On Offers',
	action: 'Get the add-on offers of a subscription',
	description:
		'List the add-on offers that can be bought for a subscription, with their part numbers',
};

export const schema = schemaOf(fields);

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await readAllPages(crayon, {
		path: `/api/v1/subscriptions/${subscriptionId}/addon-offers`,
	});
}
