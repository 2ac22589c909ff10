import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import {
	CUSTOMER_TENANTS_PATH,
	customerTenantDetailed,
	invoiceProfileProblem,
	newTenantLookup,
	simplifyTenant,
	tenantsWithDomainPrefix,
} from '../../domain/customerTenants';
import { catalogueCode } from '../../domain/values';
import { simplifyField } from '../../fields/lists';
import { organizationLocator } from '../../fields/locators';
import { field, schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';
import { domainPrefixField, invoiceProfileIdField, publisherIdField } from './tenantFields';

export const fields = {
	domainPrefix: domainPrefixField('The existing tenant’s prefix (<prefix>.onmicrosoft.com)'),
	microsoftTenantId: field(
		{
			displayName: 'Microsoft Tenant ID',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'f39d8f51-ff2c-46b4-8435-84bf67f2a36c',
			description: 'The existing Microsoft tenant’s ID (sent as ExternalPublisherCustomerId)',
		},
		catalogueCode('f39d8f51-ff2c-46b4-8435-84bf67f2a36c'),
	),
	organizationId: organizationLocator({
		description: 'The Crayon organization the tenant belongs to',
	}),
	invoiceProfileId: invoiceProfileIdField,
	publisherId: publisherIdField,
	simplify: simplifyField,
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Link Existing',
	action: 'Link an existing customer tenant',
	description:
		'Add a Microsoft tenant that already exists (with subscriptions elsewhere) to Cloud-iQ; refused when the organization already has it',
};

/** The documented request ("Add existing customer tenant" page of Crayon's API documentation). */
export const schema = schemaOf(fields).transform((input) => ({
	body: {
		Tenant: {
			DomainPrefix: input.domainPrefix,
			Organization: { Id: input.organizationId },
			Publisher: { Id: input.publisherId },
			InvoiceProfile: { Id: input.invoiceProfileId },
			ExternalPublisherCustomerId: input.microsoftTenantId,
		},
	} as IDataObject,
	domainPrefix: input.domainPrefix,
	organizationId: input.organizationId,
	invoiceProfileId: input.invoiceProfileId,
	simplify: input.simplify,
}));

type Input = z.output<typeof schema>;

export async function prepare(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	const { tenants } = await tenantsWithDomainPrefix(
		crayon,
		input.organizationId,
		input.domainPrefix,
	);
	if (tenants.length > 0) {
		throw await crayon.error({
			message: `Customer tenant ${String(tenants[0].Id)} with the domain prefix ${input.domainPrefix} is already in the organization`,
			description: 'Nothing was linked: it is visible already.',
		});
	}
	const problem = await invoiceProfileProblem(crayon, input.organizationId, input.invoiceProfileId);
	if (problem) {
		throw await crayon.error({
			message: problem,
			description: 'Nothing was linked. Choose one of them (Invoice Profile → Get Many).',
		});
	}
	return input;
}

/** POST api/v1/customertenants/existing/ (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/CustomerTenantResource.cs `CreateExisting`). */
export async function execute(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	const domain = `${input.domainPrefix}.onmicrosoft.com`;
	const linked = await crayon.purchase(
		{
			method: 'POST',
			path: `${CUSTOMER_TENANTS_PATH}existing/`,
			body: input.body,
			action: `link the existing customer tenant ${domain}`,
			identify: (answer) => ({
				identity: `customer tenant ${String((answer.Tenant as IDataObject).Id)} (${domain}, linked)`,
			}),
			signature: `customer tenant ${input.domainPrefix.toLowerCase()}`,
			lookup: newTenantLookup(crayon, input.organizationId, input.domainPrefix),
		},
		customerTenantDetailed,
	);
	return input.simplify ? simplifyTenant(linked) : linked;
}
