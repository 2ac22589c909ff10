import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { dropdownOptions, subscriptionBillingCycles, termDurations } from '../../helpers/enums';
import { responseObject, sendAndRead } from '../../helpers/responses';
import {
	NCE_PART_NUMBER,
	catalogueCode,
	crayonId,
	oneOf,
	optional,
	quantity,
	requiredText,
} from '../../helpers/validation';
import { customerTenantLocator } from '../../methods/locators';
import { newSubscriptionCheck } from '../../transport/outcome';
import { partNumberProperty, quantityProperty, termDurationProperty } from '../fields';
import type { ItemApi } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Product Type',
		name: 'productType',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'New Commerce (NCE)',
				value: 'nce',
				description:
					'Part number as productId:skuId, e.g. CFQ7TTC0LF8R:0001; needs billing cycle and term duration',
			},
			{ name: 'Legacy CSP', value: 'legacy', description: 'Legacy CSP offer part number (a GUID)' },
		],
		default: 'nce',
	},
	{
		displayName: 'Subscription Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description:
			'Name of the subscription in Cloud-iQ (Crayon does not apply names to NCE subscriptions)',
	},
	customerTenantLocator({
		displayName: 'Customer Tenant ID',
		description: 'Crayon ID of the customer tenant that gets the subscription',
	}),
	partNumberProperty('CFQ7TTC0LF8R:0001', 'Product part number to buy'),
	quantityProperty('Number of licences'),
	{
		displayName: 'Billing Cycle',
		name: 'billingCycle',
		type: 'options',
		options: dropdownOptions(subscriptionBillingCycles),
		default: 1,
		displayOptions: { show: { productType: ['nce'] } },
	},
	{
		...termDurationProperty('Length of the commitment', 'P1M'),
		displayOptions: { show: { productType: ['nce'] } },
	},
];

export const buys = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['create'] } },
	properties,
);

export const schema = z
	.object({
		productType: z.enum(['nce', 'legacy'], {
			errorMap: () => ({ message: 'must be nce or legacy' }),
		}),
		name: requiredText(200),
		customerTenantId: crayonId,
		partNumber: catalogueCode('CFQ7TTC0LF8R:0001'),
		quantity,
		billingCycle: optional(oneOf(subscriptionBillingCycles)),
		termDuration: optional(oneOf(termDurations)),
	})
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
		for (const field of ['billingCycle', 'termDuration'] as const) {
			if (input[field] === undefined) {
				context.addIssue({
					code: z.ZodIssueCode.custom,
					path: [field],
					message: 'is required for New Commerce products',
				});
			}
		}
	})
	.transform((input) => ({
		name: input.name,
		customerTenant: { id: input.customerTenantId },
		product: { partNumber: input.partNumber },
		quantity: input.quantity,
		...(input.productType === 'nce'
			? { billingCycle: input.billingCycle, termDuration: input.termDuration }
			: {}),
	}));

const subscriptionOf = (body: z.output<typeof schema>) => ({
	customerTenantId: body.customerTenant.id,
	partNumber: body.product.partNumber,
	quantity: body.quantity,
});

const createdSubscription = responseObject({ Id: z.number().int() });

export async function execute(
	this: IExecuteFunctions,
	body: z.output<typeof schema>,
	api: ItemApi,
): Promise<IDataObject> {
	return await sendAndRead(
		this,
		api,
		{
			method: 'POST',
			path: '/api/v1/subscriptions/',
			body,
			purchase: true,
			checkOutcome: newSubscriptionCheck(this, api, subscriptionOf(body), 'immediately'),
		},
		createdSubscription,
		'the created subscription (an object with a numeric Id)',
	);
}
