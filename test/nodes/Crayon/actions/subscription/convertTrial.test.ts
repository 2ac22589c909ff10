/** Subscription → Get Trial Conversions, Convert Trial: GET/POST /api/v1/subscriptions/{id}/conversions. */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const convert = (subscriptionId: number, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'subscription',
	operation: 'convertTrial',
	subscriptionId: byId(subscriptionId),
	quantity: 10,
	billingCycle: 1,
	...extra,
});
const posts = () => crayon.apiRequests().filter((request) => request.method === 'POST');
const conversionsPath = `/api/v1/subscriptions/${SEED.trialSubscriptionId}/conversions`;

describe('Subscription → trial conversions', () => {
	it("lists a trial's conversion and converts it: the listed conversion with the quantity and billing cycle", async () => {
		const listed = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'getTrialConversions',
			subscriptionId: byId(SEED.trialSubscriptionId),
		});
		expect(crayon.apiCalls()).toEqual([crayon.call('GET', conversionsPath)]);
		expect(listed.json).toHaveLength(1);
		const [conversion] = listed.json;
		expect(conversion).toMatchObject({
			TargetOfferId: SEED.upgradeTargetCatalogItemId,
			Quantity: 25,
		});
		crayon.sim.clearRequests();
		const { result, json } = await runForJson(crayon, convert(SEED.trialSubscriptionId));
		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls()).toEqual([
			crayon.call('GET', conversionsPath),
			crayon.call('POST', conversionsPath, { ...conversion, Quantity: 10, BillingCycle: 1 }),
		]);
		expect(json[0]).toMatchObject({ Id: SEED.trialSubscriptionId, Quantity: 10, Converted: true });
		expect(crayon.sim.state.subscriptions.get(SEED.trialSubscriptionId)?.isTrial).toBe(false);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('refuses a subscription that is not a trial and an unknown target offer, buying nothing', async () => {
		const paid = await runForJson(crayon, convert(SEED.nceSubscriptionId));
		expect(paid.result.error?.message).toBe(
			`Subscription ${SEED.nceSubscriptionId} has no trial conversion: it is not an active trial [item 0]`,
		);
		const wrong = await runForJson(
			crayon,
			convert(SEED.trialSubscriptionId, { targetOfferId: SEED.nceCatalogItemId }),
		);
		expect(wrong.result.error?.message).toBe(
			`${SEED.nceCatalogItemId} is not a conversion of subscription ${SEED.trialSubscriptionId} [item 0]`,
		);
		expect(posts()).toHaveLength(0);
	});

	it('does not convert again after a 503: "still a trial" proves nothing', async () => {
		crayon.sim.injectFault({ method: 'POST', status: 503, retryAfterSeconds: 0 });
		const { result } = await runForJson(crayon, convert(SEED.trialSubscriptionId));
		expect(result.error?.message).toMatch(/^Outcome unknown/);
		expect(result.error?.message).toContain('is still a trial');
		expect(posts()).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(0);
	});
});
