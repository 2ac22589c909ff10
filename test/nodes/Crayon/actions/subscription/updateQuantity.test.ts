/**
 * Subscription → Update Quantity: GET /api/v1/subscriptions/{id}, then PUT of the whole
 * subscription with the new quantity; only for active subscriptions.
 */
import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

describe('Subscription → Update Quantity', () => {
	it('reads the subscription, then puts the whole document back with the new quantity', async () => {
		const { result, json } = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'updateQuantity',
			subscriptionId: byId(SEED.nceSubscriptionId),
			quantity: 12,
		});
		expect(result.error).toBeUndefined();
		expect(json).toEqual([
			expect.objectContaining({
				Id: SEED.nceSubscriptionId,
				Quantity: 12,
				PreviousQuantity: 10,
				QuantityChanged: true,
			}),
		]);
		expect(crayon.sim.state.quantityChanges).toEqual([
			expect.objectContaining({ subscriptionId: SEED.nceSubscriptionId, from: 10, to: 12 }),
		]);
		const [get, put] = crayon.apiRequests();
		expect(`${get.method} ${get.path}`).toBe(`GET /api/v1/subscriptions/${SEED.nceSubscriptionId}`);
		expect(`${put.method} ${put.path}`).toBe(`PUT /api/v1/subscriptions/${SEED.nceSubscriptionId}`);
		expect(put.body).toMatchObject({
			Id: SEED.nceSubscriptionId,
			Quantity: 12,
			Product: { PartNumber: SEED.ncePartNumber },
		});
	});

	it('sends back every field Crayon returned, unchanged except the quantity', async () => {
		const {
			json: [before],
		} = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'get',
			subscriptionId: byId(SEED.addonCapableSubscriptionId),
			simplify: false,
		});
		crayon.sim.clearRequests();
		await runForJson(crayon, {
			resource: 'subscription',
			operation: 'updateQuantity',
			subscriptionId: byId(SEED.addonCapableSubscriptionId),
			quantity: 30,
		});
		const put = crayon.apiRequests().find((request) => request.method === 'PUT');
		expect(put?.body).toEqual({ ...before, Quantity: 30 });
	});

	it('refuses a subscription that is not active and sends no PUT', async () => {
		const { result } = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'updateQuantity',
			subscriptionId: byId(SEED.suspendedSubscriptionId),
			quantity: 6,
		});
		expect(result.error?.message).toBe(
			`Subscription ${SEED.suspendedSubscriptionId} is Suspended: only an active subscription's quantity can be changed [item 0]`,
		);
		expect(crayon.apiRequests().map((request) => request.method)).toEqual(['GET']);
		expect(crayon.sim.state.quantityChanges).toHaveLength(0);
	});

	it('sends nothing when the quantity already is the requested one', async () => {
		const { json } = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'updateQuantity',
			subscriptionId: byId(SEED.nceSubscriptionId),
			quantity: 10,
		});
		expect(json[0]).toMatchObject({ Quantity: 10, PreviousQuantity: 10, QuantityChanged: false });
		expect(crayon.apiRequests().map((request) => request.method)).toEqual(['GET']);
	});

	it('validates every item before the first request', async () => {
		const { result } = await runForJson(
			crayon,
			{
				resource: 'subscription',
				operation: 'updateQuantity',
				subscriptionId: '={{ $json.id }}',
				quantity: '={{ $json.quantity }}',
			},
			[
				{ id: SEED.nceSubscriptionId, quantity: 11 },
				{ id: SEED.addonCapableSubscriptionId, quantity: 0 },
			],
		);
		expect(result.error?.message).toBe(
			'Invalid input in item 1: "Quantity" must be a whole number from 1 to 2147483647 (received 0)',
		);
		expect(crayon.apiRequests()).toHaveLength(0);
	});

	it('never repeats the PUT after a lost answer: its outcome is unknown', async () => {
		crayon.sim.injectFault({ method: 'PUT', dropConnection: 'after-processing' });
		const { result } = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'updateQuantity',
			subscriptionId: byId(SEED.nceSubscriptionId),
			quantity: 15,
		});
		expect(result.error?.message).toMatch(
			/^Outcome unknown, but most likely bought: PUT \/api\/v1\/subscriptions\/5003 got no usable answer .* A lookup at Crayon found subscription 5003 with quantity 15\. \[item 0\]$/,
		);
		expect(crayon.apiRequests().map((request) => request.method)).toEqual(['GET', 'PUT', 'GET']);
		expect(crayon.sim.state.quantityChanges).toHaveLength(1);
	});

	it("reports Crayon's refusal of a quantity above the product maximum", async () => {
		const { result } = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'updateQuantity',
			subscriptionId: byId(SEED.nceSubscriptionId),
			quantity: SEED.nceMaxQuantity + 1,
		});
		expect(result.error?.message).toBe(
			`Crayon refused to change subscription 5003 from 10 to ${SEED.nceMaxQuantity + 1} licences: Quantity ${SEED.nceMaxQuantity + 1} exceeds the maximum of ${SEED.nceMaxQuantity} for Office 365 E3 (${SEED.ncePartNumber}). [item 0]`,
		);
		expect(result.error?.description).toMatch(
			new RegExp(
				`^Crayon's answer is about "Quantity" \\(this item sent ${SEED.nceMaxQuantity + 1}\\): change it, then run the item again\\.\\n.*nothing was bought or changed\\.\\nRequest: PUT /api/v1/subscriptions/5003 answered HTTP 400`,
			),
		);
		expect(crayon.sim.state.quantityChanges).toHaveLength(0);
	});
});
