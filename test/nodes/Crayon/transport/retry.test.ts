/**
 * Retries through real workflow runs: only what Crayon provably did not process is sent
 * again, after the Retry-After Crayon (or a proxy in front of it) sent, as delay seconds or
 * an HTTP date, or after the node's own backoff.
 */
import { parseRetryAfter } from '../../../../nodes/Crayon/transport/retry';
import { SEED } from '../../../../simulator';
import {
	createSubscription,
	errorItemOf,
	jsonOf,
	SUBSCRIPTIONS_PATH,
	useCrayon,
} from '../../../helpers';

describe('parseRetryAfter', () => {
	it.each([
		['0', 0],
		['3', 3000],
		[2, 2000],
		['1.5', 1500],
	])('reads %p seconds', (header, expected) => {
		expect(parseRetryAfter(header)).toBe(expected);
	});

	it('reads an HTTP date in the future as the time until then', () => {
		const inAMinute = new Date(Date.now() + 60_000).toUTCString();

		const delay = parseRetryAfter(inAMinute) as number;

		// HTTP dates have whole seconds.
		expect(delay).toBeGreaterThan(58_000);
		expect(delay).toBeLessThanOrEqual(60_000);
	});

	it('reads an HTTP date in the past as "now"', () => {
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')).toBe(0);
	});

	it.each([undefined, '', 'soon', '-5', null, {}])('ignores %p', (header) => {
		expect(parseRetryAfter(header)).toBeUndefined();
	});
});

describe('For what Crayon did not process, the node', () => {
	const crayon = useCrayon();

	const CONTINUE = { onError: 'continueRegularOutput' } as const;

	const row = (quantity: number) => ({ quantity });

	const subscriptionPosts = () => crayon.requestsTo('POST', SUBSCRIPTIONS_PATH);

	it('retries a purchase answered 429 with Retry-After: 0 and buys once', async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			status: 429,
			retryAfterSeconds: 0,
		});

		const result = await crayon.runCrayon(createSubscription(), [row(3)]);

		expect(result.error).toBeUndefined();
		expect(subscriptionPosts().map((request) => request.status)).toEqual([429, 200]);
		expect(crayon.sim.purchaseCount()).toBe(1);
		expect(jsonOf(result.output('Crayon'))).toEqual([
			expect.objectContaining({ Id: SEED.nextSubscriptionId, Quantity: 3 }),
		]);
	});

	it('retries a 429 without Retry-After after its own backoff', async () => {
		crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, status: 429 });

		const result = await crayon.runCrayon(createSubscription(), [row(3)]);

		expect(result.error).toBeUndefined();
		expect(subscriptionPosts().map((request) => request.status)).toEqual([429, 200]);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('retries a purchase answered 503 and buys once', async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			status: 503,
			retryAfterSeconds: 0,
			times: 2,
		});

		const result = await crayon.runCrayon(createSubscription(), [row(3)]);

		expect(result.error).toBeUndefined();
		expect(subscriptionPosts().map((request) => request.status)).toEqual([503, 503, 200]);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('gives up after Max Retries and says nothing was bought', async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			status: 503,
			retryAfterSeconds: 0,
			times: Infinity,
		});

		const result = await crayon.runCrayon(createSubscription({ maxRetries: 2 }), [row(3)]);

		expect(result.status).toBe('error');
		expect(subscriptionPosts()).toHaveLength(3);
		expect(crayon.sim.purchaseCount()).toBe(0);
		expect(result.error?.message).toBe(
			`Crayon is too busy to create a subscription of ${SEED.ncePartNumber} × 3 for customer tenant ${SEED.tenantId} (HTTP 503) (tried 3 times) [item 0]`,
		);
		expect(result.error?.description).toMatch(/nothing was bought.*Run this item again later/s);
	});

	it('does not wait longer than it is willing to: a Retry-After of an hour fails at once', async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			status: 429,
			retryAfterSeconds: 3600,
		});

		const result = await crayon.runCrayon(createSubscription(), [row(3)], CONTINUE);

		expect(subscriptionPosts()).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(0);
		const item = errorItemOf(result, 0);
		expect(item.httpCode).toBe('429');
		expect(item.description).toMatch(
			/Crayon asked to wait 3600 s\. Crayon did not process this request, so nothing was bought/,
		);
	});

	it('retries reads on 500, 502 and 504', async () => {
		for (const status of [500, 502, 504]) {
			crayon.sim.injectFault({ method: 'GET', status, retryAfterSeconds: 0 });
		}

		const result = await crayon.runCrayon({
			resource: 'subscription',
			operation: 'get',
			subscriptionId: String(SEED.addonCapableSubscriptionId),
			options: {},
		});

		expect(result.error).toBeUndefined();
		expect(
			crayon.sim.requests
				.filter((request) => request.method === 'GET')
				.map((request) => request.status),
		).toEqual([500, 502, 504, 200]);
	});

	it('retries a read that timed out', async () => {
		crayon.sim.injectFault({ method: 'GET', latencyMs: 1000 });

		const result = await crayon.runCrayon({
			resource: 'subscription',
			operation: 'get',
			subscriptionId: String(SEED.addonCapableSubscriptionId),
			options: { timeout: 200 },
		});

		expect(result.error).toBeUndefined();
		expect(crayon.sim.requests.filter((request) => request.method === 'GET')).toHaveLength(2);
	});
});
