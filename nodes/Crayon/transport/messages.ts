import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { deliveryOf, type Failure } from './failures';
import type { Purchase } from './ledger';
import { redact, redactedPreview, redactText } from './redaction';
import type { CrayonRequest, OutcomeFinding, RequestLine, SentField } from './types';

/** What an error says; turned into a NodeApiError with every secret masked. */
export interface ErrorText {
	message: string;
	description?: string;
	httpCode?: string;
	/** What n8n shows as the error's response; redacted like the text. */
	response?: unknown;
}

const NOTHING_BOUGHT = 'Crayon did not process this request, so nothing was bought or changed.';
const READ_ONLY = 'This request only reads, so running the item again is safe.';
const PREVIEW_LENGTH = 200;

export function requestLabel(request: RequestLine & Pick<CrayonRequest, 'qs'>): string {
	// Pages of a list are read ahead, so an error must say which later page it is about.
	const page = Number(request.qs?.page);
	return `${request.method} ${request.path}${page > 1 ? ` (page ${page})` : ''}`;
}

/**
 * A NodeApiError saying exactly `text`. NodeApiError rewrites messages that mention a
 * network error code ("ECONNRESET" becomes "You can retry the request immediately"),
 * which must never be said of a purchase, so the text is set after construction.
 */
export function crayonError(
	node: INode,
	text: ErrorText,
	itemIndex: number | undefined,
	secrets: string[],
): NodeApiError {
	const response = redact(text.response, secrets);
	const errorResponse = (
		response && typeof response === 'object' ? response : { body: String(response ?? '') }
	) as JsonObject;
	const error = new NodeApiError(node, errorResponse, { itemIndex });
	error.message = redactText(text.message, secrets);
	error.description =
		text.description === undefined ? undefined : redactText(text.description, secrets);
	error.httpCode = text.httpCode ?? null;
	error.messages = [];
	return error;
}

/** A body, masked, on one line and short enough for an error message. */
export function preview(body: unknown, secrets: string[]): string {
	const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? String(body));
	return redactedPreview(text, secrets, PREVIEW_LENGTH);
}

interface CrayonErrorBody {
	ErrorCode?: unknown;
	Message?: unknown;
	Parameters?: unknown;
	ObjectErrors?: unknown;
}

interface CrayonErrorDetails {
	message?: string;
	/** Crayon's error code ("400 BadRequest"), if it sent one. */
	code?: string;
	/** Crayon's further messages (ObjectErrors), without the one already in `message`. */
	details: string[];
	/** Every text of the error body (codes, messages, parameter names and values), to find the field it is about. */
	texts: string[];
}

const textsOf = (value: unknown): string[] =>
	value !== null && typeof value === 'object'
		? Object.entries(value).flatMap(([key, entry]) => [key, ...textsOf(entry)])
		: typeof value === 'string'
			? [value]
			: [];

/** Crayon's `{ErrorCode, Message, Parameters, ObjectErrors}`, or a preview of whatever else came back. */
function crayonErrorDetails(body: unknown, secrets: string[]): CrayonErrorDetails {
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return {
			details: body === undefined || body === '' ? [] : [`Response: ${preview(body, secrets)}`],
			texts: typeof body === 'string' ? [body] : [],
		};
	}
	const errorBody = body as CrayonErrorBody;
	const message = typeof errorBody.Message === 'string' ? errorBody.Message : undefined;
	const objectErrors = Array.isArray(errorBody.ObjectErrors)
		? errorBody.ObjectErrors.flatMap((objectError: { Message?: unknown }) =>
				typeof objectError?.Message === 'string' ? [objectError.Message] : [],
			)
		: [];
	return {
		message,
		code: typeof errorBody.ErrorCode === 'string' ? errorBody.ErrorCode : undefined,
		details: objectErrors.filter((objectError) => !message?.includes(objectError)),
		texts: textsOf(body),
	};
}

const comparable = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The sent fields Crayon's error names, by their Crayon names or their labels. */
function fieldsNamed(sent: SentField[], texts: string[]): SentField[] {
	const haystack = texts.map(comparable);
	return sent.filter((field) =>
		[field.label, ...field.crayonNames]
			.map(comparable)
			.some((name) => name !== '' && haystack.some((text) => text.includes(name))),
	);
}

