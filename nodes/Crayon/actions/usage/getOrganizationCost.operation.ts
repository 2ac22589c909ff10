import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { usageCostPage } from '../../domain/usage';
import { organizationLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import { usagePeriodFields } from '../../fields/usage';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	organizationId: organizationLocator({
		description: 'The Crayon organization whose usage cost to read',
	}),
	...usagePeriodFields('usage cost'),
};

export const option: OperationOption = {
	name: 'Get Cost by Organization',
	action: 'Get the usage cost of an organization',
	description:
		"Read an organization's usage cost over a period: one item per Azure subscription, with its amount and currency",
};

export const schema = schemaOf(fields);

/** GET /api/v1/usagecost/organization/{organizationId}/?from&to (crayon-api-sdk: UsageCostResource.GetForOrganization). */
export async function execute(
	this: IExecuteFunctions,
	{ organizationId, from, to }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	const page = await crayon.read(
		{ method: 'GET', path: `/api/v1/usagecost/organization/${organizationId}/`, qs: { from, to } },
		usageCostPage,
	);
	return page.Items;
}
