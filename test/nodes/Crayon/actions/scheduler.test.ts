/**
 * Options → Concurrency and Batching through the engine, against the simulator. The
 * assertions are about order (which request arrived, or was processed, before which),
 * never about how long something took: subscription ids are handed out in the order
 * Crayon processes the creates, and the simulator records requests in arrival order.
 */
import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_READ_CONCURRENCY } from '../../../../nodes/Crayon/fields/options';
import { VERIFY_PATH } from '../../../../nodes/Crayon/domain/orders';
import { SEED, type RecordedRequest } from '../../../../simulator';
import {
	createSubscription,
	expectNothingSent,
	expectOneLoginForAll,
	itemIndexOf,
	jsonOf,
	pairedItemsOf,
	quantities as rows,
	SUBSCRIPTIONS_PATH,
	useCrayon,
} from '../../../helpers';

const crayon = useCrayon();

/** The creates in arrival order; item i asks for i + 1 licences, so each request tells its row. */
const createRequests = () => crayon.requestsTo('POST', SUBSCRIPTIONS_PATH);

function rowOf(request: RecordedRequest): number {
	return (request.body as { quantity: number }).quantity - 1;
}

/** Subscription id per row, for the rows that were bought. */
function subscriptionIdsByRow(): Map<number, number> {
	const ids = new Map<number, number>();
	for (const subscription of crayon.sim.state.subscriptions.values()) {
		if (subscription.id >= SEED.nextSubscriptionId)
			ids.set(subscription.quantity - 1, subscription.id);
	}
	return ids;
}

/** The first create is answered at once; the next one `slowMs` later (faults are taken in arrival order). */
function slowDownSecondCreate(slowMs: number): void {
	crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, latencyMs: 0 });
	crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, latencyMs: slowMs });
}