const sentValue = (field: SentField) => `${field.label} ${JSON.stringify(field.value)}`;

/** Which field to change: the ones Crayon's error names, or else every field the request was made of. */
function whatToChange(request: CrayonRequest, texts: string[]): string | undefined {
	const sent = request.sent ?? [];
	if (sent.length === 0) return undefined;
	const named = fieldsNamed(sent, texts);
	return named.length > 0
		? `Crayon's answer is about ${named.map((field) => `"${field.label}" (this item sent ${JSON.stringify(field.value)})`).join(' and ')}: change it, then run the item again.`
		: `Check the values this item sent: ${sent.map(sentValue).join(', ')}.`;
}

/** "no answer within 200 ms", "HTTP 500: <Crayon's message>": what went wrong, in a few words. */
export function whatHappened(failure: Failure, secrets: string[]): string {
	switch (failure.kind) {
		case 'status': {
			const { message } = crayonErrorDetails(failure.body, secrets);
			return `HTTP ${failure.status}${message ? `: ${message}` : ''}`;
		}
		case 'timeout':
			return `no answer within ${failure.timeoutMs} ms (Options → Timeout)`;
		case 'network':
			return `connection lost: ${failure.code ?? failure.detail}`;
		case 'redirect':
			return `redirected with HTTP ${failure.status}, which the node does not follow`;
		case 'tooLarge':
			return `HTTP ${failure.status} with an answer longer than ${failure.limitBytes} bytes, which the node does not read`;
		case 'unreadable':
			return `HTTP ${failure.status}, but not ${failure.expected}`;
		case 'loginFailed':
			return failure.reason;
		case 'unauthorized':
			return 'access token rejected';
	}
}

/**
 * `answered`: Crayon sent a (bad) answer, so it has finished with the request and a lookup
 * that finds nothing means nothing was bought. Without an answer, Crayon may still be working on it.
 */
export function findingText(
	finding: OutcomeFinding | { lookupFailed: string } | undefined,
	answered: boolean,
): { headline: string; finding: string } {
	if (finding === undefined) return { headline: 'Outcome unknown', finding: '' };
	if ('lookupFailed' in finding) {
		return {
			headline: 'Outcome unknown',
			finding: ` Looking it up at Crayon failed too (${finding.lookupFailed}).`,
		};
	}
	const { verdict, details } = finding;
	if (verdict === 'bought') {
		return {
			headline: 'Outcome unknown, but most likely bought',
			finding: ` A lookup at Crayon found ${details}.`,
		};
	}
	if (verdict === 'unclear') {
		return { headline: 'Outcome unknown', finding: ` A lookup at Crayon: ${details}.` };
	}
	if (answered) {
		return {
			headline: 'Outcome unknown, most likely not bought',
			finding: ` A lookup at Crayon found ${details}.`,
		};
	}
	return {
		headline: 'Outcome unknown, not found yet',
		finding:
			` A lookup right afterwards found ${details}; as the answer was lost, Crayon may still have been working on it,` +
			' so look again in a few minutes before buying again.',
	};
}

/**
 * For a purchase that may have gone through although its answer was lost or unreadable:
 * what the node knows, what it found out, and what to check before running the item again.
 */
export function outcomeUnknownText(
	request: RequestLine,
	failure: Failure,
	finding: OutcomeFinding | { lookupFailed: string } | undefined,
	secrets: string[],
): ErrorText {
	// A redirect, too, is an answer: the server has finished with the request.
	const answered = ['status', 'unreadable', 'tooLarge', 'redirect'].includes(failure.kind);
	const text = findingText(finding, answered);
	const received =
		failure.kind === 'unreadable'
			? `Received (HTTP ${failure.status}): ${preview(failure.body, secrets)}\n`
			: '';
	return {
		message: `${text.headline}: ${requestLabel(request)} got no usable answer (${whatHappened(failure, secrets)}).${text.finding}`,
		description:
			`${received}Crayon may have processed this purchase, so the node did not send it again: repeating it could buy twice. ` +
			'Check in Cloud-iQ (or with Subscription → Get / Get Many) whether it went through before running this item again.',
		...(failure.kind === 'status'
			? { httpCode: String(failure.status), response: failure.body }
			: failure.kind === 'unreadable'
				? { httpCode: String(failure.status), response: { body: preview(failure.body, secrets) } }
				: {}),
	};
}

