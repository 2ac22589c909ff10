import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import {
	orderBillingCycleOf,
	subscriptionBillingCycles,
	termBillingProblem,
} from '../../domain/enums';
import { verifyPurchase } from '../../domain/orders';
import { newSubscriptionLookup, subscriptionSignature } from '../../domain/outcomes';
import { simplifySubscription } from '../../domain/subscriptions';
import { NCE_PART_NUMBER } from '../../domain/values';
import {
	additionalFields,
	booleanField,
	enumField,
	optionalField,
	purchaseLineLabels,
	quantityField,
	termDurationField,
	textField,
	verifyFirstField,
} from '../../fields/common';
import { simplifyField } from '../../fields/lists';
import { customerTenantLocator, organizationLocator, productLocator } from '../../fields/locators';
import { field, schemaOf, sentField, withProperty } from '../../fields/parameters';
import { answerObject, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

const nceOnly = { displayOptions: { show: { productType: ['nce'] } } };

/** Azure Plan is bought through this endpoint too (Crayon's "Provision Azure Plan" scenario). */
const AZURE_PLAN_PART_NUMBER = 'DZH318Z0BPS6:0001';

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
					description: `Part number as productId:skuId, e.g. CFQ7TTC0LF8R:0001 (Azure Plan: ${AZURE_PLAN_PART_NUMBER}); needs billing cycle and term duration`,
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
	customerTenantId: customerTenantLocator({
		description: 'The customer tenant that gets the subscription',
	}),
	partNumber: productLocator(
		{
			description: "Product part number to buy; the list is the customer tenant's catalogue",
			hint: 'productId:skuId for New Commerce (CFQ7TTC0LF8R:0001), the offer ID for legacy CSP (a GUID such as 1eda119b-65b0-429d-a063-4d2f9840a83f)',
		},
		// The list shows New Commerce or legacy part numbers, as Product Type says.
		{ dependsOn: ['customerTenantId.value', 'productType'] },
	),
	quantity: quantityField('Number of licences'),
	// Crayon assigns no names to New Commerce subscriptions ("Create Subscription" page), so only legacy asks.
	name: optionalField(
		textField(
			{
				displayName: 'Subscription Name',
				required: true,
				default: '',
				description: 'Name of the subscription in Cloud-iQ',
				displayOptions: { show: { productType: ['legacy'] } },
			},
			200,
		),
	),
	// Hidden, and so absent, for legacy products; required for New Commerce (below).
	billingCycle: optionalField(
		enumField({ displayName: 'Billing Cycle', default: 1, ...nceOnly }, subscriptionBillingCycles),
	),
	termDuration: optionalField(
		withProperty(termDurationField('Length of the commitment', 'P1M'), nceOnly),
	),
	verifyFirst: withProperty(verifyFirstField, nceOnly),
	simplify: simplifyField,
	additionalFields: additionalFields({
		attestationAccepted: booleanField({
			displayName: 'Attestation Accepted',
			default: false,
			description:
				"Whether you accept the offer's attestation: some New Commerce offers (for example Windows 365 or Microsoft 365 for frontline workers) can only be bought with it",
		}),
		organizationId: organizationLocator({
			required: false,
			description: `The Crayon organization the subscription belongs to; Crayon's Azure Plan example (${AZURE_PLAN_PART_NUMBER}) sets it`,
		}),
	}),
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
		if (input.productType === 'legacy' && input.name === undefined) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['name'],
				message: 'is required for legacy CSP products',
			});
		}
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
	.transform(({ additionalFields: extra, ...input }) => ({
		body: {
			// Crayon documents Name as required but drops it for New Commerce: the part number says what it is.
			name: input.productType === 'nce' ? input.partNumber : (input.name as string),
			customerTenant: { id: input.customerTenantId },
			product: { partNumber: input.partNumber },
			quantity: input.quantity,
			...(input.productType === 'nce'
				? { billingCycle: input.billingCycle, termDuration: input.termDuration }
				: {}),
			...(extra.organizationId !== undefined ? { organization: { id: extra.organizationId } } : {}),
			...(extra.attestationAccepted ? { attestationAccepted: true } : {}),
		},
		// Only New Commerce products can be checked as an order line.
		verifyFirst: input.productType === 'nce' && input.verifyFirst,
		simplify: input.simplify,
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
		await verifyPurchase(
			crayon,
			{
				customerTenantId: body.customerTenant.id,
				partNumber: body.product.partNumber,
				quantity: body.quantity,
				billingCycle,
				termDuration: body.termDuration,
			},
			purchaseLineLabels(fields),
		);
	}
	return input;
}

const createdSubscription = answerObject(
	{ Id: z.number().int() },
	'the created subscription (an object with a numeric Id)',
);

export async function execute(
	this: IExecuteFunctions,
	{ body, simplify }: Input,
	crayon: CrayonClient,
) {
	const sent = [
		sentField(fields.customerTenantId, body.customerTenant.id, 'CustomerTenant'),
		sentField(fields.partNumber, body.product.partNumber, 'PartNumber', 'Product'),
		sentField(fields.quantity, body.quantity, 'Quantity'),
		...(body.billingCycle !== undefined
			? [sentField(fields.billingCycle, body.billingCycle, 'BillingCycle')]
			: []),
		...(body.termDuration !== undefined
			? [sentField(fields.termDuration, body.termDuration, 'TermDuration')]
			: []),
	];
	const expected = {
		customerTenantId: body.customerTenant.id,
		partNumber: body.product.partNumber,
		quantity: body.quantity,
	};
	const created = await crayon.purchase(
		{
			method: 'POST',
			path: '/api/v1/subscriptions/',
			body,
			sent,
			action: `create a subscription of ${body.product.partNumber} × ${body.quantity} for customer tenant ${body.customerTenant.id}`,
			identify: (created) => ({ identity: `subscription ${created.Id}`, createdIds: [created.Id] }),
			signature: subscriptionSignature(expected),
			lookup: newSubscriptionLookup(crayon, expected, 'immediately'),
		},
		createdSubscription,
	);
	return simplify ? simplifySubscription(created) : created;
}
