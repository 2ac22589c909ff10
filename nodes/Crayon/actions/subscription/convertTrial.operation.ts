import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { conversionLookup, getConversions } from '../../domain/conversions';
import { subscriptionBillingCycles } from '../../domain/enums';
import { subscriptionDetailed } from '../../domain/subscriptions';
import { catalogueCode } from '../../domain/values';
import { changedOutput } from '../../domain/lifecycle';
import { enumField, optionalField, quantityField } from '../../fields/common';
import { simplifyField } from '../../fields/lists';
import { subscriptionLocator } from '../../fields/locators';
import { field, schemaOf } from '../../fields/parameters';
import { fieldOf, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	subscriptionId: subscriptionLocator({
		description: 'The active trial subscription to convert (Crayon subscription ID)',
	}),
	quantity: quantityField('Licences of the paid subscription'),
	billingCycle: enumField(
		{ displayName: 'Billing Cycle', default: 1, description: 'Billing of the paid subscription' },
		subscriptionBillingCycles,
	),
	targetOfferId: optionalField(
		field(
			{
				displayName: 'Target Offer ID',
				type: 'string',
				default: '',
				placeholder: 'CFQ7TTC0LFLX:0001:CFQ7TTC0K8Z7',
				description:
					'The paid offer (a TargetOfferId of Subscription → Get Trial Conversions); empty: the only one there is',
			},
			catalogueCode('CFQ7TTC0LFLX:0001:CFQ7TTC0K8Z7'),
		),
	),
	simplify: simplifyField,
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Convert Trial',
	action: 'Convert a trial subscription',
	description:
		'Convert a trial subscription to the paid offer (costs money), checked against its conversions first',
};

export const schema = schemaOf(fields).transform((input) => ({
	...input,
	conversion: undefined as IDataObject | undefined,
}));

type Input = z.output<typeof schema>;

/** The conversion to post: the one of GET …/conversions with this target offer (or the only one). */
export async function prepare(
	this: IExecuteFunctions,
	input: Input,
	crayon: CrayonClient,
): Promise<Input> {
	const conversions = await getConversions(crayon, input.subscriptionId);
	const wanted = input.targetOfferId?.toLowerCase();
	const matching = conversions.filter(
		(conversion) =>
			wanted === undefined || String(fieldOf(conversion, 'TargetOfferId')).toLowerCase() === wanted,
	);
	if (matching.length !== 1) {
		const offers = conversions.map((conversion) => String(fieldOf(conversion, 'TargetOfferId')));
		throw await crayon.error({
			message:
				conversions.length === 0
					? `Subscription ${input.subscriptionId} has no trial conversion: it is not an active trial`
					: matching.length === 0
						? `${input.targetOfferId} is not a conversion of subscription ${input.subscriptionId}`
						: `Subscription ${input.subscriptionId} has ${matching.length} conversions: choose the Target Offer ID`,
			description: `Nothing was bought. Its conversions: ${offers.length > 0 ? offers.join(', ') : 'none'}.`,
		});
	}
	return { ...input, conversion: matching[0] };
}

/**
 * POST /api/v1/subscriptions/{id}/conversions with the SubscriptionConversion Crayon listed, the
 * quantity and billing cycle (BillingCycleEnum) set (crayon-api-sdk:
 * src/Crayon.Api.Sdk/Resources/SubscriptionResource.cs `PostSubscriptionConversion`).
 */
export async function execute(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	const { subscriptionId, quantity, billingCycle, simplify } = input;
	const conversion = input.conversion as IDataObject;
	const body = { ...conversion, Quantity: quantity, BillingCycle: billingCycle };
	const result = await crayon.purchase(
		{
			method: 'POST',
			path: `/api/v1/subscriptions/${subscriptionId}/conversions`,
			body,
			action: `convert trial subscription ${subscriptionId} to ${quantity} paid licences`,
			identify: () => ({
				identity: `trial subscription ${subscriptionId} converted (${quantity} licences)`,
			}),
			lookup: conversionLookup(crayon, subscriptionId),
		},
		subscriptionDetailed,
	);
	return changedOutput(result, simplify, { Converted: true, Conversion: body });
}
