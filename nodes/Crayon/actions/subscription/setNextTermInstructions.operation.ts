import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { purchaseOrderBillingCycles, termBillingProblem, termDurations } from '../../domain/enums';
import { nextTermLookup } from '../../domain/nextTerm';
import { STATUS, statusValue } from '../../domain/lifecycle';
import { getSubscription } from '../../domain/subscriptions';
import { catalogueCode, dateTime, NCE_PART_NUMBER } from '../../domain/values';
import { collectionField, enumField, quantityField } from '../../fields/common';
import { subscriptionLocator } from '../../fields/locators';
import { field, schemaOf } from '../../fields/parameters';
import { answerObject, fieldOf, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	subscriptionId: subscriptionLocator({
		description: 'The active New Commerce subscription (Crayon subscription ID)',
	}),
	nextTerm: collectionField(
		{
			displayName: 'Next Term',
			placeholder: 'Add Instruction',
			description:
				'What the subscription renews as at the end of its term; what is not given stays as it would be',
		},
		{
			partNumber: field(
				{
					displayName: 'Part Number',
					type: 'string',
					default: '',
					placeholder: 'CFQ7TTC0LF8R:0001',
					description: 'Renew as this New Commerce product (productId:skuId)',
				},
				catalogueCode('CFQ7TTC0LF8R:0001').refine(
					(value) => NCE_PART_NUMBER.test(value),
					'must be productId:skuId (for example CFQ7TTC0LF8R:0001)',
				),
			),
			quantity: quantityField('Number of licences in the next term'),
			termDuration: enumField(
				{ displayName: 'Term Duration', default: 'P1Y', description: 'The next term' },
				termDurations,
			),
			billingCycle: enumField(
				{ displayName: 'Billing Cycle', default: 1, description: 'Billing of the next term' },
				purchaseOrderBillingCycles,
			),
			customTermEndDate: field(
				{
					displayName: 'Custom Term End Date',
					type: 'dateTime',
					default: '',
					description:
						'Align the next term with other subscriptions: one of the dates Subscription → Get Coterminosity Dates returns',
				},
				dateTime,
			),
		},
	),
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Set Next-Term Instructions',
	action: 'Set the next term instructions of a subscription',
	description:
		'Set what a New Commerce subscription renews as: quantity, term, billing cycle or product (changes what is billed next term)',
};

export const schema = schemaOf(fields)
	.superRefine(({ nextTerm }, context) => {
		if (Object.values(nextTerm).every((value) => value === undefined)) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['nextTerm'],
				message:
					'needs at least one instruction (Part Number, Quantity, Term Duration, Billing Cycle or Custom Term End Date)',
			});
		}
		const problem = termBillingProblem(
			purchaseOrderBillingCycles,
			nextTerm.billingCycle,
			nextTerm.termDuration,
		);
		if (problem)
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['nextTerm', 'billingCycle'],
				message: problem,
			});
	})
	.transform(({ subscriptionId, nextTerm }) => ({
		subscriptionId,
		// The "Schedule Next Term Instructions" page's request example: camelCase, only what is given.
		body: Object.fromEntries(
			Object.entries({
				billingCycle: nextTerm.billingCycle,
				partNumber: nextTerm.partNumber,
				quantity: nextTerm.quantity,
				termDuration: nextTerm.termDuration,
				customTermEndDate: nextTerm.customTermEndDate,
			}).filter(([, value]) => value !== undefined),
		) as IDataObject,
	}));

type Input = z.output<typeof schema>;

/** Next-term instructions are for active New Commerce subscriptions (they have a term and renew). */
export async function prepare(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	const subscription = await getSubscription(crayon, input.subscriptionId);
	if (
		typeof fieldOf(subscription, 'AutoRenewEnabled') !== 'boolean' ||
		!fieldOf(subscription, 'TermDuration')
	) {
		throw await crayon.error({
			message: `Subscription ${input.subscriptionId} is not a New Commerce subscription: it has no next term to instruct`,
			description:
				'Nothing was changed. Legacy CSP subscriptions take their changes through Subscription → Update Quantity.',
		});
	}
	if (statusValue(subscription.Status) !== STATUS.Active) {
		throw await crayon.error({
			message: `Subscription ${input.subscriptionId} is not active: only an active subscription renews`,
			description: 'Nothing was changed. Reactivate it first (Subscription → Reactivate).',
		});
	}
	return input;
}

/** NextTermInstructionsResult (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/NextTermInstructionsResult.cs). */
const result = answerObject(
	{
		IsSuccessful: z.boolean(),
		ErrorReasonCode: z.string().nullish(),
		ErrorDescription: z.string().nullish(),
	},
	'the result of the instructions ({IsSuccessful, ErrorReasonCode, ErrorDescription})',
);

/** POST /api/v1/subscriptions/{id}/next-term-instructions (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/SubscriptionResource.cs `PostNextTermInstructionsAsync`). */
export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId, body }: Input,
	crayon: CrayonClient,
) {
	const path = `/api/v1/subscriptions/${subscriptionId}/next-term-instructions`;
	const answer = await crayon.purchase(
		{
			method: 'POST',
			path,
			body,
			action: `set the next-term instructions of subscription ${subscriptionId}`,
			identify: (outcome) =>
				outcome.IsSuccessful
					? { identity: `next-term instructions of subscription ${subscriptionId}` }
					: undefined,
			lookup: nextTermLookup(crayon, subscriptionId, body),
		},
		result,
	);
	if (!answer.IsSuccessful) {
		throw await crayon.error({
			message: `Crayon refused the next-term instructions of subscription ${subscriptionId}: ${answer.ErrorDescription ?? answer.ErrorReasonCode ?? 'no reason given'}`,
			description: `Nothing was changed (${answer.ErrorReasonCode ?? 'no reason code'}). Fix the instructions and run the item again.`,
			response: answer,
		});
	}
	return { SubscriptionId: subscriptionId, Accepted: true, NextTermInstructions: body };
}
