import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { SearchListMethod } from '../fields/locators';
import * as listSearch from './listSearch';

/** Every list search a locator names exists (a missing one fails the type check here). */
const searches: Record<
	SearchListMethod,
	(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: unknown,
	) => Promise<INodeListSearchResult>
> = listSearch;

/** `methods` of the Crayon nodes: the searchable lists behind their Resource Locators. */
export const methods = { listSearch: searches };
