import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { customerTenantLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import { answerObject, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	customerTenantId: customerTenantLocator({ description: 'The customer tenant to read' }),
};

export const option: OperationOption = {
	name: 'Get',
	action: 'Get a customer tenant',
	description:
		'Read one customer tenant by its Crayon ID: name, domain, Microsoft tenant ID and organization',
};

export const schema = schemaOf(fields);

const customerTenant = answerObject(
	{ Id: z.number().int() },
	'a customer tenant (an object with a numeric Id)',
);

export async function execute(
	this: IExecuteFunctions,
	{ customerTenantId }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await crayon.read(
		{ method: 'GET', path: `/api/v1/customertenants/${customerTenantId}` },
		customerTenant,
	);
}
