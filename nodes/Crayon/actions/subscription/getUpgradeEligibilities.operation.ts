import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { getEligibilities, eligibilityTypes } from '../../domain/transitions';
import { enumField } from '../../fields/common';
import { subscriptionLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	subscriptionId: subscriptionLocator({
		description: 'The subscription to upgrade (Crayon subscription ID)',
	}),
	eligibilityType: enumField(
		{
			displayName: 'Eligibility Type',
			default: 'immediate',
			description:
				'Upgrades now or at renewal. Crayon does not document the values; these are Partner Center’s.',
		},
		eligibilityTypes,
	),
};

export const option: OperationOption = {
	name: 'Get Upgrade Eligibilities',
	action: 'Get the upgrade eligibilities of a subscription',
	description:
		'List the products a subscription can be upgraded to and whether it is eligible now (one item per product)',
};

export const schema = schemaOf(fields);

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId, eligibilityType }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await getEligibilities(crayon, subscriptionId, eligibilityType);
}
