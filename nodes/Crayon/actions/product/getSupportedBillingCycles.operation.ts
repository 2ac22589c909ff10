import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { AGREEMENT_PRODUCTS_PATH, billingCycleOf } from '../../domain/catalogue';
import { customerTenantLocator, productLocator } from '../../fields/locators';
import { schemaOf, withProperty } from '../../fields/parameters';
import { answer, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

/**
 * Product → Get Billing Cycles: GET /api/v1/agreementproducts/{partNumber}/
 * supportedbillingcycles?resellerCustomerId (crayon-api-sdk:
 * src/Crayon.Api.Sdk/Resources/AgreementProductResource.cs, GetSupportedBillingCycles), a bare
 * array of BillingCycleEnum values.
 */

export const fields = {
	customerTenantId: customerTenantLocator({
		description: 'The customer tenant that would buy the product',
	}),
	partNumber: withProperty(
		productLocator({ description: 'The product whose billing cycles to read' }),
		{
			hint: 'IDs are BillingCycleEnum values, the numbering Subscription → Create sends (New Commerce orders number Triennial 5)',
		},
	),
};

export const option: OperationOption = {
	name: 'Get Billing Cycles',
	action: 'Get the billing cycles a product supports',
	description:
		"Read the billing cycles a customer tenant can buy a part number with (Crayon's supported billing cycles)",
};

export const schema = schemaOf(fields);

/** The SDK reads `IEnumerable<BillingCycleEnum>`: numbers, or the enum's names. */
const billingCycles = answer(
	z.array(z.union([z.number().int(), z.string()])),
	'a list of billing cycles (BillingCycleEnum values)',
);

export async function execute(
	this: IExecuteFunctions,
	{ customerTenantId, partNumber }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	// The part number goes into the path as the SDK sends it: its characters are letters, digits and ":._-" only.
	const cycles = await crayon.read(
		{
			method: 'GET',
			path: `${AGREEMENT_PRODUCTS_PATH}/${partNumber}/supportedbillingcycles`,
			qs: { resellerCustomerId: customerTenantId },
		},
		billingCycles,
	);
	return {
		PartNumber: partNumber,
		CustomerTenantId: customerTenantId,
		BillingCycles: cycles.map((cycle) => {
			const known = billingCycleOf(cycle);
			return { Id: known?.value ?? cycle, Name: known?.name ?? String(cycle) };
		}),
	};
}
