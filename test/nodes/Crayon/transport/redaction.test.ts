/**
 * The redaction that keeps secrets out of items, errors and logs.
 *
 * - Redaction masks the forms in which a server could echo a secret: as typed, JSON-escaped,
 *   URL- or form-encoded, inside the Basic header, or behind an auth scheme.
 * - Its pre-check first looks for the secrets in the value's JSON text and walks (and copies)
 *   the value only when something may need masking. It must mask exactly what a full walk
 *   masks, whatever the context around a secret: JSON escapes, whitespace between an auth
 *   scheme and its value, keys, nesting.
 * - End to end, the credential's secrets (client secret, password, the Basic header made of
 *   them) and every access token Crayon issued never appear in anything a run leaves behind:
 *   output items, errors (message, description, and the whole error object as n8n serializes
 *   and as it holds it, cause and context included), the engine's log lines, or the console.
 *   The runs cover success and every failure path, including Crayon answers that echo the
 *   secrets back.
 */
import { inspect } from 'node:util';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../../../../harness';
import {
	redact,
	redactedPreview,
	redactText,
	secretsOf,
} from '../../../../nodes/Crayon/transport/redaction';
import { DEFAULT_CREDENTIALS } from '../../../../simulator';
import {
	createSubscription,
	GET_MANY_SUBSCRIPTIONS,
	onRequest,
	SUBSCRIPTIONS_PATH,
	useCrayon,
} from '../../../helpers';

describe('Redaction', () => {
	const credentials = {
		clientId: 'client-id',
		clientSecret: 'cl1ent "secret"/x',
		password: 'p@ss w0rd+&=',
		accessToken: 'eyJhbGciOiJIUzI1NiJ9.token-value',
		username: 'reseller@example.com',
	};
	const secrets = secretsOf(credentials);

	it.each([
		['as typed', credentials.password],
		['JSON-escaped', JSON.stringify(credentials.clientSecret).slice(1, -1)],
		['URL-encoded', encodeURIComponent(credentials.password)],
		[
			'form-encoded',
			new URLSearchParams({ password: credentials.password })
				.toString()
				.split('=')
				.slice(1)
				.join('='),
		],
		[
			'inside the Basic header',
			Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64'),
		],
		['that is the access token', credentials.accessToken],
		['as base64 of the secret alone', Buffer.from(credentials.password).toString('base64')],
		[
			'as base64 without padding',
			Buffer.from(credentials.clientSecret).toString('base64').replace(/=+$/, ''),
		],
		['as base64url', Buffer.from(credentials.clientSecret).toString('base64url')],
		['as hex', Buffer.from(credentials.password).toString('hex')],
		['as upper-case hex', Buffer.from(credentials.accessToken).toString('hex').toUpperCase()],
		[
			'percent-encoded in lower case, as .NET does',
			encodeURIComponent(credentials.password).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
		],
		['URL-encoded twice', encodeURIComponent(encodeURIComponent(credentials.clientSecret))],
	])('masks a secret %s', (_, echoed) => {
		expect(redactText(`received: ${echoed}.`, secrets)).toBe('received: [redacted].');
	});

	it('masks any token or key behind an auth scheme, even one it does not know', () => {
		expect(redactText('Authorization: Bearer abcdefghijklmnop0123', [])).toBe(
			'Authorization: Bearer [redacted]',
		);
		expect(redactText('authorization: basic ZGVtbzpkZW1vLXNlY3JldA==', [])).toBe(
			'authorization: basic [redacted]',
		);
	});

	it('leaves names and ordinary words alone', () => {
		expect(redactText('Bearer token required for reseller@example.com', secrets)).toBe(
			'Bearer token required for reseller@example.com',
		);
	});

	it('leaves product and tenant names that hold an auth scheme word alone', () => {
		for (const name of [
			'M365 Business Basic contoso.onmicrosoft.com',
			'Microsoft 365 Business Basic (Fabrikam-Northwind-Holdings)',
			'Bearer Instruments Ltd subscription_2025_reserved',
		]) {
			expect(redactText(name, secrets)).toBe(name);
			expect(redact({ Name: name }, secrets)).toEqual({ Name: name });
		}
	});

	it('masks a secret cut short only after redacting, so no start of it is left in a preview', () => {
		const page = `<html>${'x'.repeat(180)}${credentials.password}${'y'.repeat(100)}</html>`;

		const preview = redactedPreview(page, secrets, 200);

		expect(preview).toContain('[redacted]');
		expect(preview).not.toContain(credentials.password.slice(0, 3));
		expect(preview.length).toBeLessThanOrEqual(200);
	});

	it('masks strings at any depth, keys included, and keeps numbers, booleans and structure', () => {
		const body = {
			Id: 12,
			Ok: true,
			Items: [{ Note: `pw ${credentials.password}`, [credentials.accessToken]: null }],
			Empty: null,
		};

		expect(redact(body, secrets)).toEqual({
			Id: 12,
			Ok: true,
			Items: [{ Note: 'pw [redacted]', '[redacted]': null }],
			Empty: null,
		});
		expect(body.Items[0].Note).toBe(`pw ${credentials.password}`);
	});

	it('does not treat very short values as secrets, as they occur by chance', () => {
		expect(
			secretsOf({ clientId: 'a', clientSecret: 'abc', password: '', accessToken: '' }),
		).toEqual([Buffer.from('a:abc').toString('base64')]);
	});
});

