import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { normalizeBaseUrl } from '../../../credentials/CrayonApi.credentials';

export const CREDENTIAL_TYPE = 'crayonApi';

export type CrayonContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface CrayonRequest {
	method: IHttpRequestMethods;
	/** Path below the API base URL, e.g. `/api/v1/subscriptions/`. */
	path: string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	/**
	 * Buys or changes something. Such a request is retried only when Crayon provably did
	 * not process it; after a timeout or a dropped connection its outcome is unknown.
	 */
	purchase: boolean;
}

export interface CrayonResponse {
	statusCode: number;
	body: unknown;
}

export interface RequestSettings {
	/** Milliseconds before a request is abandoned. */
	timeoutMs: number;
	/** Further attempts after the first, for failures that provably did not reach Crayon. */
	maxRetries: number;
	/** Longest Retry-After (or backoff) the node is willing to wait, in milliseconds. */
	maxRetryDelayMs: number;
	/**
	 * Shared by all requests of one execution, so that a 429's Retry-After holds back every
	 * request in flight rather than only the one that received it.
	 */
	pacer?: Pacer;
}

export interface Pacer {
	/** Resolves when a request may be sent. */
	beforeRequest(): Promise<void>;
	/** Waits `delayMs` before a retry; requests sent meanwhile wait too. */
	backOff(delayMs: number): Promise<void>;
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
	timeoutMs: 60_000,
	maxRetries: 3,
	maxRetryDelayMs: 60_000,
};

/** Connection errors raised before a request could be delivered. */
const NOT_DELIVERED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Transport errors after which the server may or may not have processed the request. */
const UNKNOWN_OUTCOME_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
/** Statuses that say the request was not processed (Crayon documents none; these are the HTTP meaning). */
const NOT_PROCESSED_STATUSES = new Set([429, 503]);
/** Statuses worth retrying for reads, which are safe to repeat. */
const RETRYABLE_READ_STATUSES = new Set([429, 500, 502, 503, 504]);

interface Failure {
	status?: number;
	body?: unknown;
	code?: string;
	retryAfterMs?: number;
	/** Message of an error raised before any request, e.g. the credential's failed login. */
	message?: string;
}

interface AxiosLikeError {
	code?: string;
	message?: string;
	response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
	cause?: unknown;
}

/** n8n wraps axios errors (sometimes twice); the innermost one has the response. */
function describeFailure(error: unknown): Failure {
	let current = error as AxiosLikeError | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (current.response?.status !== undefined || current.code) {
			const retryAfter = current.response?.headers?.['retry-after'];
			return {
				status: current.response?.status,
				body: current.response?.data,
				code: current.code,
				retryAfterMs: parseRetryAfter(retryAfter),
			};
		}
		current = current.cause as AxiosLikeError | undefined;
	}
	return { message: (error as AxiosLikeError | undefined)?.message };
}

function parseRetryAfter(header: unknown): number | undefined {
	if (typeof header !== 'string' && typeof header !== 'number') return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(String(header));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function isRetryable(request: CrayonRequest, failure: Failure): boolean {
	if (failure.code && NOT_DELIVERED_CODES.has(failure.code)) return true;
	if (failure.status !== undefined) {
		const retryable = request.purchase ? NOT_PROCESSED_STATUSES : RETRYABLE_READ_STATUSES;
		return retryable.has(failure.status);
	}
	return !request.purchase && failure.code !== undefined && UNKNOWN_OUTCOME_CODES.has(failure.code);
}

function isOutcomeUnknown(request: CrayonRequest, failure: Failure): boolean {
	return (
		request.purchase &&
		failure.status === undefined &&
		failure.code !== undefined &&
		!NOT_DELIVERED_CODES.has(failure.code)
	);
}

/** Secrets from the credential, so that nothing Crayon echoes back can leak them. */
async function credentialSecrets(context: CrayonContext): Promise<string[]> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return [credentials.accessToken, credentials.clientSecret, credentials.password]
		.filter((value): value is string => typeof value === 'string' && value.length >= 4);
}

