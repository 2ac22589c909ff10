import type { IDataObject } from 'n8n-workflow';

import { wholeNumber } from '../domain/values';
import { booleanField, collectionField, textField } from './common';
import { field, schemaOf, type Fields } from './parameters';

/** Return All / Limit, as every n8n Get Many operation offers them. */
export const returnAllFields = {
	returnAll: booleanField({
		displayName: 'Return All',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	}),
	limit: field(
		{
			displayName: 'Limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
		wholeNumber(1),
		{ fallback: true },
	),
};

export const simplifyField = booleanField({
	displayName: 'Simplify',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
});

/** The "Filters" collection of a Get Many operation. */
export function filtersField<F extends Fields>(fields: F) {
	return collectionField({ displayName: 'Filters', placeholder: 'Add Filter' }, fields);
}

/** Crayon's `search` filter: a text the listed objects' names (and more) contain. */
export function searchFilter(description: string, placeholder: string) {
	return textField({ displayName: 'Search', default: '', placeholder, description }, 200);
}

/** How many items to fetch: undefined means all of them. */
export function itemLimit({
	returnAll,
	limit,
}: {
	returnAll: boolean;
	limit: number;
}): number | undefined {
	return returnAll ? undefined : limit;
}

/** Query parameters of the filters that were given. */
export function filterQuery(
	filters: Record<string, string | number | boolean | undefined>,
): IDataObject {
	return Object.fromEntries(
		Object.entries(filters).filter(([, value]) => value !== undefined),
	) as IDataObject;
}

/**
 * The schema of a plain Get Many: Return All / Limit and a Filters collection whose filters are
 * sent as the query parameters of the same names.
 */
export function listRequestSchema<F extends typeof returnAllFields & { filters: Fields[string] }>(
	fields: F,
) {
	return schemaOf(fields).transform(({ filters, ...paging }) => ({
		limit: itemLimit(paging as { returnAll: boolean; limit: number }),
		qs: filterQuery(filters as Record<string, string | number | boolean | undefined>),
	}));
}
