/**
 * New Commerce Order → Create: POST /api/v1/subscriptions/new-commerce-orders
 * (the "Create New Commerce Orders" page of Crayon's API documentation), optionally polling GET .../new-commerce-orders/{id}.
 * When the order's answer was lost, Crayon creates the subscription only once it has
 * processed the order, so the lookup can confirm a purchase but never rule one out.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { ApiCall, CrayonFixture } from '../../../../../harness';
import { SEED, type SimulatorOptions } from '../../../../../simulator';
import {
	byId,
	errorItemOf,
	expectNothingSent,
	itemIndexOf,
	jsonOf,
	pairedItemsOf,
	useCrayon,
} from '../../../../helpers';

const ORDERS_PATH = '/api/v1/subscriptions/new-commerce-orders';

const mapped: INodeParameters = {
	resource: 'newCommerceOrder',
	operation: 'create',
	customerTenantId: byId('={{ $json.tenantId }}'),
	partNumber: '={{ $json.partNumber }}',
	quantity: '={{ $json.quantity }}',
	billingCycle: '={{ $json.billingCycle }}',
	termDuration: '={{ $json.termDuration }}',
	waitForSubscriptionId: false,
	verifyFirst: false,
};

const waiting: INodeParameters = {
	...mapped,
	waitForSubscriptionId: true,
	waitTimeoutSeconds: 10,
	pollIntervalSeconds: 0.02,
};

const row = (
	tenantId: number | string,
	quantity: number | string,
	partNumber: string = SEED.secondNcePartNumber,
): IDataObject => ({
	tenantId,
	partNumber,
	quantity,
	billingCycle: 1,
	termDuration: 'P1M',
});

const orderBody = (
	tenantId: number,
	quantity: number,
	partNumber: string = SEED.secondNcePartNumber,
) => ({
	customerTenantId: tenantId,
	billingCycle: 1,
	partNumber,
	quantity,
	termDuration: 'P1M',
});

/** Crayon's answer to an order it placed, which the node outputs (with the subscription IDs). */
const placed = (newCommerceOrderId: unknown) => ({
	IsSuccessful: true,
	ErrorReasonCode: null,
	ErrorDescription: null,
	NewCommerceOrderId: newCommerceOrderId,
});

/** The POST for each order, each followed by its polls and nothing else. */
function expectOrdersPolled(
	crayon: CrayonFixture,
	orders: Array<{ body: object; id: unknown }>,
): void {
	const calls = crayon.apiCalls();
	const groups: ApiCall[][] = [];
	for (const call of calls) {
		if (call.method === 'POST') groups.push([call]);
		else groups[groups.length - 1]?.push(call);
	}
	expect(groups.map(([post]) => post)).toEqual(
		orders.map(({ body }) => crayon.call('POST', ORDERS_PATH, body)),
	);
	groups.forEach(([, ...polls], index) => {
		expect(polls.length).toBeGreaterThan(0);
		for (const poll of polls) {
			expect(poll).toEqual(crayon.call('GET', `${ORDERS_PATH}/${String(orders[index].id)}`));
		}
	});
}

