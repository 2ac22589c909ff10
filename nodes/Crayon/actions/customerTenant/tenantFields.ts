import { z } from 'zod';

import { DOMAIN_PREFIX } from '../../domain/customerTenants';
import { text, wholeNumber } from '../../domain/values';
import { field } from '../../fields/parameters';

/** Fields Create, Link Existing and Accept Microsoft Customer Agreement share. */

export function domainPrefixField(description: string) {
	return field(
		{
			displayName: 'Domain Prefix',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'contoso',
			description,
		},
		z
			.string({ required_error: 'is required', invalid_type_error: 'must be text' })
			.regex(
				DOMAIN_PREFIX,
				'must be 1 to 27 letters and digits (the part before .onmicrosoft.com), with no spaces',
			),
	);
}

export const invoiceProfileIdField = field(
	{
		displayName: 'Invoice Profile ID',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1 },
		default: 0,
		description:
			'The invoice profile the tenant is billed to: one of the organization’s (Invoice Profile → Get Many)',
	},
	wholeNumber(1),
);

/** The documented requests set Publisher.Id to "<publisher id>" without saying which: no default is guessed. */
export const publisherIdField = field(
	{
		displayName: 'Publisher ID',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1 },
		default: 0,
		description:
			'Crayon’s ID of the publisher (Microsoft): the Publisher ID your other customer tenants show (Customer Tenant → Get)',
	},
	wholeNumber(1),
);

export function emailField(displayName: string, description: string) {
	return field(
		{
			displayName,
			type: 'string',
			required: true,
			default: '',
			placeholder: 'name@example.com',
			description,
		},
		text(254).pipe(z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an e-mail address')),
	);
}

export const countryCodeField = field(
	{
		displayName: 'Country Code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'NO',
		description: 'Two-letter country code of the address (ISO 3166-1), e.g. NO, SE, DK',
	},
	z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.regex(/^[A-Z]{2}$/, 'must be a two-letter country code in capitals, such as NO'),
);
