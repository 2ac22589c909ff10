import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { azureSubscriptionGuid, currencyCode, usageCostPage } from '../../domain/usage';
import { customerTenantLocator } from '../../fields/locators';
import { field, schemaOf } from '../../fields/parameters';
import { usagePeriodFields } from '../../fields/usage';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	customerTenantId: customerTenantLocator({
		description: 'The customer tenant the Azure subscription belongs to',
	}),
	subscriptionId: field(
		{
			displayName: 'Azure Subscription ID',
			type: 'string',
			required: true,
			default: '',
			placeholder: '0f6c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
			description:
				'The Azure subscription (its GUID: the SubscriptionId of Usage → Get Cost by Organization)',
		},
		azureSubscriptionGuid,
	),
	currencyCode: field(
		{
			displayName: 'Currency Code',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'NOK',
			description: 'The currency the organization is billed in',
		},
		currencyCode,
	),
	...usagePeriodFields('usage cost'),
};

export const option: OperationOption = {
	name: 'Get Cost by Subscription',
	action: 'Get the usage cost of an Azure subscription',
	description:
		"Read a customer's Azure subscription usage cost over a period: one item per category, with its amount and currency",
};

export const schema = schemaOf(fields).transform(
	({ customerTenantId, subscriptionId, currencyCode: currency, from, to }) =>
		({
			ResellerCustomerId: customerTenantId,
			SubscriptionId: subscriptionId,
			CurrencyCode: currency,
			From: from,
			To: to,
		}) as IDataObject,
);

/** POST /api/v1/usagecost/getForSubscription (crayon-api-sdk: SubscriptionUsageCostRequest; the SDK's "new POST endpoints"). It only reads. */
export async function execute(
	this: IExecuteFunctions,
	body: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	const page = await crayon.read(
		{ method: 'POST', path: '/api/v1/usagecost/getForSubscription', body },
		usageCostPage,
	);
	return page.Items;
}
