import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { responseObject, sendAndRead } from '../../helpers/responses';
import { crayonId } from '../../helpers/validation';
import { customerTenantLocator } from '../../methods/locators';
import type { ItemApi } from '../operation';

const properties: INodeProperties[] = [
	customerTenantLocator({ description: 'The customer tenant to read' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customerTenant'], operation: ['get'] } },
	properties,
);

export const schema = z.object({ customerTenantId: crayonId });

export async function execute(
	this: IExecuteFunctions,
	{ customerTenantId }: z.output<typeof schema>,
	api: ItemApi,
): Promise<IDataObject> {
	return await sendAndRead(
		this,
		api,
		{ method: 'GET', path: `/api/v1/customertenants/${customerTenantId}`, purchase: false },
		responseObject({ Id: z.number().int() }),
		'a customer tenant (an object with a numeric Id)',
	);
}
