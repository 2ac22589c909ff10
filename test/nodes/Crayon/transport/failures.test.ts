/**
 * Failures injected into real workflow runs: what a failure says about whether Crayon
 * processed a request, so what the node never sends twice (purchases whose answer was lost,
 * or unreadable), and how each failure reads in the item n8n shows. What it retries is in
 * retry.test.ts.
 */
import { SEED } from '../../../../simulator';
import {
	createSubscription,
	errorItemOf,
	errorText,
	itemIndexOf,
	mappedE3Line,
	onRequest,
	pairedItemsOf,
	SUBSCRIPTIONS_PATH,
	useCrayon,
} from '../../../helpers';

const crayon = useCrayon();

const CONTINUE = { onError: 'continueRegularOutput' } as const;

const row = (quantity: number) => ({ quantity });

const subscriptionPosts = () => crayon.requestsTo('POST', SUBSCRIPTIONS_PATH);

describe('Never sending a purchase twice, the node', () => {
	it('turns a 500 to a purchase into an error item without retrying, and looks the subscription up', async () => {
		crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, status: 500 });

		const result = await crayon.runCrayon(createSubscription(), [row(3)], CONTINUE);

		expect(result.status).toBe('success');
		expect(subscriptionPosts()).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(0);
		expect(pairedItemsOf(result.output('Crayon'))).toEqual([{ item: 0 }]);
		const item = errorItemOf(result, 0);
		expect(item.httpCode).toBe('500');
		expect(item.error).toMatch(
			/^Outcome unknown, most likely not bought: POST \/api\/v1\/subscriptions\/ got no usable answer \(HTTP 500/,
		);
		expect(item.error).toContain(
			`no subscription of ${SEED.ncePartNumber} × 3 for customer tenant ${SEED.tenantId} created since`,
		);
		expect(item.description).toMatch(/did not send it again/);
	});

	it('reports a purchase whose connection dropped after Crayon processed it as bought, without sending it again', async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			dropConnection: 'after-processing',
		});

		const result = await crayon.runCrayon(createSubscription(), [row(3)], CONTINUE);

		expect(crayon.sim.purchaseCount()).toBe(1);
		expect(subscriptionPosts()).toHaveLength(1);
		const item = errorItemOf(result, 0);
		expect(item.error).toMatch(
			/^Outcome unknown, but most likely bought: POST \/api\/v1\/subscriptions\/ got no usable answer \(connection lost: ECONNRESET\)/,
		);
		expect(item.error).toContain(
			`found subscription ${SEED.nextSubscriptionId} (quantity 3, created `,
		);
		expect(item.error).toContain('Do not run this item again');
		// The lookup only read.
		expect(
			crayon.sim.requests.filter(
				(request) => request.method !== 'GET' && request.path !== '/api/v1/connect/token',
			),
		).toHaveLength(1);
	});

	it.each([
		['pending', 64],
		['suspended', 2],
	])(
		'finds a lost purchase whose subscription is %s: the lookup lists list items of every status',
		async (_, status) => {
			crayon.sim.injectFault({
				method: 'POST',
				path: SUBSCRIPTIONS_PATH,
				dropConnection: 'after-processing',
			});
			onRequest(crayon.sim, 'GET', '/api/v1/subscriptions', 1, () => {
				crayon.sim.state.subscriptions.get(SEED.nextSubscriptionId)!.status = status;
			});

			const result = await crayon.runCrayon(createSubscription(), [row(3)], CONTINUE);

			expect(errorItemOf(result, 0).error).toMatch(
				new RegExp(
					`^Outcome unknown, but most likely bought: .*found subscription ${SEED.nextSubscriptionId} \\(quantity 3, created `,
				),
			);
			expect(crayon.requestsTo('GET', '/api/v1/subscriptions')[0].query).toMatchObject({
				customerTenantId: String(SEED.tenantId),
				statuses: '511',
			});
		},
	);

	it('fails the run on a lost purchase when not continuing on fail, still without resending', async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			dropConnection: 'after-processing',
		});

		const result = await crayon.runCrayon(createSubscription(), [row(3), row(4)]);

		expect(result.status).toBe('error');
		expect(crayon.sim.purchaseCount()).toBe(1);
		expect(subscriptionPosts()).toHaveLength(1);
		expect(result.error?.message).toMatch(/^Outcome unknown, but most likely bought/);
		expect(itemIndexOf(result.error)).toBe(0);
	});

	it('reports a purchase dropped before processing as not found yet, and says to look again', async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			dropConnection: 'before-processing',
		});

		const result = await crayon.runCrayon(createSubscription(), [row(3)], CONTINUE);

		expect(crayon.sim.purchaseCount()).toBe(0);
		expect(subscriptionPosts()).toHaveLength(1);
		const { error } = errorItemOf(result, 0);
		expect(error).toMatch(/^Outcome unknown, not found yet: /);
		expect(error).toMatch(/look again in a few minutes before buying again/);
	});

	it('reports a lost add-on purchase as outcome unknown, with the add-on the lookup found', async () => {
		const path = `/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}/addons`;
		crayon.sim.injectFault({ method: 'POST', path, dropConnection: 'after-processing' });

		const result = await crayon.runCrayon(
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

		expect(crayon.sim.purchaseCount()).toBe(1);
		expect(crayon.requestsTo('POST', path)).toHaveLength(1);
		const { error } = errorItemOf(result, 0);
		expect(error).toMatch(
			/^Outcome unknown, but most likely bought: POST \/api\/v1\/subscriptions\/5001\/addons got no usable answer \(connection lost: ECONNRESET\)\./,
		);
		expect(error).toContain(`found subscription ${SEED.nextSubscriptionId} (quantity 2, created `);
		expect(error).toContain(
			`of ${SEED.addonOfferId} × 2 for subscription ${SEED.addonCapableSubscriptionId}`,
		);
	});

	it('reports a lost quantity change as outcome unknown, with the quantity read back', async () => {
		const path = `/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}`;
		crayon.sim.injectFault({ method: 'PUT', path, dropConnection: 'after-processing' });

		const result = await crayon.runCrayon(
			{
				resource: 'subscription',
				operation: 'updateQuantity',
				subscriptionId: String(SEED.addonCapableSubscriptionId),
				quantity: 42,
			},
			[{}],
			CONTINUE,
		);

		expect(crayon.requestsTo('PUT', path)).toHaveLength(1);
		expect(errorItemOf(result, 0).error).toBe(
			`Outcome unknown, but most likely bought: PUT ${path} got no usable answer (connection lost: ECONNRESET). ` +
				`A lookup at Crayon found subscription ${SEED.addonCapableSubscriptionId} with quantity 42. [item 0]`,
		);
	});

	it('reports a lost checkout as outcome unknown, most likely bought when its order lines show in the purchase orders', async () => {
		const checkout = '/api/v1/purchaserequest/checkout';
		crayon.sim.injectFault({ method: 'POST', path: checkout, dropConnection: 'after-processing' });

		const result = await crayon.runCrayon(
			{
				resource: 'order',
				operation: 'checkout',
				orderSource: 'fields',
				resellerCustomerId: String(SEED.tenantId),
				orderLinesInput: 'json',
				orderLinesJson: JSON.stringify([mappedE3Line()]),
				verifyBeforeCheckout: true,
			},
			[{}],
			CONTINUE,
		);

		expect(crayon.sim.purchaseCount()).toBe(1);
		expect(crayon.requestsTo('POST', checkout)).toHaveLength(1);
		expect(errorItemOf(result, 0).error).toMatch(
			/^Outcome unknown, but most likely bought: POST \/api\/v1\/purchaserequest\/checkout got no usable answer/,
		);
	});

	it('gives up on a purchase that gets no answer within the timeout, without resending it', async () => {
		crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, latencyMs: 1000 });

		const result = await crayon.runCrayon(createSubscription({ timeout: 200 }), [row(3)], CONTINUE);

		expect(subscriptionPosts()).toHaveLength(1);
		const { error, description } = errorItemOf(result, 0);
		expect(error).toMatch(
			/^Outcome unknown, not found yet: POST \/api\/v1\/subscriptions\/ got no usable answer \(no answer within 200 ms \(Options → Timeout\)\)/,
		);
		expect(description).toMatch(/did not send it again: repeating it could buy twice/);
	});
});