describe('Options → Concurrency', () => {
	it('keeps input order and pairedItem although later items finish first', async () => {
		slowDownSecondCreate(200);

		const result = await crayon.runCrayon(createSubscription({ concurrency: 3 }), rows(6));

		expect(result.error).toBeUndefined();
		const output = result.output('Crayon');
		expect(jsonOf(output).map((json) => (json as IDataObject).Quantity)).toEqual([
			1, 2, 3, 4, 5, 6,
		]);
		expect(pairedItemsOf(output)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
		// Row 1 was processed after rows 2 and 3 (higher id), yet its output is second.
		const ids = subscriptionIdsByRow();
		expect(ids.get(1)).toBeGreaterThan(ids.get(2) as number);
		expect(ids.get(1)).toBeGreaterThan(ids.get(3) as number);
		expect(crayon.sim.purchaseCount()).toBe(6);
	});

	it('validates every item before the first request, whatever the concurrency', async () => {
		const input = rows(8);
		input[5] = { quantity: 0 };

		const result = await crayon.runCrayon(createSubscription({ concurrency: 8 }), input);

		expectNothingSent(crayon, result);
		expect(itemIndexOf(result.error)).toBe(5);
	});

	it('logs in once when the credential holds no token yet, not once per worker', async () => {
		const result = await crayon.runCrayon(createSubscription({ concurrency: 8 }), rows(16));

		expect(result.error).toBeUndefined();
		expectOneLoginForAll(crayon, createRequests());
		expect(crayon.sim.purchaseCount()).toBe(16);
	});

	it('never has more requests in flight than the concurrency', async () => {
		const latencyMs = 60;
		crayon.sim.setLatency(latencyMs);

		const result = await crayon.runCrayon(createSubscription({ concurrency: 3 }), rows(9));

		expect(result.error).toBeUndefined();
		// Request i + 3 can only be sent once one of requests i..i+2 was answered, which takes
		// the simulator's latency; unbounded concurrency would send them all at once.
		const arrivals = createRequests().map((request) => request.at);
		for (let index = 0; index + 3 < arrivals.length; index++) {
			expect(arrivals[index + 3] - arrivals[index]).toBeGreaterThanOrEqual(latencyMs - 5);
		}
	});

	it('backs off every worker when one request gets 429 with Retry-After, then buys each row once', async () => {
		// Every answer takes 50 ms, far longer than the node needs to read the 429 and pause.
		crayon.sim.setLatency(50);
		crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, latencyMs: 0 });
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			status: 429,
			retryAfterSeconds: 0.5,
		});

		const result = await crayon.runCrayon(createSubscription({ concurrency: 4 }), rows(24));

		expect(result.error).toBeUndefined();
		const creates = createRequests();
		const rejected = creates.findIndex((request) => request.status === 429);
		const retried = creates.findIndex(
			(request, index) => index > rejected && rowOf(request) === rowOf(creates[rejected]),
		);
		// Between the 429 and its retry, per other worker at most: the request in flight when
		// the 429 arrived, the next one (sent when that was answered, about when the 429 was),
		// and one released at the end of the pause together with the retry. Workers that
		// backed off on their own would create the 20-odd remaining rows meanwhile.
		expect(retried - rejected - 1).toBeLessThanOrEqual(3 * 3);
		expect(crayon.sim.purchaseCount()).toBe(24);
		expect(jsonOf(result.output('Crayon')).map((json) => (json as IDataObject).Quantity)).toEqual(
			rows(24).map((row) => row.quantity),
		);
	});

	it('never re-sends a purchase whose answer was lost, and reports it on its own item only', async () => {
		crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, latencyMs: 0 });
		crayon.sim.injectFault({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			dropConnection: 'after-processing',
		});

		const result = await crayon.runCrayon(createSubscription({ concurrency: 4 }), rows(6), {
			onError: 'continueRegularOutput',
		});

		expect(result.error).toBeUndefined();
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
		expect(output.map((item) => item.json.error !== undefined)).toEqual([
			false,
			true,
			false,
			false,
			false,
			false,
		]);
		expect(createRequests()).toHaveLength(6);
		expect(crayon.sim.purchaseCount()).toBe(6);
	});

	it('buys each row once when several workers get 401 at the same time and log in again', async () => {
		crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, latencyMs: 0 });
		crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, status: 401, times: 3 });

		const result = await crayon.runCrayon(createSubscription({ concurrency: 4 }), rows(12));

		expect(result.error).toBeUndefined();
		// n8n logs in again once per request that got 401 and repeats only that request,
		// which Crayon rejected without processing it.
		expect(crayon.logins().length).toBeLessThanOrEqual(1 + 3);
		expect(createRequests()).toHaveLength(12 + 3);
		expect(crayon.sim.purchaseCount()).toBe(12);
		expect(pairedItemsOf(result.output('Crayon'))).toEqual(rows(12).map((_, item) => ({ item })));
	});

	it('after a failure starts no further item and names every item bought, with its subscription, and those not sent', async () => {
		crayon.sim.setLatency(30);
		crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, latencyMs: 0 });
		crayon.sim.injectFault({ method: 'POST', path: SUBSCRIPTIONS_PATH, status: 400 });

		const result = await crayon.runCrayon(createSubscription({ concurrency: 3 }), rows(12));

		expect(result.status).toBe('error');
		expect(itemIndexOf(result.error)).toBe(1);
		expect(createRequests().length).toBeLessThan(12);
		const boughtLater = [...subscriptionIdsByRow().keys()]
			.filter((row) => row > 1)
			.sort((a, b) => a - b);
		expect(boughtLater.length).toBeGreaterThan(0);
		const description = result.error?.description ?? '';
		const ids = subscriptionIdsByRow();
		for (const row of [0, ...boughtLater]) {
			expect(description).toContain(`\n- item ${row}: subscription ${ids.get(row)}`);
		}
		const lastStarted = Math.max(1, ...boughtLater);
		expect(description).toContain(`Not sent to Crayon: items ${lastStarted + 1}–11.`);
		// Items 0 and the bought later ones, runs of consecutive items written as "2–3".
		const bought = [0, ...boughtLater];
		const ranges = bought
			.filter((row, index) => bought[index - 1] !== row - 1)
			.map((start) => {
				let end = start;
				while (bought.includes(end + 1)) end++;
				return end > start ? `${start}–${end}` : String(start);
			});
		expect(description).toContain(
			`To run only the rest, remove items ${ranges.join(', ')} from the input`,
		);
		expect(crayon.sim.purchaseCount()).toBe(createRequests().length - 1);
	});

	it('rejects a concurrency outside 1 to 16 before sending anything', async () => {
		const result = await crayon.runCrayon(
			createSubscription({ concurrency: '={{ 17 }}' }),
			rows(2),
		);

		expectNothingSent(crayon, result);
		expect(result.error?.message).toContain(
			'"Options → Concurrency" must be a whole number from 1 to 16 (received 17)',
		);
	});
});

/** Arrival times of the requests to `path`, in arrival order. */
const arrivalsAt = (method: string, path: string) =>
	crayon.requestsTo(method, path).map((request) => request.at);

