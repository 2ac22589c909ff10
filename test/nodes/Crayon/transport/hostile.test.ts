/**
 * The node against a hostile or broken server in front of Crayon: redirects to another origin
 * and in a loop, answers trickled or never finished, answers of many megabytes, a purchase
 * processed and then answered 503, lost answers of two identical rows, unreadable answers to a
 * checkout. Each test counts what the server received and what Crayon bought.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../simulator';
import {
	createSubscription,
	e3Line,
	errorItemOf,
	HostileServer,
	SUBSCRIPTIONS_PATH,
	useCrayon,
} from '../../../helpers';

// No New Commerce order is processed while a test runs: an outcome lookup that ran after the
// processing (a slow machine) would rightly find the subscription and say "likely bought".
const crayon = useCrayon({ newCommerceOrderProcessingDelayMs: 600_000 });
let hostile: HostileServer;

beforeEach(async () => {
	hostile = await HostileServer.start(crayon.sim.baseUrl);
	crayon.reset({ baseUrl: hostile.url });
});
afterEach(async () => await hostile.stop());

const CONTINUE = { onError: 'continueRegularOutput' } as const;
const CREATE = /^\/api\/v1\/subscriptions\/?$/i;
const TOKEN = /^\/api\/v1\/connect\/token\/?$/i;
const CHECKOUT = /^\/api\/v1\/purchaserequest\/checkout\/?$/i;

const getMany: INodeParameters = {
	resource: 'subscription',
	operation: 'getMany',
	returnAll: false,
	limit: 3,
	options: { maxRetries: 0 },
};

const checkout: INodeParameters = {
	resource: 'order',
	operation: 'checkout',
	orderSource: 'fields',
	resellerCustomerId: String(SEED.tenantId),
	orderLinesInput: 'json',
	orderLinesJson: JSON.stringify([e3Line(1, { catalogItemId: SEED.nceCatalogItemId })]),
	verifyBeforeCheckout: false,
	options: { maxRetries: 0 },
};

/** Logs in once through the hostile server, so a test's own misbehaviour meets a request with a token. */
async function loggedIn(): Promise<string> {
	await crayon.runCrayon(getMany, [{}]);
	return String(crayon.store.data('crayonApi').accessToken);
}

/** Every text of a run a user or a log could see. */
function visible(result: unknown): string {
	return JSON.stringify(result);
}

describe('Redirects are never followed', () => {
	it('a purchase redirected to another origin is not sent there, nor sent again, and is an unknown outcome', async () => {
		const token = await loggedIn();
		hostile.misbehave({ kind: 'redirect', status: 307 }, { method: 'POST', path: CREATE });

		const result = await crayon.runCrayon(createSubscription(), [{ quantity: 3 }], CONTINUE);

		expect(hostile.elsewhere).toEqual([]);
		expect(hostile.requestsTo('POST', CREATE)).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(0);
		const item = errorItemOf(result, 0);
		expect(item.error).toMatch(
			/^Outcome unknown, most likely not bought: POST \/api\/v1\/subscriptions\/ got no usable answer \(redirected with HTTP 307, which the node does not follow\)/,
		);
		expect(item.purchaseOutcome).toBe('unknown');
		expect(visible(result)).not.toContain(token);
	});

	it('a read redirected to another origin fails without its token going there', async () => {
		await loggedIn();
		hostile.misbehave({ kind: 'redirect', status: 302 }, { method: 'GET' });

		const result = await crayon.runCrayon(getMany, [{}]);

		expect(result.status).toBe('error');
		expect(hostile.elsewhere).toEqual([]);
		expect(result.error?.message).toMatch(
			/redirected with HTTP 302, which the node does not follow/,
		);
	});

	it('a redirected login takes neither the client secret nor the password elsewhere', async () => {
		hostile.misbehave({ kind: 'redirect', status: 307 }, { path: TOKEN });

		const result = await crayon.runCrayon(getMany, [{}]);

		expect(result.status).toBe('error');
		expect(hostile.elsewhere).toEqual([]);
		expect(hostile.requestsTo('POST', TOKEN)).toHaveLength(1);
		expect(result.error?.message).toMatch(
			/^Crayon login \(POST .*\) was redirected \(HTTP 307\); the node does not follow redirects, so no secret was sent on\./,
		);
	});

	it('a purchase redirected to itself in a loop is sent exactly once', async () => {
		await loggedIn();
		hostile.misbehave(
			{ kind: 'redirect', status: 308, loop: true },
			{ method: 'POST', times: Infinity },
		);

		await crayon.runCrayon(createSubscription({ maxRetries: 0 }), [{ quantity: 1 }], CONTINUE);

		expect(hostile.requestsTo('POST', CREATE)).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(0);
	});
});

