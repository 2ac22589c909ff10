import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { agreementsOf, CUSTOMER_TENANTS_PATH } from '../../domain/customerTenants';
import { dateTime } from '../../domain/values';
import { additionalFields, textField } from '../../fields/common';
import { customerTenantLocator } from '../../fields/locators';
import { field, schemaOf } from '../../fields/parameters';
import { answerObject, type CrayonClient, type OutcomeLookup } from '../../transport';
import type { OperationOption } from '../resource';
import { emailField } from './tenantFields';

/** AgreementTypeConsent.MicrosoftCustomerAgreement (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/AgreementTypeConsent.cs). */
const MICROSOFT_CUSTOMER_AGREEMENT = 1;

export const fields = {
	customerTenantId: customerTenantLocator({
		description: 'The customer tenant whose agreement it is',
	}),
	firstName: textField(
		{
			displayName: 'First Name',
			required: true,
			default: '',
			description: 'Who accepted it for the customer',
		},
		100,
	),
	lastName: textField(
		{ displayName: 'Last Name', required: true, default: '', description: 'Their last name' },
		100,
	),
	email: emailField('Email', 'Their e-mail address'),
	additionalFields: additionalFields({
		phoneNumber: textField(
			{ displayName: 'Phone Number', default: '', description: 'Their phone number' },
			30,
		),
		dateAgreed: field(
			{
				displayName: 'Date Agreed',
				type: 'dateTime',
				default: '',
				description: 'When the customer accepted it (empty: now); not in the future',
			},
			dateTime,
		),
	}),
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Accept Microsoft Customer Agreement',
	action: 'Accept the microsoft customer agreement for a customer tenant',
	description:
		'Record that the customer accepted the Microsoft Customer Agreement (needed before an Azure plan); nothing is sent when it already has',
};

export const schema = schemaOf(fields)
	.superRefine(({ additionalFields: extra }, context) => {
		if (extra.dateAgreed !== undefined && Date.parse(extra.dateAgreed) > Date.now() + 60_000) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['additionalFields', 'dateAgreed'],
				message: 'is in the future: give when the customer accepted it',
			});
		}
	})
	.transform((input) => ({
		customerTenantId: input.customerTenantId,
		alreadyAccepted: false,
		// ServiceAccountAgreement ("Create customer tenant agreement" page of Crayon's API documentation).
		body: {
			FirstName: input.firstName,
			LastName: input.lastName,
			Email: input.email,
			...(input.additionalFields.phoneNumber === undefined
				? {}
				: { PhoneNumber: input.additionalFields.phoneNumber }),
			DateAgreed: input.additionalFields.dateAgreed ?? new Date().toISOString(),
			AgreementType: MICROSOFT_CUSTOMER_AGREEMENT,
		},
	}));

type Input = z.output<typeof schema>;

/** "Consented end customer agreements is either existing … or it is empty, and thus not yet consented." */
async function accepted(crayon: CrayonClient, customerTenantId: number) {
	return (await agreementsOf(crayon, customerTenantId, MICROSOFT_CUSTOMER_AGREEMENT)).length > 0;
}

export async function prepare(
	this: IExecuteFunctions,
	input: Input,
	crayon: CrayonClient,
): Promise<Input> {
	return { ...input, alreadyAccepted: await accepted(crayon, input.customerTenantId) };
}

function agreementLookup(crayon: CrayonClient, customerTenantId: number): OutcomeLookup {
	return {
		// Crayon answers with the consent it stored.
		decisive: true,
		find: async () =>
			(await accepted(crayon, customerTenantId))
				? {
						verdict: 'bought',
						details: `customer tenant ${customerTenantId} has accepted the Microsoft Customer Agreement`,
					}
				: {
						verdict: 'notBought',
						details: `customer tenant ${customerTenantId} has not accepted the Microsoft Customer Agreement`,
					},
	};
}

const agreement = answerObject(
	{ AgreementType: z.union([z.number(), z.string()]) },
	'the agreement (a ServiceAccountAgreement)',
);

/** POST api/v1/customertenants/{id}/agreements/ (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/CustomerTenantResource.cs `AddAgreementAsync`). */
export async function execute(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	const { customerTenantId, body } = input;
	if (input.alreadyAccepted) {
		return { CustomerTenantId: customerTenantId, Accepted: true, AlreadyAccepted: true };
	}
	const result = await crayon.purchase(
		{
			method: 'POST',
			path: `${CUSTOMER_TENANTS_PATH}${customerTenantId}/agreements/`,
			body,
			action: `accept the Microsoft Customer Agreement for customer tenant ${customerTenantId}`,
			identify: () => ({
				identity: `Microsoft Customer Agreement of customer tenant ${customerTenantId}`,
			}),
			lookup: agreementLookup(crayon, customerTenantId),
		},
		agreement,
	);
	return {
		CustomerTenantId: customerTenantId,
		Accepted: true,
		AlreadyAccepted: false,
		Agreement: result,
	};
}
