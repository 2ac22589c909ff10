import type { IDataObject, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemApi } from '../actions/operation';
import { crayonApiRequest, type CrayonContext } from '../transport';
import { sendAndRead } from './responses';

/** Crayon's default page size for `{Items, TotalHits}` lists. */
export const PAGE_SIZE = 50;

export interface ListRequest {
	/** A list endpoint, e.g. `/api/v1/subscriptions`. */
	path: string;
	/** Filters; `page` and `pageSize` are added here. */
	qs?: IDataObject;
}

export interface Page {
	items: IDataObject[];
	/** The next 1-based page number, or undefined after the last page. */
	nextPage?: number;
}

const listPage = z.object({
	Items: z.array(
		z
			.object({})
			.passthrough()
			.transform((item) => item as IDataObject),
	),
	// NOTES.md shows the add-on offers list without TotalHits; then a full page means "maybe more".
	TotalHits: z.number().int().nonnegative().optional(),
});

/**
 * Requests made outside an execution (list searches, polls) have no input items; they go through
 * the same transport with its default settings.
 */
export function requestsWithoutItems(context: ILoadOptionsFunctions | IPollFunctions): ItemApi {
	return {
		itemIndex: 0,
		request: async (request) => await crayonApiRequest.call(context, request),
	};
}

/** One 1-based page of a Crayon list. */
export async function readPage(
	context: CrayonContext,
	api: ItemApi,
	list: ListRequest,
	page: number,
	pageSize: number,
): Promise<Page> {
	const body = await sendAndRead(
		context,
		api,
		{ method: 'GET', path: list.path, qs: { ...list.qs, page, pageSize }, purchase: false },
		listPage,
		'a page of results ({Items, TotalHits})',
	);
	const seen = (page - 1) * pageSize + body.Items.length;
	const more =
		body.TotalHits === undefined ? body.Items.length === pageSize : seen < body.TotalHits;
	return { items: body.Items, nextPage: more && body.Items.length > 0 ? page + 1 : undefined };
}

/** The pages of a list from the first on, each requested only when the caller asks for it. */
export async function* listPages(
	context: CrayonContext,
	api: ItemApi,
	list: ListRequest,
	pageSize: number,
): AsyncGenerator<Page> {
	for (let page: number | undefined = 1; page !== undefined; ) {
		const result = await readPage(context, api, list, page, pageSize);
		yield result;
		page = result.nextPage;
	}
}

/** Every item of a list (or its first `limit` items), requesting page after page. */
export async function readAllPages(
	context: CrayonContext,
	api: ItemApi,
	list: ListRequest,
	limit?: number,
): Promise<IDataObject[]> {
	// Asking for no more than the limit keeps "Limit: 5" a single small request.
	const pageSize = limit === undefined ? PAGE_SIZE : Math.min(limit, PAGE_SIZE);
	const items: IDataObject[] = [];
	for await (const page of listPages(context, api, list, pageSize)) {
		items.push(...page.items);
		if (limit !== undefined && items.length >= limit) break;
	}
	return limit === undefined ? items : items.slice(0, limit);
}
