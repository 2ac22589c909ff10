/**
 * The access token under load and failure: one login reused by every item and execution,
 * exactly one new login (and one resend of the rejected request) when it expires mid-run,
 * and a clear credential error when Crayon keeps refusing.
 */
import { SEED } from '../../../../simulator';
import {
	createSubscription,
	expectOneLoginForAll,
	jsonOf,
	onRequest,
	quantities as rows,
	SUBSCRIPTIONS_PATH,
	useCrayon,
} from '../../../helpers';

const crayon = useCrayon();

/** Quantities of the subscriptions the run created: each item's purchase, once. */
const boughtQuantities = () =>
	[...crayon.sim.state.subscriptions.values()]
		.filter((subscription) => subscription.id >= SEED.nextSubscriptionId)
		.map((subscription) => subscription.quantity)
		.sort((first, second) => first - second);

describe('The access token', () => {
	it('is fetched once and reused by every item and by the next execution', async () => {
		await crayon.runCrayon(createSubscription(), rows(3));
		const second = await crayon.runCrayon(createSubscription(), rows(3));

		expect(second.error).toBeUndefined();
		expectOneLoginForAll(crayon, crayon.requestsTo('POST', SUBSCRIPTIONS_PATH));
	});

	it('expiring in the middle of 100 items causes exactly one new login and one resend', async () => {
		onRequest(crayon.sim, 'POST', SUBSCRIPTIONS_PATH, 50, () => crayon.sim.expireTokens());

		const result = await crayon.runCrayon(createSubscription(), rows(100));

		expect(result.error).toBeUndefined();
		expect(crayon.logins().map((login) => login.status)).toEqual([200, 200]);
		const posts = crayon.requestsTo('POST', SUBSCRIPTIONS_PATH);
		expect(posts).toHaveLength(101);
		expect(posts.map((post) => post.status).filter((status) => status !== 200)).toEqual([401]);
		// The rejected request (item 49) is the one sent again, with the new token.
		expect(posts[49]).toMatchObject({
			status: 401,
			body: expect.objectContaining({ quantity: 50 }),
		});
		expect(posts[50]).toMatchObject({
			status: 200,
			body: expect.objectContaining({ quantity: 50 }),
		});
		expect(posts[50].headers.authorization).not.toBe(posts[49].headers.authorization);
		expect(crayon.sim.purchaseCount()).toBe(100);
		expect(boughtQuantities()).toEqual(rows(100).map((row) => row.quantity));
		expect(jsonOf(result.output('Crayon'))).toHaveLength(100);
	});

	it('expiring while several items run at once still causes exactly one new login', async () => {
		onRequest(crayon.sim, 'POST', SUBSCRIPTIONS_PATH, 20, () => crayon.sim.expireTokens());

		const result = await crayon.runCrayon(createSubscription({ concurrency: 4 }), rows(40));

		expect(result.error).toBeUndefined();
		expect(crayon.logins()).toHaveLength(2);
		expect(crayon.sim.purchaseCount()).toBe(40);
		expect(boughtQuantities()).toEqual(rows(40).map((row) => row.quantity));
	});

	it('rejected again after the new login is a credential error, and nothing is bought', async () => {
		await crayon.runCrayon(createSubscription(), rows(1));
		crayon.sim.clearRequests();
		crayon.sim.injectFault({ status: 401, times: Infinity });

		const result = await crayon.runCrayon(createSubscription(), rows(1));

		expect(result.status).toBe('error');
		expect(crayon.logins()).toHaveLength(1);
		// Sent again once, with the new token, as a 401 means Crayon did not process it; refused again, it is not sent a third time.
		const posts = crayon.requestsTo('POST', SUBSCRIPTIONS_PATH);
		expect(posts.map((post) => post.status)).toEqual([401, 401]);
		expect(posts[1].headers.authorization).not.toBe(posts[0].headers.authorization);
		expect(crayon.apiRequests().filter((request) => request.method === 'GET')).toEqual([]);
		expect(crayon.sim.purchaseCount()).toBe(1);
		expect(result.error?.message).toBe(
			`Crayon rejected the access token for POST ${SUBSCRIPTIONS_PATH} (401 Unauthorized), also after renewing the login [item 0]`,
		);
		expect(result.error?.description).toMatch(
			/Check that the user in the Crayon API credential has API access.*nothing was bought/s,
		);
		expect(result.nodeError('Crayon')).toMatchObject({ httpCode: '401' });
	});

	it('refused although freshly issued is a credential error without a second login', async () => {
		crayon.sim.injectFault({ status: 401, times: Infinity });

		const result = await crayon.runCrayon(createSubscription(), rows(1));

		expect(crayon.logins()).toHaveLength(1);
		expect(crayon.requestsTo('POST', SUBSCRIPTIONS_PATH)).toHaveLength(1);
		expect(result.error?.message).toBe(
			`Crayon rejected a freshly issued access token for POST ${SUBSCRIPTIONS_PATH} (401 Unauthorized) [item 0]`,
		);
	});

	it('is fetched again when the login endpoint is briefly unavailable', async () => {
		crayon.sim.injectFault({ path: '/api/v1/connect/token', status: 503, retryAfterSeconds: 0 });

		const result = await crayon.runCrayon(createSubscription(), rows(1));

		expect(result.error).toBeUndefined();
		expect(crayon.logins().map((login) => login.status)).toEqual([503, 200]);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('cannot be fetched from an unreachable Crayon: the error says which step failed and why', async () => {
		// Port 9 (discard) refuses connections; the login is retried twice before it gives up.
		crayon.reset({ baseUrl: 'http://127.0.0.1:9' });

		const result = await crayon.runCrayon(createSubscription(), rows(1));

		expect(result.error?.message).toBe(
			'Crayon login (POST http://127.0.0.1:9/api/v1/connect/token) failed: Crayon could not be reached (ECONNREFUSED). Check "API Base URL". [item 0]',
		);
		expect(result.error?.description).toMatch(/was not processed/);
	});

	it('cannot be fetched with a wrong password: every item fails before anything is sent, after one login', async () => {
		crayon.reset({ password: 'not-the-password' });

		const result = await crayon.runCrayon(createSubscription(), rows(100), {
			onError: 'continueRegularOutput',
		});

		// A refused login is not tried again in the same execution: 100 refused logins can lock the account.
		expect(crayon.logins()).toHaveLength(1);
		expect(crayon.apiRequests()).toEqual([]);
		const items = jsonOf(result.output('Crayon'));
		expect(items).toHaveLength(100);
		for (const [itemIndex, item] of items.entries()) {
			expect(item).toEqual({
				error: {
					message: expect.stringMatching(
						/^Crayon login \(POST .*\) failed: Crayon rejected the user name or password \(invalid_grant\)/,
					),
					description: `POST ${SUBSCRIPTIONS_PATH} was not processed. Crayon did not process this request, so nothing was bought or changed.`,
					purchaseOutcome: 'notBought',
					itemIndex,
				},
			});
		}
	});

	it('keeps failing transiently: the login is tried three times in all, not three times per item', async () => {
		crayon.sim.injectFault({
			path: '/api/v1/connect/token',
			status: 503,
			retryAfterSeconds: 0,
			times: Infinity,
		});

		const result = await crayon.runCrayon(createSubscription(), rows(20), {
			onError: 'continueRegularOutput',
		});

		expect(crayon.logins().map((login) => login.status)).toEqual([503, 503, 503]);
		expect(crayon.apiRequests()).toEqual([]);
		expect(jsonOf(result.output('Crayon'))).toHaveLength(20);
	});

	it('refused again after a fresh login does not make the other items log in again', async () => {
		await crayon.runCrayon(createSubscription(), rows(1));
		crayon.sim.clearRequests();
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			status: 401,
			times: Infinity,
		});

		const result = await crayon.runCrayon(createSubscription(), rows(10), {
			onError: 'continueRegularOutput',
		});

		expect(crayon.logins()).toHaveLength(1);
		expect(crayon.requestsTo('POST', SUBSCRIPTIONS_PATH)).toHaveLength(2);
		expect(jsonOf(result.output('Crayon'))).toHaveLength(10);
	});
});

