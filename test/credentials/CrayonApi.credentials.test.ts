/**
 * The Crayon API credential as n8n uses it for the node: one login (password grant) whose
 * token is stored and reused by later items and executions, a new login after a 401, and
 * login failures that say which step failed without revealing a secret; and its
 * `authenticate`, which adds the token as a Bearer header.
 */
import type { IHttpRequestOptions, INodeParameters } from 'n8n-workflow';

import { CrayonApi } from '../../credentials/CrayonApi.credentials';
import { tokenIssue } from '../../nodes/Crayon/transport/login';
import { DEFAULT_CREDENTIALS, SEED } from '../../simulator';
import type { RunResult } from '../../harness';
import { byId, jsonOf, pairedItemsOf, useCrayon } from '../helpers';

const crayon = useCrayon();

const addAddon: INodeParameters = {
	resource: 'subscription',
	operation: 'addAddon',
	subscriptionId: byId(SEED.addonCapableSubscriptionId),
	offerId: byId(SEED.addonOfferId),
	quantity: '={{ $json.quantity }}',
};

const rows = [{ quantity: 1 }, { quantity: 2 }, { quantity: 3 }];

/** Everything a user or an operator could see of a run: items, errors and log lines. */
function visibleText(result: RunResult): string {
	return JSON.stringify(result.run) + result.logs.join('\n');
}

