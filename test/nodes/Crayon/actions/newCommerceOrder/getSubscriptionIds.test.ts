/** New Commerce Order → Get Subscription IDs: GET .../new-commerce-orders/{id}, once, no waiting. */
import { SEED } from '../../../../../simulator';
import { runForJson, useCrayon } from '../../../../helpers';

const lookUp = (newCommerceOrderId: string) => ({
	resource: 'newCommerceOrder',
	operation: 'getSubscriptionIds',
	newCommerceOrderId,
});

describe('New Commerce Order → Get Subscription IDs', () => {
	// Orders stay unprocessed until a test moves the simulator's clock on.
	const crayon = useCrayon({ newCommerceOrderProcessingDelayMs: 60_000 });

	async function placeOrder(): Promise<string> {
		const { result, json } = await runForJson(crayon, {
			resource: 'newCommerceOrder',
			operation: 'create',
			customerTenantId: String(SEED.tenantId),
			partNumber: SEED.secondNcePartNumber,
			quantity: 2,
			billingCycle: 1,
			termDuration: 'P1M',
			waitForSubscriptionId: false,
		});
		expect(result.error).toBeUndefined();
		crayon.sim.clearRequests();
		return json[0].NewCommerceOrderId as string;
	}

	it('asks once, without waiting: not processed yet, then processed with the new subscription ID', async () => {
		const orderId = await placeOrder();
		const parameters = lookUp(orderId);

		const before = await runForJson(crayon, parameters);
		expect(before.json).toEqual([
			{ NewCommerceOrderId: orderId, Processed: false, SubscriptionIds: [], SubscriptionId: null },
		]);
		expect(crayon.apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /api/v1/subscriptions/new-commerce-orders/${orderId}`,
		]);

		// Crayon processes the order later; the simulator's clock is moved past its processing delay.
		crayon.sim.state.processDueNceOrders(Date.now() + 120_000);
		const after = await runForJson(crayon, parameters);
		expect(after.json).toEqual([
			{
				NewCommerceOrderId: orderId,
				Processed: true,
				SubscriptionIds: [SEED.nextSubscriptionId],
				SubscriptionId: SEED.nextSubscriptionId,
			},
		]);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('refuses an order ID that is not a GUID before sending anything, and reports an unknown one', async () => {
		const invalid = await runForJson(crayon, lookUp('../ping'));
		expect(invalid.result.error?.message).toBe(
			'Invalid input in item 0: "New Commerce Order ID" must be a GUID such as 767bc43f-c3af-48e7-b7fa-89889132a655 (received "../ping")',
		);
		expect(crayon.apiRequests()).toHaveLength(0);

		const unknown = await runForJson(crayon, lookUp('00000000-0000-4000-a000-000000000000'));
		expect(unknown.result.error?.message).toContain(
			"New commerce order '00000000-0000-4000-a000-000000000000' was not found",
		);
	});
});
