import type { IHttpRequestOptions } from 'n8n-workflow';

import { parseBody } from './answers';
import { isRetryable, retryAfterOf, TIMEOUT_CODES, type Failure } from './failures';
import { LOGIN_FAILED_CODE, LOGIN_MAX_MS, normalizeBaseUrl } from './login';
import { nextRetryDelayMs, parseRetryAfter } from './retry';
import { CREDENTIAL_TYPE, type CrayonSession } from './session';
import type { CrayonRequest } from './types';
import { exchange, type ReaderChoice, type StreamedResponse, type WireResult } from './wire';

/** A success (2xx) answer, its body not yet read for its meaning. */
export interface Answer {
	status: number;
	headers: Record<string, unknown>;
	bytes: Buffer;
}

export type Transmission = { sentAt: Date; attempts: number } & (
	| { answer: Answer; failure?: never }
	| { failure: Failure; answer?: never }
);

/**
 * n8n wraps every error of `httpRequestWithAuthentication` in a NodeApiError that keeps
 * only `httpCode` (here Node's error code, as statuses come back as answers) and the
 * original message as the first of `messages`.
 */
function failureOf(error: unknown, timeoutMs: number): Failure {
	const { httpCode, message, messages, code } = error as {
		httpCode?: unknown;
		message?: string;
		messages?: string[];
		code?: unknown;
	};
	const original = messages?.[0] ?? message ?? 'unknown error';
	if (httpCode === LOGIN_FAILED_CODE) return { kind: 'loginFailed', reason: original };
	const nodeCode = [httpCode, code].find(
		(candidate): candidate is string => typeof candidate === 'string' && !/^\d+$/.test(candidate),
	);
	if (nodeCode !== undefined && TIMEOUT_CODES.has(nodeCode)) return { kind: 'timeout', timeoutMs };
	return { kind: 'network', code: nodeCode, detail: original };
}

function outcomeOf(
	result: WireResult,
	settings: CrayonSession['settings'],
	reader: ReaderChoice | undefined,
): { answer: Answer } | { failure: Failure } {
	switch (result.kind) {
		case 'timeout':
			return { failure: { kind: 'timeout', timeoutMs: settings.timeoutMs } };
		case 'tooLarge':
			return {
				failure: { kind: 'tooLarge', status: result.status, limitBytes: result.limitBytes },
			};
		case 'unreadable':
			return {
				failure: {
					kind: 'unreadable',
					status: result.status,
					body: result.problem,
					expected: reader?.expected ?? 'a readable answer',
				},
			};
		case 'failed':
			return { failure: failureOf(result.error, settings.timeoutMs) };
		case 'answer': {
			const { status, headers, bytes } = result;
			if (status >= 200 && status < 300) return { answer: { status, headers, bytes } };
			if (status >= 300 && status < 400) return { failure: { kind: 'redirect', status } };
			return {
				failure: {
					kind: 'status',
					status,
					body: parseBody(bytes),
					retryAfterMs: parseRetryAfter(headers['retry-after']),
				},
			};
		}
	}
}

/**
 * Sends one request through n8n's `httpRequestWithAuthentication` (the credential's token,
 * logging in when none is stored) and classifies the answer. Sends again only what the
 * failure says is safe: after a 401 once, with a new login; after a refused connection; and,
 * for reads, after a timeout, a lost connection or 429/500/502/503/504.
 */
export async function transmit(
	session: CrayonSession,
	request: CrayonRequest,
	purchase: boolean,
	reader?: ReaderChoice,
): Promise<Transmission> {
	const { context, settings } = session;
	let tokenRenewed = false;
	let options: IHttpRequestOptions | undefined;
	for (let retries = 0; ; ) {
		await session.backoff.beforeRequest();
		const releaseLogin = await session.awaitLogin();
		const sentAt = new Date();
		const stopped = session.stopReason();
		if (stopped !== undefined) {
			releaseLogin?.();
			return { failure: stopped, sentAt, attempts: retries + 1 };
		}
		const credential = await session.credential();
		options ??= {
			method: request.method,
			url: `${normalizeBaseUrl(credential.data?.baseUrl)}${request.path}`,
			qs: request.qs,
			// A list filter (AgreementProductFilter's Include.PartNumbers) is one key per value, as the SDK's HttpQueryBuilder sends it.
			arrayFormat: 'repeat',
			body: request.body,
			json: true,
			headers: { Accept: 'application/json' },
			timeout: settings.timeoutMs,
			// Statuses come back as answers: n8n's error for them drops Retry-After and non-JSON bodies.
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// The bearer token must never go to another origin, and a purchase never be re-sent by a redirect.
			disableFollowRedirect: true,
			encoding: 'stream',
		};
		const sentToken = await session.token();
		const sendOptions = options;
		let result: WireResult;
		try {
			result = await exchange(
				async () =>
					(await context.helpers.httpRequestWithAuthentication.call(
						context,
						CREDENTIAL_TYPE,
						sendOptions,
						{ credentialsDecrypted: credential },
					)) as StreamedResponse,
				{
					// n8n logs in first when no token is stored (this request holds the login claim).
					timeoutMs: settings.timeoutMs + (releaseLogin ? LOGIN_MAX_MS : 0),
					maxBytes: settings.maxAnswerBytes,
					reader,
				},
			);
		} finally {
			await session.noteToken();
			releaseLogin?.();
		}

		const outcome = outcomeOf(result, settings, reader);
		if ('answer' in outcome) return { answer: outcome.answer, sentAt, attempts: retries + 1 };
		let failure = outcome.failure;
		if (failure.kind === 'status' && failure.status === 401) {
			// An empty token means n8n logged in for this very request: Crayon refused a fresh token.
			if (tokenRenewed || sentToken === '') {
				failure = { kind: 'unauthorized', freshToken: !tokenRenewed };
				session.stop(failure);
			} else {
				tokenRenewed = true;
				await session.renewToken(sentToken);
				continue;
			}
		} else if (failure.kind === 'loginFailed') {
			session.stop(failure);
		}

		const delayMs = isRetryable(failure, purchase)
			? nextRetryDelayMs(
					{ maxRetries: settings.maxRetries, maxDelayMs: settings.maxRetryDelayMs },
					retries,
					retryAfterOf(failure),
				)
			: undefined;
		if (delayMs === undefined) return { failure, sentAt, attempts: retries + 1 };
		retries++;
		await session.backoff.backOff(delayMs);
	}
}