describe('New Commerce Order → Create', () => {
	const crayon = useCrayon();

	it('sends the documented order body and outputs the order result', async () => {
		const result = await crayon.runCrayon(mapped, [row(SEED.tenantId, 3)]);

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls()).toEqual([
			crayon.call('POST', ORDERS_PATH, orderBody(SEED.tenantId, 3)),
		]);
		const [order] = [...crayon.sim.state.nceOrders.values()];
		expect(result.output('Crayon')).toEqual([
			{
				json: placed(order.id),
				pairedItem: { item: 0 },
			},
		]);
		expect(order).toMatchObject({
			tenantId: SEED.tenantId,
			partNumber: SEED.secondNcePartNumber,
			quantity: 3,
		});
	});

	it('adds the optional customTermEndDate and scheduledDate when given', async () => {
		// A coterminous end date Crayon accepts: the end of the tenant's existing P1Y subscription.
		const customTermEndDate = crayon.sim.state.subscriptions.get(
			SEED.nceSubscriptionId,
		)?.commitmentEndDate;
		const scheduledDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
		const result = await crayon.runCrayon(
			{
				...mapped,
				additionalFields: { customTermEndDate, scheduledDate: `${scheduledDate}T00:00:00` },
			},
			[{ ...row(SEED.tenantId, 2, SEED.ncePartNumber), termDuration: 'P1Y' }],
		);

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls().map((call) => call.body)).toEqual([
			{
				...orderBody(SEED.tenantId, 2, SEED.ncePartNumber),
				termDuration: 'P1Y',
				customTermEndDate,
				scheduledDate,
			},
		]);
		expect([...crayon.sim.state.nceOrders.values()]).toEqual([
			expect.objectContaining({ scheduledDate: `${scheduledDate}T00:00:00Z`, dueAt: null }),
		]);
	});

	it('waits for each order to be processed and outputs its subscription id, polling without ordering again', async () => {
		const rows = [row(SEED.tenantId, 1), row(SEED.legacyTenantId, '2'), row(501, 3)];
		const result = await crayon.runCrayon(waiting, rows);

		expect(result.error).toBeUndefined();
		const orders = [...crayon.sim.state.nceOrders.values()];
		expect(orders.map((order) => [order.tenantId, order.quantity])).toEqual([
			[SEED.tenantId, 1],
			[SEED.legacyTenantId, 2],
			[501, 3],
		]);
		expectOrdersPolled(
			crayon,
			orders.map((order) => ({ id: order.id, body: orderBody(order.tenantId, order.quantity) })),
		);
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(jsonOf(output)).toEqual(
			orders.map((order) => ({
				...placed(order.id),
				SubscriptionIds: [order.subscriptionId],
				SubscriptionId: order.subscriptionId,
			})),
		);
		expect(orders.map((order) => order.subscriptionId)).toEqual([
			SEED.nextSubscriptionId,
			SEED.nextSubscriptionId + 1,
			SEED.nextSubscriptionId + 2,
		]);
		expect(crayon.sim.purchaseCount()).toBe(3);
		expect(crayon.logins()).toHaveLength(1);
	});

	it("turns IsSuccessful: false into an error carrying Crayon's reason code and description", async () => {
		const result = await crayon.runCrayon(waiting, [row(SEED.nceIneligibleTenantId, 1)]);

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Crayon did not place the New Commerce order: Customer tenant 505 (Litware Inc) is not eligible for New Commerce purchases. (CustomerNotEligible) [item 0]',
		);
		expect(result.error?.description).toBe(
			`Part number ${SEED.secondNcePartNumber}, quantity 1, customer tenant 505. Nothing was bought.`,
		);
		// Nothing to wait for: no poll.
		expect(crayon.apiCalls().map((call) => call.method)).toEqual(['POST']);
		expect(crayon.sim.purchaseCount()).toBe(0);
	});

	it('with "continue on error", places the good orders once and outputs an error item for each failed row', async () => {
		const rows = [
			row(SEED.tenantId, 1),
			{ ...row(SEED.tenantId, 1), termDuration: 'P3Y' },
			row(SEED.tenantId, 1, SEED.secondNceProductId),
			row(501, 4),
		];
		const result = await crayon.runCrayon(waiting, rows, { onError: 'continueRegularOutput' });

		expect(result.status).toBe('success');
		const orders = [...crayon.sim.state.nceOrders.values()];
		expect(orders.map((order) => [order.tenantId, order.quantity])).toEqual([
			[SEED.tenantId, 1],
			[501, 4],
		]);
		expect(
			crayon
				.apiCalls()
				.filter((call) => call.method === 'POST')
				.map((call) => call.body),
		).toEqual([
			orderBody(SEED.tenantId, 1),
			{ ...orderBody(SEED.tenantId, 1), termDuration: 'P3Y' },
			orderBody(501, 4),
		]);
		expect(crayon.sim.purchaseCount()).toBe(2);

		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json.SubscriptionId).toBe(orders[0].subscriptionId);
		expect(output[1].json).toEqual({
			error: {
				message: expect.stringMatching(
					/^Crayon did not place the New Commerce order: .* \(TermDurationNotSupported\) \[item 1\]$/,
				),
				description: expect.stringContaining('Nothing was bought'),
				purchaseOutcome: 'notBought',
				itemIndex: 1,
			},
		});
		expect(output[2].json).toEqual({
			error: {
				message: `Invalid input in item 2: "Part Number" must be productId:skuId (for example CFQ7TTC0HD33:0003) (received "${SEED.secondNceProductId}")`,
				description: expect.stringContaining('Nothing was sent to Crayon'),
				purchaseOutcome: 'notBought',
				itemIndex: 2,
			},
		});
		expect(output[3].json.SubscriptionId).toBe(orders[1].subscriptionId);
	});

	it('refuses an invalid row before sending anything, naming field, value, what is allowed and the item', async () => {
		const result = await crayon.runCrayon(waiting, [
			row(SEED.tenantId, 1),
			{ ...row(SEED.tenantId, 1), billingCycle: 'Weekly' },
		]);

		expectNothingSent(crayon, result);
		expect(result.error?.message).toBe(
			'Invalid input in item 1: "Billing Cycle" must be one of: 1 (Monthly), 2 (Annual), 5 (Triennial) (received "Weekly")',
		);
		expect(itemIndexOf(result.error)).toBe(1);
	});

	it('takes the part number picked from the catalogue list, typed By ID, or as the plain text of a workflow saved before Part Number was a list', async () => {
		const parameters = (partNumber: unknown): INodeParameters => ({
			...mapped,
			customerTenantId: byId(SEED.tenantId),
			partNumber: partNumber as INodeParameters[string],
			quantity: 2,
			billingCycle: 1,
			termDuration: 'P1M',
		});
		for (const partNumber of [
			{
				__rl: true,
				mode: 'list',
				value: SEED.e5PartNumber,
				cachedResultName: 'Microsoft 365 E5 (P1M, CFQ7TTC0LFLZ:0002)',
			},
			byId(SEED.ncePartNumber),
			SEED.secondNcePartNumber,
		]) {
			const result = await crayon.runCrayon(parameters(partNumber));
			expect(result.error).toBeUndefined();
		}
		expect(crayon.apiCalls().map((call) => call.body)).toEqual(
			[SEED.e5PartNumber, SEED.ncePartNumber, SEED.secondNcePartNumber].map((partNumber) =>
				orderBody(SEED.tenantId, 2, partNumber),
			),
		);

		const legacy = await crayon.runCrayon(parameters(byId(SEED.legacyPartNumber)));
		expect(legacy.error?.message).toBe(
			`Invalid input in item 0: "Part Number" must be productId:skuId (for example CFQ7TTC0HD33:0003) (received "${SEED.legacyPartNumber}")`,
		);
		expect(crayon.sim.purchaseCount()).toBe(3);
	});

	it('refuses a billing cycle the term does not offer before sending anything', async () => {
		const result = await crayon.runCrayon(waiting, [
			row(SEED.tenantId, 1),
			{ ...row(SEED.tenantId, 1), billingCycle: 2 },
		]);

		expectNothingSent(crayon, result);
		expect(result.error?.message).toBe(
			'Invalid input in item 1: "Billing Cycle" Annual billing is not offered with term P1M: choose Monthly (received 2)',
		);
	});

	it('treats IsSuccessful: true without a NewCommerceOrderId as an unknown outcome, not as "not placed"', async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: ORDERS_PATH,
			rawResponse: {
				status: 200,
				contentType: 'application/json',
				body: JSON.stringify({ IsSuccessful: true, NewCommerceOrderId: null }),
			},
		});

		const result = await crayon.runCrayon(waiting, [row(SEED.tenantId, 1)], {
			onError: 'continueRegularOutput',
		});

		expect(crayon.requestsTo('POST', ORDERS_PATH)).toHaveLength(1);
		const item = errorItemOf(result, 0);
		expect(item.error).toMatch(
			/^Outcome unknown: POST \/api\/v1\/subscriptions\/new-commerce-orders got no usable answer \(HTTP 200, but not the order result/,
		);
		expect(item.purchaseOutcome).toBe('unknown');
	});

	it('says that the order was placed, with its id, when waiting for the subscription fails afterwards', async () => {
		crayon.sim.injectFault({
			method: 'GET',
			path: /new-commerce-orders\/[0-9a-f-]+$/i,
			status: 500,
			times: Infinity,
		});

		const result = await crayon.runCrayon(
			{ ...waiting, options: { maxRetries: 0 } },
			[row(SEED.tenantId, 1)],
			{ onError: 'continueRegularOutput' },
		);

		const [order] = [...crayon.sim.state.nceOrders.values()];
		expect(crayon.sim.purchaseCount()).toBe(1);
		const item = errorItemOf(result, 0);
		expect(item.error).toContain(`(after New Commerce order ${String(order.id)} went through)`);
		expect(item.description).toContain(
			`This item's purchase went through before this failed (item 0: New Commerce order ${String(order.id)}). Do not run this item again: that would buy again.`,
		);
		expect(item.purchaseOutcome).toBe('bought');
	});
});

