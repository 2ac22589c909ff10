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
		expect(Object.keys(stored)).toEqual(['scope', 'fingerprints', 'version']);
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

	describe('window events', () => {
		const tenant123: INodeParameters = { customerTenantId: byId(SEED.tenantId) };

		it('emits Cancellation Window Closing once per subscription and window, with the hours left', async () => {
			const poll = poller({
				...tenant123,
				events: ['cancellationWindowClosing'],
				cancellationWindowHours: 48,
			});
			const first = await poll();
			expect(first.items).toEqual([
				expect.objectContaining({
					Event: 'cancellationWindowClosing',
					Id: SEED.closingWindowSubscriptionId,
					CancellationAllowedUntilDate: expect.any(String),
					HoursLeft: expect.any(Number),
				}),
			]);
			const hoursLeft = first.items?.[0].HoursLeft as number;
			expect(hoursLeft).toBeGreaterThan(8.9);
			expect(hoursLeft).toBeLessThanOrEqual(33.1);
			expect(first.staticData['node:Crayon Trigger']).toMatchObject({
				windows: {
					[String(SEED.closingWindowSubscriptionId)]: {
						c: crayon.sim.state.subscriptions.get(SEED.closingWindowSubscriptionId)
							?.cancellationAllowedUntilDate,
					},
				},
			});
			expect(await poll()).toMatchObject({ items: null });

			// A wider window reports the one bought 2 days ago too, once; a cancelled one never.
			const wider = poller({
				...tenant123,
				events: ['cancellationWindowClosing'],
				cancellationWindowHours: 7 * 24,
			});
			crayon.sim.state.subscriptions.get(SEED.closingWindowSubscriptionId)!.status =
				SubscriptionStatus.Deleted;
			const ids = (await wider()).items?.map((item) => item.Id);
			expect(ids).toContain(SEED.cancellableSubscriptionId);
			expect(ids).not.toContain(SEED.closingWindowSubscriptionId);
			expect(ids).not.toContain(SEED.closedWindowSubscriptionId);
		});

		it('emits Renewal Approaching once per term: again after the term moved on', async () => {
			const poll = poller({ ...tenant123, events: ['renewalApproaching'], renewalDays: 4 });
			const first = await poll();
			const renewing = first.items?.find((item) => item.Id === SEED.renewingSubscriptionId);
			expect(renewing).toMatchObject({ Event: 'renewalApproaching', DaysLeft: expect.any(Number) });
			expect(renewing?.DaysLeft as number).toBeGreaterThan(2.9);
			expect(renewing?.DaysLeft as number).toBeLessThanOrEqual(4);
			expect(first.items?.every((item) => item.Event === 'renewalApproaching')).toBe(true);
			expect((await poll()).items).toBeNull();
			// Renewed: a new end date is a new window (here one day later, still within 4 days).
			const subscription = crayon.sim.state.subscriptions.get(SEED.renewingSubscriptionId)!;
			subscription.commitmentEndDate = new Date(
				Date.parse(subscription.commitmentEndDate) - 86_400_000,
			)
				.toISOString()
				.replace(/\.\d{3}Z$/, 'Z');
			expect((await poll()).items?.map((item) => item.Id)).toEqual([SEED.renewingSubscriptionId]);
		});

		it('emits new, changed and window events together when all are chosen, the cursor bounded by the listed subscriptions', async () => {
			const poll = poller({
				...allTenants,
				events: ['new', 'changed', 'cancellationWindowClosing', 'renewalApproaching'],
				cancellationWindowHours: 48,
				renewalDays: 4,
			});
			const first = await poll();
			const events = first.items?.map((item) => item.Event);
			expect(events?.filter((event) => event === 'new')).toHaveLength(SEED.subscriptionCount);
			expect(events).toContain('cancellationWindowClosing');
			expect(events).toContain('renewalApproaching');
			crayon.sim.state.subscriptions.delete(SEED.closingWindowSubscriptionId);
			const second = await poll();
			expect(second.items).toBeNull();
			const { windows } = second.staticData['node:Crayon Trigger'] as unknown as {
				windows: Record<string, unknown>;
			};
			expect(Object.keys(windows)).not.toContain(String(SEED.closingWindowSubscriptionId));
			expect(Object.keys(windows)).toContain(String(SEED.renewingSubscriptionId));
		});

		it('keeps the cursor of an earlier version: an unchanged subscription is not "changed" after the upgrade', async () => {
			const poll = poller(allTenants);
			await poll();
			// What version 1 stored: fingerprints of CommitmentEndDate, which list items do not have.
			const { fingerprint } = jest.requireActual<
				typeof import('../../../nodes/Crayon/domain/changes')
			>('../../../nodes/Crayon/domain/changes');
			const listed = (await crayon.poll({ ...allTenants, simplify: false }, '{}')).items ?? [];
			const v1 = {
				'node:Crayon Trigger': {
					scope: 'all customer tenants',
					fingerprints: Object.fromEntries(
						listed.map((subscription) => [
							String(subscription.Id),
							fingerprint({ ...subscription, EndDate: subscription.CommitmentEndDate }),
						]),
					),
				},
			};
			const result = await crayon.poll(allTenants, JSON.stringify(v1));
			expect(result.items).toBeNull();
			expect(JSON.parse(result.staticData)['node:Crayon Trigger'].version).toBe(2);
		});

		it('runs manually with only window events: the first window event', async () => {
			const result = await crayon.runTrigger({
				...tenant123,
				events: ['cancellationWindowClosing'],
			});
			expect(result.output('Crayon Trigger').map((item) => item.json)).toEqual([
				expect.objectContaining({
					Event: 'cancellationWindowClosing',
					Id: SEED.closingWindowSubscriptionId,
				}),
			]);
		});

		it('refuses no events and a window out of range, before asking Crayon', async () => {
			await expect(crayon.poll({ ...allTenants, events: [] }, '{}')).rejects.toThrow(
				'"Trigger On" needs at least one event',
			);
			await expect(
				crayon.poll({ ...allTenants, events: ['renewalApproaching'], renewalDays: 0 }, '{}'),
			).rejects.toThrow('"Days Before the Term Ends" must be a whole number from 1 to 366');
			expect(crayon.apiRequests()).toHaveLength(0);
		});
	});
});
