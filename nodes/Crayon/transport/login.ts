import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { fieldOf, parseBody } from './answers';
import { nextRetryDelayMs, parseRetryAfter, type RetryPolicy } from './retry';
import { exchange, type StreamedResponse } from './wire';

/**
 * Crayon's login: `POST /api/v1/connect/token`, the client ID and secret as Basic auth, the
 * password grant in a form body, scope CustomerApi ("Authentication" page of Crayon's API
 * documentation; crayon-api-sdk: src/Crayon.Api.Sdk/Resources/TokenResource.cs). There is no
 * refresh token: an expired token means logging in again.
 */

export const LOGIN_PATH = '/api/v1/connect/token';

/**
 * Set as `errorCode` on every login error. n8n wraps the error and keeps this as its
 * `httpCode`, which tells the node that the request it was about to send never reached
 * Crayon. Not `code`: n8n's credential test shows an error's `code` instead of its message.
 */
export const LOGIN_FAILED_CODE = 'CRAYON_LOGIN_FAILED';

const LOGIN_LIMITS = { timeoutMs: 30_000, maxBytes: 64 * 1024 };

/** Logging in has no side effects, so a login refused for being busy is tried again, twice. */
const LOGIN_RETRIES: RetryPolicy = { maxRetries: 2, maxDelayMs: 10_000 };

/**
 * The longest a login can take, every attempt and wait included. A request that n8n logs in
 * for gets this much more time: its Timeout must not run out while the login is still going,
 * or the request could be sent after the node gave up on it.
 */
export const LOGIN_MAX_MS =
	(LOGIN_RETRIES.maxRetries + 1) * LOGIN_LIMITS.timeoutMs +
	LOGIN_RETRIES.maxRetries * LOGIN_RETRIES.maxDelayMs;
const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/** OAuth error codes such as `invalid_grant`; anything else in that field is not shown, as it might echo the request. */
const OAUTH_ERROR_CODE = /^[a-z_]{1,64}$/;