describe('The Crayon API credential, in workflows,', () => {
	it('logs in once with the documented password grant and sends every item with that token', async () => {
		const result = await crayon.runCrayon(addAddon, rows);

		expect(result.error).toBeUndefined();
		const basic = Buffer.from(
			`${DEFAULT_CREDENTIALS.clientId}:${DEFAULT_CREDENTIALS.clientSecret}`,
		).toString('base64');
		expect(crayon.logins()).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: '/api/v1/connect/token',
				status: 200,
				headers: expect.objectContaining({
					authorization: `Basic ${basic}`,
					'content-type': 'application/x-www-form-urlencoded',
				}),
				body: {
					grant_type: 'password',
					username: DEFAULT_CREDENTIALS.username,
					password: DEFAULT_CREDENTIALS.password,
					scope: 'CustomerApi',
				},
			}),
		]);
		expect(crayon.store.preAuthenticationCalls).toBe(1);
		expect(crayon.apiCalls().map((call) => call.authorization)).toEqual([
			crayon.bearer(),
			crayon.bearer(),
			crayon.bearer(),
		]);
		expect(crayon.sim.requests.filter((request) => request.status !== 200)).toEqual([]);
		expect(visibleText(result)).not.toContain(crayon.bearer().slice('Bearer '.length));
	});

	it('reuses the stored token in the next execution, as n8n does across runs', async () => {
		await crayon.runCrayon(addAddon, rows);
		const tokenAfterFirstRun = crayon.bearer();
		const second = await crayon.runCrayon(addAddon, rows);

		expect(second.error).toBeUndefined();
		expect(crayon.logins()).toHaveLength(1);
		expect(crayon.store.preAuthenticationCalls).toBe(1);
		expect(crayon.apiCalls().map((call) => call.authorization)).toEqual(
			Array(6).fill(tokenAfterFirstRun),
		);
		expect(crayon.sim.purchaseCount()).toBe(6);
	});

	it('logs in again once when Crayon rejects the stored token, and buys each item exactly once', async () => {
		await crayon.runCrayon(addAddon, [{ quantity: 1 }]);
		const expired = crayon.bearer();
		crayon.sim.expireTokens();

		const result = await crayon.runCrayon(addAddon, rows);

		expect(result.error).toBeUndefined();
		expect(crayon.logins()).toHaveLength(2);
		const renewed = crayon.bearer();
		expect(renewed).not.toBe(expired);
		const purchases = crayon.requestsTo('POST', /\/addons$/);
		expect(
			purchases.map(({ headers, body, status }) => [
				headers.authorization,
				(body as { Quantity: number }).Quantity,
				status,
			]),
		).toEqual([
			[expired, 1, 200],
			// Rejected unprocessed, so sending it again after the new login buys it once.
			[expired, 1, 401],
			[renewed, 1, 200],
			[renewed, 2, 200],
			[renewed, 3, 200],
		]);
		expect(crayon.sim.purchaseCount()).toBe(4);
		expect(pairedItemsOf(result.output('Crayon'))).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('reads the credential once per execution, however many items and requests', async () => {
		const many = Array.from({ length: 12 }, (_, index) => ({ quantity: 1 + (index % 3) }));
		const result = await crayon.runCrayon(addAddon, many);

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls()).toHaveLength(12);
		// Each read is a database query and a decryption in n8n: one per execution, not one per request.
		expect(crayon.store.reads).toBe(1);
		expect(crayon.logins()).toHaveLength(1);

		await crayon.runCrayon({ ...addAddon, options: { concurrency: 4 } }, many);
		expect(crayon.store.reads).toBe(2);
		expect(crayon.logins()).toHaveLength(1);
	});

	it('after an expired token, logs in once more and every later request of the execution sends the new token', async () => {
		await crayon.runCrayon(addAddon, [{ quantity: 1 }]);
		const expired = crayon.bearer();
		const readsBefore = crayon.store.reads;
		crayon.sim.expireTokens();
		crayon.sim.clearRequests();

		const many = Array.from({ length: 10 }, (_, index) => ({ quantity: 1 + (index % 3) }));
		const result = await crayon.runCrayon({ ...addAddon, options: { concurrency: 4 } }, many);

		expect(result.error).toBeUndefined();
		expect(crayon.logins()).toHaveLength(1);
		expect(crayon.store.preAuthenticationCalls).toBe(2);
		const renewed = crayon.bearer();
		expect(renewed).not.toBe(expired);
		const sent = crayon.requestsTo('POST', /\/addons$/);
		const rejected = sent.filter((request) => request.status === 401);
		// Only requests already in flight with the old token are rejected; none is sent with it afterwards.
		expect(rejected.length).toBeGreaterThanOrEqual(1);
		expect(rejected.length).toBeLessThanOrEqual(4);
		expect(rejected.every((request) => request.headers.authorization === expired)).toBe(true);
		const accepted = sent.filter((request) => request.status === 200);
		expect(accepted).toHaveLength(10);
		expect(accepted.every((request) => request.headers.authorization === renewed)).toBe(true);
		expect(sent.indexOf(accepted[0])).toBeGreaterThan(sent.indexOf(rejected[0]));
		// The credential is read once for the execution and once more to see whether another process renewed it.
		expect(crayon.store.reads - readsBefore).toBe(2);
		expect(visibleText(result)).not.toContain(expired.slice('Bearer '.length));
		expect(visibleText(result)).not.toContain(renewed.slice('Bearer '.length));
	});

	it('names the failed login step for a wrong client secret, never shows the secret, sends nothing else', async () => {
		const secret = 'wrong-client-secret-7f3a';
		crayon.reset({ clientSecret: secret });
		const result = await crayon.runCrayon(addAddon, rows);

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`Crayon login (POST ${crayon.sim.baseUrl}/api/v1/connect/token) failed: Crayon rejected the client ID or client secret (invalid_client). Check "Client ID" and "Client Secret" in the Crayon API credential. [item 0]`,
		);
		expect(crayon.logins().map((login) => login.status)).toEqual([400]);
		expect(crayon.apiCalls()).toEqual([]);
		expect(crayon.sim.purchaseCount()).toBe(0);
		const visible = visibleText(result);
		expect(visible).not.toContain(secret);
		expect(visible).not.toContain(
			Buffer.from(`${DEFAULT_CREDENTIALS.clientId}:${secret}`).toString('base64'),
		);
		expect(visible).not.toContain(DEFAULT_CREDENTIALS.password);
	});

	it('names the failed login step for a wrong password in each error item, never showing the password', async () => {
		const password = 'wrong-password-91c2';
		crayon.reset({ password });
		const result = await crayon.runCrayon(addAddon, rows.slice(0, 2), {
			onError: 'continueRegularOutput',
		});

		expect(result.status).toBe('success');
		const failure = (itemIndex: number) => ({
			error: {
				message: `Crayon login (POST ${crayon.sim.baseUrl}/api/v1/connect/token) failed: Crayon rejected the user name or password (invalid_grant). Check "User Name" and "Password" in the Crayon API credential. [item ${itemIndex}]`,
				description: expect.stringMatching(/nothing was (sent|bought)/i),
				purchaseOutcome: 'notBought',
				itemIndex,
			},
		});
		expect(jsonOf(result.output('Crayon'))).toEqual([failure(0), failure(1)]);
		// The second item does not log in again with the refused password.
		expect(crayon.logins().map((login) => login.status)).toEqual([400]);
		expect(pairedItemsOf(result.output('Crayon'))).toEqual([{ item: 0 }, { item: 1 }]);
		expect(crayon.apiCalls()).toEqual([]);
		expect(crayon.sim.purchaseCount()).toBe(0);
		expect(visibleText(result)).not.toContain(password);
		expect(visibleText(result)).not.toContain(DEFAULT_CREDENTIALS.clientSecret);
	});
});

