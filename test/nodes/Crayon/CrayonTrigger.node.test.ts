import type { INodeParameters } from 'n8n-workflow';

import { SEED, SubscriptionStatus } from '../../../simulator';
import { byId, runForJson, useCrayon } from '../../helpers';

const allTenants: INodeParameters = {
	customerTenantId: { __rl: true, mode: 'list', value: '' },
	startFrom: 'existing',
};

describe('The Crayon Trigger', () => {
	const crayon = useCrayon();

	/** Polls like n8n's scheduler: each poll gets the static data the previous one left. */
	function poller(parameters: INodeParameters) {
		let staticData = '{}';
		return async () => {
			const result = await crayon.poll(parameters, staticData);
			staticData = result.staticData;
			return {
				items: result.items,
				staticData: JSON.parse(staticData) as Record<
					string,
					{ scope: string; fingerprints: Record<string, string> }
				>,
			};
		};
	}

	it('emits every subscription on the first poll, nothing on the second, and only what is new or changed on the third', async () => {
		const poll = poller(allTenants);

		const first = await poll();
		expect(first.items).toHaveLength(SEED.subscriptionCount);
		expect(first.items?.every((item) => item.Event === 'new')).toBe(true);
		expect(first.items?.[0]).toMatchObject({
			Event: 'new',
			Id: SEED.firstSubscriptionId,
			Status: 'Active',
			Quantity: 25,
		});
		expect(crayon.apiRequests().map((request) => request.query.page)).toEqual(['1', '2', '3']);

		const second = await poll();
		expect(second.items).toBeNull();

		const created = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'create',
			productType: 'nce',
			name: 'Contoso Visio',
			customerTenantId: String(SEED.tenantId),
			partNumber: SEED.secondNcePartNumber,
			quantity: 3,
			billingCycle: 1,
			termDuration: 'P1M',
		});
		expect(created.result.error).toBeUndefined();
		await runForJson(crayon, {
			resource: 'subscription',
			operation: 'updateQuantity',
			subscriptionId: String(SEED.nceSubscriptionId),
			quantity: 11,
		});

		const third = await poll();
		expect(third.items).toEqual([
			expect.objectContaining({ Event: 'changed', Id: SEED.nceSubscriptionId, Quantity: 11 }),
			expect.objectContaining({
				Event: 'new',
				Id: SEED.nextSubscriptionId,
				Quantity: 3,
				ProductName: 'Visio Plan 1',
			}),
		]);

		expect(await poll()).toMatchObject({ items: null });
	});

	it('notices a status change (suspension) and the add-ons bought for a subscription', async () => {
		const poll = poller(allTenants);
		await poll();
		crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)!.status =
			SubscriptionStatus.Suspended;
		await runForJson(crayon, {
			resource: 'subscription',
			operation: 'addAddon',
			subscriptionId: String(SEED.addonCapableSubscriptionId),
			offerId: SEED.addonOfferId,
			quantity: 2,
		});

		const { items } = await poll();
		expect(items?.map((item) => [item.Event, item.Id, item.Status])).toEqual([
			['changed', SEED.addonCapableSubscriptionId, 'Active'],
			['changed', SEED.nceSubscriptionId, 'Suspended'],
			['new', SEED.nextSubscriptionId, 'Active'],
		]);
	});

	it('keeps one short fingerprint per listed subscription in the static data, nothing else', async () => {
		const poll = poller(allTenants);
		await poll();
		crayon.sim.state.subscriptions.delete(5120);
		const { staticData } = await poll();
		const stored = staticData['node:Crayon Trigger'];
		expect(Object.keys(stored)).toEqual(['scope', 'fingerprints']);
		expect(Object.keys(stored.fingerprints)).toHaveLength(SEED.subscriptionCount - 1);
		expect(stored.fingerprints['5120']).toBeUndefined();
		expect(
			Object.values(stored.fingerprints).every((fingerprint) =>
				/^[A-Za-z0-9_-]{12}$/.test(fingerprint),
			),
		).toBe(true);
	});

	it("watches one customer tenant's subscriptions when one is chosen, and starts over when the choice changes", async () => {
		const tenantSubscriptions = [...crayon.sim.state.subscriptions.values()].filter(
			(subscription) => subscription.tenantId === SEED.tenantId,
		);
		let staticData = '{}';
		const pollFor = async (parameters: INodeParameters) => {
			const result = await crayon.poll(parameters, staticData);
			staticData = result.staticData;
			return result.items;
		};

		const forTenant = {
			customerTenantId: byId(SEED.tenantId),
			startFrom: 'existing',
			simplify: false,
		};
		const first = await pollFor(forTenant);
		expect(first?.map((item) => item.Id)).toEqual(
			tenantSubscriptions.map((subscription) => subscription.id),
		);
		expect(first?.[0]).toHaveProperty(
			'CustomerTenant',
			expect.objectContaining({ Id: SEED.tenantId }),
		);
		expect(crayon.apiRequests()[0].query).toMatchObject({
			customerTenantId: String(SEED.tenantId),
		});

		crayon.sim.state.subscriptions.get(SEED.addonCapableSubscriptionId)!.quantity = 99;
		expect(await pollFor(forTenant)).toBeNull();

		expect(await pollFor(allTenants)).toHaveLength(SEED.subscriptionCount);
	});

	it('returns the newest subscription when run manually, without touching the cursor', async () => {
		const result = await crayon.runTrigger(allTenants);
		expect(result.error).toBeUndefined();
		expect(result.output('Crayon Trigger').map((item) => item.json)).toEqual([
			expect.objectContaining({
				Event: 'new',
				Id: SEED.firstSubscriptionId + SEED.subscriptionCount - 1,
			}),
		]);

		const manual = await crayon.poll(allTenants, '{}', 'manual');
		expect(manual.items).toHaveLength(1);
		expect(manual.staticData).toBe('{}');
	});

	it('starts from now by default: the first poll takes stock without output, later polls output what changed', async () => {
		const poll = poller({ customerTenantId: { __rl: true, mode: 'list', value: '' } });

		const first = await poll();
		expect(first.items).toBeNull();
		expect(Object.keys(first.staticData['node:Crayon Trigger'].fingerprints)).toHaveLength(
			SEED.subscriptionCount,
		);

		crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)!.quantity = 12;
		const second = await poll();
		expect(second.items).toEqual([
			expect.objectContaining({ Event: 'changed', Id: SEED.nceSubscriptionId, Quantity: 12 }),
		]);
	});

	it('watches every customer tenant when "By ID" is left empty, as its description says', async () => {
		const poll = poller({
			customerTenantId: { __rl: true, mode: 'id', value: '' },
			startFrom: 'existing',
		});

		const { items } = await poll();

		expect(items).toHaveLength(SEED.subscriptionCount);
		expect(crayon.apiRequests()[0].query).not.toHaveProperty('customerTenantId');
	});

	it('refuses a customer tenant that is not an ID, before asking Crayon', async () => {
		await expect(crayon.poll({ customerTenantId: '={{ "contoso" }}' }, '{}')).rejects.toThrow(
			'"Customer Tenant" must be a Crayon customer tenant ID (received "contoso")',
		);
		expect(crayon.apiRequests()).toHaveLength(0);
	});
});
