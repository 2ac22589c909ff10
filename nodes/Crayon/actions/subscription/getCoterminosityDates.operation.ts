import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { termDurations } from '../../helpers/enums';
import { responseObject, sendAndRead } from '../../helpers/responses';
import { crayonId, oneOf } from '../../helpers/validation';
import {
	customerTenantLocator,
	optionalLocatorId,
	organizationLocator,
	subscriptionLocator,
} from '../../methods/locators';
import { additionalFieldsProperty, termDurationProperty } from '../fields';
import { filterQuery } from '../lists';
import type { ItemApi } from '../operation';

const properties: INodeProperties[] = [
	customerTenantLocator({ description: 'The customer tenant that will buy the new subscription' }),
	termDurationProperty('Term of the subscription to be bought', 'P1Y'),
	additionalFieldsProperty([
		organizationLocator({
			required: false,
			description: 'The Crayon organization the customer tenant belongs to',
		}),
		subscriptionLocator({
			required: false,
			description:
				'Align with this existing subscription of the customer tenant (it is left out of the answer)',
		}),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['getCoterminosityDates'] } },
	properties,
);

export const schema = z
	.object({
		customerTenantId: crayonId,
		termDuration: oneOf(termDurations),
		additionalFields: z
			.object({ organizationId: optionalLocatorId, subscriptionId: optionalLocatorId })
			.strict()
			.default({}),
	})
	.transform(({ customerTenantId, termDuration, additionalFields }) =>
		filterQuery({ customerTenantId, termDuration, ...additionalFields }),
	);

const coterminosityDates = responseObject({
	CalendarMonthDate: z.string().nullish(),
	Subscriptions: z.array(z.object({}).passthrough()).nullish(),
});

export async function execute(
	this: IExecuteFunctions,
	qs: z.output<typeof schema>,
	api: ItemApi,
): Promise<IDataObject> {
	return await sendAndRead(
		this,
		api,
		{ method: 'GET', path: '/api/v2/subscriptions/coterminosity', qs, purchase: false },
		coterminosityDates,
		'coterminosity dates ({CalendarMonthDate, Subscriptions})',
	);
}