describe('Timeout bounds the whole request, answer included', () => {
	it('a read whose answer trickles in one byte at a time fails at the timeout', async () => {
		await loggedIn();
		hostile.misbehave({ kind: 'trickle', intervalMs: 50 }, { method: 'GET' });
		const started = Date.now();

		const result = await crayon.runCrayon(
			{ ...getMany, options: { timeout: 400, maxRetries: 0 } },
			[{}],
		);

		expect(Date.now() - started).toBeLessThan(3000);
		expect(result.error?.message).toMatch(/no answer within 400 ms \(Options → Timeout\)/);
	});

	it('a purchase whose answer never comes is an unknown outcome after the timeout, not sent again', async () => {
		await loggedIn();
		hostile.misbehave({ kind: 'hang' }, { method: 'POST', path: CREATE });

		const result = await crayon.runCrayon(
			createSubscription({ timeout: 300 }),
			[{ quantity: 4 }],
			CONTINUE,
		);

		expect(hostile.requestsTo('POST', CREATE)).toHaveLength(1);
		expect(errorItemOf(result, 0).error).toMatch(
			/^Outcome unknown, not found yet: .*\(no answer within 300 ms \(Options → Timeout\)\)/,
		);
	});

	it('a read that hangs after an earlier one was answered fails at its own timeout, the answered one kept', async () => {
		await loggedIn();
		hostile.misbehave(
			{ kind: 'hang' },
			{ method: 'GET', path: new RegExp(`/subscriptions/${SEED.nceSubscriptionId}$`) },
		);
		const started = Date.now();

		const result = await crayon.runCrayon(
			{
				resource: 'subscription',
				operation: 'get',
				subscriptionId: '={{ $json.id }}',
				options: { timeout: 400, maxRetries: 0, concurrency: 1 },
			},
			[{ id: SEED.addonCapableSubscriptionId }, { id: SEED.nceSubscriptionId }],
			CONTINUE,
		);

		// The first read's deadline is watched first; the second's must still be kept after it.
		expect(Date.now() - started).toBeGreaterThanOrEqual(400);
		expect(Date.now() - started).toBeLessThan(3000);
		const [answered, hung] = result.output('Crayon');
		expect(answered.json.Id).toBe(SEED.addonCapableSubscriptionId);
		expect(String((hung.json.error as IDataObject).message)).toMatch(
			/no answer within 400 ms \(Options → Timeout\)/,
		);
	});

	it('refuses a Timeout a timer cannot wait for (above one hour) before sending anything', async () => {
		const result = await crayon.runCrayon({ ...getMany, options: { timeout: 2 ** 31 } }, [{}]);

		expect(result.status).toBe('error');
		expect(hostile.received).toEqual([]);
		expect(result.error?.message).toContain(
			'"Options → Timeout" must be a whole number from 1 to 3600000 (received 2147483648)',
		);
	});
});

describe('Answers larger than the node reads', () => {
	it('a read answered with 50 MB fails clearly instead of becoming a 50 MB item', async () => {
		await loggedIn();
		hostile.misbehave({ kind: 'huge', bytes: 50 * 1024 * 1024 }, { method: 'GET' });

		const result = await crayon.runCrayon(getMany, [{}]);

		expect(result.error?.message).toMatch(
			/HTTP 200 with an answer longer than 16777216 bytes, which the node does not read/,
		);
	});

	it('a checkout answered with 50 MB is an unknown outcome, not a success', async () => {
		await loggedIn();
		hostile.misbehave(
			{ kind: 'huge', bytes: 50 * 1024 * 1024 },
			{ method: 'POST', path: CHECKOUT },
		);

		const result = await crayon.runCrayon(checkout, [{}], CONTINUE);

		expect(errorItemOf(result, 0).error).toMatch(
			/^Outcome unknown: POST \/api\/v1\/purchaserequest\/checkout/,
		);
		expect(hostile.requestsTo('POST', CHECKOUT)).toHaveLength(1);
	});
});

