import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { readAllPages } from '../../helpers/paging';
import { crayonId } from '../../helpers/validation';
import { subscriptionLocator } from '../../methods/locators';
import type { ItemApi } from '../operation';

const properties: INodeProperties[] = [
	subscriptionLocator({
		description: 'The subscription whose add-on offers to list (Crayon subscription ID)',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['getAddonOffers'] } },
	properties,
);

export const schema = z.object({ subscriptionId: crayonId });

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId }: z.output<typeof schema>,
	api: ItemApi,
): Promise<IDataObject[]> {
	return await readAllPages(this, api, {
		path: `/api/v1/subscriptions/${subscriptionId}/addon-offers`,
	});
}
