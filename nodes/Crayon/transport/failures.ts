import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { CrayonContext, CrayonRequest } from './index';
import { redact, redactText } from './redaction';

/** Why a request did not produce a usable answer. */
export type Failure =
	/** Crayon answered with an error status. */
	| { kind: 'status'; status: number; body: unknown; retryAfterMs?: number }
	/** No answer: the connection failed, was lost, or timed out. `code` is Node's error code. */
	| { kind: 'network'; code?: string; detail: string }
	/** Crayon never processed the request: logging in (again) failed first. */
	| { kind: 'notProcessed'; reason: string }
	/** Crayon rejected the access token even after a fresh login. */
	| { kind: 'unauthorized'; freshToken: boolean };

/** Connection errors raised before a request could be delivered. */
const NOT_DELIVERED_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);
/** Of those, the ones that usually pass (a typo in the base URL does not). */
const TRANSIENT_NOT_DELIVERED_CODES = new Set([
	'ECONNREFUSED',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);
/** Transport errors after which Crayon may or may not have processed the request. */
const UNKNOWN_OUTCOME_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
/** Statuses that say the request was not processed (Crayon documents none; these are the HTTP meaning). */
const NOT_PROCESSED_STATUSES = new Set([429, 503]);
/** Statuses worth retrying for reads, which are safe to repeat. */
const RETRYABLE_READ_STATUSES = new Set([429, 500, 502, 503, 504]);

export function isRetryable(request: CrayonRequest, failure: Failure): boolean {
	if (failure.kind === 'status') {
		return (request.purchase ? NOT_PROCESSED_STATUSES : RETRYABLE_READ_STATUSES).has(
			failure.status,
		);
	}
	if (failure.kind !== 'network' || failure.code === undefined) return false;
	return (
		TRANSIENT_NOT_DELIVERED_CODES.has(failure.code) ||
		(!request.purchase && UNKNOWN_OUTCOME_CODES.has(failure.code))
	);
}

/**
 * A purchase whose fate Crayon did not tell: sent (or maybe sent) without an answer, or
 * answered with a server error that may have come after the work was done.
 */
function isOutcomeUnknown(request: CrayonRequest, failure: Failure): boolean {
	if (!request.purchase) return false;
	if (failure.kind === 'network')
		return failure.code === undefined || !NOT_DELIVERED_CODES.has(failure.code);
	return (
		failure.kind === 'status' &&
		failure.status >= 500 &&
		!NOT_PROCESSED_STATUSES.has(failure.status)
	);
}

export interface FailureContext {
	itemIndex?: number;
	/** When the last attempt was sent, for looking up a purchase whose answer was lost. */
	sentAt: Date;
	attempts: number;
	timeoutMs: number;
	secrets: string[];
}

interface ErrorText {
	message: string;
	description?: string;
	httpCode?: string;
	/** What n8n shows as the error's response; redacted like the text. */
	response?: unknown;
}

/**
 * A NodeApiError saying exactly `text`. NodeApiError rewrites messages that mention a
 * network error code ("ECONNRESET" becomes "You can retry the request immediately"),
 * which must never be said of a purchase, so the text is set after construction.
 */
export function crayonError(
	context: CrayonContext,
	text: ErrorText,
	itemIndex: number | undefined,
	secrets: string[],
): NodeApiError {
	const response = redact(text.response, secrets);
	const errorResponse = (
		response && typeof response === 'object' ? response : { body: String(response ?? '') }
	) as JsonObject;
	const error = new NodeApiError(context.getNode(), errorResponse, { itemIndex });
	error.message = redactText(text.message, secrets);
	error.description =
		text.description === undefined ? undefined : redactText(text.description, secrets);
	error.httpCode = text.httpCode ?? null;
	error.messages = [];
	return error;
}

export function requestLabel(request: CrayonRequest): string {
	return `${request.method} ${request.path}`;
}

const NOTHING_BOUGHT = 'Crayon did not process this request, so nothing was bought or changed.';

/** A body, on one line and short enough for an error message. */
export function preview(body: unknown): string {
	const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? String(body));
	const compact = text.replace(/\s+/g, ' ').trim();
	return compact.length > 200 ? `${compact.slice(0, 197)}...` : compact;
}

interface CrayonErrorBody {
	ErrorCode?: unknown;
	Message?: unknown;
	ObjectErrors?: unknown;
}

/** Crayon's `{ErrorCode, Message, ObjectErrors}`, or a preview of whatever else came back. */
function crayonErrorDetails(body: unknown): { message?: string; details: string[] } {
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return { details: body === undefined || body === '' ? [] : [`Response: ${preview(body)}`] };
	}
	const errorBody = body as CrayonErrorBody;
	const objectErrors = Array.isArray(errorBody.ObjectErrors)
		? errorBody.ObjectErrors.flatMap((objectError: { Message?: unknown }) =>
				typeof objectError?.Message === 'string' ? [objectError.Message] : [],
			)
		: [];
	return {
		message: typeof errorBody.Message === 'string' ? errorBody.Message : undefined,
		details: [
			typeof errorBody.ErrorCode === 'string' ? `Crayon error code: ${errorBody.ErrorCode}` : '',
			...objectErrors,
		].filter(Boolean),
	};
}

