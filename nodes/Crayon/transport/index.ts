import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import {
	LOGIN_FAILED_CODE,
	normalizeBaseUrl,
	parseRetryAfter,
} from '../../../credentials/CrayonApi.credentials';
import { type Failure, isRetryable, requestFailed } from './failures';
import { redact, secretsOf } from './redaction';

export const CREDENTIAL_TYPE = 'crayonApi';

/** Answers for a valid token and has no side effects: what the node asks when n8n must log in again. */
const TOKEN_CHECK_PATH = '/api/v1/me';

export type CrayonContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** What a look at Crayon's data told about a purchase whose answer was lost. */
export interface OutcomeFinding {
	/** `unclear` when the lookup cannot tell, e.g. because Crayon processes the order later. */
	verdict: 'bought' | 'notBought' | 'unclear';
	/** Completes "A lookup at Crayon found …", e.g. "subscription 5121 (…)". */
	details: string;
}

/** Reads (never buys) to find out whether a purchase sent at `sentAt` went through. */
export type OutcomeCheck = (sentAt: Date) => Promise<OutcomeFinding>;

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
	/** For a purchase: how to look up its result when the answer is lost, so the error can say what happened. */
	checkOutcome?: OutcomeCheck;
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

const MAX_BACKOFF_MS = 30_000;

interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body: unknown;
}

function retryDelayMs(failure: Failure, retries: number): number {
	const retryAfterMs = failure.kind === 'status' ? failure.retryAfterMs : undefined;
	return retryAfterMs ?? Math.min(1000 * 2 ** retries, MAX_BACKOFF_MS);
}

/**
 * n8n wraps every error of `httpRequestWithAuthentication` in a NodeApiError that keeps
 * only `httpCode` (here Node's error code, as statuses come back as responses) and the
 * original message as the first of `messages`.
 */
function failureOf(error: unknown): Failure {
	const { httpCode, message, messages } = error as {
		httpCode?: unknown;
		message?: string;
		messages?: string[];
	};
	const original = messages?.[0] ?? message ?? 'unknown error';
	if (httpCode === LOGIN_FAILED_CODE) return { kind: 'notProcessed', reason: original };
	const code = typeof httpCode === 'string' && !/^\d+$/.test(httpCode) ? httpCode : undefined;
	return { kind: 'network', code, detail: original };
}

async function send(
	context: CrayonContext,
	options: IHttpRequestOptions,
): Promise<FullResponse | Failure> {
	try {
		return (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			options,
		)) as FullResponse;
	} catch (error) {
		return failureOf(error);
	}
}

function tokenOf(credentials: ICredentialDataDecryptedObject): string {
	return typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
}

async function accessToken(context: CrayonContext): Promise<string> {
	return tokenOf(await context.getCredentials(CREDENTIAL_TYPE));
}

/**
 * n8n logs in again only when a request it sends fails with 401, and this node reads
 * every status itself (to see Retry-After and Crayon's error bodies). So it has n8n send
 * a request without side effects, which logs in again and stores the new token.
 */
async function logInAgain(
	context: CrayonContext,
	baseUrl: string,
	timeoutMs: number,
): Promise<Failure | undefined> {
	try {
		await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
			method: 'GET',
			url: `${baseUrl}${TOKEN_CHECK_PATH}`,
			json: true,
			timeout: timeoutMs,
		});
		return undefined;
	} catch (error) {
		if ((error as { httpCode?: unknown }).httpCode === '401')
			return { kind: 'unauthorized', freshToken: false };
		const failure = failureOf(error);
		if (failure.kind === 'notProcessed') return failure;
		return {
			kind: 'notProcessed',
			reason: `Crayon rejected the access token, and logging in again failed: ${failure.kind === 'network' ? failure.detail : 'no answer'}`,
		};
	}
}

interface Renewal {
	staleToken: string;
	done: Promise<Failure | undefined>;
	/** Set once the new login has finished (stored, or failed). */
	settled: boolean;
}

/** Per node execution, the latest renewal: concurrent items that all got a 401 log in once. */
const renewals = new WeakMap<CrayonContext, Renewal>();

