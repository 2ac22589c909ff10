import type { IncomingHttpHeaders } from 'node:http';
import type { SimulatorState } from './state';
import type { TokenStore } from './auth';
import type { SimulatorCredentials } from './types';
import { QueryParams, Scope, isObject } from './validation';
import { ApiError } from './errors';

export interface ResolvedOptions {
	port: number;
	host: string;
	tokenLifetimeSeconds: number;
	newCommerceOrderProcessingDelayMs: number;
	latencyMs: number;
	credentials: SimulatorCredentials;
	log: boolean;
	rejectPastScheduledDates: boolean;
	orderItemsAnswer: 'array' | 'collection';
	catalogueStatesTerms: boolean;
	supportedBillingCyclesAs: 'numbers' | 'names';
	resellerSalesPriceQuery: 'sdk' | 'apidocs';
	cancellationWindowHours: number;
	reactivateSuspended: boolean;
	disputedListShape: 'sdk' | 'apidocs';
	acceptNumericStrings: boolean;
}

/** What handlers get besides the request. */
export interface SimulatorContext {
	readonly state: SimulatorState;
	readonly tokens: TokenStore;
	readonly options: ResolvedOptions;
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string };

export interface RequestContext {
	method: string;
	path: string;
	params: Record<string, string>;
	query: QueryParams;
	headers: IncomingHttpHeaders;
	rawBody: string;
	/** Lower-cased media type without parameters, '' if none. */
	contentType: string;
	/** Undefined when the body is empty. */
	json: ParsedJson | undefined;
	now: number;
}

export interface HandlerResult {
	status: number;
	/** Serialised as JSON; omitted for undefined. */
	body?: unknown;
	/** Sent as they are instead of `body` (files, large answers serialised once); set the content-type header. */
	raw?: Buffer;
	headers?: Record<string, string>;
}

export type Handler = (req: RequestContext, sim: SimulatorContext) => HandlerResult;

export function isJsonMediaType(contentType: string): boolean {
	return (
		contentType === 'application/json' ||
		contentType === 'text/json' ||
		contentType.endsWith('+json')
	);
}

/**
 * The request body as a JSON object of the given .NET type: 400 when empty or malformed, 415 when
 * not sent as JSON (ASP.NET Core behaviour for [FromBody]).
 */
export function jsonObjectBody(req: RequestContext, typeName: string): Scope {
	if (req.json === undefined) throw new ApiError(400, 'A non-empty request body is required.');
	if (!isJsonMediaType(req.contentType)) {
		throw new ApiError(
			415,
			`The request entity's media type '${req.contentType || '(none)'}' is not supported for this resource. Send Content-Type: application/json.`,
		);
	}
	if (!req.json.ok) {
		throw ApiError.badRequestField(
			'$',
			`The request body is not valid JSON: ${req.json.error}`,
			'InvalidJson',
			'$',
		);
	}
	const value = req.json.value;
	if (!isObject(value)) {
		const token = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
		throw ApiError.badRequestField(
			'$',
			`Cannot deserialize the current JSON ${token} into type '${typeName}' because the type requires a JSON object.`,
			'InvalidType',
			'$',
		);
	}
	return new Scope(value);
}

/** Parses an integer route parameter ({id:int} constraint already guarantees digits). */
export function intParam(req: RequestContext, name: string): number {
	return Number(req.params[name]);
}
