import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { crayonId, wholeNumber } from '../../domain/values';
import { booleanField } from '../../fields/common';
import { field, schemaOf } from '../../fields/parameters';
import { answerObject, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

function idField(displayName: string, description: string, placeholder: string) {
	return field(
		{
			displayName,
			type: 'number',
			required: true,
			typeOptions: { minValue: 1 },
			default: 0,
			placeholder,
			description,
		},
		crayonId,
	);
}

export const fields = {
	azurePlanId: idField('Azure Plan ID', "The customer tenant's Azure plan (Crayon's ID)", '12'),
	azureSubscriptionId: idField(
		'Azure Subscription ID',
		"The Azure subscription under the plan (Crayon's numeric ID, not the Azure GUID)",
		'41',
	),
	year: field(
		{
			displayName: 'Year',
			type: 'number',
			required: true,
			default: 2025,
		},
		wholeNumber(1, 9999),
	),
	month: field(
		{
			displayName: 'Month',
			type: 'number',
			required: true,
			default: 1,
			typeOptions: { minValue: 1, maxValue: 12 },
			description: 'The month of the usage, 1 to 12',
		},
		wholeNumber(1, 12),
	),
	includeBom: booleanField({
		displayName: 'Include Byte Order Mark',
		default: false,
		description:
			'Whether the CSV file starts with a byte order mark, which Excel needs to show non-English text correctly',
	}),
};

export const option: OperationOption = {
	name: 'Get Azure Usage File Link',
	action: 'Get the Azure usage file link of a month',
	description:
		"Get a download link (valid for 30 minutes) to an Azure subscription's monthly usage CSV file",
};

export const schema = schemaOf(fields);

/** `{file: {url, urlExpiry, lastModified}}` (https://apidocs.crayon.com/resources/AzureUsage.html), in any casing. */
const azureUsage = answerObject(
	{
		file: answerObject({ url: z.string().url() }, 'a file link'),
	},
	'an Azure usage file link ({file: {url, urlExpiry, lastModified}})',
);

/** GET /api/v1/AzureUsage/{azurePlanId}/azureSubscriptions/{id}/monthlyUsage?year&month&includeBom. */
export async function execute(
	this: IExecuteFunctions,
	{ azurePlanId, azureSubscriptionId, year, month, includeBom }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await crayon.read(
		{
			method: 'GET',
			path: `/api/v1/AzureUsage/${azurePlanId}/azureSubscriptions/${azureSubscriptionId}/monthlyUsage`,
			qs: { year, month, includeBom: includeBom ? 1 : 0 },
		},
		azureUsage,
	);
}