describe('Concurrency when Options → Concurrency is not set', () => {
	// Long enough that a request sent before the first answer arrived tells concurrency on any machine.
	const latencyMs = 250;
	const getSubscription = {
		resource: 'subscription',
		operation: 'get',
		subscriptionId: `={{ ${SEED.nceSubscriptionId} }}`,
	};

	it(`reads ${DEFAULT_READ_CONCURRENCY} items at once, never more`, async () => {
		crayon.sim.setLatency(latencyMs);

		const result = await crayon.runCrayon(getSubscription, rows(DEFAULT_READ_CONCURRENCY * 2));

		expect(result.error).toBeUndefined();
		expect(result.output('Crayon')).toHaveLength(DEFAULT_READ_CONCURRENCY * 2);
		// The first request waits alone while n8n logs in with it; the rest then go together.
		const [, ...arrivals] = arrivalsAt('GET', `${SUBSCRIPTIONS_PATH}${SEED.nceSubscriptionId}`);
		expect(arrivals[DEFAULT_READ_CONCURRENCY - 1] - arrivals[0]).toBeLessThan(latencyMs);
		expect(arrivals[DEFAULT_READ_CONCURRENCY] - arrivals[0]).toBeGreaterThanOrEqual(latencyMs - 5);
	});

	it('reads one item at a time when Concurrency is set to 1', async () => {
		crayon.sim.setLatency(latencyMs / 5);

		const result = await crayon.runCrayon(
			{ ...getSubscription, options: { concurrency: 1 } },
			rows(4),
		);

		expect(result.error).toBeUndefined();
		const arrivals = arrivalsAt('GET', `${SUBSCRIPTIONS_PATH}${SEED.nceSubscriptionId}`);
		for (let index = 0; index + 1 < arrivals.length; index++) {
			expect(arrivals[index + 1] - arrivals[index]).toBeGreaterThanOrEqual(latencyMs / 5 - 5);
		}
	});

	it(`buys one item at a time, after checking ${DEFAULT_READ_CONCURRENCY} at once with Verify All Items First`, async () => {
		crayon.sim.setLatency(latencyMs / 5);
		const count = DEFAULT_READ_CONCURRENCY + 2;

		const result = await crayon.runCrayon(
			{ ...createSubscription(), verifyFirst: true },
			rows(count),
		);

		expect(result.error).toBeUndefined();
		const checks = arrivalsAt('POST', VERIFY_PATH);
		const creates = arrivalsAt('POST', SUBSCRIPTIONS_PATH);
		expect(checks).toHaveLength(count);
		// The first check waits alone while n8n logs in with it.
		expect(checks[DEFAULT_READ_CONCURRENCY] - checks[1]).toBeLessThan(latencyMs / 5);
		expect(creates[0]).toBeGreaterThan(checks[count - 1]);
		for (let index = 0; index + 1 < creates.length; index++) {
			expect(creates[index + 1] - creates[index]).toBeGreaterThanOrEqual(latencyMs / 5 - 5);
		}
		expect(crayon.sim.purchaseCount()).toBe(count);
	});
});

describe('Options → Batching', () => {
	it('starts a batch only once every item of the previous batch has finished', async () => {
		slowDownSecondCreate(200);

		const result = await crayon.runCrayon(
			createSubscription({
				concurrency: 3,
				batching: { batch: { batchSize: 3, batchInterval: 0 } },
			}),
			rows(6),
		);

		expect(result.error).toBeUndefined();
		const ids = subscriptionIdsByRow();
		// Without batches, rows 3-5 would start while the slow row 1 is still running.
		expect(Math.min(...[3, 4, 5].map((row) => ids.get(row) as number))).toBeGreaterThan(
			Math.max(...[0, 1, 2].map((row) => ids.get(row) as number)),
		);
		expect(pairedItemsOf(result.output('Crayon'))).toEqual(
			[0, 1, 2, 3, 4, 5].map((item) => ({ item })),
		);
	});

	it('pauses for the batch interval between batches', async () => {
		const batchIntervalMs = 300;

		const result = await crayon.runCrayon(
			createSubscription({
				batching: { batch: { batchSize: 2, batchInterval: batchIntervalMs } },
			}),
			rows(4),
		);

		expect(result.error).toBeUndefined();
		const arrivals = createRequests().map((request) => request.at);
		// A lower bound only: the pause may be longer on a busy machine, never shorter.
		expect(arrivals[2] - arrivals[1]).toBeGreaterThanOrEqual(batchIntervalMs - 5);
	});
});