async function renewToken(
	context: CrayonContext,
	baseUrl: string,
	timeoutMs: number,
	staleToken: string,
) {
	// Another item may have logged in again since this request was sent.
	if ((await accessToken(context)) !== staleToken) return undefined;
	let renewal = renewals.get(context);
	if (renewal?.staleToken !== staleToken) {
		const started: Renewal = { staleToken, done: Promise.resolve(undefined), settled: false };
		started.done = logInAgain(context, baseUrl, timeoutMs).finally(() => {
			started.settled = true;
		});
		renewal = started;
		renewals.set(context, renewal);
	}
	return await renewal.done;
}

/**
 * The secrets of the credential as read before sending and as stored now: for when n8n may
 * have sent (and Crayon may echo) a token other than the one read.
 */
async function secretsReadAgain(
	context: CrayonContext,
	read: ICredentialDataDecryptedObject,
): Promise<string[]> {
	return secretsOf(read, await context.getCredentials(CREDENTIAL_TYPE));
}

/**
 * The one place the node talks HTTP, through n8n's `httpRequestWithAuthentication`: the
 * credential's token is fetched once and reused; after a 401 the node logs in once more
 * and sends the request once more. Retries only what Crayon provably did not process.
 */
export async function crayonApiRequest(
	this: CrayonContext,
	request: CrayonRequest,
	settings: RequestSettings = DEFAULT_REQUEST_SETTINGS,
	itemIndex?: number,
): Promise<CrayonResponse> {
	let baseUrl: string | undefined;
	let options: IHttpRequestOptions | undefined;
	let tokenRenewed = false;
	for (let retries = 0; ; ) {
		await settings.pacer?.beforeRequest();
		// Read right before sending: n8n sends the token stored now, so these are the secrets
		// Crayon could echo (see tokenMayDiffer for when they are not).
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		if (baseUrl === undefined || options === undefined) {
			baseUrl = normalizeBaseUrl(credentials.baseUrl);
			options = {
				method: request.method,
				url: `${baseUrl}${request.path}`,
				qs: request.qs,
				body: request.body,
				json: true,
				headers: { Accept: 'application/json' },
				timeout: settings.timeoutMs,
				returnFullResponse: true,
				// Statuses come back as responses: n8n's error for them drops Retry-After and non-JSON bodies.
				ignoreHttpStatusErrors: true,
			};
		}
		const sentToken = tokenOf(credentials);
		const renewalAtRead = renewals.get(this);
		const renewalPendingAtRead = renewalAtRead !== undefined && !renewalAtRead.settled;
		const sentAt = new Date();
		const outcome = await send(this, options);
		// n8n may have sent a token other than the one read: it logs in first when none is
		// stored, and another item of this execution may have logged in again meanwhile.
		const tokenMayDiffer =
			sentToken === '' || renewalPendingAtRead || renewals.get(this) !== renewalAtRead;
		let failure: Failure;
		if (!('statusCode' in outcome)) {
			failure = outcome;
		} else if (outcome.statusCode >= 200 && outcome.statusCode < 300) {
			const secrets = tokenMayDiffer
				? await secretsReadAgain(this, credentials)
				: secretsOf(credentials);
			return { statusCode: outcome.statusCode, body: redact(outcome.body, secrets) };
		} else if (outcome.statusCode === 401) {
			// An empty token means n8n logged in for this very request: Crayon refused a fresh token.
			if (tokenRenewed || sentToken === '') {
				failure = { kind: 'unauthorized', freshToken: !tokenRenewed };
			} else {
				tokenRenewed = true;
				const renewalFailure = await renewToken(this, baseUrl, settings.timeoutMs, sentToken);
				if (renewalFailure === undefined) continue;
				failure = renewalFailure;
			}
		} else {
			failure = {
				kind: 'status',
				status: outcome.statusCode,
				body: outcome.body,
				retryAfterMs: parseRetryAfter(outcome.headers?.['retry-after']),
			};
		}

		const delayMs = retryDelayMs(failure, retries);
		if (
			retries < settings.maxRetries &&
			isRetryable(request, failure) &&
			delayMs <= settings.maxRetryDelayMs
		) {
			retries++;
			await (settings.pacer ? settings.pacer.backOff(delayMs) : sleep(delayMs));
			continue;
		}
		throw await requestFailed(this, request, failure, {
			itemIndex,
			sentAt,
			attempts: retries + 1,
			timeoutMs: settings.timeoutMs,
			// Failures are rare: always read again, for the token sent and any issued since.
			secrets: await secretsReadAgain(this, credentials),
		});
	}
}
