import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { answerObject, type CrayonClient } from '../transport';

/**
 * Crayon's lists: `{Items, TotalHits}` pages, `page` from 1 (crayon-api-sdk:
 * src/Crayon.Api.Sdk/Domain/ApiCollection.cs and the `Page`/`PageSize` of every filter).
 */

/** Crayon's default page size. */
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

const listPage = answerObject(
	{
		Items: z.array(
			z
				.object({})
				.passthrough()
				.transform((item) => item as IDataObject),
		),
		// The add-on offers list may come without TotalHits; then a full page means "maybe more".
		TotalHits: z.number().int().nonnegative().optional(),
	},
	'a page of results ({Items, TotalHits})',
);

/** One 1-based page of a Crayon list. */
export async function readPage(
	client: CrayonClient,
	list: ListRequest,
	page: number,
	pageSize: number,
): Promise<Page> {
	const body = await client.read(
		{ method: 'GET', path: list.path, qs: { ...list.qs, page, pageSize } },
		listPage,
	);
	const seen = (page - 1) * pageSize + body.Items.length;
	const more =
		body.TotalHits === undefined ? body.Items.length === pageSize : seen < body.TotalHits;
	return { items: body.Items, nextPage: more && body.Items.length > 0 ? page + 1 : undefined };
}

/** The pages of a list from the first on, each requested only when the caller asks for it. */
export async function* listPages(
	client: CrayonClient,
	list: ListRequest,
	pageSize: number,
): AsyncGenerator<Page> {
	for (let page: number | undefined = 1; page !== undefined; ) {
		const result = await readPage(client, list, page, pageSize);
		yield result;
		page = result.nextPage;
	}
}

/** Every item of a list (or its first `limit` items), requesting page after page. */
export async function readAllPages(
	client: CrayonClient,
	list: ListRequest,
	limit?: number,
): Promise<IDataObject[]> {
	// Asking for no more than the limit keeps "Limit: 5" a single small request.
	const pageSize = limit === undefined ? PAGE_SIZE : Math.min(limit, PAGE_SIZE);
	const items: IDataObject[] = [];
	for await (const page of listPages(client, list, pageSize)) {
		items.push(...page.items);
		if (limit !== undefined && items.length >= limit) break;
	}
	return limit === undefined ? items : items.slice(0, limit);
}
