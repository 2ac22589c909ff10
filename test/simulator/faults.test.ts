import axios from 'axios';
import { SEED } from '../../simulator';
import { apiClient, getToken, rawClient, requestToken, useSimulator } from '../helpers';

const createBody = {
	Name: 'Fault test',
	CustomerTenant: { Id: SEED.legacyTenantId },
	Product: { PartNumber: SEED.legacyPartNumber },
	Quantity: 1,
};

describe('The simulator (fault injection)', () => {
	const { sim, api } = useSimulator({}, { reset: 'beforeEach', login: 'beforeEach' });
	// Only the requests of the test itself are in the log.
	beforeEach(() => sim.clearRequests());

	it('answers with an injected status + Retry-After without processing, once by default', async () => {
		sim.injectFault({
			method: 'POST',
			path: '/api/v1/subscriptions/',
			status: 503,
			retryAfterSeconds: 7,
		});
		const faulted = await api.post('/api/v1/subscriptions', createBody);
		expect(faulted.status).toBe(503);
		expect(faulted.headers['retry-after']).toBe('7');
		expect(faulted.data).toMatchObject({
			ErrorCode: '503 ServiceUnavailable',
			Parameters: {},
			ObjectErrors: [],
		});
		expect(sim.purchaseCount()).toBe(0);
		const next = await api.post('/api/v1/subscriptions', createBody);
		expect(next.status).toBe(200);
		expect(sim.purchaseCount()).toBe(1);
		expect(sim.requests.map((r) => [r.status, r.fault])).toEqual([
			[503, 'status:503'],
			[200, undefined],
		]);
	});

	it.each([429, 500, 502, 504])('can inject %i', async (status) => {
		sim.injectFault({ status });
		const res = await api.get('/api/v1/me');
		expect(res.status).toBe(status);
		expect(res.data.ErrorCode.startsWith(`${status} `)).toBe(true);
	});

	it('does not apply faults without a path to the token endpoint', async () => {
		sim.injectFault({ status: 500 });
		expect((await requestToken(sim)).status).toBe(200);
		expect((await api.get('/api/v1/me')).status).toBe(500);
	});

	it('applies a fault to the token endpoint when its path is given', async () => {
		sim.injectFault({ path: '/api/v1/connect/token', status: 502 });
		expect((await requestToken(sim)).status).toBe(502);
		expect((await requestToken(sim)).status).toBe(200);
	});

	it('matches method, regular-expression paths and consumes matching faults in order', async () => {
		sim.injectFault({ method: 'GET', path: /\/subscriptions\/\d+$/, status: 500, times: 2 });
		sim.injectFault({ method: 'GET', path: /\/subscriptions\/\d+$/, status: 502 });
		expect((await api.post('/api/v1/subscriptions', createBody)).status).toBe(200);
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++)
			statuses.push((await api.get(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`)).status);
		expect(statuses).toEqual([500, 500, 502, 200]);
	});

	it('supports times: Infinity until clearFaults()', async () => {
		sim.injectFault({ path: '/api/v1/me', status: 429, times: Infinity, retryAfterSeconds: 1 });
		for (let i = 0; i < 3; i++) expect((await api.get('/api/v1/me')).status).toBe(429);
		sim.clearFaults();
		expect((await api.get('/api/v1/me')).status).toBe(200);
	});

	it('adds latency from a fault and from setLatency()', async () => {
		sim.injectFault({ path: '/api/v1/me', latencyMs: 300 });
		let start = Date.now();
		expect((await api.get('/api/v1/me')).status).toBe(200);
		expect(Date.now() - start).toBeGreaterThanOrEqual(290);
		start = Date.now();
		await api.get('/api/v1/me');
		expect(Date.now() - start).toBeLessThan(250);

		sim.setLatency(200);
		start = Date.now();
		await api.get('/api/v1/ping');
		expect(Date.now() - start).toBeGreaterThanOrEqual(190);
		sim.setLatency(0);
	});

	it('drops the connection before processing: client error, nothing bought, status 0 recorded', async () => {
		sim.injectFault({
			method: 'POST',
			path: '/api/v1/subscriptions',
			dropConnection: 'before-processing',
		});
		await expect(api.post('/api/v1/subscriptions', createBody)).rejects.toMatchObject({
			code: expect.stringMatching(/ECONNRESET|ERR_BAD_RESPONSE|ECONNABORTED/),
		});
		expect(sim.purchaseCount()).toBe(0);
		expect(sim.requests[0]).toMatchObject({ status: 0, fault: 'drop:before-processing' });
	});

	it('drops the connection after processing: the client sees a socket error but the purchase happened', async () => {
		sim.injectFault({
			method: 'POST',
			path: '/api/v1/subscriptions/new-commerce-orders',
			dropConnection: 'after-processing',
		});
		const error = await api
			.post('/api/v1/subscriptions/new-commerce-orders', {
				customerTenantId: SEED.tenantId,
				billingCycle: 1,
				partNumber: SEED.ncePartNumber,
				quantity: 1,
				termDuration: 'P1M',
			})
			.then(
				() => undefined,
				(e: unknown) => e,
			);
		expect(axios.isAxiosError(error)).toBe(true);
		expect(sim.purchaseCount()).toBe(1);
		expect(sim.state.nceOrders.size).toBe(1);
		expect(sim.requests[0]).toMatchObject({ status: 0, fault: 'drop:after-processing' });
	});

	it('sends a raw response (HTML error page, truncated JSON) without processing', async () => {
		sim.injectFault({
			path: '/api/v1/subscriptions',
			rawResponse: {
				status: 502,
				contentType: 'text/html',
				body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
			},
		});
		const html = await api.post('/api/v1/subscriptions', createBody);
		expect(html.status).toBe(502);
		expect(html.headers['content-type']).toBe('text/html');
		expect(html.data).toBe('<html><body><h1>502 Bad Gateway</h1></body></html>');
		expect(sim.purchaseCount()).toBe(0);

		sim.injectFault({
			path: `/api/v1/subscriptions/${SEED.nceSubscriptionId}`,
			rawResponse: { status: 200, contentType: 'application/json', body: '{"Id": 5003, "Quan' },
		});
		const truncated = await api.get(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`, {
			responseType: 'text',
			transitional: { silentJSONParsing: true },
		});
		expect(truncated.status).toBe(200);
		expect(truncated.data).toBe('{"Id": 5003, "Quan');
		expect(sim.requests.map((r) => r.fault)).toEqual(['raw:502', 'raw:200']);
	});

	it('rejects fault specs without an effect or with several', () => {
		expect(() => sim.injectFault({ path: '/x' })).toThrow(/effect/);
		expect(() => sim.injectFault({ status: 500, dropConnection: 'before-processing' })).toThrow(
			/only one/,
		);
		expect(() => sim.injectFault({ status: 500, times: 0 })).toThrow(/times/);
	});
});

describe('The simulator (request log and reset)', () => {
	const { sim } = useSimulator();

	it('records every request in arrival order, token requests included', async () => {
		sim.reset();
		const token = await getToken(sim);
		const api = rawClient(sim, token);
		await api.get('/api/v1/subscriptions', {
			params: { customerTenantId: SEED.tenantId, page: 2 },
			headers: { 'X-Custom-Header': 'Yes' },
		});
		await api.post('/api/v1/subscriptions/', createBody);
		await rawClient(sim).get('/api/v1/me');

		expect(sim.requests).toHaveLength(4);
		const [tokenRequest, list, create, unauthenticated] = sim.requests;
		expect(tokenRequest).toMatchObject({
			method: 'POST',
			path: '/api/v1/connect/token',
			status: 200,
			body: {
				grant_type: 'password',
				username: 'reseller@example.com',
				password: 'demo-password',
				scope: 'CustomerApi',
			},
		});
		expect(tokenRequest.headers.authorization).toMatch(/^Basic /);
		expect(tokenRequest.rawBody).toContain('grant_type=password');

		expect(list).toMatchObject({
			method: 'GET',
			path: '/api/v1/subscriptions',
			query: { customerTenantId: String(SEED.tenantId), page: '2' },
			body: undefined,
			rawBody: '',
			status: 200,
		});
		expect(list.headers['x-custom-header']).toBe('Yes');
		expect(list.headers.authorization).toBe(`Bearer ${token}`);
		expect(list.fault).toBeUndefined();

		expect(create).toMatchObject({
			method: 'POST',
			path: '/api/v1/subscriptions/',
			body: createBody,
			rawBody: JSON.stringify(createBody),
			status: 200,
		});
		expect(create.headers['content-type']).toContain('application/json');
		expect(unauthenticated.status).toBe(401);
		expect(sim.requests.every((r, i) => i === 0 || r.at >= sim.requests[i - 1].at)).toBe(true);

		sim.clearRequests();
		expect(sim.requests).toHaveLength(0);
	});

	it('records malformed JSON with body undefined and the raw text', async () => {
		sim.reset();
		const api = await apiClient(sim);
		await api.post('/api/v1/subscriptions', '{oops', {
			headers: { 'Content-Type': 'application/json' },
			transformRequest: [(d: unknown) => d],
		});
		expect(sim.requests[1]).toMatchObject({ body: undefined, rawBody: '{oops', status: 400 });
	});

	it('reset() restores the seed and clears requests, faults and tokens', async () => {
		sim.reset();
		const token = await getToken(sim);
		const api = rawClient(sim, token);
		await api.post('/api/v1/subscriptions', createBody);
		sim.injectFault({ path: '/api/v1/me', status: 500 });
		const subscriptions = sim.state.subscriptions;
		expect(sim.purchaseCount()).toBe(1);
		expect(subscriptions.size).toBe(SEED.subscriptionCount + 1);

		sim.reset();
		expect(sim.purchaseCount()).toBe(0);
		expect(sim.requests).toHaveLength(0);
		expect(subscriptions.size).toBe(SEED.subscriptionCount);
		expect(sim.state.subscriptions).toBe(subscriptions);
		expect((await api.get('/api/v1/me')).status).toBe(401);
		const fresh = await apiClient(sim);
		expect((await fresh.get('/api/v1/me')).status).toBe(200);
		expect((await fresh.post('/api/v1/subscriptions', createBody)).data.Id).toBe(
			SEED.nextSubscriptionId,
		);
	});
});