describe('A purchase Crayon processed and then answered 503 is bought once', () => {
	it('Subscription → Create: the lookup finds the subscription, so it is not sent again', async () => {
		await loggedIn();
		hostile.misbehave(
			{ kind: 'processThenStatus', status: 503 },
			{ method: 'POST', path: CREATE, times: Infinity },
		);

		const result = await crayon.runCrayon(createSubscription(), [{ quantity: 6 }], CONTINUE);

		expect(hostile.requestsTo('POST', CREATE)).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(1);
		const item = errorItemOf(result, 0);
		expect(item.error).toMatch(/^Outcome unknown, but most likely bought: .*\(HTTP 503/);
		expect(item.error).toContain(`found subscription ${SEED.nextSubscriptionId} (quantity 6`);
		expect(item.purchaseOutcome).toBe('likelyBought');
	});

	it('Subscription → Add Add-On: the subscription read back shows the add-on, so it is not sent again', async () => {
		await loggedIn();
		const addons = new RegExp(`^/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}/addons$`);
		hostile.misbehave(
			{ kind: 'processThenStatus', status: 503 },
			{ method: 'POST', path: addons, times: Infinity },
		);

		await crayon.runCrayon(
			{
				resource: 'subscription',
				operation: 'addAddon',
				subscriptionId: String(SEED.addonCapableSubscriptionId),
				offerId: SEED.addonOfferId,
				quantity: 2,
			},
			[{}],
			CONTINUE,
		);

		expect(hostile.requestsTo('POST', addons)).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('Subscription → Update Quantity: the quantity read back is the new one, so it is not sent again', async () => {
		await loggedIn();
		const subscription = new RegExp(`^/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}$`);
		hostile.misbehave(
			{ kind: 'processThenStatus', status: 503 },
			{ method: 'PUT', path: subscription, times: Infinity },
		);

		const result = await crayon.runCrayon(
			{
				resource: 'subscription',
				operation: 'updateQuantity',
				subscriptionId: String(SEED.addonCapableSubscriptionId),
				quantity: 77,
			},
			[{}],
			CONTINUE,
		);

		expect(hostile.requestsTo('PUT', subscription)).toHaveLength(1);
		expect(crayon.sim.state.subscriptions.get(SEED.addonCapableSubscriptionId)?.quantity).toBe(77);
		expect(errorItemOf(result, 0).purchaseOutcome).toBe('likelyBought');
	});

	it('New Commerce Order → Create, which no lookup can rule out: outcome unknown, not sent again', async () => {
		await loggedIn();
		const orders = /^\/api\/v1\/subscriptions\/new-commerce-orders$/;
		hostile.misbehave(
			{ kind: 'processThenStatus', status: 503 },
			{ method: 'POST', path: orders, times: Infinity },
		);

		const result = await crayon.runCrayon(
			{
				resource: 'newCommerceOrder',
				operation: 'create',
				customerTenantId: String(SEED.tenantId),
				partNumber: SEED.secondNcePartNumber,
				quantity: 2,
				billingCycle: 1,
				termDuration: 'P1M',
				waitForSubscriptionId: false,
				verifyFirst: false,
			},
			[{}],
			CONTINUE,
		);

		expect(hostile.requestsTo('POST', orders)).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(1);
		expect(errorItemOf(result, 0).purchaseOutcome).toBe('unknown');
	});

	it('Order → Checkout, whose lookup can only confirm: outcome unknown (most likely bought), not sent again', async () => {
		await loggedIn();
		hostile.misbehave(
			{ kind: 'processThenStatus', status: 503 },
			{ method: 'POST', path: CHECKOUT, times: Infinity },
		);

		const result = await crayon.runCrayon(checkout, [{}], CONTINUE);

		expect(hostile.requestsTo('POST', CHECKOUT)).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(1);
		expect(errorItemOf(result, 0)).toMatchObject({
			error: expect.stringMatching(
				/^Outcome unknown, but most likely bought: POST \/api\/v1\/purchaserequest\/checkout .* A lookup at Crayon found purchase order lines of an order of 1 line\(s\) for customer tenant 123/,
			),
			purchaseOutcome: 'likelyBought',
		});
	});

	it('a 503 that was not processed is sent again once the lookup found nothing, and bought once', async () => {
		await loggedIn();
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			status: 503,
			retryAfterSeconds: 0,
		});

		const result = await crayon.runCrayon(createSubscription(), [{ quantity: 8 }]);

		expect(result.error).toBeUndefined();
		expect(hostile.requestsTo('POST', CREATE)).toHaveLength(2);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});
});

describe("A lookup never counts another item's purchase as proof", () => {
	const twoIdenticalRows: IDataObject[] = [{ quantity: 5 }, { quantity: 5 }];

	it('the second of two identical rows, dropped before Crayon saw it, is "not found yet", not "bought"', async () => {
		await loggedIn();
		// Item 0 goes through; item 1's connection is dropped before processing.
		crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, latencyMs: 0 });
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			dropConnection: 'before-processing',
		});

		const result = await crayon.runCrayon(createSubscription(), twoIdenticalRows, CONTINUE);

		expect(crayon.sim.purchaseCount()).toBe(1);
		const item = errorItemOf(result, 1);
		expect(item.error).toMatch(/^Outcome unknown, not found yet:/);
		expect(item.error).not.toContain(`subscription ${SEED.nextSubscriptionId} `);
	});

	it('the second of two identical rows, processed before its answer was lost, is found as its own subscription', async () => {
		await loggedIn();
		crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, latencyMs: 0 });
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			dropConnection: 'after-processing',
		});

		const result = await crayon.runCrayon(createSubscription(), twoIdenticalRows, CONTINUE);

		expect(crayon.sim.purchaseCount()).toBe(2);
		const item = errorItemOf(result, 1);
		expect(item.error).toContain(`found subscription ${SEED.nextSubscriptionId + 1} (quantity 5`);
		expect(item.error).not.toContain(`${SEED.nextSubscriptionId} (quantity`);
	});
});

