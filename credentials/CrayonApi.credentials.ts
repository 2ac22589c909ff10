import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

export const LOGIN_PATH = '/api/v1/connect/token';

/** Crayon documents an optional trailing slash; a base URL ending in "/" must not produce "//api". */
export function normalizeBaseUrl(baseUrl: unknown): string {
	return String(baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/**
 * Set as `errorCode` on every login error. n8n wraps the error and keeps this as its
 * `httpCode`, which tells the node that the request it was about to send never reached
 * Crayon. Not `code`: n8n's credential test shows an error's `code` instead of its message.
 */
export const LOGIN_FAILED_CODE = 'CRAYON_LOGIN_FAILED';

/** Logging in has no side effects, so these failures are retried a few times. */
const TRANSIENT_LOGIN_STATUSES = new Set([429, 502, 503, 504]);
const TRANSIENT_LOGIN_NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);
const LOGIN_RETRIES = 2;
const MAX_LOGIN_RETRY_DELAY_MS = 10_000;
const LOGIN_TIMEOUT_MS = 30_000;

/** OAuth error codes such as `invalid_grant`; anything else in that field is not shown, as it might echo the request. */
const OAUTH_ERROR_CODE = /^[a-z_]{1,64}$/;

interface HttpFailure {
	status?: number;
	oauthError?: string;
	networkCode?: string;
	retryAfterMs?: number;
}

function oauthErrorCode(value: unknown): string | undefined {
	return typeof value === 'string' && OAUTH_ERROR_CODE.test(value) ? value : undefined;
}

/** A Retry-After header (seconds or an HTTP date) in milliseconds from now. */
export function parseRetryAfter(header: unknown): number | undefined {
	if (typeof header !== 'string' && typeof header !== 'number') return undefined;
	const text = String(header).trim();
	if (/^-?\d+(\.\d+)?$/.test(text)) {
		const seconds = Number(text);
		return seconds >= 0 ? seconds * 1000 : undefined;
	}
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function describeHttpFailure(error: unknown): HttpFailure {
	const failure = error as {
		code?: string;
		response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
		cause?: {
			code?: string;
			response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
		};
	};
	const response = failure.response ?? failure.cause?.response;
	const data = response?.data as { Error?: unknown; error?: unknown } | undefined;
	return {
		status: response?.status,
		oauthError:
			data && typeof data === 'object' ? oauthErrorCode(data.Error ?? data.error) : undefined,
		networkCode: failure.code ?? failure.cause?.code,
		retryAfterMs: parseRetryAfter(response?.headers?.['retry-after']),
	};
}

function isTransient(failure: HttpFailure): boolean {
	return failure.status !== undefined
		? TRANSIENT_LOGIN_STATUSES.has(failure.status)
		: failure.networkCode !== undefined && TRANSIENT_LOGIN_NETWORK_CODES.has(failure.networkCode);
}

function loginError(message: string): Error {
	return Object.assign(new Error(message), { errorCode: LOGIN_FAILED_CODE });
}

/**
 * Says which login step failed and what to check, without the request (its Basic
 * header and form body hold the client secret and password) and without the cause.
 */
function tokenRequestError(baseUrl: string, failure: HttpFailure): Error {
	const step = `Crayon login (POST ${baseUrl}${LOGIN_PATH})`;
	if (failure.oauthError === 'invalid_client') {
		return loginError(
			`${step} failed: Crayon rejected the client ID or client secret (invalid_client). Check "Client ID" and "Client Secret" in the Crayon API credential.`,
		);
	}
	if (failure.oauthError === 'invalid_grant') {
		return loginError(
			`${step} failed: Crayon rejected the user name or password (invalid_grant). Check "User Name" and "Password" in the Crayon API credential.`,
		);
	}
	if (failure.status !== undefined) {
		const reason = failure.oauthError ? ` (${failure.oauthError})` : '';
		return loginError(
			`${step} failed with HTTP ${failure.status}${reason}. Check the credential's fields and "API Base URL".`,
		);
	}
	return loginError(
		`${step} failed: Crayon could not be reached (${failure.networkCode ?? 'network error'}). Check "API Base URL".`,
	);
}

export class CrayonApi implements ICredentialType {
	name = 'crayonApi';

	displayName = 'Crayon API';

	icon = { light: 'file:crayon.svg', dark: 'file:crayon.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-crayon/n8n-nodes-crayon#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.crayon.com',
			description:
				'Crayon Cloud-iQ API address. Use https://demoapi.crayon.com for the Crayon demo environment.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'API client ID from Cloud-iQ (Settings → API management)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'User Name',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'Cloud-iQ user the API acts as',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'CustomerApi',
		},
	];

	/**
	 * n8n calls this when the stored token is empty and again after a 401, then
	 * retries the request once; Crayon issues no refresh token, so this logs in again.
	 */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const baseUrl = normalizeBaseUrl(credentials.baseUrl);
		let response: { AccessToken?: unknown; Error?: unknown };
		for (let retries = 0; ; retries++) {
			try {
				response = (await this.helpers.httpRequest({
					method: 'POST',
					url: `${baseUrl}${LOGIN_PATH}`,
					auth: {
						username: String(credentials.clientId ?? ''),
						password: String(credentials.clientSecret ?? ''),
					},
					headers: {
						'Content-Type': 'application/x-www-form-urlencoded',
						Accept: 'application/json',
					},
					body: new URLSearchParams({
						grant_type: 'password',
						username: String(credentials.username ?? ''),
						password: String(credentials.password ?? ''),
						scope: String(credentials.scope || 'CustomerApi'),
					}).toString(),
					timeout: LOGIN_TIMEOUT_MS,
				})) as typeof response;
				break;
			} catch (error) {
				const failure = describeHttpFailure(error);
				const delayMs = failure.retryAfterMs ?? 1000 * 2 ** retries;
				if (
					retries >= LOGIN_RETRIES ||
					!isTransient(failure) ||
					delayMs > MAX_LOGIN_RETRY_DELAY_MS
				) {
					throw tokenRequestError(baseUrl, failure);
				}
				await sleep(delayMs);
			}
		}
		if (typeof response?.AccessToken !== 'string' || response.AccessToken === '') {
			const oauthError = oauthErrorCode(response?.Error);
			throw loginError(
				`Crayon login (POST ${baseUrl}${LOGIN_PATH}) returned no AccessToken${oauthError ? ` (${oauthError})` : ''}.`,
			);
		}
		return { accessToken: response.AccessToken };
	}

	/**
	 * Adds `Authorization: Bearer <token>`. A function rather than the generic
	 * `'=Bearer {{$credentials.accessToken}}'`, which n8n resolves as an expression on every
	 * request. n8n calls it the same way for node requests (`httpRequestWithAuthentication`)
	 * and for the credential test. The caller's options are left untouched.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const accessToken = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${accessToken}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/me',
		},
	};
}
