/**
 * Subscription → Get Upgrade Eligibilities, Upgrade, Get Upgrades: the transition endpoints;
 * Upgrade checks the eligibilities of every item before the first upgrade of the run.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED, startSimulator } from '../../../../../simulator';
import { apiClient, byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const upgrade = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'subscription',
	operation: 'upgrade',
	subscriptionId: byId(SEED.nceSubscriptionId),
	toCatalogItemId: SEED.upgradeTargetCatalogItemId,
	quantity: 4,
	term: 'P1M',
	billingCycle: 1,
	...extra,
});
const posts = () => crayon.apiRequests().filter((request) => request.method === 'POST');
const eligibilitiesPath = `/api/v1/subscriptions/${SEED.nceSubscriptionId}/transition-eligibilities/immediate`;

describe('Subscription → upgrades (transitions)', () => {
	it('lists the upgrade eligibilities, one item per product, flattened', async () => {
		const { json } = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'getUpgradeEligibilities',
			subscriptionId: byId(SEED.nceSubscriptionId),
			eligibilityType: 'scheduled',
		});
		expect(crayon.apiRequests().map((request) => request.path)).toEqual([
			`/api/v1/subscriptions/${SEED.nceSubscriptionId}/transition-eligibilities/scheduled`,
		]);
		expect(json).toEqual([
			{
				SubscriptionId: SEED.nceSubscriptionId,
				CatalogItemId: SEED.upgradeTargetCatalogItemId,
				Title: 'Microsoft 365 E3',
				Description: expect.any(String),
				Quantity: 10,
				IsEligible: true,
				TransitionTypes: ['transition_only'],
				Problems: '',
				Eligibilities: [{ Errors: [], IsEligible: true, TransitionType: 'transition_only' }],
			},
		]);
	});

	it('reads the documentation’s bare camelCase array as well', async () => {
		const sim = await startSimulator({ disputedListShape: 'apidocs' });
		try {
			const documented = await (await apiClient(sim)).get(eligibilitiesPath);
			expect(Array.isArray(documented.data)).toBe(true);
			crayon.sim.injectFault({
				method: 'GET',
				path: eligibilitiesPath,
				rawResponse: {
					status: 200,
					contentType: 'application/json',
					body: JSON.stringify(documented.data),
				},
			});
		} finally {
			await sim.stop();
		}
		const { json } = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'getUpgradeEligibilities',
			subscriptionId: byId(SEED.nceSubscriptionId),
		});
		expect(json[0]).toMatchObject({
			CatalogItemId: SEED.upgradeTargetCatalogItemId,
			IsEligible: true,
		});
	});

	it('checks eligibility, then posts the SubscriptionTransition; Get Upgrades lists it', async () => {
		const { result, json } = await runForJson(crayon, upgrade());
		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls()).toEqual([
			crayon.call('GET', eligibilitiesPath),
			crayon.call('POST', `/api/v1/subscriptions/${SEED.nceSubscriptionId}/transition/`, {
				ToCatalogItemId: SEED.upgradeTargetCatalogItemId,
				TransitionType: 'transition_only',
				Quantity: 4,
				BillingCycle: 1,
				Term: 'P1M',
			}),
		]);
		expect(json[0]).toMatchObject({
			SubscriptionId: SEED.nceSubscriptionId,
			Upgraded: true,
			Quantity: 4,
		});
		expect(crayon.sim.purchaseCount()).toBe(1);
		crayon.sim.clearRequests();
		const listed = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'getUpgrades',
			subscriptionId: byId(SEED.nceSubscriptionId),
		});
		expect(crayon.apiCalls()).toEqual([
			crayon.call('GET', `/api/v1/subscriptions/${SEED.nceSubscriptionId}/transitions/`),
		]);
		expect(listed.json).toEqual([
			expect.objectContaining({ ToCatalogItemId: SEED.upgradeTargetCatalogItemId }),
		]);
	});

	it('refuses a product that is not an upgrade, a suspended subscription and a triennial cycle, buying nothing', async () => {
		const notOffered = await runForJson(
			crayon,
			upgrade({ toCatalogItemId: SEED.secondNceCatalogItemId }),
		);
		expect(notOffered.result.error?.message).toBe(
			`${SEED.secondNceCatalogItemId} is not an upgrade of subscription ${SEED.nceSubscriptionId} [item 0]`,
		);
		expect(notOffered.result.error?.description).toContain(
			`Its upgrades: ${SEED.upgradeTargetCatalogItemId}.`,
		);
		crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)!.status = 2;
		const suspended = await runForJson(crayon, upgrade());
		expect(suspended.result.error?.message).toMatch(
			/is not eligible for the upgrade .*: The subscription is Suspended, not active\./,
		);
		crayon.sim.clearRequests();
		const triennial = await runForJson(crayon, upgrade({ billingCycle: 5 }));
		expect(triennial.result.error?.message).toContain(
			'"Billing Cycle" must be one of: 1 (Monthly), 2 (Annual)',
		);
		expect(crayon.apiRequests()).toHaveLength(0);
		expect(posts()).toHaveLength(0);
		expect(crayon.sim.purchaseCount()).toBe(0);
	});

	it('never posts the upgrade twice after a lost answer: the transitions list shows it', async () => {
		crayon.sim.injectFault({ method: 'POST', dropConnection: 'after-processing' });
		const { result } = await runForJson(crayon, upgrade());
		expect(result.error?.message).toMatch(
			/^Outcome unknown, but most likely bought: POST .*\/transition\/ got no usable answer/,
		);
		expect(result.error?.message).toContain('made since this request was sent');
		expect(posts()).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});
});