/** "no answer within 200 ms", "HTTP 500: <Crayon's message>": what went wrong, in a few words. */
function whatHappened(failure: Failure, timeoutMs: number): string {
	if (failure.kind === 'status') {
		const { message } = crayonErrorDetails(failure.body);
		return `HTTP ${failure.status}${message ? `: ${message}` : ''}`;
	}
	if (failure.kind === 'network') {
		if (failure.code !== undefined && TIMEOUT_CODES.has(failure.code)) {
			return `no answer within ${timeoutMs} ms (Options → Timeout)`;
		}
		return `connection lost: ${failure.code ?? failure.detail}`;
	}
	return failure.kind === 'notProcessed' ? failure.reason : 'access token rejected';
}

/**
 * `answered`: Crayon sent a (bad) answer, so it has finished with the request and a lookup
 * that finds nothing means nothing was bought. Without an answer, Crayon may still be working on it.
 */
async function outcomeLookupText(
	request: CrayonRequest,
	sentAt: Date,
	answered: boolean,
): Promise<{ headline: string; finding: string }> {
	if (!request.checkOutcome) return { headline: 'Outcome unknown', finding: '' };
	try {
		const { verdict, details } = await request.checkOutcome(sentAt);
		if (verdict === 'bought')
			return {
				headline: 'Outcome unknown, but most likely bought',
				finding: ` A lookup at Crayon found ${details}.`,
			};
		if (verdict === 'unclear')
			return { headline: 'Outcome unknown', finding: ` A lookup at Crayon: ${details}.` };
		if (answered)
			return {
				headline: 'Outcome unknown, most likely not bought',
				finding: ` A lookup at Crayon found ${details}.`,
			};
		return {
			headline: 'Outcome unknown, not found yet',
			finding:
				` A lookup right afterwards found ${details}; as the answer was lost, Crayon may still have been working on it,` +
				' so look again in a few minutes before buying again.',
		};
	} catch (error) {
		return {
			headline: 'Outcome unknown',
			finding: ` Looking it up at Crayon failed too (${(error as Error).message}).`,
		};
	}
}

/**
 * For a purchase that may have gone through although its answer was lost or unreadable:
 * what the node knows, what it found out, and what to check before running the item again.
 */
export async function purchaseOutcomeText(
	request: CrayonRequest,
	sentAt: Date,
	happened: string,
	answered: boolean,
): Promise<{ message: string; description: string }> {
	const { headline, finding } = await outcomeLookupText(request, sentAt, answered);
	return {
		message: `${headline}: ${requestLabel(request)} got no usable answer (${happened}).${finding}`,
		description:
			'Crayon may have processed this purchase, so the node did not send it again: repeating it could buy twice. ' +
			'Check in Cloud-iQ (or with Subscription → Get / Get Many) whether it went through before running this item again.',
	};
}

async function describeFailure(
	request: CrayonRequest,
	failure: Failure,
	context: FailureContext,
): Promise<ErrorText> {
	const label = requestLabel(request);
	if (isOutcomeUnknown(request, failure)) {
		const answered = failure.kind === 'status';
		const text = await purchaseOutcomeText(
			request,
			context.sentAt,
			whatHappened(failure, context.timeoutMs),
			answered,
		);
		return {
			...text,
			...(failure.kind === 'status'
				? { httpCode: String(failure.status), response: failure.body }
				: {}),
		};
	}
	const retried = context.attempts > 1 ? ` (tried ${context.attempts} times)` : '';
	switch (failure.kind) {
		case 'notProcessed':
			return {
				message: failure.reason,
				description: `${label} was not processed. ${NOTHING_BOUGHT}`,
			};
		case 'unauthorized':
			return {
				httpCode: '401',
				message: failure.freshToken
					? `Crayon rejected a freshly issued access token for ${label} (401 Unauthorized)`
					: `Crayon rejected the access token for ${label} (401 Unauthorized), also after renewing the login`,
				description:
					'Check that the user in the Crayon API credential has API access and that its API Base URL is the environment ' +
					`the client ID belongs to. ${NOTHING_BOUGHT}`,
			};
		case 'network':
			if (failure.code !== undefined && NOT_DELIVERED_CODES.has(failure.code)) {
				return {
					message: `Could not reach Crayon for ${label} (${failure.code})${retried}`,
					description: `Check the API Base URL in the Crayon API credential and the network between n8n and Crayon. ${NOTHING_BOUGHT}`,
				};
			}
			return {
				message: `Crayon gave no answer to ${label}: ${whatHappened(failure, context.timeoutMs)}${retried}`,
				description: 'This request only reads, so running the item again is safe.',
			};
		case 'status': {
			const { message, details } = crayonErrorDetails(failure.body);
			const busy = NOT_PROCESSED_STATUSES.has(failure.status);
			const waitHint =
				busy && failure.retryAfterMs !== undefined
					? `Crayon asked to wait ${Math.ceil(failure.retryAfterMs / 1000)} s. `
					: '';
			return {
				httpCode: String(failure.status),
				response: failure.body,
				message: busy
					? `Crayon is too busy to process ${label} (HTTP ${failure.status})${retried}`
					: message
						? `Crayon refused ${label}: ${message}${retried}`
						: `Crayon answered HTTP ${failure.status} to ${label}${retried}`,
				description:
					[
						...details,
						busy
							? `${waitHint}${NOTHING_BOUGHT} Run this item again later.`
							: request.purchase
								? NOTHING_BOUGHT
								: '',
					]
						.filter(Boolean)
						.join('\n') || undefined,
			};
		}
	}
}

export async function requestFailed(
	context: CrayonContext,
	request: CrayonRequest,
	failure: Failure,
	failureContext: FailureContext,
): Promise<NodeApiError> {
	const text = await describeFailure(request, failure, failureContext);
	return crayonError(context, text, failureContext.itemIndex, failureContext.secrets);
}