describe('A stored token', () => {
	const crayon = useCrayon();

	it('is not sent once the password in the credential changed: the node logs in with the new one', async () => {
		await crayon.runCrayon(createSubscription(), rows(1));
		const old = String(crayon.store.data('crayonApi').accessToken);
		crayon.store.set('crayonApi', {
			...crayon.store.data('crayonApi'),
			password: 'changed-in-n8n-only',
		});
		crayon.sim.clearRequests();

		const result = await crayon.runCrayon(createSubscription(), rows(1));

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/invalid_grant/);
		expect(crayon.logins().map((login) => login.body)).toEqual([
			expect.objectContaining({ password: 'changed-in-n8n-only' }),
		]);
		expect(
			crayon.sim.requests.some((request) => request.headers.authorization === `Bearer ${old}`),
		).toBe(false);
		expect(crayon.apiRequests()).toEqual([]);
	});

	it('is not sent to another API base URL: the node logs in there instead', async () => {
		await crayon.runCrayon(createSubscription(), rows(1));
		const { baseUrl } = crayon.store.data('crayonApi');
		// The same simulator under another spelling of its address: another origin for the credential.
		crayon.store.set('crayonApi', {
			...crayon.store.data('crayonApi'),
			baseUrl: String(baseUrl).replace('127.0.0.1', 'localhost'),
		});
		crayon.sim.clearRequests();

		const result = await crayon.runCrayon(createSubscription(), rows(1));

		expect(result.error).toBeUndefined();
		expect(crayon.logins()).toHaveLength(1);
		expect(crayon.sim.requests[0].path).toBe('/api/v1/connect/token');
	});
});