describe('New Commerce Order → Create, verifying every item first (the default)', () => {
	const crayon = useCrayon();
	const verifying: INodeParameters = { ...mapped, verifyFirst: true };
	const VERIFY_PATH = '/api/v1/purchaserequest/verify';

	it('verifies every row as a one-line order before the first order of the run', async () => {
		const result = await crayon.runCrayon(verifying, [row(SEED.tenantId, 1), row(501, 2)]);

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls().map((call) => call.path)).toEqual([
			VERIFY_PATH,
			VERIFY_PATH,
			ORDERS_PATH,
			ORDERS_PATH,
		]);
		expect(crayon.apiCalls()[0].body).toEqual({
			resellerCustomerId: SEED.tenantId,
			orderLines: [
				{
					productId: SEED.secondNceProductId,
					skuId: SEED.secondNcePartNumber.split(':')[1],
					quantity: 1,
					billingCycle: 1,
					termDuration: 'P1M',
					type: 3,
				},
			],
		});
		expect(crayon.sim.purchaseCount()).toBe(2);
	});

	it('places no order at all when Crayon objects to any row', async () => {
		const result = await crayon.runCrayon(verifying, [
			row(SEED.tenantId, 1),
			row(SEED.tenantId, 301),
			row(501, 2),
		]);

		expect(result.status).toBe('error');
		expect(crayon.requestsTo('POST', ORDERS_PATH)).toHaveLength(0);
		expect(crayon.sim.purchaseCount()).toBe(0);
		expect(result.error?.message).toMatch(
			/\(QuantityExceedsMaximum\): change its "Quantity" \[item 1\]$/,
		);
		expect(result.error?.description).toContain('Nothing was bought or changed in this run');
	});
});

