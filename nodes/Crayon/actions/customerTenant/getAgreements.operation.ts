import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { agreementsOf } from '../../domain/customerTenants';
import { enumField } from '../../fields/common';
import { customerTenantLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

/** AgreementTypeConsent (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/AgreementTypeConsent.cs). */
const agreementTypes = [
	{ name: 'Microsoft Customer Agreement', value: 1 },
	{ name: 'Microsoft Cloud Agreement', value: 0 },
] as const;

export const fields = {
	customerTenantId: customerTenantLocator({ description: 'The customer tenant' }),
	agreementType: enumField(
		{ displayName: 'Agreement Type', default: 1, description: 'Which agreement' },
		agreementTypes,
	),
};

export const option: OperationOption = {
	name: 'Get Agreements',
	action: 'Get the agreements of a customer tenant',
	description:
		'List the agreements the customer has accepted (none: not yet accepted), e.g. the Microsoft Customer Agreement',
};

export const schema = schemaOf(fields);

export async function execute(
	this: IExecuteFunctions,
	{ customerTenantId, agreementType }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await agreementsOf(crayon, customerTenantId, agreementType);
}
