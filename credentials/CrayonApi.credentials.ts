import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { logIn, tokenFits, tokenIssue } from '../nodes/Crayon/transport/login';

/** See `authenticate`. Lower case: header names are compared that way. */
const FRESH_LOGIN_HEADER = 'x-crayon-fresh-login';

/** A token the credential test finds logged in this recently, with the fields as entered, is fresh. */
const FRESH_TOKEN_MS = 10_000;

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
			// When the token was issued and for which fields (a hash of them): see transport/login.ts.
			displayName: 'Token Issued For',
			name: 'tokenIssuedFor',
			type: 'hidden',
			typeOptions: { password: true },
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
	 * n8n calls this when the stored token is empty (the first request, and the next one after
	 * Crayon rejected an expired token); Crayon issues no refresh token, so this logs in again.
	 */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		return { accessToken: await logIn(this, credentials), tokenIssuedFor: tokenIssue(credentials) };
	}

	/**
	 * Adds `Authorization: Bearer <token>`. A function rather than the generic
	 * `'=Bearer {{$credentials.accessToken}}'`, which n8n resolves as an expression on every
	 * request. The caller's options are left untouched.
	 *
	 * A token is only sent with the fields that obtained it. Otherwise (the password or the base
	 * URL changed since) the request goes without it, Crayon answers 401, and n8n logs in with
	 * the fields as they are now, then sends the request again.
	 *
	 * The credential test marks its request with FRESH_LOGIN_HEADER: unless the token was issued
	 * for these fields moments ago (n8n logged in for this very test), it goes without the token
	 * too. So *Test* proves a login with the fields as entered, never a token stored earlier.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { ...requestOptions.headers };
		const marker = Object.keys(headers).find((name) => name.toLowerCase() === FRESH_LOGIN_HEADER);
		if (marker !== undefined) delete headers[marker];
		const accessToken = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
		if (!tokenFits(credentials, marker === undefined ? undefined : FRESH_TOKEN_MS)) {
			return { ...requestOptions, headers };
		}
		return { ...requestOptions, headers: { ...headers, Authorization: `Bearer ${accessToken}` } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/me',
			headers: { [FRESH_LOGIN_HEADER]: 'true' },
		},
	};
}
