import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { z } from 'zod';

import { purchaseOrderBillingCycles, termBillingProblem } from '../../domain/enums';
import { getSubscriptionIds, NEW_COMMERCE_ORDERS_PATH } from '../../domain/newCommerceOrders';
import { verifyPurchase } from '../../domain/orders';
import { newSubscriptionLookup, subscriptionSignature } from '../../domain/outcomes';
import { calendarDate, catalogueCode, dateTime, NCE_PART_NUMBER } from '../../domain/values';
import {
	additionalFields,
	booleanField,
	enumField,
	quantityField,
	termDurationField,
	verifyFirstField,
} from '../../fields/common';
import { customerTenantLocator } from '../../fields/locators';
import { field, schemaOf } from '../../fields/parameters';
import { answer, answerObject, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

const seconds = z
	.number({ invalid_type_error: 'must be a number of seconds' })
	.positive('must be more than 0')
	.max(86_400, 'must be at most 86400 (one day)');

const whileWaiting = { displayOptions: { show: { waitForSubscriptionId: [true] } } };

export const fields = {
	customerTenantId: customerTenantLocator({
		displayName: 'Customer Tenant ID',
		description: 'Crayon ID of the customer tenant that gets the subscription',
	}),
	partNumber: field(
		{
			displayName: 'Part Number',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'CFQ7TTC0HD33:0003',
			description: 'New Commerce part number: productId:skuId',
		},
		catalogueCode('CFQ7TTC0HD33:0003').refine((value) => NCE_PART_NUMBER.test(value), {
			message: 'must be productId:skuId (for example CFQ7TTC0HD33:0003)',
		}),
	),
	quantity: quantityField('Number of licences'),
	billingCycle: enumField({ displayName: 'Billing Cycle', default: 1 }, purchaseOrderBillingCycles),
	termDuration: termDurationField('Length of the commitment', 'P1M'),
	additionalFields: additionalFields({
		customTermEndDate: field(
			{
				displayName: 'Custom Term End Date',
				type: 'dateTime',
				default: '',
				description:
					'End the term on this date to align with other subscriptions (coterminosity); use a date Crayon offers for the tenant',
			},
			dateTime,
		),
		scheduledDate: field(
			{
				displayName: 'Scheduled Date',
				type: 'dateTime',
				default: '',
				description: 'Process the order on this date instead of now',
			},
			calendarDate,
		),
	}),
	verifyFirst: verifyFirstField,
	waitForSubscriptionId: booleanField({
		displayName: 'Wait for Subscription ID',
		default: true,
		description:
			'Whether to wait until Crayon has processed the order and output the new subscription ID. If the wait ends first, the order still stands: the item says so instead of failing.',
	}),
	waitTimeoutSeconds: field(
		{
			displayName: 'Wait Timeout (Seconds)',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 300,
			...whileWaiting,
		},
		seconds,
		{ fallback: true },
	),
	pollIntervalSeconds: field(
		{
			displayName: 'Poll Interval (Seconds)',
			type: 'number',
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			default: 10,
			...whileWaiting,
		},
		seconds,
		{ fallback: true },
	),
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Create',
	action: 'Create a new commerce order',
	description:
		'Buy a New Commerce subscription in one call (verify and checkout combined; costs money) and optionally wait for its subscription ID',
};

export const schema = schemaOf(fields)
	.superRefine(({ billingCycle, termDuration }, context) => {
		const problem = termBillingProblem(purchaseOrderBillingCycles, billingCycle, termDuration);
		if (problem)
			context.addIssue({ code: z.ZodIssueCode.custom, path: ['billingCycle'], message: problem });
	})
	.transform((input) => ({
		verifyFirst: input.verifyFirst,
		body: {
			customerTenantId: input.customerTenantId,
			billingCycle: input.billingCycle,
			partNumber: input.partNumber,
			quantity: input.quantity,
			termDuration: input.termDuration,
			...(input.additionalFields.customTermEndDate
				? { customTermEndDate: input.additionalFields.customTermEndDate }
				: {}),
			...(input.additionalFields.scheduledDate
				? { scheduledDate: input.additionalFields.scheduledDate }
				: {}),
		},
		wait: input.waitForSubscriptionId
			? { timeoutMs: input.waitTimeoutSeconds * 1000, intervalMs: input.pollIntervalSeconds * 1000 }
			: undefined,
	}));

type Input = z.output<typeof schema>;

/** With Verify All Items First: Crayon's objections to any item stop the run before the first order. */
export async function prepare(
	this: IExecuteFunctions,
	input: Input,
	crayon: CrayonClient,
): Promise<Input> {
	if (input.verifyFirst) await verifyPurchase(crayon, input.body);
	return input;
}

/**
 * `IsSuccessful: true` without an order id is not an answer the node can act on: the order may
 * stand, and nothing identifies it, so it is an unknown outcome rather than "not placed".
 */
const orderResult = answer(
	answerObject(
		{
			IsSuccessful: z.boolean(),
			NewCommerceOrderId: z.string().nullish(),
			ErrorReasonCode: z.string().nullish(),
			ErrorDescription: z.string().nullish(),
		},
		'',
	).refine((order) => !order.IsSuccessful || Boolean(order.NewCommerceOrderId)),
	'the order result (IsSuccessful, and a NewCommerceOrderId when it is true)',
);

export async function execute(
	this: IExecuteFunctions,
	{ body, wait }: Input,
	crayon: CrayonClient,
) {
	const order = await crayon.purchase(
		{
			method: 'POST',
			path: NEW_COMMERCE_ORDERS_PATH,
			body,
			action: `order ${body.partNumber} × ${body.quantity} for customer tenant ${body.customerTenantId}`,
			identify: (placed) =>
				placed.IsSuccessful
					? { identity: `New Commerce order ${placed.NewCommerceOrderId}` }
					: undefined,
			signature: subscriptionSignature(body),
			lookup: newSubscriptionLookup(crayon, body, 'afterProcessing'),
		},
		orderResult,
	);
	const newCommerceOrderId = order.NewCommerceOrderId;
	if (!order.IsSuccessful || !newCommerceOrderId) {
		throw await crayon.error({
			message: `Crayon did not place the New Commerce order: ${order.ErrorDescription ?? 'no reason given'}${order.ErrorReasonCode ? ` (${order.ErrorReasonCode})` : ''}`,
			description: `Part number ${body.partNumber}, quantity ${body.quantity}, customer tenant ${body.customerTenantId}. Nothing was bought.`,
			response: order,
		});
	}
	if (!wait) return order;

	const deadline = Date.now() + wait.timeoutMs;
	for (;;) {
		const ids = await getSubscriptionIds(crayon, newCommerceOrderId);
		if (ids.length > 0) {
			crayon.noteCreated(ids);
			return { ...order, SubscriptionIds: ids, SubscriptionId: ids[0] };
		}
		const remainingMs = deadline - Date.now();
		if (remainingMs <= 0) {
			return {
				...order,
				SubscriptionIds: [],
				SubscriptionId: null,
				WaitTimedOut: true,
				Notice: `The order was placed but Crayon had not created the subscription after ${wait.timeoutMs / 1000} s. Do not order again: look it up later with the New Commerce Order ID.`,
			};
		}
		await sleep(Math.min(wait.intervalMs, remainingMs));
	}
}
