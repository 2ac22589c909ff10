import { ApiError, type FieldError } from '../errors';
import type { Violation } from '../rules';
import { QueryParams, Validator, queryInt } from '../validation';

export interface Paging {
	page: number;
	pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 50;

/** page (from 1, default 1) and pageSize (default 50). */
export function readPaging(v: Validator, query: QueryParams): Paging {
	const page = queryInt(v, query, 'page', { min: 1 }) ?? 1;
	const pageSize = queryInt(v, query, 'pageSize', { min: 1 }) ?? DEFAULT_PAGE_SIZE;
	return { page, pageSize };
}

/** Lower-cased, trimmed search text, or undefined. */
export function readSearch(query: QueryParams): string | undefined {
	const search = query.get('search')?.trim().toLowerCase();
	return search ? search : undefined;
}

/** 'CustomerTenant.Id' → 'customerTenant.id' */
export function camelPath(property: string): string {
	return property
		.split('.')
		.map((part) => part.charAt(0).toLowerCase() + part.slice(1))
		.join('.');
}

export function violationsToFieldErrors(violations: Violation[]): FieldError[] {
	return violations.map((x) => ({
		property: x.property,
		path: camelPath(x.property),
		message: x.description,
		code: x.code,
		parameters: x.properties,
	}));
}

export function throwViolations(violations: Violation[]): void {
	if (violations.length > 0) throw ApiError.badRequest(violationsToFieldErrors(violations));
}