describe('Given an unreadable answer, the node', () => {
	const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';

	it('reports an HTML page answered to a purchase with 200 as unreadable, and what the lookup found', async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			rawResponse: { status: 200, contentType: 'text/html', body: html },
		});

		const result = await crayon.runCrayon(createSubscription(), [row(3)], CONTINUE);

		expect(subscriptionPosts()).toHaveLength(1);
		const item = errorItemOf(result, 0);
		expect(item.error).toMatch(
			/^Outcome unknown, most likely not bought: POST \/api\/v1\/subscriptions\/ got no usable answer \(HTTP 200, but not the created subscription/,
		);
		expect(item.description).toContain(`Received (HTTP 200): ${html}`);
	});

	it('reports truncated JSON from a read as a clear error', async () => {
		crayon.sim.injectFault({
			method: 'GET',
			rawResponse: { status: 200, contentType: 'application/json', body: '{"Id": 5001, "Quan' },
		});

		const result = await crayon.runCrayon({
			resource: 'subscription',
			operation: 'get',
			subscriptionId: String(SEED.addonCapableSubscriptionId),
		});

		expect(result.status).toBe('error');
		expect(errorText(result.error)).toMatch(
			/^Crayon's answer to GET \/api\/v1\/subscriptions\/5001 could not be understood/,
		);
		expect(errorText(result.error)).toContain('Received (HTTP 200): {"Id": 5001, "Quan');
	});

	it('reports a body of the wrong types from a purchase', async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			rawResponse: {
				status: 200,
				contentType: 'application/json',
				body: '{"Id": "five thousand"}',
			},
		});

		const result = await crayon.runCrayon(createSubscription(), [row(3)], CONTINUE);

		expect(errorItemOf(result, 0).error).toMatch(
			/^Outcome unknown, most likely not bought: .*HTTP 200, but not the created subscription/,
		);
	});

	it('shows an HTML error page answered with 500 to a read, after the retries', async () => {
		crayon.sim.injectFault({
			method: 'GET',
			rawResponse: { status: 500, contentType: 'text/html', body: html },
			times: Infinity,
		});

		const result = await crayon.runCrayon({
			resource: 'subscription',
			operation: 'get',
			subscriptionId: String(SEED.addonCapableSubscriptionId),
			options: { maxRetries: 1 },
		});

		expect(result.error?.message).toBe(
			'Crayon failed to read subscription 5001 (HTTP 500) (tried 2 times) [item 0]',
		);
		expect(result.error?.description).toBe(
			`Response: ${html}\nThis request only reads, so running the item again is safe.\nRequest: GET /api/v1/subscriptions/5001 answered HTTP 500.`,
		);
	});
});