export function redact<T>(value: T, secrets: string[]): T {
	if (secrets.length === 0) return value;
	const text = JSON.stringify(value);
	if (text === undefined) return value;
	let redacted = text;
	for (const secret of secrets) {
		redacted = redacted.split(JSON.stringify(secret).slice(1, -1)).join('[redacted]');
	}
	redacted = redacted.replace(/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 [redacted]');
	return redacted === text ? value : (JSON.parse(redacted) as T);
}

interface CrayonErrorBody {
	ErrorCode?: unknown;
	Message?: unknown;
	ObjectErrors?: unknown;
}

function crayonErrorDetails(body: unknown): { message?: string; errorCode?: string; details: string[] } {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return { details: [] };
	const errorBody = body as CrayonErrorBody;
	const details = Array.isArray(errorBody.ObjectErrors)
		? errorBody.ObjectErrors.flatMap((objectError: { Message?: unknown }) =>
				typeof objectError?.Message === 'string' ? [objectError.Message] : [],
			)
		: [];
	return {
		message: typeof errorBody.Message === 'string' ? errorBody.Message : undefined,
		errorCode: typeof errorBody.ErrorCode === 'string' ? errorBody.ErrorCode : undefined,
		details,
	};
}

function requestLabel(request: CrayonRequest): string {
	return `${request.method} ${request.path}`;
}

function apiError(
	context: CrayonContext,
	request: CrayonRequest,
	failure: Failure,
	itemIndex: number | undefined,
	secrets: string[],
): NodeApiError {
	const label = requestLabel(request);
	if (isOutcomeUnknown(request, failure)) {
		return new NodeApiError(context.getNode(), { code: failure.code ?? 'UNKNOWN' } as JsonObject, {
			itemIndex,
			message: `Outcome unknown: ${label} may or may not have been processed by Crayon (${failure.code ?? 'connection lost'})`,
			description:
				'The request was sent but no answer arrived, so it was not repeated: repeating a purchase could buy twice. ' +
				'Check in Cloud-iQ (or with Subscription → Get Many for the customer tenant) whether it went through before running this item again.',
		});
	}
	if (failure.status === undefined && failure.code === undefined) {
		return new NodeApiError(context.getNode(), { message: 'Request not sent' } as JsonObject, {
			itemIndex,
			message: redact(failure.message, secrets) ?? `${label} could not be sent`,
			description: 'Nothing was sent to Crayon for this request.',
		});
	}
	if (failure.status === 401) {
		return new NodeApiError(context.getNode(), { httpCode: '401' } as JsonObject, {
			itemIndex,
			httpCode: '401',
			message: `Crayon rejected the access token for ${label}, even after logging in again`,
			description:
				'Crayon answered 401 Unauthorized to a fresh token. Check that the user in the Crayon API credential has API access ' +
				'and that the credential\'s API Base URL is the environment the client ID belongs to.',
		});
	}
	if (failure.status === undefined) {
		return new NodeApiError(context.getNode(), { code: failure.code ?? 'UNKNOWN' } as JsonObject, {
			itemIndex,
			message: `Could not reach Crayon for ${label} (${failure.code ?? 'network error'})`,
			description: 'Check the API Base URL in the Crayon API credential and the network between n8n and Crayon.',
		});
	}
	const { message, errorCode, details } = crayonErrorDetails(failure.body);
	const body = redact(failure.body, secrets);
	const errorResponse = (body && typeof body === 'object' ? body : { body: String(body ?? '') }) as JsonObject;
	const crayonMessage = redact(message, secrets);
	return new NodeApiError(context.getNode(), errorResponse, {
		itemIndex,
		httpCode: String(failure.status),
		message: crayonMessage
			? `Crayon refused ${label}: ${crayonMessage}`
			: `Crayon answered HTTP ${failure.status} to ${label}`,
		description: redact(
			[errorCode && `Crayon error code: ${errorCode}`, ...details].filter(Boolean).join('\n') || undefined,
			secrets,
		),
	});
}

function retryDelayMs(failure: Failure, attempt: number): number {
	return failure.retryAfterMs ?? Math.min(1000 * 2 ** attempt, 30_000);
}

/**
 * The one place the node talks HTTP. Goes through n8n's `httpRequestWithAuthentication`
 * so the credential's token is fetched once, reused, and renewed once after a 401.
 */
export async function crayonApiRequest(
	this: CrayonContext,
	request: CrayonRequest,
	settings: RequestSettings = DEFAULT_REQUEST_SETTINGS,
	itemIndex?: number,
): Promise<CrayonResponse> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${normalizeBaseUrl(credentials.baseUrl)}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		headers: { Accept: 'application/json' },
		timeout: settings.timeoutMs,
		returnFullResponse: true,
	};
	for (let attempt = 0; ; attempt++) {
		await settings.pacer?.beforeRequest();
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options)) as {
				statusCode: number;
				body: unknown;
			};
			return { statusCode: response.statusCode, body: response.body };
		} catch (error) {
			const failure = describeFailure(error);
			const delayMs = retryDelayMs(failure, attempt);
			if (attempt < settings.maxRetries && isRetryable(request, failure) && delayMs <= settings.maxRetryDelayMs) {
				await (settings.pacer ? settings.pacer.backOff(delayMs) : sleep(delayMs));
				continue;
			}
			throw apiError(this, request, failure, itemIndex, await credentialSecrets(this));
		}
	}
}