describe("Redaction's pre-check", () => {
	const credentials = {
		clientId: 'client-id',
		clientSecret: 'cl1ent "secret"\\x',
		password: 'p@ss\nw0rd\t+&=',
		accessToken: 'eyJhbGciOiJIUzI1NiJ9.token-value',
	};
	const secrets = secretsOf(credentials);

	/** The walk without the pre-check: every string and key cleaned. */
	function fullWalk(value: unknown): unknown {
		if (typeof value === 'string') return redactText(value, secrets);
		if (Array.isArray(value)) return value.map(fullWalk);
		if (value === null || typeof value !== 'object') return value;
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [redactText(key, secrets), fullWalk(entry)]),
		);
	}

	it('masks the value of an echoed Authorization header kept as a key of its own, whatever its token', () => {
		expect(redact({ Headers: { Authorization: 'Bearer abcdefghijklmnop0123' } }, secrets)).toEqual({
			Headers: { Authorization: 'Bearer [redacted]' },
		});
		expect(redact({ authorization: 'Basic ZGVtbzpkZW1vLXNlY3JldA==' }, [])).toEqual({
			authorization: 'Basic [redacted]',
		});
	});

	it('returns an answer without secrets unchanged, as a copy that shares nothing with it', () => {
		const body = {
			Id: 5001,
			Name: 'Microsoft 365 Business Basic',
			Items: [{ Note: 'Bearer of good news', Quantity: 3 }],
			Empty: null,
		};

		const redacted = redact(body, secrets);

		expect(redacted).toEqual(body);
		expect(redacted).not.toBe(body);
		expect(redacted.Items[0]).not.toBe(body.Items[0]);
	});

	it.each([
		['a secret deep in a value', { Items: [{ Note: `x ${credentials.accessToken} y` }] }],
		['a secret as a key', { Items: [{ [credentials.accessToken]: 1 }] }],
		['a secret with quotes and backslashes', { Notes: [`<${credentials.clientSecret}>`] }],
		['a secret with a line break and a tab', { Notes: `pw=${credentials.password};` }],
		[
			'the password JSON-escaped inside a string',
			{ Notes: JSON.stringify({ password: credentials.password }) },
		],
		[
			'the Basic header',
			{
				Echo: `Authorization: Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`,
			},
		],
		['an unknown token after a tab', { Echo: 'Authorization: Bearer\tabcdefghijklmnop0123' }],
		[
			'an unknown token after a vertical tab',
			{ Echo: 'authorization:Basic\u000babcdefghijklmnop0123' },
		],
		[
			'an unknown token after a line separator',
			{ Echo: 'Authorization = bearer\u2028abcdefghijklmnop0123' },
		],
		[
			'an unknown token after a line break, right after another line',
			['a\nAuthorization: Bearer\nabcdefghijklmnop0123'],
		],
		['a scheme in a key', { 'Authorization: Bearer abcdefghijklmnop0123': true }],
	])('masks %s exactly as a full walk does', (_, body) => {
		const redacted = redact(body, secrets);

		expect(redacted).toEqual(fullWalk(body));
		expect(redacted).not.toEqual(body);
	});

	it('never skips a secret that starts or ends with half of a surrogate pair', () => {
		const emoji = '\u{1F511}';
		const surrogateSecrets = secretsOf({
			clientSecret: `${emoji[1]}key-secret`,
			password: `pass-word${emoji[0]}`,
		});
		const body = { Note: `a${emoji}key-secret and pass-word${emoji}` };

		expect(redact(body, surrogateSecrets)).toEqual({
			Note: fullWalkWith(body.Note, surrogateSecrets),
		});
	});

	it('agrees with the full walk on random answers', () => {
		const pieces = [
			credentials.accessToken,
			credentials.clientSecret,
			credentials.password,
			'eyJhbGciOiJIUzI1NiJ9',
			'token-value',
			'Bearer',
			'basic',
			' ',
			'\t',
			'\n',
			'\u000b',
			'\u00a0',
			'"',
			'\\',
			'abcdefghijklmnopqrstuvwxyz',
			'0123456789',
			'x',
		];
		let seed = 42;
		const random = (below: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % below;
		};
		const text = () =>
			Array.from({ length: random(6) }, () => pieces[random(pieces.length)]).join('');
		for (let run = 0; run < 2000; run++) {
			const body = { [text()]: text(), Items: [{ Name: text(), Quantity: run }, text()] };

			expect(redact(body, secrets)).toEqual(fullWalk(body));
		}
	});

	function fullWalkWith(text: string, list: string[]): string {
		return redactText(text, list);
	}
});

