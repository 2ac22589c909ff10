import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { answerObject, jsonObject, type CrayonClient } from '../transport';

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
	/** The last page by the answer's TotalHits; undefined without TotalHits. */
	lastPage?: number;
}

const listPage = answerObject(
	{
		Items: z.array(jsonObject),
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
	return {
		items: body.Items,
		nextPage: more && body.Items.length > 0 ? page + 1 : undefined,
		lastPage: body.TotalHits === undefined ? undefined : Math.ceil(body.TotalHits / pageSize),
	};
}

/**
 * The pages of a list from the first on, in order, up to `lastWanted`. Once an answer's
 * TotalHits tells how many pages there are, the next ones are read ahead as far as the session
 * allows (none with Concurrency 1). The list ends where a page says there is no more, exactly
 * as if read page after page: pages read ahead past that point (the list shrank meanwhile) are
 * dropped, failures included. Without TotalHits a page is requested only after the one before.
 */
export async function* listPages(
	client: CrayonClient,
	list: ListRequest,
	pageSize: number,
	lastWanted = Infinity,
): AsyncGenerator<Page> {
	const ahead = new Map<number, Promise<Page>>();
	let lastRequested = 0;
	try {
		for (let page: number | undefined = 1; page !== undefined; ) {
			const result: Page = await (ahead.get(page) ?? readPage(client, list, page, pageSize));
			ahead.delete(page);
			lastRequested = Math.max(lastRequested, page);
			const last = Math.min(result.lastPage ?? 0, lastWanted);
			while (lastRequested < last) {
				const next = lastRequested + 1;
				const reading = client.readAhead(() => readPage(client, list, next, pageSize));
				if (reading === undefined) break;
				ahead.set(next, reading);
				lastRequested = next;
			}
			yield result;
			page = result.nextPage;
		}
	} finally {
		// However the list ends (its end, an error, the caller stopping at a match), no request
		// of it is still in flight once it has.
		await Promise.allSettled(ahead.values());
	}
}

/** Every item of a list (or its first `limit` items), reading its pages ahead (see listPages). */
export async function readAllPages(
	client: CrayonClient,
	list: ListRequest,
	limit?: number,
): Promise<IDataObject[]> {
	// Asking for no more than the limit keeps "Limit: 5" a single small request.
	const pageSize = limit === undefined ? PAGE_SIZE : Math.min(limit, PAGE_SIZE);
	const items: IDataObject[] = [];
	const lastWanted = limit === undefined ? Infinity : Math.ceil(limit / pageSize);
	for await (const page of listPages(client, list, pageSize, lastWanted)) {
		items.push(...page.items);
		if (limit !== undefined && items.length >= limit) break;
	}
	return limit === undefined ? items : items.slice(0, limit);
}
