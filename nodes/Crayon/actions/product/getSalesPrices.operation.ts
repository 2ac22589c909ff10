import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { resellerSalesPriceObjectTypes, resellerSalesPriceTypes } from '../../domain/enums';
import { crayonId, dateTime } from '../../domain/values';
import { enumField, optionalField } from '../../fields/common';
import {
	customerTenantLocator,
	organizationLocator,
	subscriptionLocator,
} from '../../fields/locators';
import { field, schemaOf, withProperty } from '../../fields/parameters';
import { answer, answerObject, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

/**
 * Product → Get Sales Prices: the sales prices a reseller set in Cloud-iQ (markup on cost, fixed
 * price, list price, discount on retail) for an organization, customer tenant, subscription …:
 * GET api/v1/resellersalesprices/ and …/current/ with ResellerSalesPriceFilter (crayon-api-sdk:
 * src/Crayon.Api.Sdk/Resources/ResellerSalesPriceResource.cs, Filtering/ResellerSalesPriceFilter.cs,
 * Domain/ResellerSalesPrice.cs).
 */

const PATH = '/api/v1/resellersalesprices';

const forObjectTypes = (...objectType: number[]) => ({ displayOptions: { show: { objectType } } });

/** Price Type's "All Types": no Type is sent. */
const ALL_TYPES = 0;

export const fields = {
	objectType: enumField(
		{ displayName: 'Prices Of', default: 2, description: 'What the sales prices are set for' },
		resellerSalesPriceObjectTypes,
	),
	// Hidden, and so absent, unless Prices Of is its type; the chosen one is required (below).
	customerTenantId: optionalField(
		withProperty(
			customerTenantLocator({ description: 'The customer tenant whose sales prices to read' }),
			forObjectTypes(2),
		),
	),
	organizationId: optionalField(
		withProperty(
			organizationLocator({ description: 'The organization whose sales prices to read' }),
			forObjectTypes(1),
		),
	),
	subscriptionId: optionalField(
		withProperty(
			subscriptionLocator({
				description: 'The subscription (or add-on) whose sales prices to read',
			}),
			forObjectTypes(3, 4),
		),
	),
	objectId: optionalField(
		field(
			{
				displayName: 'Object ID',
				type: 'string',
				default: '',
				required: true,
				placeholder: '123',
				description: 'Crayon ID of the Azure subscription or asset',
				...forObjectTypes(5, 6),
			},
			crayonId,
		),
	),
	prices: field(
		{
			displayName: 'Prices',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Current', value: 'current', description: 'The price of one type in force now' },
				{
					name: 'From a Date',
					value: 'fromDate',
					description:
						'The prices that apply from a date on: the one in force then and the later ones',
				},
				{ name: 'All', value: 'all', description: 'Every price, past and future' },
			],
			default: 'current',
		},
		z.enum(['current', 'fromDate', 'all']),
		{ fallback: true },
	),
	fromDate: optionalField(
		field(
			{
				displayName: 'From Date',
				type: 'dateTime',
				default: '',
				required: true,
				displayOptions: { show: { prices: ['fromDate'] } },
			},
			dateTime,
		),
	),
	priceType: enumField(
		{
			displayName: 'Price Type',
			default: 3,
			description: 'What the price is for: legacy or New Commerce licences, usage, Azure, software',
		},
		[{ name: 'All Types', value: ALL_TYPES }, ...resellerSalesPriceTypes],
	),
};

export const option: OperationOption = {
	name: 'Get Sales Prices',
	action: 'Get reseller sales prices',
	description:
		'Read the sales prices (markup, fixed or list price, discount) set for a customer tenant, organization, subscription or other object, now or from a date',
};

/** The field that holds the object of each ResellerSalesPriceObjectType. */
const OBJECT_FIELDS = {
	1: 'organizationId',
	2: 'customerTenantId',
	3: 'subscriptionId',
	4: 'subscriptionId',
	5: 'objectId',
	6: 'objectId',
} as const;

export const schema = schemaOf(fields)
	.superRefine((input, context) => {
		const objectField = OBJECT_FIELDS[input.objectType];
		if (input[objectField] === undefined) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: [objectField],
				message: 'is required',
			});
		}
		if (input.prices === 'fromDate' && input.fromDate === undefined) {
			context.addIssue({ code: z.ZodIssueCode.custom, path: ['fromDate'], message: 'is required' });
		}
		if (input.prices === 'current' && input.priceType === ALL_TYPES) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['priceType'],
				message: 'must be one type for the current price (one price of each type applies)',
			});
		}
	})
	.transform((input) => {
		const type = input.priceType === ALL_TYPES ? {} : { Type: input.priceType };
		return {
			current: input.prices === 'current',
			// The SDK's ResellerSalesPriceFilter names (ObjectId, ObjectType, Type, FromDate) and, where
			// they differ, the documentation's (resellerSalesPriceObjectType, resellerSalesPriceType):
			// the sources disagree, and query names are matched case-insensitively.
			qs: {
				ObjectId: input[OBJECT_FIELDS[input.objectType]] as number,
				ObjectType: input.objectType,
				resellerSalesPriceObjectType: input.objectType,
				...type,
				...(input.priceType === ALL_TYPES ? {} : { resellerSalesPriceType: input.priceType }),
				...(input.prices === 'fromDate' ? { FromDate: input.fromDate } : {}),
			},
		};
	});

const salesPrices = answer(
	z.array(
		z
			.object({})
			.passthrough()
			.transform((price) => price as IDataObject),
	),
	'a list of reseller sales prices',
);

const salesPrice = answerObject(
	{ ObjectId: z.number().int(), Value: z.number() },
	'a reseller sales price ({ObjectId, ObjectType, Type, PriceType, Value, FromDate, ChangedBy})',
);

export async function execute(
	this: IExecuteFunctions,
	{ current, qs }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	// Crayon's answer as it is: Value is a percentage or an amount, as PriceType says, never rounded.
	return current
		? await crayon.read({ method: 'GET', path: `${PATH}/current`, qs }, salesPrice)
		: await crayon.read({ method: 'GET', path: PATH, qs }, salesPrices);
}