/** A read whose answer was not what the request returns. */
export function unreadableReadText(
	request: RequestLine,
	failure: Extract<Failure, { kind: 'unreadable' }>,
	secrets: string[],
): ErrorText {
	const received = `Received (HTTP ${failure.status}): ${preview(failure.body, secrets)}`;
	return {
		message: `Crayon's answer to ${requestLabel(request)} could not be understood: expected ${failure.expected}`,
		description: `${received}\n${READ_ONLY}`,
		httpCode: String(failure.status),
		response: { body: preview(failure.body, secrets) },
	};
}

/** "Crayon refused to create a subscription of …: <Crayon's message>", or what else the status says. */
function statusHeadline(
	request: CrayonRequest,
	status: number,
	busy: boolean,
	message: string | undefined,
): string {
	const { action } = request;
	const label = requestLabel(request);
	const because = message ? `: ${message}` : ` (HTTP ${status})`;
	if (busy) return `Crayon is too busy to ${action ?? `process ${label}`} (HTTP ${status})`;
	if (status < 500) return `Crayon refused ${action ? `to ${action}` : label}${because}`;
	return action
		? `Crayon failed to ${action} (HTTP ${status}${message ? `: ${message}` : ''})`
		: `Crayon answered HTTP ${status} to ${label}${message ? `: ${message}` : ''}`;
}

/** Every failure but a purchase's unknown outcome: what happened and what it means. */
export function failureText(
	request: CrayonRequest & { purchase: boolean },
	failure: Failure,
	attempts: number,
	secrets: string[],
): ErrorText {
	const label = requestLabel(request);
	const retried = attempts > 1 ? ` (tried ${attempts} times)` : '';
	switch (failure.kind) {
		case 'loginFailed':
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
		case 'timeout':
			if (failure.kind === 'network' && deliveryOf(failure) === 'notSent') {
				return {
					message: `Could not reach Crayon for ${label} (${failure.code})${retried}`,
					description: `Check the API Base URL in the Crayon API credential and the network between n8n and Crayon. ${NOTHING_BOUGHT}`,
				};
			}
			return {
				message: `Crayon gave no answer to ${label}: ${whatHappened(failure, secrets)}${retried}`,
				description: READ_ONLY,
			};
		case 'redirect':
		case 'tooLarge':
			return {
				message: `Crayon gave no usable answer to ${label}: ${whatHappened(failure, secrets)}${retried}`,
				description: request.purchase ? undefined : READ_ONLY,
			};
		case 'unreadable':
			return unreadableReadText(request, failure, secrets);
		case 'status': {
			const { message, code, details, texts } = crayonErrorDetails(failure.body, secrets);
			const busy = deliveryOf(failure) === 'busy';
			const waitHint =
				busy && failure.retryAfterMs !== undefined
					? `Crayon asked to wait ${Math.ceil(failure.retryAfterMs / 1000)} s. `
					: '';
			const answered = `Request: ${label} answered HTTP ${failure.status}${code ? ` (Crayon error code ${code})` : ''}.`;
			return {
				httpCode: String(failure.status),
				response: failure.body,
				message: `${statusHeadline(request, failure.status, busy, message)}${retried}`,
				description: [
					...(deliveryOf(failure) === 'refused' ? [whatToChange(request, texts)] : []),
					...details,
					busy
						? `${waitHint}${NOTHING_BOUGHT} Run this item again later.`
						: request.purchase
							? NOTHING_BOUGHT
							: READ_ONLY,
					answered,
				]
					.filter(Boolean)
					.join('\n'),
			};
		}
	}
}

/** "item 2: subscription 5121 (create the subscription)" lines for what an execution bought. */
export function purchaseLines(purchases: Purchase[]): string[] {
	return purchases.map((purchase) => {
		const what = purchase.identity ?? purchase.action;
		const state =
			purchase.outcome === 'bought'
				? ''
				: purchase.outcome === 'likelyBought'
					? ' (most likely, found by a lookup)'
					: ' (outcome unknown)';
		return `item ${purchase.itemIndex}: ${what}${state}`;
	});
}
