import { DEFAULT_CREDENTIALS, SEED } from '../../simulator';
import {
	basicAuth,
	getToken,
	rawClient,
	requestToken,
	sleep,
	tokenForm,
	useSimulator,
} from '../helpers';

const INVALID_TOKEN = { ErrorCode: '401 Unauthorized', Message: 'Invalid token' };

describe('The simulator (token endpoint and bearer authentication)', () => {
	const { sim } = useSimulator({}, { reset: 'beforeEach' });

	it('listens on 127.0.0.1 with a random port', () => {
		expect(sim.port).toBeGreaterThan(0);
		expect(sim.baseUrl).toBe(`http://127.0.0.1:${sim.port}`);
	});

	it('issues a token for Basic client auth + form-encoded password grant (with and without trailing slash)', async () => {
		for (const path of ['/api/v1/connect/token', '/api/v1/connect/token/']) {
			const res = await rawClient(sim).post(path, tokenForm(), {
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					Authorization: basicAuth(),
				},
			});
			expect(res.status).toBe(200);
			expect(res.headers['cache-control']).toBe('no-store');
			expect(Object.keys(res.data).sort()).toEqual(
				['AccessToken', 'Error', 'ExpiresIn', 'IdentityToken', 'RefreshToken', 'TokenType'].sort(),
			);
			expect(res.data).toMatchObject({
				IdentityToken: null,
				Error: null,
				ExpiresIn: 3600,
				TokenType: 'Bearer',
				RefreshToken: null,
			});
			expect(typeof res.data.AccessToken).toBe('string');
			expect(res.data.AccessToken.length).toBeGreaterThanOrEqual(32);
		}
	});

	it('issues a fresh random token on every login', async () => {
		const a = await getToken(sim);
		const b = await getToken(sim);
		expect(a).not.toBe(b);
	});

	it('rejects an unknown client id or wrong secret with 400 invalid_client', async () => {
		for (const authorization of [
			basicAuth('other-client', DEFAULT_CREDENTIALS.clientSecret),
			basicAuth(DEFAULT_CREDENTIALS.clientId, 'wrong'),
		]) {
			const res = await requestToken(sim, tokenForm(), authorization);
			expect(res.status).toBe(400);
			expect(res.data).toEqual({
				AccessToken: null,
				IdentityToken: null,
				Error: 'invalid_client',
				ExpiresIn: 0,
				TokenType: null,
				RefreshToken: null,
			});
		}
	});

	it('rejects a missing Authorization header with invalid_client', async () => {
		const res = await rawClient(sim).post('/api/v1/connect/token', tokenForm(), {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(res.status).toBe(400);
		expect(res.data.Error).toBe('invalid_client');
		expect(res.data.AccessToken).toBeNull();
	});

	it('rejects a wrong password or username with 400 invalid_grant', async () => {
		for (const overrides of [{ password: 'nope' }, { username: 'someone@example.com' }]) {
			const res = await requestToken(sim, tokenForm(overrides));
			expect(res.status).toBe(400);
			expect(res.data.Error).toBe('invalid_grant');
			expect(res.data.AccessToken).toBeNull();
		}
	});

	it('rejects other grant types with unsupported_grant_type and a missing one with invalid_request', async () => {
		const other = await requestToken(sim, tokenForm({ grant_type: 'client_credentials' }));
		expect(other.status).toBe(400);
		expect(other.data.Error).toBe('unsupported_grant_type');
		const missing = await requestToken(sim, tokenForm({ grant_type: undefined }));
		expect(missing.status).toBe(400);
		expect(missing.data.Error).toBe('invalid_request');
	});

	it('rejects a scope other than CustomerApi with invalid_scope', async () => {
		const res = await requestToken(sim, tokenForm({ scope: 'SomethingElse' }));
		expect(res.status).toBe(400);
		expect(res.data.Error).toBe('invalid_scope');
	});

	it('rejects a token request that is not form-encoded with 400', async () => {
		const res = await rawClient(sim).post(
			'/api/v1/connect/token',
			{
				grant_type: 'password',
				username: DEFAULT_CREDENTIALS.username,
				password: DEFAULT_CREDENTIALS.password,
			},
			{ headers: { Authorization: basicAuth() } },
		);
		expect(res.status).toBe(400);
		expect(res.data.Error).toBe('invalid_request');
		expect(res.data.AccessToken).toBeNull();
	});

	it('never echoes secrets in token responses', async () => {
		const responses = [
			await requestToken(sim),
			await requestToken(sim, tokenForm({ password: 'wrong-password-123' })),
			await requestToken(
				sim,
				tokenForm(),
				basicAuth(DEFAULT_CREDENTIALS.clientId, 'wrong-secret-456'),
			),
		];
		for (const res of responses) {
			const text = JSON.stringify(res.data) + JSON.stringify(res.headers);
			for (const secret of [
				DEFAULT_CREDENTIALS.password,
				DEFAULT_CREDENTIALS.clientSecret,
				'wrong-password-123',
				'wrong-secret-456',
			]) {
				expect(text).not.toContain(secret);
			}
		}
	});

	it('lets one token be reused for many calls', async () => {
		const token = await getToken(sim);
		const api = rawClient(sim, token);
		for (let i = 0; i < 5; i++) {
			const res = await api.get('/api/v1/me');
			expect(res.status).toBe(200);
		}
		expect(sim.requests.filter((r) => r.path === '/api/v1/connect/token')).toHaveLength(1);
	});

	it('answers 401 Invalid token without, with a malformed or with an unknown bearer token', async () => {
		for (const headers of [
			{},
			{ Authorization: 'Bearer' },
			{ Authorization: 'Bearer not-a-token' },
			{ Authorization: basicAuth() },
		]) {
			const res = await rawClient(sim).get(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`, {
				headers,
			});
			expect(res.status).toBe(401);
			expect(res.data).toEqual(INVALID_TOKEN);
		}
	});

	it('invalidates every token issued so far on expireTokens(), but not later ones', async () => {
		const old = rawClient(sim, await getToken(sim));
		expect((await old.get('/api/v1/me')).status).toBe(200);
		sim.expireTokens();
		const res = await old.get('/api/v1/me');
		expect(res.status).toBe(401);
		expect(res.data).toEqual(INVALID_TOKEN);
		const fresh = rawClient(sim, await getToken(sim));
		expect((await fresh.get('/api/v1/me')).status).toBe(200);
	});

	it('answers GET /api/v1/ping without authentication', async () => {
		const res = await rawClient(sim).get('/api/v1/ping');
		expect(res.status).toBe(200);
		expect(res.data).toBe('pong');
	});

	it('returns the user on GET /api/v1/me', async () => {
		const res = await rawClient(sim, await getToken(sim)).get('/api/v1/me');
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({
			Id: SEED.userId,
			UserName: DEFAULT_CREDENTIALS.username,
			Email: DEFAULT_CREDENTIALS.username,
			Organization: { Id: SEED.organizationId, Name: SEED.organizationName },
		});
	});

	it('answers unknown routes with a 404 Crayon error body and wrong methods with 405', async () => {
		const api = rawClient(sim, await getToken(sim));
		const missing = await api.get('/api/v1/does-not-exist');
		expect(missing.status).toBe(404);
		expect(missing.data).toMatchObject({
			ErrorCode: '404 NotFound',
			Parameters: {},
			ObjectErrors: [],
		});
		expect(missing.data.Message).toContain('/api/v1/does-not-exist');
		const wrongMethod = await api.delete(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`);
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.data.ErrorCode).toBe('405 MethodNotAllowed');
		expect(wrongMethod.headers.allow).toContain('GET');
	});
});

describe('The simulator with a token lifetime of 1 s', () => {
	const { sim } = useSimulator({ tokenLifetimeSeconds: 1 });

	it('reports ExpiresIn and rejects the token once its lifetime has passed', async () => {
		const res = await requestToken(sim);
		expect(res.data.ExpiresIn).toBe(1);
		const api = rawClient(sim, res.data.AccessToken);
		expect((await api.get('/api/v1/me')).status).toBe(200);
		await sleep(1100);
		const expired = await api.get('/api/v1/me');
		expect(expired.status).toBe(401);
		expect(expired.data).toEqual(INVALID_TOKEN);
		expect(expired.headers['www-authenticate']).toContain('invalid_token');
	});
});

describe('The simulator with custom credentials', () => {
	const credentials = {
		clientId: 'cid',
		clientSecret: 'csecret',
		username: 'u@example.org',
		password: 'pw',
	};
	const { sim } = useSimulator({ credentials });

	it('accepts only the configured login', async () => {
		const form = tokenForm({ username: credentials.username, password: credentials.password });
		expect((await requestToken(sim, form, basicAuth('cid', 'csecret'))).status).toBe(200);
		expect((await requestToken(sim, tokenForm(), basicAuth())).data.Error).toBe('invalid_client');
		const me = await rawClient(
			sim,
			(await requestToken(sim, form, basicAuth('cid', 'csecret'))).data.AccessToken,
		).get('/api/v1/me');
		expect(me.data.UserName).toBe(credentials.username);
	});
});