describe('An answer to a checkout that is not a checkout is never a success', () => {
	it.each([
		['an HTML page', 'text/html', '<html><body>OK</body></html>'],
		['truncated JSON', 'application/json', '{"orderLines": ['],
		['false', 'application/json', 'false'],
		['null', 'application/json', 'null'],
	])('%s with HTTP 200 is an unknown outcome, not sent again', async (_, contentType, body) => {
		await loggedIn();
		hostile.misbehave(
			{ kind: 'raw', status: 200, contentType, body },
			{ method: 'POST', path: CHECKOUT },
		);

		const result = await crayon.runCrayon(checkout, [{}], CONTINUE);

		expect(hostile.requestsTo('POST', CHECKOUT)).toHaveLength(1);
		const item = errorItemOf(result, 0);
		expect(item.error).toMatch(
			/^Outcome unknown: POST \/api\/v1\/purchaserequest\/checkout got no usable answer \(HTTP 200, but not HTTP 204 with no body, or the checked-out order\)/,
		);
		expect(item.purchaseOutcome).toBe('unknown');
	});
});

describe('What the node sends is never altered by redaction', () => {
	it('Update Quantity puts the subscription back with its name as read, while the output masks the password', async () => {
		const { password } = crayon.store.data('crayonApi') as { password: string };
		const name = `M365 Business Basic contoso.onmicrosoft.com (${password})`;
		const subscription = crayon.sim.state.subscriptions.get(SEED.addonCapableSubscriptionId);
		if (subscription === undefined) throw new Error('seed subscription missing');
		subscription.name = name;

		const result = await crayon.runCrayon(
			{
				resource: 'subscription',
				operation: 'updateQuantity',
				subscriptionId: String(SEED.addonCapableSubscriptionId),
				quantity: 9,
				simplify: false,
			},
			[{}],
		);

		const [put] = hostile.requestsTo('PUT', /^\/api\/v1\/subscriptions\/\d+$/);
		expect(JSON.parse(put.body).Name).toBe(name);
		expect(result.output('Crayon')[0].json.Name).toBe(
			'M365 Business Basic contoso.onmicrosoft.com ([redacted])',
		);
	});
});