describe('The Crayon API credential adds the Bearer header', () => {
	const TOKEN = 'first-token-0123456789abcdef';
	const fields = { ...DEFAULT_CREDENTIALS, baseUrl: 'https://api.crayon.com' };
	/** A stored token, with the stamp of the login that issued it for `fields`. */
	const stored = (issuedAt = Date.now()) => ({
		...fields,
		accessToken: TOKEN,
		tokenIssuedFor: tokenIssue(fields, issuedAt),
	});

	it('to a copy of the options, keeping their other headers', async () => {
		const options: IHttpRequestOptions = {
			url: 'https://api.crayon.com/api/v1/me',
			headers: { Accept: 'application/json' },
		};

		const authenticated = await new CrayonApi().authenticate(stored(), options);

		expect(authenticated).toEqual({
			...options,
			headers: { Accept: 'application/json', Authorization: `Bearer ${TOKEN}` },
		});
		expect(options.headers).toEqual({ Accept: 'application/json' });
	});

	it('also to options without headers, as the credential test sends them', async () => {
		const authenticated = await new CrayonApi().authenticate(stored(), {
			url: '/api/v1/me',
			baseURL: 'https://api.crayon.com',
		});

		expect(authenticated.headers).toEqual({ Authorization: `Bearer ${TOKEN}` });
	});

	it('only with the fields that obtained the token: not after the password or the base URL changed', async () => {
		const options = { url: '/api/v1/me', baseURL: 'https://api.crayon.com' };
		const credential = new CrayonApi();

		for (const changed of [
			{ password: 'changed-password' },
			{ baseUrl: 'https://elsewhere.example' },
			{ clientSecret: 'another-secret' },
			{ tokenIssuedFor: '' },
		]) {
			const authenticated = await credential.authenticate({ ...stored(), ...changed }, options);
			expect(authenticated.headers).toEqual({});
		}
	});

	it('to the credential test only when the token was issued moments ago, for the fields as entered', async () => {
		const test: IHttpRequestOptions = {
			url: '/api/v1/me',
			baseURL: 'https://api.crayon.com',
			headers: { 'X-Crayon-Fresh-Login': 'true' },
		};
		const credential = new CrayonApi();

		const fresh = await credential.authenticate(stored(), test);
		const old = await credential.authenticate(stored(Date.now() - 60_000), test);

		expect(fresh.headers).toEqual({ Authorization: `Bearer ${TOKEN}` });
		// Without a token Crayon answers 401, and n8n logs in with the fields as entered.
		expect(old.headers).toEqual({});
	});
});
