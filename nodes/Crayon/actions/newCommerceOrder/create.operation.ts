import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { dropdownOptions, orderBillingCycles, termDurations } from '../../helpers/enums';
import { responseObject, sendAndRead } from '../../helpers/responses';
import {
	NCE_PART_NUMBER,
	calendarDate,
	catalogueCode,
	crayonId,
	dateTime,
	oneOf,
	optional,
	quantity,
} from '../../helpers/validation';
import { customerTenantLocator } from '../../methods/locators';
import { newSubscriptionCheck } from '../../transport/outcome';
import {
	additionalFieldsProperty,
	partNumberProperty,
	quantityProperty,
	termDurationProperty,
} from '../fields';
import type { ItemApi } from '../operation';

const properties: INodeProperties[] = [
	customerTenantLocator({
		displayName: 'Customer Tenant ID',
		description: 'Crayon ID of the customer tenant that gets the subscription',
	}),
	partNumberProperty('CFQ7TTC0HD33:0003', 'New Commerce part number: productId:skuId'),
	quantityProperty('Number of licences'),
	{
		displayName: 'Billing Cycle',
		name: 'billingCycle',
		type: 'options',
		options: dropdownOptions(orderBillingCycles),
		default: 1,
	},
	termDurationProperty('Length of the commitment', 'P1M'),
	additionalFieldsProperty([
		{
			displayName: 'Custom Term End Date',
			name: 'customTermEndDate',
			type: 'dateTime',
			default: '',
			description:
				'End the term on this date to align with other subscriptions (coterminosity); use a date Crayon offers for the tenant',
		},
		{
			displayName: 'Scheduled Date',
			name: 'scheduledDate',
			type: 'dateTime',
			default: '',
			description: 'Process the order on this date instead of now',
		},
	]),
	{
		displayName: 'Wait for Subscription ID',
		name: 'waitForSubscriptionId',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until Crayon has processed the order and output the new subscription ID. If the wait ends first, the order still stands: the item says so instead of failing.',
	},
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'waitTimeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 300,
		displayOptions: { show: { waitForSubscriptionId: [true] } },
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 10,
		displayOptions: { show: { waitForSubscriptionId: [true] } },
	},
];

export const buys = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['newCommerceOrder'], operation: ['create'] } },
	properties,
);

const seconds = z
	.number({ invalid_type_error: 'must be a number of seconds' })
	.positive('must be more than 0')
	.max(86_400, 'must be at most 86400 (one day)');

export const schema = z
	.object({
		customerTenantId: crayonId,
		partNumber: catalogueCode('CFQ7TTC0HD33:0003').refine((value) => NCE_PART_NUMBER.test(value), {
			message: 'must be productId:skuId (for example CFQ7TTC0HD33:0003)',
		}),
		quantity,
		billingCycle: oneOf(orderBillingCycles),
		termDuration: oneOf(termDurations),
		additionalFields: z
			.object({ customTermEndDate: optional(dateTime), scheduledDate: optional(calendarDate) })
			.strict()
			.default({}),
		waitForSubscriptionId: z.boolean().default(false),
		waitTimeoutSeconds: seconds.default(300),
		pollIntervalSeconds: seconds.default(10),
	})
	.transform((input) => ({
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

const orderResult = responseObject({
	IsSuccessful: z.boolean(),
	NewCommerceOrderId: z.string().nullish(),
	ErrorReasonCode: z.string().nullish(),
	ErrorDescription: z.string().nullish(),
});

const subscriptionIds = z.array(z.number().int());

/** Crayon answers `[]` until the order is processed, then the new subscription ids. */
export async function getSubscriptionIds(
	context: IExecuteFunctions,
	api: ItemApi,
	newCommerceOrderId: string,
): Promise<number[]> {
	return await sendAndRead(
		context,
		api,
		{
			method: 'GET',
			path: `/api/v1/subscriptions/new-commerce-orders/${encodeURIComponent(newCommerceOrderId)}`,
			purchase: false,
		},
		subscriptionIds,
		'a list of subscription IDs',
	);
}

export async function execute(
	this: IExecuteFunctions,
	{ body, wait }: z.output<typeof schema>,
	api: ItemApi,
): Promise<IDataObject> {
	const order = await sendAndRead(
		this,
		api,
		{
			method: 'POST',
			path: '/api/v1/subscriptions/new-commerce-orders',
			body,
			purchase: true,
			checkOutcome: newSubscriptionCheck(this, api, body, 'afterProcessing'),
		},
		orderResult,
		'the order result (IsSuccessful, NewCommerceOrderId)',
	);
	if (!order.IsSuccessful || !order.NewCommerceOrderId) {
		throw new NodeApiError(this.getNode(), order as JsonObject, {
			itemIndex: api.itemIndex,
			message: `Crayon did not place the New Commerce order: ${order.ErrorDescription ?? 'no reason given'}${order.ErrorReasonCode ? ` (${order.ErrorReasonCode})` : ''}`,
			description: `Part number ${body.partNumber}, quantity ${body.quantity}, customer tenant ${body.customerTenantId}. Nothing was bought.`,
		});
	}
	if (!wait) return order;

	const deadline = Date.now() + wait.timeoutMs;
	for (;;) {
		const ids = await getSubscriptionIds(this, api, order.NewCommerceOrderId);
		if (ids.length > 0) return { ...order, SubscriptionIds: ids, SubscriptionId: ids[0] };
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