describe('No secret leaves a run', () => {
	const crayon = useCrayon();

	const BASIC = Buffer.from(
		`${DEFAULT_CREDENTIALS.clientId}:${DEFAULT_CREDENTIALS.clientSecret}`,
	).toString('base64');
	const CONFIGURED_SECRETS = [
		DEFAULT_CREDENTIALS.clientSecret,
		DEFAULT_CREDENTIALS.password,
		BASIC,
	];

	/** Tokens seen by the simulator: every token it issued was used, or it was refused. */
	const issuedTokens = new Set<string>();
	/** Everything the runs left behind, as text. */
	const traces: string[] = [];
	const consoleLines: string[] = [];

	beforeAll(() => {
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
				consoleLines.push(
					args
						.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: null })))
						.join(' '),
				);
			});
		}
	});
	afterAll(() => jest.restoreAllMocks());

	function collectTokens(): void {
		for (const request of crayon.sim.requests) {
			const authorization = request.headers.authorization ?? '';
			if (authorization.startsWith('Bearer '))
				issuedTokens.add(authorization.slice('Bearer '.length));
		}
		const stored = crayon.store.data('crayonApi').accessToken;
		if (typeof stored === 'string' && stored !== '') issuedTokens.add(stored);
	}

	/** A run as n8n stores it, the errors as n8n holds them (every property, however deep), and its log lines. */
	function tracesOf(result: RunResult): string[] {
		const errors = [
			result.error,
			...Object.keys(result.runData).map((node) => result.nodeError(node)),
		].filter(Boolean);
		return [
			JSON.stringify(result.run),
			...errors.map((error) => JSON.stringify(error)),
			...errors.map((error) => inspect(error, { depth: null, showHidden: true })),
			...result.logs,
		];
	}

	function secrets(): string[] {
		return [...CONFIGURED_SECRETS, ...issuedTokens];
	}

	function expectNoSecretIn(texts: string[]): void {
		const all = texts.join('\n');
		for (const secret of secrets()) expect(all).not.toContain(secret);
	}

	/** Runs the node, records what the run left behind and checks it holds no secret. */
	async function run(
		parameters: INodeParameters,
		rows: IDataObject[] = [{}],
		continueOnFail = false,
	): Promise<RunResult> {
		const result = await crayon.runCrayon(
			parameters,
			rows,
			continueOnFail ? { onError: 'continueRegularOutput' } : {},
		);
		collectTokens();
		const texts = tracesOf(result);
		traces.push(...texts);
		expectNoSecretIn(texts);
		return result;
	}

	/** A Crayon error body that echoes the request, secrets included (some proxies and APIs do). */
	function echoingBody(token: string): string {
		return JSON.stringify({
			ErrorCode: '400 BadRequest',
			Message: `Rejected request with Authorization: Bearer ${token}`,
			Parameters: { token, secret: DEFAULT_CREDENTIALS.clientSecret },
			ObjectErrors: [
				{ ErrorCode: 'Echo', Message: `password=${DEFAULT_CREDENTIALS.password}&client=${BASIC}` },
				{ ErrorCode: 'Echo', Message: `Basic ${BASIC}` },
			],
			message: `token ${token}`,
			description: DEFAULT_CREDENTIALS.password,
		});
	}

	/** Logs in with a first successful run and returns the token now stored. */
	async function loggedIn(): Promise<string> {
		await run(createWithShortTimeout, [{ quantity: 1 }]);
		return crayon.store.data('crayonApi').accessToken as string;
	}

	const createWithShortTimeout = createSubscription({ timeout: 200, maxRetries: 1 });

	const errorTextOf = (result: RunResult) =>
		`${result.error?.message ?? ''}\n${result.error?.description ?? ''}`;

	it('that succeeds: purchases and reads', async () => {
		const result = await run(createWithShortTimeout, [{ quantity: 1 }, { quantity: 2 }]);
		await run(GET_MANY_SUBSCRIPTIONS);

		expect(result.error).toBeUndefined();
		expect(issuedTokens.size).toBeGreaterThan(0);
	});

	it('in which Crayon echoes the secrets in a 400 error body', async () => {
		const token = await loggedIn();
		crayon.sim.injectFault({
			method: 'POST',
			rawResponse: { status: 400, contentType: 'application/json', body: echoingBody(token) },
		});

		const result = await run(createWithShortTimeout, [{ quantity: 1 }]);

		expect(errorTextOf(result)).toContain('[redacted]');
	});

	it('in which Crayon echoes the secrets in an error item (continue on fail)', async () => {
		const token = await loggedIn();
		crayon.sim.injectFault({
			method: 'POST',
			rawResponse: { status: 400, contentType: 'application/json', body: echoingBody(token) },
		});

		const result = await run(createWithShortTimeout, [{ quantity: 1 }, { quantity: 2 }], true);

		expect(JSON.stringify(result.output('Crayon')[0].json)).toContain('[redacted]');
	});

	it('in which Crayon echoes the secrets in an HTML 500 page to a purchase (outcome unknown, with the lookup)', async () => {
		const token = await loggedIn();
		const html = `<html><pre>Authorization: Bearer ${token}\n${DEFAULT_CREDENTIALS.password}</pre></html>`;
		crayon.sim.injectFault({
			method: 'POST',
			rawResponse: { status: 500, contentType: 'text/html', body: html },
		});

		const result = await run(createWithShortTimeout, [{ quantity: 1 }]);

		expect(result.error?.message).toMatch(/^Outcome unknown/);
	});

	it('in which Crayon echoes the secrets in an unreadable 200 answer to a purchase', async () => {
		const token = await loggedIn();
		crayon.sim.injectFault({
			method: 'POST',
			rawResponse: {
				status: 200,
				contentType: 'text/plain',
				body: `ok ${token} ${DEFAULT_CREDENTIALS.clientSecret}`,
			},
		});

		const result = await run(createWithShortTimeout, [{ quantity: 1 }]);

		expect(errorTextOf(result)).toContain('Received (HTTP 200): ok [redacted] [redacted]');
	});

	it('in which Crayon echoes the secrets inside a successful answer', async () => {
		const token = await loggedIn();
		const page = {
			Items: [{ Id: 1, Name: `Bearer ${token}`, Notes: DEFAULT_CREDENTIALS.password, Quantity: 2 }],
			TotalHits: 1,
		};
		crayon.sim.injectFault({
			method: 'GET',
			rawResponse: { status: 200, contentType: 'application/json', body: JSON.stringify(page) },
		});

		const result = await run(GET_MANY_SUBSCRIPTIONS);

		expect(result.output('Crayon').map((item) => item.json)).toEqual([
			{ Id: 1, Name: 'Bearer [redacted]', Notes: '[redacted]', Quantity: 2 },
		]);
	});

	it('in which Crayon echoes the secrets in 429 and 503 answers until the retries run out', async () => {
		const token = await loggedIn();
		crayon.sim.injectFault({
			method: 'POST',
			rawResponse: { status: 429, contentType: 'application/json', body: echoingBody(token) },
			times: 1,
		});
		crayon.sim.injectFault({
			method: 'POST',
			rawResponse: { status: 503, contentType: 'application/json', body: echoingBody(token) },
			times: 1,
		});

		// Another quantity than loggedIn()'s purchase, which a lookup would take for this one.
		const result = await run(createWithShortTimeout, [{ quantity: 2 }]);

		expect(result.error?.message).toMatch(/too busy/);
	});

	it('in which the login answer echoes the secrets', async () => {
		crayon.sim.injectFault({
			path: '/api/v1/connect/token',
			rawResponse: {
				status: 400,
				contentType: 'application/json',
				body: JSON.stringify({
					AccessToken: null,
					Error: `invalid_grant for ${DEFAULT_CREDENTIALS.password}`,
					error_description: BASIC,
				}),
			},
		});

		const result = await run(createWithShortTimeout, [{ quantity: 1 }]);

		expect(result.error?.message).toMatch(/^Crayon login \(POST .*\) failed with HTTP 400\. /);
	});

	it('in which the login is refused: wrong password, wrong client secret', async () => {
		crayon.reset({ password: `${DEFAULT_CREDENTIALS.password}-wrong` });
		await run(createWithShortTimeout, [{ quantity: 1 }]);
		crayon.reset({ clientSecret: `${DEFAULT_CREDENTIALS.clientSecret}-wrong` });
		const result = await run(createWithShortTimeout, [{ quantity: 1 }], true);

		expect((result.output('Crayon')[0].json.error as { message: string }).message).toMatch(
			/invalid_client/,
		);
	});

	it('in which the connection drops, the request times out, Crayon is unreachable', async () => {
		await loggedIn();
		crayon.sim.injectFault({ method: 'POST', dropConnection: 'after-processing' });
		await run(createWithShortTimeout, [{ quantity: 1 }], true);
		crayon.sim.injectFault({ method: 'POST', latencyMs: 1000 });
		await run(createWithShortTimeout, [{ quantity: 2 }], true);
		crayon.sim.injectFault({ method: 'GET', dropConnection: 'before-processing', times: Infinity });
		await run(GET_MANY_SUBSCRIPTIONS, [{}], true);

		const { baseUrl } = crayon.store.data('crayonApi');
		crayon.store.set('crayonApi', {
			...crayon.store.data('crayonApi'),
			baseUrl: 'http://127.0.0.1:9',
		});
		const unreachable = await run(createWithShortTimeout, [{ quantity: 3 }]);
		crayon.store.set('crayonApi', { ...crayon.store.data('crayonApi'), baseUrl });

		expect(unreachable.error?.message).toMatch(/ECONNREFUSED/);
	});

	it('in which the token expires mid-run, and a token is refused even after a new login', async () => {
		await loggedIn();
		onRequest(crayon.sim, 'POST', SUBSCRIPTIONS_PATH, 2, () => crayon.sim.expireTokens());
		await run(createWithShortTimeout, [{ quantity: 1 }, { quantity: 2 }, { quantity: 3 }]);
		crayon.sim.injectFault({ status: 401, times: Infinity });

		const result = await run(createWithShortTimeout, [{ quantity: 4 }]);

		expect(result.nodeError('Crayon')).toMatchObject({ httpCode: '401' });
	});

	it('in which an item is invalid', async () => {
		const result = await run(createWithShortTimeout, [{ quantity: 'a dozen' }]);

		expect(result.error?.message).toMatch(/^Invalid input in item 0: "Quantity"/);
	});

	it('through the console either, and the runs above did see secrets to hide', () => {
		expectNoSecretIn(consoleLines);
		expect(issuedTokens.size).toBeGreaterThanOrEqual(5);
		expect(traces.join('\n')).toContain('[redacted]');
	});
});
