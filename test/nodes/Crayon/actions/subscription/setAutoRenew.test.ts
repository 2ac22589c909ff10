/** Subscription → Set Auto-Renew: PUT of the whole subscription as read with AutoRenewEnabled changed. */
import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const setAutoRenew = (id: number, autoRenew: boolean) => ({
	resource: 'subscription',
	operation: 'setAutoRenew',
	subscriptionId: byId(id),
	autoRenew,
});
const puts = () => crayon.apiRequests().filter((request) => request.method === 'PUT');

describe('Subscription → Set Auto-Renew', () => {
	it('turns automatic renewal off, then on, and sends nothing when it already is as asked', async () => {
		const off = await runForJson(crayon, setAutoRenew(SEED.nceSubscriptionId, false));
		expect(off.result.error).toBeUndefined();
		expect(
			puts().map((request) => (request.body as { AutoRenewEnabled: boolean }).AutoRenewEnabled),
		).toEqual([false]);
		expect(off.json[0]).toMatchObject({
			AutoRenewEnabled: false,
			PreviousAutoRenewEnabled: true,
			AutoRenewChanged: true,
		});
		const again = await runForJson(crayon, setAutoRenew(SEED.nceSubscriptionId, false));
		expect(again.json[0]).toMatchObject({ AutoRenewChanged: false });
		expect(puts()).toHaveLength(1);
		await runForJson(crayon, setAutoRenew(SEED.nceSubscriptionId, true));
		expect(crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)?.autoRenewEnabled).toBe(true);
	});

	it('refuses a legacy subscription (nothing renews) and a suspended one, with no change sent', async () => {
		const legacy = await runForJson(crayon, setAutoRenew(SEED.addonCapableSubscriptionId, false));
		expect(legacy.result.error?.message).toBe(
			`Subscription ${SEED.addonCapableSubscriptionId} has no automatic renewal to turn off [item 0]`,
		);
		crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)!.status = 2;
		const suspended = await runForJson(crayon, setAutoRenew(SEED.nceSubscriptionId, false));
		expect(suspended.result.error?.message).toContain('is not active');
		expect(puts()).toHaveLength(0);
	});

	it('never takes an answer with auto-renew unchanged for a success: unknown outcome, looked up, not sent again', async () => {
		const { json } = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'get',
			subscriptionId: byId(SEED.nceSubscriptionId),
			simplify: false,
		});
		crayon.sim.injectFault({
			method: 'PUT',
			rawResponse: { status: 200, contentType: 'application/json', body: JSON.stringify(json[0]) },
		});
		const { result } = await runForJson(crayon, setAutoRenew(SEED.nceSubscriptionId, false));
		expect(result.error?.message).toBe(
			`Outcome unknown, most likely not bought: PUT /api/v1/subscriptions/${SEED.nceSubscriptionId} got no usable answer (HTTP 200, but not the subscription with auto-renew off). A lookup at Crayon found subscription ${SEED.nceSubscriptionId} with auto-renew on. [item 0]`,
		);
		expect(puts()).toHaveLength(1);
	});
});
