import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import {
	orderBillingCycleOf,
	subscriptionBillingCycles,
	termBillingProblem,
} from '../../domain/enums';
import { verifyPurchase } from '../../domain/orders';
import { newSubscriptionLookup, subscriptionSignature } from '../../domain/outcomes';
import { NCE_PART_NUMBER } from '../../domain/values';
import {
	enumField,
	optionalField,
	partNumberField,
	quantityField,
	termDurationField,
	textField,
	verifyFirstField,
} from '../../fields/common';
import { customerTenantLocator } from '../../fields/locators';
import { field, schemaOf, withProperty } from '../../fields/parameters';
import { answerObject, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

const nceOnly = { displayOptions: { show: { productType: ['nce'] } } };

export const fields = {
	productType: field(
		{
			displayName: 'Product Type',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'New Commerce (NCE)',
					value: 'nce',
					description:
						'Part number as productId:skuId, e.g. CFQ7TTC0LF8R:0001; needs billing cycle and term duration',
				},
				{
					name: 'Legacy CSP',
					value: 'legacy',
					description: 'Legacy CSP offer part number (a GUID)',
				},
			],
			default: 'nce',
		},
		z.enum(['nce', 'legacy'], { errorMap: () => ({ message: 'must be nce or legacy' }) }),
		{ fallback: true },
	),
	name: textField(
		{
			displayName: 'Subscription Name',
			required: true,
			default: '',
			description:
				'Name of the subscription in Cloud-iQ (Crayon does not apply names to NCE subscriptions)',
		},
		200,
	),
	customerTenantId: customerTenantLocator({
		displayName: 'Customer Tenant ID',
		description: 'Crayon ID of the customer tenant that gets the subscription',
	}),
	partNumber: partNumberField('CFQ7TTC0LF8R:0001', 'Product part number to buy'),
	quantity: quantityField('Number of licences'),
	// Hidden, and so absent, for legacy products; required for New Commerce (below).
	billingCycle: optionalField(
		enumField({ displayName: 'Billing Cycle', default: 1, ...nceOnly }, subscriptionBillingCycles),
	),
	termDuration: optionalField(
		withProperty(termDurationField('Length of the commitment', 'P1M'), nceOnly),
	),
	verifyFirst: withProperty(verifyFirstField, nceOnly),
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Create',
	action: 'Create a subscription',
	description:
		'Buy a new subscription (legacy CSP or New Commerce) for a customer tenant (costs money)',
};

export const schema = schemaOf(fields)
	.superRefine((input, context) => {
		if (input.productType !== 'nce') return;
		if (!NCE_PART_NUMBER.test(input.partNumber)) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['partNumber'],
				message:
					'must be productId:skuId for New Commerce products (for example CFQ7TTC0LF8R:0001)',
			});
		}
		for (const name of ['billingCycle', 'termDuration'] as const) {
			if (input[name] === undefined) {
				context.addIssue({
					code: z.ZodIssueCode.custom,
					path: [name],
					message: 'is required for New Commerce products',
				});
			}
		}
		const problem = termBillingProblem(
			subscriptionBillingCycles,
			input.billingCycle,
			input.termDuration,
		);
		if (problem)
			context.addIssue({ code: z.ZodIssueCode.custom, path: ['billingCycle'], message: problem });
	})
	.transform((input) => ({
		body: {
			name: input.name,
			customerTenant: { id: input.customerTenantId },
			product: { partNumber: input.partNumber },
			quantity: input.quantity,
			...(input.productType === 'nce'
				? { billingCycle: input.billingCycle, termDuration: input.termDuration }
				: {}),
		},
		// Only New Commerce products can be checked as an order line.
		verifyFirst: input.productType === 'nce' && input.verifyFirst,
	}));

type Input = z.output<typeof schema>;

/** With Verify All Items First (New Commerce only): Crayon's objections to any item stop the run before the first purchase. */
export async function prepare(
	this: IExecuteFunctions,
	input: Input,
	crayon: CrayonClient,
): Promise<Input> {
	const { body } = input;
	const billingCycle = orderBillingCycleOf(body.billingCycle ?? 0);
	if (input.verifyFirst && billingCycle !== undefined && body.termDuration !== undefined) {
		await verifyPurchase(crayon, {
			customerTenantId: body.customerTenant.id,
			partNumber: body.product.partNumber,
			quantity: body.quantity,
			billingCycle,
			termDuration: body.termDuration,
		});
	}
	return input;
}

const createdSubscription = answerObject(
	{ Id: z.number().int() },
	'the created subscription (an object with a numeric Id)',
);

export async function execute(this: IExecuteFunctions, { body }: Input, crayon: CrayonClient) {
	const expected = {
		customerTenantId: body.customerTenant.id,
		partNumber: body.product.partNumber,
		quantity: body.quantity,
	};
	return await crayon.purchase(
		{
			method: 'POST',
			path: '/api/v1/subscriptions/',
			body,
			action: `create a subscription of ${body.product.partNumber} × ${body.quantity} for customer tenant ${body.customerTenant.id}`,
			identify: (created) => ({ identity: `subscription ${created.Id}`, createdIds: [created.Id] }),
			signature: subscriptionSignature(expected),
			lookup: newSubscriptionLookup(crayon, expected, 'immediately'),
		},
		createdSubscription,
	);
}
