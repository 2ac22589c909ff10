import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { provisionTypes, simplifyStatement } from '../../domain/billing';
import { readAllPages } from '../../domain/paging';
import { crayonId, dateTime } from '../../domain/values';
import { enumField } from '../../fields/common';
import {
	filterQuery,
	filtersField,
	itemLimit,
	returnAllFields,
	simplifyField,
} from '../../fields/lists';
import { organizationLocator } from '../../fields/locators';
import { field, schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

/** A moment of a statement period filter (DateTimeOffset in BillingStatementFilter). */
function periodFilter(displayName: string, description: string) {
	return field(
		{
			displayName,
			type: 'dateTime',
			default: '',
			description,
			hint: 'Give a time zone (Z for UTC) to be exact: Crayon reads a time without one in its own zone',
		},
		dateTime,
	);
}

export const fields = {
	organizationId: organizationLocator({
		description: 'The Crayon organization whose billing statements to list',
	}),
	...returnAllFields,
	filters: filtersField({
		invoiceProfileId: field(
			{
				displayName: 'Invoice Profile ID',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 0,
				description: 'Only statements billed on this invoice profile',
			},
			crayonId,
		),
		provisionType: enumField(
			{ displayName: 'Provision Type', default: 1, description: 'Only statements of this kind' },
			provisionTypes,
		),
		from: periodFilter(
			'From',
			'Only statements whose billing period starts at or after this moment',
		),
		to: periodFilter('To', 'Only statements whose billing period ends at or before this moment'),
	}),
	simplify: simplifyField,
};

export const option: OperationOption = {
	name: 'Get Many',
	action: 'Get many billing statements',
	description:
		"List an organization's monthly billing statements with their totals, optionally of one invoice profile, provision type or period",
};

export const schema = schemaOf(fields).transform(
	({ organizationId, filters, simplify, ...paging }) => ({
		limit: itemLimit(paging),
		simplify,
		// Crayon's query names as its documentation writes them (BillingStatementFilter).
		qs: filterQuery({ organizationId, ...filters }),
	}),
);

export async function execute(
	this: IExecuteFunctions,
	{ limit, simplify, qs }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	const statements = await readAllPages(crayon, { path: '/api/v1/billingstatements', qs }, limit);
	return simplify ? statements.map(simplifyStatement) : statements;
}
