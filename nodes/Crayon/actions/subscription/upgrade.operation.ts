import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { termBillingProblem, termDurations } from '../../domain/enums';
import {
	getEligibilities,
	transitionBillingCycles,
	transitionLookup,
	transitionTypes,
} from '../../domain/transitions';
import { catalogueCode } from '../../domain/values';
import { enumField, optionalField, quantityField, textField } from '../../fields/common';
import { subscriptionLocator } from '../../fields/locators';
import { field, schemaOf } from '../../fields/parameters';
import { answerObject, fieldOf, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	subscriptionId: subscriptionLocator({
		description: 'The active subscription to upgrade (Crayon subscription ID)',
	}),
	toCatalogItemId: field(
		{
			displayName: 'To Catalog Item ID',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'CFQ7TTC0LFLX:0001:CFQ7TTC0K8Z7',
			description:
				'The product to upgrade to (productId:skuId:availabilityId): one of Subscription → Get Upgrade Eligibilities',
		},
		catalogueCode('CFQ7TTC0LFLX:0001:CFQ7TTC0K8Z7'),
	),
	quantity: quantityField(
		'Licences to upgrade: the whole subscription when at least its quantity (full upgrade), otherwise part of it',
	),
	term: enumField(
		{
			displayName: 'Term Duration',
			default: 'P1Y',
			description: 'The term of the upgraded licences',
		},
		termDurations,
	),
	billingCycle: enumField(
		{
			displayName: 'Billing Cycle',
			default: 1,
			description:
				'Monthly or annual. (Triennial is left out: the SDK and the API documentation number it differently here.)',
		},
		transitionBillingCycles,
	),
	transitionType: enumField(
		{
			displayName: 'Transition Type',
			default: 'transition_only',
			description: 'The documented one',
		},
		transitionTypes,
	),
	toSubscriptionId: optionalField(
		textField(
			{
				displayName: 'To Subscription ID',
				default: '',
				description:
					'An existing subscription of the target product to add the licences to (empty: a new subscription)',
			},
			100,
		),
	),
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Upgrade',
	action: 'Upgrade a subscription',
	description:
		'Upgrade (transition) a subscription to another product, checked against its eligibilities first (costs money)',
};

export const schema = schemaOf(fields)
	.superRefine(({ billingCycle, term }, context) => {
		const problem = termBillingProblem(transitionBillingCycles, billingCycle, term);
		if (problem)
			context.addIssue({ code: z.ZodIssueCode.custom, path: ['billingCycle'], message: problem });
	})
	.transform((input) => ({
		subscriptionId: input.subscriptionId,
		// SubscriptionTransition (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/SubscriptionTransition.cs;
		// the "Create subscription upgrade" page's example sets these).
		body: {
			ToCatalogItemId: input.toCatalogItemId,
			...(input.toSubscriptionId === undefined ? {} : { ToSubscriptionId: input.toSubscriptionId }),
			TransitionType: input.transitionType,
			Quantity: input.quantity,
			BillingCycle: input.billingCycle,
			Term: input.term,
		} as IDataObject,
	}));

type Input = z.output<typeof schema>;

/** "Verify that the subscription is eligible for an upgrade by using Get subscription upgrade eligibility" (the upgrade page's prerequisite). */
export async function prepare(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	const wanted = String(input.body.ToCatalogItemId).toLowerCase();
	const eligibilities = await getEligibilities(crayon, input.subscriptionId, 'immediate');
	const target = eligibilities.find((item) => String(item.CatalogItemId).toLowerCase() === wanted);
	if (!target?.IsEligible) {
		const offered = eligibilities.map(
			(item) => `${String(item.CatalogItemId)}${item.IsEligible ? '' : ' (not eligible)'}`,
		);
		throw await crayon.error({
			message: target
				? `Subscription ${input.subscriptionId} is not eligible for the upgrade to ${String(input.body.ToCatalogItemId)}: ${String(target.Problems)}`
				: `${String(input.body.ToCatalogItemId)} is not an upgrade of subscription ${input.subscriptionId}`,
			description: `Nothing was bought. Its upgrades: ${offered.length > 0 ? offered.join(', ') : 'none'}.`,
		});
	}
	return input;
}

/** SubscriptionTransitionResponse: the transition and its events. */
const transition = answerObject(
	{ ToCatalogItemId: z.string().nullish() },
	'the upgrade (a SubscriptionTransitionResponse)',
);

/** POST /api/v1/subscriptions/{id}/transition/ (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/SubscriptionResource.cs `PostTransition`). */
export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId, body }: Input,
	crayon: CrayonClient,
) {
	const what = `${String(body.ToCatalogItemId)} × ${String(body.Quantity)}`;
	const result = await crayon.purchase(
		{
			method: 'POST',
			path: `/api/v1/subscriptions/${subscriptionId}/transition/`,
			body,
			action: `upgrade subscription ${subscriptionId} to ${what}`,
			identify: () => ({ identity: `upgrade of subscription ${subscriptionId} to ${what}` }),
			signature: `upgrade ${subscriptionId}: ${what.toLowerCase()}`,
			lookup: transitionLookup(crayon, subscriptionId, body),
		},
		transition,
	);
	return {
		SubscriptionId: subscriptionId,
		Upgraded: true,
		...result,
		Events: fieldOf(result, 'Events') ?? null,
	} as IDataObject;
}