describe('New Commerce Order → Create, when Crayon is slower than the wait,', () => {
	const crayon = useCrayon({ newCommerceOrderProcessingDelayMs: 60_000 });

	it('outputs the standing order with a notice instead of failing, and never orders again', async () => {
		const result = await crayon.runCrayon(
			{ ...waiting, waitTimeoutSeconds: 1, pollIntervalSeconds: 0.25 },
			[row(SEED.tenantId, 2)],
		);

		expect(result.status).toBe('success');
		const [order] = [...crayon.sim.state.nceOrders.values()];
		expectOrdersPolled(crayon, [{ id: order.id, body: orderBody(SEED.tenantId, 2) }]);
		expect(result.output('Crayon')).toEqual([
			{
				json: {
					...placed(order.id),
					SubscriptionIds: [],
					SubscriptionId: null,
					WaitTimedOut: true,
					Notice:
						'The order was placed but Crayon had not created the subscription after 1 s. Do not order again: look it up later with the New Commerce Order ID.',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});
});

const lostOrder = {
	resource: 'newCommerceOrder',
	operation: 'create',
	customerTenantId: String(SEED.tenantId),
	partNumber: SEED.secondNcePartNumber,
	quantity: 7,
	billingCycle: 1,
	termDuration: 'P1M',
	waitForSubscriptionId: false,
	verifyFirst: false,
};

function lostOrderRun(options: SimulatorOptions) {
	const crayon = useCrayon(options);
	return async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: ORDERS_PATH,
			dropConnection: 'after-processing',
		});
		const result = await crayon.runCrayon(lostOrder, [{}], { onError: 'continueRegularOutput' });
		expect(crayon.requestsTo('POST', ORDERS_PATH)).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(1);
		return errorItemOf(result, 0).error as string;
	};
}

describe('New Commerce Order → Create, when the answer is lost and Crayon has already processed the order,', () => {
	const run = lostOrderRun({ newCommerceOrderProcessingDelayMs: 0 });

	it('reports the subscription it created', async () => {
		const error = await run();

		expect(error).toMatch(
			/^Outcome unknown, but most likely bought: POST \/api\/v1\/subscriptions\/new-commerce-orders got no usable answer/,
		);
		expect(error).toContain(`found subscription ${SEED.nextSubscriptionId} (quantity 7, created `);
	});
});

describe('New Commerce Order → Create, when the answer is lost and Crayon has not processed the order yet,', () => {
	const run = lostOrderRun({ newCommerceOrderProcessingDelayMs: 600_000 });

	it('says the lookup cannot tell yet, and to look again later', async () => {
		const error = await run();

		expect(error).toMatch(
			/^Outcome unknown: POST \/api\/v1\/subscriptions\/new-commerce-orders got no usable answer \(connection lost: ECONNRESET\)\./,
		);
		expect(error).toContain(
			`no new subscription of ${SEED.secondNcePartNumber} × 7 for customer tenant ${SEED.tenantId} yet, but Crayon creates it only once the order is processed`,
		);
	});
});
