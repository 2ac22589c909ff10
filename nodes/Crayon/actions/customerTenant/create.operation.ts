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
import { additionalFields, enumField, textField } from '../../fields/common';
import { simplifyField } from '../../fields/lists';
import { organizationLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';
import {
	countryCodeField,
	domainPrefixField,
	emailField,
	invoiceProfileIdField,
	publisherIdField,
} from './tenantFields';

const required = (displayName: string, description: string, maxLength = 100) =>
	textField({ displayName, required: true, default: '', description }, maxLength);
const optionalText = (displayName: string, description: string, maxLength = 100) =>
	textField({ displayName, default: '', description }, maxLength);

/** CustomerTenantType (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/CustomerTenantType.cs); the documented example uses 2. */
const tenantTypes = [
	{ name: 'T2', value: 2 },
	{ name: 'T1', value: 1 },
] as const;

export const fields = {
	name: required('Name', 'The customer’s company name', 256),
	domainPrefix: domainPrefixField('The new Microsoft tenant is <prefix>.onmicrosoft.com'),
	organizationId: organizationLocator({
		description: 'The Crayon organization the tenant belongs to',
	}),
	invoiceProfileId: invoiceProfileIdField,
	publisherId: publisherIdField,
	firstName: required(
		'Contact First Name',
		'First name of the customer’s contact (also on the address)',
	),
	lastName: required(
		'Contact Last Name',
		'Last name of the customer’s contact (also on the address)',
	),
	email: emailField('Contact Email', 'E-mail address of the customer’s contact'),
	addressLine1: required('Address Line 1', 'Street address'),
	city: required('City', 'City'),
	postalCode: required('Postal Code', 'Postal code', 20),
	countryCode: countryCodeField,
	additionalFields: additionalFields({
		phoneNumber: optionalText('Contact Phone Number', 'Phone number of the contact', 30),
		addressLine2: optionalText('Address Line 2', 'More of the street address'),
		region: optionalText('Region', 'State or region'),
		organizationRegistrationNumber: optionalText(
			'Organization Registration Number',
			'The company’s registration number',
		),
		customerTenantType: enumField(
			{ displayName: 'Customer Tenant Type', default: 2, description: 'T1 or T2' },
			tenantTypes,
		),
	}),
	simplify: {
		...simplifyField,
		property: {
			...simplifyField.property,
			description:
				'Whether to output the new tenant’s main fields. Crayon’s whole answer (Simplify off) holds the first admin’s password, which n8n then stores with the execution.',
		},
	},
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Create',
	action: 'Create a customer tenant',
	description:
		'Create a new Microsoft customer tenant (<prefix>.onmicrosoft.com) in Cloud-iQ; refused when the prefix is taken in the organization',
};

/** The documented request ("Create customer tenant" page of Crayon's API documentation), PascalCase like its C# example. */
export const schema = schemaOf(fields).transform((input) => {
	const extra = input.additionalFields;
	const body: IDataObject = {
		Tenant: {
			CustomerTenantType: extra.customerTenantType ?? 2,
			DomainPrefix: input.domainPrefix,
			InvoiceProfile: { Id: input.invoiceProfileId },
			Name: input.name,
			Organization: { Id: input.organizationId },
			Publisher: { Id: input.publisherId },
		},
		Profile: {
			CultureCode: 'en-US',
			LanguageCode: 'en',
			Address: {
				FirstName: input.firstName,
				LastName: input.lastName,
				AddressLine1: input.addressLine1,
				...(extra.addressLine2 === undefined ? {} : { AddressLine2: extra.addressLine2 }),
				City: input.city,
				...(extra.region === undefined ? {} : { Region: extra.region }),
				CountryCode: input.countryCode,
				PostalCode: input.postalCode,
			},
			Contact: {
				FirstName: input.firstName,
				LastName: input.lastName,
				Email: input.email,
				...(extra.phoneNumber === undefined ? {} : { PhoneNumber: extra.phoneNumber }),
			},
		},
		...(extra.organizationRegistrationNumber === undefined
			? {}
			: { Company: { OrganizationRegistrationNumber: extra.organizationRegistrationNumber } }),
	};
	return {
		body,
		domainPrefix: input.domainPrefix,
		organizationId: input.organizationId,
		invoiceProfileId: input.invoiceProfileId,
		simplify: input.simplify,
	};
});

type Input = z.output<typeof schema>;

/** A prefix the organization already has, or an invoice profile not its own, stops the run before anything is created. */
export async function prepare(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	const { tenants } = await tenantsWithDomainPrefix(
		crayon,
		input.organizationId,
		input.domainPrefix,
	);
	if (tenants.length > 0) {
		throw await crayon.error({
			message: `Customer tenant ${String(tenants[0].Id)} already has the domain prefix ${input.domainPrefix}`,
			description:
				'Nothing was created. Use that customer tenant, or choose another domain prefix.',
		});
	}
	const problem = await invoiceProfileProblem(crayon, input.organizationId, input.invoiceProfileId);
	if (problem) {
		throw await crayon.error({
			message: problem,
			description: 'Nothing was created. Choose one of them (Invoice Profile → Get Many).',
		});
	}
	return input;
}

/** POST api/v1/customertenants/ (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/CustomerTenantResource.cs `Create`). */
export async function execute(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	const domain = `${input.domainPrefix}.onmicrosoft.com`;
	const created = await crayon.purchase(
		{
			method: 'POST',
			path: CUSTOMER_TENANTS_PATH,
			body: input.body,
			action: `create the customer tenant ${domain}`,
			identify: (answer) => ({
				identity: `customer tenant ${String((answer.Tenant as IDataObject).Id)} (${domain})`,
			}),
			signature: `customer tenant ${input.domainPrefix.toLowerCase()}`,
			lookup: newTenantLookup(crayon, input.organizationId, input.domainPrefix),
		},
		customerTenantDetailed,
	);
	return input.simplify ? simplifyTenant(created) : created;
}
