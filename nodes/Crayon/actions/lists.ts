import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { readAllPages } from '../helpers/paging';
import { optional, requiredText } from '../helpers/validation';
import type { CrayonOperation, ItemApi } from './operation';

/** Return All / Limit, as every n8n Get Many operation offers them. */
export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** The "Filters" collection of a Get Many operation. */
export function filtersProperty(filters: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: filters,
	};
}

/** Crayon's `search` filter: a text the listed objects' names (and more) contain. */
export function searchFilter(description: string, placeholder: string): INodeProperties {
	return {
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder,
		description,
	};
}

export const searchSchema = optional(requiredText(200));

/** How many items to fetch: undefined means all of them. */
export const returnAllSchema = {
	returnAll: z.boolean({ invalid_type_error: 'must be true or false' }).default(false),
	limit: z.coerce
		.number({ invalid_type_error: 'must be a whole number of at least 1' })
		.int('must be a whole number of at least 1')
		.min(1, 'must be a whole number of at least 1')
		.default(50),
};

export function itemLimit({
	returnAll,
	limit,
}: {
	returnAll: boolean;
	limit: number;
}): number | undefined {
	return returnAll ? undefined : limit;
}

export const simplifySchema = {
	simplify: z.boolean({ invalid_type_error: 'must be true or false' }).default(true),
};

/** Query parameters of the filters that were given. */
export function filterQuery(filters: Record<string, string | number | undefined>): IDataObject {
	return Object.fromEntries(
		Object.entries(filters).filter(([, value]) => value !== undefined),
	) as IDataObject;
}

interface ListQuery {
	limit: number | undefined;
	qs: IDataObject;
}

/**
 * A Get Many operation that outputs a Crayon list as it is: Return All / Limit and the given
 * filters, each sent as the query parameter of the same name.
 */
export function plainListOperation(options: {
	show: { resource: string[]; operation: string[] };
	path: string;
	filters: INodeProperties[];
	filterSchema: z.ZodRawShape;
}): CrayonOperation<ListQuery> {
	const schema = z
		.object({ ...returnAllSchema, filters: z.object(options.filterSchema).strict().default({}) })
		.transform(({ filters, ...paging }) => ({
			limit: itemLimit(paging),
			qs: filterQuery(filters as Record<string, string | number | undefined>),
		}));
	return {
		description: updateDisplayOptions({ show: options.show }, [
			...returnAllProperties,
			filtersProperty(options.filters),
		]),
		schema,
		async execute(
			this: IExecuteFunctions,
			{ limit, qs }: ListQuery,
			api: ItemApi,
		): Promise<IDataObject[]> {
			return await readAllPages(this, api, { path: options.path, qs }, limit);
		},
	};
}
