import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

export const LOGIN_PATH = '/api/v1/connect/token';

/** Crayon documents an optional trailing slash; a base URL ending in "/" must not produce "//api". */
export function normalizeBaseUrl(baseUrl: unknown): string {
	return String(baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
}

interface HttpFailure {
	status?: number;
	oauthError?: string;
	networkCode?: string;
}

function describeHttpFailure(error: unknown): HttpFailure {
	const failure = error as {
		code?: string;
		response?: { status?: number; data?: unknown };
		cause?: { code?: string; response?: { status?: number; data?: unknown } };
	};
	const response = failure.response ?? failure.cause?.response;
	const data = response?.data as { Error?: unknown; error?: unknown } | undefined;
	const oauthError = data && typeof data === 'object' ? (data.Error ?? data.error) : undefined;
	return {
		status: response?.status,
		oauthError: typeof oauthError === 'string' ? oauthError : undefined,
		networkCode: failure.code ?? failure.cause?.code,
	};
}

/**
 * Says which login step failed and what to check, without the request (its Basic
 * header and form body hold the client secret and password) and without the cause.
 */
function tokenRequestError(baseUrl: string, failure: HttpFailure): Error {
	const step = `Crayon login (POST ${baseUrl}${LOGIN_PATH})`;
	if (failure.oauthError === 'invalid_client') {
		return new Error(
			`${step} failed: Crayon rejected the client ID or client secret (invalid_client). Check "Client ID" and "Client Secret" in the Crayon API credential.`,
		);
	}
	if (failure.oauthError === 'invalid_grant') {
		return new Error(
			`${step} failed: Crayon rejected the user name or password (invalid_grant). Check "User Name" and "Password" in the Crayon API credential.`,
		);
	}
	if (failure.status !== undefined) {
		const reason = failure.oauthError ? ` (${failure.oauthError})` : '';
		return new Error(`${step} failed with HTTP ${failure.status}${reason}. Check the credential's fields and "API Base URL".`);
	}
	return new Error(
		`${step} failed: Crayon could not be reached (${failure.networkCode ?? 'network error'}). Check "API Base URL".`,
	);
}

export class CrayonApi implements ICredentialType {
	name = 'crayonApi';

	displayName = 'Crayon API';

	icon = { light: 'file:crayon.svg', dark: 'file:crayon.dark.svg' } as const;

	documentationUrl = 'https://apidocs.crayon.com/';

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
			description: 'Crayon Cloud-iQ API address. Use https://demoapi.crayon.com for the Crayon demo environment.',
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
				timeout: 30_000,
			})) as typeof response;
		} catch (error) {
			throw tokenRequestError(baseUrl, describeHttpFailure(error));
		}
		if (typeof response?.AccessToken !== 'string' || response.AccessToken === '') {
			const reason = typeof response?.Error === 'string' ? ` (${response.Error})` : '';
			throw new Error(`Crayon login (POST ${baseUrl}${LOGIN_PATH}) returned no AccessToken${reason}.`);
		}
		return { accessToken: response.AccessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/me',
		},
	};
}