/** Crayon documents an optional trailing slash; a base URL ending in "/" must not produce "//api". */
export function normalizeBaseUrl(baseUrl: unknown): string {
	return String(baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/**
 * Which login a stored token came from: a hash of the fields that logged in. A token is only
 * sent with the very fields (API base URL included) that obtained it: changing the password or
 * the base URL makes the node log in again instead of sending an old token to a new origin.
 */
function loginFingerprint(credentials: ICredentialDataDecryptedObject): string {
	const fields = [
		normalizeBaseUrl(credentials.baseUrl),
		credentials.clientId,
		credentials.clientSecret,
		credentials.username,
		credentials.password,
		credentials.scope || 'CustomerApi',
	].map((value) => String(value ?? ''));
	return createHash('sha256').update(JSON.stringify(fields)).digest('base64url');
}

/** What the credential stores beside a new token (`tokenIssuedFor`): when, and for which fields. */
export function tokenIssue(credentials: ICredentialDataDecryptedObject, now = Date.now()): string {
	return `${now}:${loginFingerprint(credentials)}`;
}

/**
 * Whether the stored token may be sent with these fields: it was issued for them, and (when
 * `withinMs` is given) no longer ago than that.
 */
export function tokenFits(
	credentials: ICredentialDataDecryptedObject,
	withinMs?: number,
	now = Date.now(),
): boolean {
	const [issuedAt, fingerprint] = String(credentials.tokenIssuedFor ?? '').split(':');
	if (fingerprint !== loginFingerprint(credentials)) return false;
	return withinMs === undefined || now - Number(issuedAt) <= withinMs;
}

function loginError(message: string): Error {
	return Object.assign(new Error(message), { errorCode: LOGIN_FAILED_CODE });
}

function oauthErrorOf(body: unknown): string | undefined {
	const code = fieldOf(body, 'Error');
	return typeof code === 'string' && OAUTH_ERROR_CODE.test(code) ? code : undefined;
}

/** A refusal: what to check, without the request (its Basic header and form body hold the secrets). */
function refusal(step: string, status: number, body: unknown): Error {
	const oauthError = oauthErrorOf(body);
	if (oauthError === 'invalid_client') {
		return loginError(
			`${step} failed: Crayon rejected the client ID or client secret (invalid_client). Check "Client ID" and "Client Secret" in the Crayon API credential.`,
		);
	}
	if (oauthError === 'invalid_grant') {
		return loginError(
			`${step} failed: Crayon rejected the user name or password (invalid_grant). Check "User Name" and "Password" in the Crayon API credential.`,
		);
	}
	if (status >= 300 && status < 400) {
		return loginError(
			`${step} was redirected (HTTP ${status}); the node does not follow redirects, so no secret was sent on. Check "API Base URL" in the Crayon API credential.`,
		);
	}
	const reason = oauthError ? ` (${oauthError})` : '';
	return loginError(
		`${step} failed with HTTP ${status}${reason}. Check the credential's fields and "API Base URL".`,
	);
}

function networkCodeOf(error: unknown): string | undefined {
	const failure = error as { code?: unknown; cause?: { code?: unknown } };
	const code = failure.code ?? failure.cause?.code;
	return typeof code === 'string' ? code : undefined;
}

/**
 * Logs in with the credential's fields and returns the new access token. Called by n8n
 * (through the credential's `preAuthentication`) when no token is stored, and again after the
 * node cleared an expired one.
 */
export async function logIn(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const baseUrl = normalizeBaseUrl(credentials.baseUrl);
	const step = `Crayon login (POST ${baseUrl}${LOGIN_PATH})`;
	const send = async () =>
		(await helper.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}${LOGIN_PATH}`,
			auth: {
				username: String(credentials.clientId ?? ''),
				password: String(credentials.clientSecret ?? ''),
			},
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: new URLSearchParams({
				grant_type: 'password',
				username: String(credentials.username ?? ''),
				password: String(credentials.password ?? ''),
				scope: String(credentials.scope || 'CustomerApi'),
			}).toString(),
			timeout: LOGIN_LIMITS.timeoutMs,
			// A redirect must not take the client secret and the password elsewhere.
			disableFollowRedirect: true,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as StreamedResponse;

	for (let retries = 0; ; retries++) {
		const result = await exchange(send, LOGIN_LIMITS);
		let retryAfterMs: number | undefined;
		let failure: Error;
		if (result.kind === 'answer') {
			const body = parseBody(result.bytes);
			if (result.status >= 200 && result.status < 300) {
				const token = fieldOf(body, 'AccessToken');
				if (typeof token === 'string' && token !== '') return token;
				const oauthError = oauthErrorOf(body);
				throw loginError(`${step} returned no AccessToken${oauthError ? ` (${oauthError})` : ''}.`);
			}
			if (!TRANSIENT_STATUSES.has(result.status)) throw refusal(step, result.status, body);
			retryAfterMs = parseRetryAfter(result.headers['retry-after']);
			failure = loginError(
				`${step} failed with HTTP ${result.status}: Crayon is busy. Try again later.`,
			);
		} else if (result.kind === 'timeout') {
			throw loginError(
				`${step} got no answer within ${LOGIN_LIMITS.timeoutMs / 1000} s. Check "API Base URL".`,
			);
		} else if (result.kind === 'tooLarge') {
			throw loginError(
				`${step} answered HTTP ${result.status} with more than ${LOGIN_LIMITS.maxBytes} bytes: not a token. Check "API Base URL".`,
			);
		} else if (result.kind === 'unreadable') {
			// Only file downloads read answers with a reader; the login never does.
			throw loginError(`${step} answered HTTP ${result.status}: ${result.problem}.`);
		} else {
			const code = networkCodeOf(result.error);
			failure = loginError(
				`${step} failed: Crayon could not be reached (${code ?? 'network error'}). Check "API Base URL".`,
			);
			if (code === undefined || !TRANSIENT_NETWORK_CODES.has(code)) throw failure;
		}
		const delayMs = nextRetryDelayMs(LOGIN_RETRIES, retries, retryAfterMs);
		if (delayMs === undefined) throw failure;
		await sleep(delayMs);
	}
}
