import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { additionalFields, termDurationField } from '../../fields/common';
import { filterQuery } from '../../fields/lists';
import {
	customerTenantLocator,
	organizationLocator,
	subscriptionLocator,
} from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import { answerObject, jsonObject, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

export const fields = {
	customerTenantId: customerTenantLocator({
		description: 'The customer tenant that will buy the new subscription',
	}),
	termDuration: termDurationField('Term of the subscription to be bought', 'P1Y'),
	additionalFields: additionalFields({
		organizationId: organizationLocator({
			required: false,
			description: 'The Crayon organization the customer tenant belongs to',
		}),
		subscriptionId: subscriptionLocator({
			required: false,
			description:
				'Align with this existing subscription of the customer tenant (it is left out of the answer)',
		}),
	}),
};

export const option: OperationOption = {
	name: 'Get Coterminosity Dates',
	action: 'Get coterminosity dates for a customer tenant',
	description:
		'List the term end dates a new New Commerce subscription of a customer tenant may use to end together with existing ones',
};

export const schema = schemaOf(fields).transform(
	({ customerTenantId, termDuration, additionalFields }) =>
		filterQuery({ customerTenantId, termDuration, ...additionalFields }),
);

const coterminosityDates = answerObject(
	{
		CalendarMonthDate: z.string().nullish(),
		Subscriptions: z.array(jsonObject).nullish(),
	},
	'coterminosity dates ({CalendarMonthDate, Subscriptions})',
);

export async function execute(
	this: IExecuteFunctions,
	qs: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	return await crayon.read(
		{ method: 'GET', path: '/api/v2/subscriptions/coterminosity', qs },
		coterminosityDates,
	);
}
