import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { z } from 'zod';

import { purchaseOrderBillingCycles, termBillingProblem } from '../../domain/enums';
import { getSubscriptionIds, NEW_COMMERCE_ORDERS_PATH } from '../../domain/newCommerceOrders';
import { verifyPurchase } from '../../domain/orders';
import { newSubscriptionLookup, subscriptionSignature } from '../../domain/outcomes';
import {
	additionalFields,
	booleanField,
	customTermEndDateField,
	dayField,
	enumField,
	purchaseLineLabels,
	quantityField,
	termDurationField,
	verifyFirstField,
} from '../../fields/common';
import { field, schemaOf, sentField } from '../../fields/parameters';
import { customerTenantLocator, productLocator } from '../../fields/locators';
import { answer, answerObject, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

const seconds = z
	.number({ invalid_type_error: 'must be a number of seconds' })
	.positive('must be more than 0')
	.max(86_400, 'must be at most 86400 (one day)');

const whileWaiting = { displayOptions: { show: { waitForSubscriptionId: [true] } } };

export const fields = {
	customerTenantId: customerTenantLocator({
		description: 'The customer tenant that gets the subscription',
	}),
	partNumber: productLocator(
		{
			description:
				"New Commerce part number (productId:skuId); the list is the customer tenant's catalogue",
		},
		{ newCommerceOnly: true, placeholder: 'CFQ7TTC0HD33:0003' },
	),
	quantity: quantityField('Number of licences'),
	billingCycle: enumField({ displayName: 'Billing Cycle', default: 1 }, purchaseOrderBillingCycles),
	termDuration: termDurationField('Length of the commitment', 'P1M'),
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
			hint: 'At most 86400 (one day); the order stands either way',
			...whileWaiting,
		},
		seconds,
		{ fallback: true },
	),
	pollIntervalSeconds: field(
		{
			displayName: 'Poll Interval (Seconds)',
			type: 'number',
			// Fractions are allowed (e.g. 0.5) but not shown as "10.00".
			typeOptions: { minValue: 0.01 },
			default: 10,
			description: 'How long to wait between two looks at the order',
			...whileWaiting,
		},
		seconds,
		{ fallback: true },
	),
	additionalFields: additionalFields({
		customTermEndDate: customTermEndDateField(
			"End the term on this date to align with the customer tenant's other subscriptions (coterminosity)",
		),
		scheduledDate: dayField(
			'Scheduled Date',
			'A day (YYYY-MM-DD) in the future: Crayon processes the order then instead of now',
		),
	}),
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Create',
	action: 'Create a New Commerce order',
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
	if (input.verifyFirst) await verifyPurchase(crayon, input.body, purchaseLineLabels(fields));
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
			sent: [
				sentField(fields.customerTenantId, body.customerTenantId, 'CustomerTenant'),
				sentField(fields.partNumber, body.partNumber, 'PartNumber'),
				sentField(fields.quantity, body.quantity, 'Quantity'),
				sentField(fields.billingCycle, body.billingCycle, 'BillingCycle'),
				sentField(fields.termDuration, body.termDuration, 'TermDuration'),
			],
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
