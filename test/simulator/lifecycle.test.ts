/**
 * The simulator's subscription lifecycle: list shape and filters, status changes through PUT,
 * automatic renewal, next-term instructions, tags, transitions and trial conversions.
 */
import type { AxiosInstance } from 'axios';

import { SEED, SubscriptionStatus, startSimulator, type CrayonSimulator } from '../../simulator';
import { apiClient, type CrayonError, useSimulator } from '../helpers';

const HOUR_MS = 3_600_000;

async function getDetailed(api: AxiosInstance, id: number) {
	const res = await api.get(`/api/v1/subscriptions/${id}`);
	expect(res.status).toBe(200);
	return res.data as Record<string, unknown>;
}

async function put(api: AxiosInstance, id: number, change: Record<string, unknown>) {
	return await api.put(`/api/v1/subscriptions/${id}`, {
		...(await getDetailed(api, id)),
		...change,
	});
}

function codes(data: unknown): string[] {
	return (data as CrayonError).ObjectErrors.map((error) => error.ErrorCode);
}

describe('The simulator (subscription lifecycle)', () => {
	const { sim, api } = useSimulator({}, { reset: 'beforeEach', login: 'beforeEach' });

	describe('GET /api/v1/subscriptions (list items)', () => {
		it('answers the Subscription shape: EndDate, AutoRenewEnabled and CancellationAllowedUntilDate, no CommitmentEndDate', async () => {
			const res = await api.get('/api/v1/subscriptions', {
				params: { customerTenantId: SEED.tenantId, statuses: 511 },
			});
			const item = (res.data.Items as Array<Record<string, unknown>>).find(
				(candidate) => candidate.Id === SEED.cancellableSubscriptionId,
			) as Record<string, unknown>;
			expect(item).not.toHaveProperty('CommitmentEndDate');
			expect(item).not.toHaveProperty('EffectiveStartDate');
			expect(item).not.toHaveProperty('AttestationAccepted');
			const detailed = await getDetailed(api, SEED.cancellableSubscriptionId);
			expect(item.EndDate).toBe(detailed.CommitmentEndDate);
			expect(item).toMatchObject({
				AutoRenewEnabled: true,
				IsTrial: false,
				ScheduledNextTermInstructions: null,
				PartNumber: 'CFQ7TTC0LH18:0001',
				InvoiceProfile: { Id: SEED.invoiceProfileId },
			});
			const left = Date.parse(item.CancellationAllowedUntilDate as string) - Date.now();
			expect(left).toBeGreaterThan(4 * 24 * HOUR_MS);
			expect(left).toBeLessThan(6 * 24 * HOUR_MS);
			const legacy = await api.get('/api/v1/subscriptions', {
				params: { search: String(SEED.addonCapableSubscriptionId) },
			});
			expect(legacy.data.Items[0]).toMatchObject({
				EndDate: null,
				AutoRenewEnabled: null,
				CancellationAllowedUntilDate: null,
			});
		});

		it('has seeded windows: closing within 9 to 33 hours, closed 3 days ago, a trial, a term ending in 3 days', async () => {
			const until = async (id: number) =>
				Date.parse((await getDetailed(api, id)).CancellationAllowedUntilDate as string) -
				Date.now();
			expect(await until(SEED.closingWindowSubscriptionId)).toBeGreaterThan(9 * HOUR_MS - 60_000);
			expect(await until(SEED.closingWindowSubscriptionId)).toBeLessThan(33 * HOUR_MS + 60_000);
			expect(await until(SEED.closedWindowSubscriptionId)).toBeLessThan(-2 * 24 * HOUR_MS);
			expect(await getDetailed(api, SEED.trialSubscriptionId)).toMatchObject({
				IsTrial: true,
				Quantity: 25,
				TermDuration: 'P1M',
			});
			const renewing = await getDetailed(api, SEED.renewingSubscriptionId);
			const end = Date.parse(renewing.CommitmentEndDate as string) - Date.now();
			expect(end).toBeGreaterThan(3 * 24 * HOUR_MS - 60_000);
			expect(end).toBeLessThan(4 * 24 * HOUR_MS);
			expect(Date.parse(renewing.CancellationAllowedUntilDate as string)).toBeLessThan(Date.now());
			expect((await getDetailed(api, SEED.deletedSubscriptionId)).Status).toBe(
				SubscriptionStatus.Deleted,
			);
		});

		it('filters by isTrial and publisherCustomerId, and sorts by SubscriptionSortBy', async () => {
			const trials = await api.get('/api/v1/subscriptions', { params: { isTrial: 'True' } });
			expect(trials.data.Items.map((s: { Id: number }) => s.Id)).toEqual([
				SEED.trialSubscriptionId,
			]);
			const ofFabrikam = await api.get('/api/v1/subscriptions', {
				params: { publisherCustomerId: SEED.legacyTenantPublisherCustomerId.toUpperCase() },
			});
			expect(
				new Set(
					ofFabrikam.data.Items.map((s: { CustomerTenant: { Id: number } }) => s.CustomerTenant.Id),
				),
			).toEqual(new Set([SEED.legacyTenantId]));
			const newest = await api.get('/api/v1/subscriptions', {
				params: {
					customerTenantId: SEED.tenantId,
					sortBy: 2,
					sortOrder: 'Descending',
					pageSize: 3,
				},
			});
			const dates = newest.data.Items.map((s: { CreationDate: string }) => s.CreationDate);
			expect([...dates].sort().reverse()).toEqual(dates);
			expect(
				(await api.get('/api/v1/subscriptions', { params: { isTrial: 'maybe' } })).status,
			).toBe(400);
			expect((await api.get('/api/v1/subscriptions', { params: { sortBy: 'Price' } })).status).toBe(
				400,
			);
		});
	});

	describe('PUT /api/v1/subscriptions/{id}: status', () => {
		it('suspends an active subscription and reactivates it', async () => {
			const suspended = await put(api, SEED.nceSubscriptionId, { Status: 2 });
			expect(suspended.status).toBe(200);
			expect(suspended.data.Status).toBe(SubscriptionStatus.Suspended);
			const active = await put(api, SEED.nceSubscriptionId, { Status: 'Active' });
			expect(active.data.Status).toBe(SubscriptionStatus.Active);
			expect(sim.state.changes.map((change) => change.detail)).toEqual([
				'Active → Suspended',
				'Suspended → Active',
			]);
		});

		it('cancels (Deleted) a New Commerce subscription within its window, refuses it after', async () => {
			const cancelled = await put(api, SEED.cancellableSubscriptionId, { Status: 4 });
			expect(cancelled.status).toBe(200);
			expect(cancelled.data.Status).toBe(SubscriptionStatus.Deleted);
			const late = await put(api, SEED.closedWindowSubscriptionId, { Status: 4 });
			expect(late.status).toBe(400);
			expect(codes(late.data)).toEqual(['CancellationWindowExpired']);
			expect(sim.state.subscriptions.get(SEED.closedWindowSubscriptionId)?.status).toBe(1);
		});

		it('refuses to delete a legacy subscription, to change a deleted one, and unknown transitions', async () => {
			expect(codes((await put(api, SEED.addonCapableSubscriptionId, { Status: 4 })).data)).toEqual([
				'InvalidStatusTransition',
			]);
			expect(codes((await put(api, SEED.deletedSubscriptionId, { Status: 1 })).data)).toEqual([
				'SubscriptionNotActive',
			]);
			expect(codes((await put(api, SEED.nceSubscriptionId, { Status: 64 })).data)).toEqual([
				'InvalidStatusTransition',
			]);
			expect((await put(api, SEED.nceSubscriptionId, { Status: 3 })).status).toBe(400);
			expect(sim.state.changes).toEqual([]);
		});

		it('turns automatic renewal off and on for New Commerce subscriptions only', async () => {
			const off = await put(api, SEED.nceSubscriptionId, { AutoRenewEnabled: false });
			expect(off.data.AutoRenewEnabled).toBe(false);
			expect(
				codes((await put(api, SEED.addonCapableSubscriptionId, { AutoRenewEnabled: true })).data),
			).toEqual(['AutoRenewNotSupported']);
			expect((await put(api, SEED.nceSubscriptionId, { AutoRenewEnabled: 'no' })).status).toBe(400);
		});
	});

	describe('POST /api/v1/subscriptions/{id}/next-term-instructions', () => {
		it('stores the instructions and shows them as ScheduledNextTermInstructions in get and list', async () => {
			const res = await api.post(
				`/api/v1/subscriptions/${SEED.nceSubscriptionId}/next-term-instructions`,
				{
					quantity: 12,
					billingCycle: 1,
					termDuration: 'P1M',
				},
			);
			expect(res.data).toEqual({
				IsSuccessful: true,
				ErrorReasonCode: null,
				ErrorDescription: null,
			});
			const expected = {
				Product: {
					ProductId: SEED.nceProductId,
					SkuId: SEED.nceSkuId,
					AvailabilityId: SEED.nceAvailabilityId,
					BillingCycle: 'Monthly',
					TermDuration: 'P1M',
				},
				Quantity: 12,
				CustomTermEndDate: null,
			};
			expect(
				(await getDetailed(api, SEED.nceSubscriptionId)).ScheduledNextTermInstructions,
			).toEqual(expected);
			const listed = await api.get('/api/v1/subscriptions', {
				params: { search: String(SEED.nceSubscriptionId) },
			});
			expect(listed.data.Items[0].ScheduledNextTermInstructions).toEqual(expected);
			// A later instruction keeps what it does not say.
			await api.post(`/api/v1/subscriptions/${SEED.nceSubscriptionId}/next-term-instructions`, {
				Quantity: 8,
			});
			expect(
				(await getDetailed(api, SEED.nceSubscriptionId)).ScheduledNextTermInstructions,
			).toMatchObject({
				Product: { TermDuration: 'P1M', BillingCycle: 'Monthly' },
				Quantity: 8,
			});
		});

		it('answers IsSuccessful false for what Crayon would refuse, 400 for malformed bodies', async () => {
			const post = async (id: number, body: unknown) =>
				await api.post(`/api/v1/subscriptions/${id}/next-term-instructions`, body);
			const reason = async (id: number, body: unknown) =>
				(await post(id, body)).data.ErrorReasonCode;
			expect(await reason(SEED.addonCapableSubscriptionId, { Quantity: 2 })).toBe('NotNewCommerce');
			expect(await reason(SEED.nceSubscriptionId, { PartNumber: SEED.unknownNcePartNumber })).toBe(
				'ProductNotFound',
			);
			expect(
				await reason(SEED.nceSubscriptionId, {
					PartNumber: SEED.secondNcePartNumber,
					TermDuration: 'P3Y',
				}),
			).toBe('TermDurationNotSupported');
			expect(await reason(SEED.nceSubscriptionId, { BillingCycle: 2, TermDuration: 'P1M' })).toBe(
				'BillingCycleNotSupported',
			);
			expect(await reason(SEED.nceSubscriptionId, { Quantity: SEED.nceMaxQuantity + 1 })).toBe(
				'QuantityExceedsMaximum',
			);
			expect(await reason(SEED.nceSubscriptionId, { CustomTermEndDate: '2031-02-03' })).toBe(
				'InvalidCustomTermEndDate',
			);
			expect((await post(SEED.nceSubscriptionId, { Quantity: '2' })).status).toBe(400);
			expect((await post(SEED.unknownSubscriptionId, {})).status).toBe(404);
			await put(api, SEED.nceSubscriptionId, { AutoRenewEnabled: false });
			expect(await reason(SEED.nceSubscriptionId, { Quantity: 2 })).toBe('AutoRenewDisabled');
			expect(sim.state.subscriptions.get(SEED.nceSubscriptionId)?.nextTerm).toBeNull();
		});
	});

	describe('subscription tags', () => {
		it('reads empty tags, replaces them whole and deletes them with all tags null', async () => {
			const path = `/api/v1/subscriptions/${SEED.nceSubscriptionId}/tags`;
			expect((await api.get(path)).data).toEqual({
				SubscriptionId: SEED.nceSubscriptionId,
				CostCenter: null,
				Department: null,
				Project: null,
				Custom: null,
				Owner: null,
				CreatedDate: '0001-01-01T00:00:00',
				ModifiedDate: '0001-01-01T00:00:00',
			});
			const set = await api.post(path, {
				SubscriptionId: SEED.nceSubscriptionId,
				CostCenter: 'CC-1',
				Department: 'Sales',
			});
			expect(set.data).toBe(true);
			await api.post(path, { SubscriptionId: SEED.nceSubscriptionId, Owner: 'Alex' });
			expect((await api.get(path)).data).toMatchObject({
				CostCenter: null,
				Department: null,
				Owner: 'Alex',
			});
			expect((await getDetailed(api, SEED.nceSubscriptionId)).SubscriptionTags).toMatchObject({
				Owner: 'Alex',
			});
			await api.post(path, { SubscriptionId: SEED.nceSubscriptionId });
			expect((await getDetailed(api, SEED.nceSubscriptionId)).SubscriptionTags).toBeNull();
			expect((await api.post(path, { SubscriptionId: 1 })).status).toBe(400);
			expect((await api.post(path, { Owner: 5 })).status).toBe(400);
		});
	});

	describe('transitions (upgrades)', () => {
		it('lists eligibilities ({Items, TotalHits}) and 400s an unknown eligibility type', async () => {
			const res = await api.get(
				`/api/v1/subscriptions/${SEED.nceSubscriptionId}/transition-eligibilities/immediate`,
			);
			expect(res.data).toEqual({
				Items: [
					{
						CatalogItemId: SEED.upgradeTargetCatalogItemId,
						Title: 'Microsoft 365 E3',
						Description: expect.any(String),
						Quantity: 10,
						Eligibilities: [{ Errors: [], IsEligible: true, TransitionType: 'transition_only' }],
					},
				],
				TotalHits: 1,
			});
			expect(
				(
					await api.get(
						`/api/v1/subscriptions/${SEED.nceSubscriptionId}/transition-eligibilities/soon`,
					)
				).status,
			).toBe(400);
		});

		it('upgrades partly (the source keeps the rest) and fully (the source is Converted), and lists the transitions', async () => {
			const path = `/api/v1/subscriptions/${SEED.nceSubscriptionId}/transition/`;
			const transition = {
				ToCatalogItemId: SEED.upgradeTargetCatalogItemId,
				TransitionType: 'transition_only',
				Quantity: 4,
				BillingCycle: 1,
				Term: 'P1M',
			};
			const partial = await api.post(path, transition);
			expect(partial.status).toBe(200);
			expect(partial.data).toMatchObject({ ...transition, Events: [{ Status: 'Completed' }] });
			expect(sim.state.subscriptions.get(SEED.nceSubscriptionId)?.quantity).toBe(6);
			const created = sim.state.subscriptions.get(SEED.nextSubscriptionId);
			expect(created).toMatchObject({ partNumber: SEED.upgradeTargetPartNumber, quantity: 4 });
			const full = await api.post(path, {
				...transition,
				Quantity: 6,
				ToSubscriptionId: String(SEED.nextSubscriptionId),
			});
			expect(full.status).toBe(200);
			expect(sim.state.subscriptions.get(SEED.nextSubscriptionId)?.quantity).toBe(10);
			expect(sim.state.subscriptions.get(SEED.nceSubscriptionId)?.status).toBe(
				SubscriptionStatus.Converted,
			);
			const list = await api.get(`/api/v1/subscriptions/${SEED.nceSubscriptionId}/transitions/`);
			expect(list.data.TotalHits).toBe(2);
			expect(sim.state.purchases.map((purchase) => purchase.kind)).toEqual([
				'transition',
				'transition',
			]);
			expect(codes((await api.post(path, transition)).data)).toEqual(['SubscriptionNotActive']);
		});

		it('refuses a target that is not an upgrade and a body without what is required', async () => {
			const path = `/api/v1/subscriptions/${SEED.nceSubscriptionId}/transition`;
			const wrong = await api.post(path, {
				ToCatalogItemId: SEED.secondNceCatalogItemId,
				Quantity: 1,
				BillingCycle: 1,
				Term: 'P1M',
			});
			expect(codes(wrong.data)).toEqual(['TransitionNotEligible']);
			const missing = await api.post(path, { Quantity: 1 });
			expect(codes(missing.data)).toEqual(['Required', 'Required', 'Required']);
			expect(sim.purchaseCount()).toBe(0);
		});
	});

	describe('trial conversions', () => {
		it("lists a trial's conversion and converts it: a purchase, no longer a trial", async () => {
			const list = await api.get(`/api/v1/subscriptions/${SEED.trialSubscriptionId}/conversions`);
			expect(list.data.TotalHits).toBe(1);
			const [conversion] = list.data.Items;
			expect(conversion).toMatchObject({
				TargetOfferId: SEED.upgradeTargetCatalogItemId,
				Quantity: 25,
			});
			const converted = await api.post(
				`/api/v1/subscriptions/${SEED.trialSubscriptionId}/conversions`,
				{
					...conversion,
					Quantity: 10,
				},
			);
			expect(converted.status).toBe(200);
			expect(converted.data).toMatchObject({
				Id: SEED.trialSubscriptionId,
				IsTrial: false,
				Quantity: 10,
			});
			expect(sim.purchaseCount()).toBe(1);
			expect(
				(await api.get(`/api/v1/subscriptions/${SEED.trialSubscriptionId}/conversions`)).data.Items,
			).toEqual([]);
			const again = await api.post(
				`/api/v1/subscriptions/${SEED.trialSubscriptionId}/conversions`,
				conversion,
			);
			expect(codes(again.data)).toEqual(['NotATrial']);
		});
	});
});

describe('The simulator with its options for what no source decides', () => {
	let sim: CrayonSimulator;
	afterEach(async () => await sim.stop());

	it('reactivateSuspended: false refuses a PUT on a suspended subscription, as "has to be active" says', async () => {
		sim = await startSimulator({ reactivateSuspended: false });
		const api = await apiClient(sim);
		const res = await put(api, SEED.suspendedSubscriptionId, { Status: 1 });
		expect(codes(res.data)).toEqual(['SubscriptionNotActive']);
	});

	it('cancellationWindowHours sets the window of purchases made now', async () => {
		sim = await startSimulator({ cancellationWindowHours: 1 });
		const api = await apiClient(sim);
		const created = await api.post('/api/v1/subscriptions', {
			name: 'x',
			customerTenant: { id: SEED.tenantId },
			product: { partNumber: SEED.ncePartNumber },
			quantity: 1,
			billingCycle: 1,
			termDuration: 'P1M',
		});
		const left = Date.parse(created.data.CancellationAllowedUntilDate) - Date.now();
		expect(left).toBeGreaterThan(HOUR_MS - 60_000);
		expect(left).toBeLessThanOrEqual(HOUR_MS);
	});

	it('acceptNumericStrings converts "2" to 2 as Json.NET does, still range-checked; by default it is a 400', async () => {
		const body = {
			name: 'x',
			customerTenant: { id: String(SEED.tenantId) },
			product: { partNumber: SEED.ncePartNumber },
			quantity: '2',
			billingCycle: 1,
			termDuration: 'P1M',
		};
		// Both at once in one process: the option is per simulator.
		sim = await startSimulator({ acceptNumericStrings: true });
		const strict = await startSimulator();
		try {
			const [lenientApi, strictApi] = [await apiClient(sim), await apiClient(strict)];
			const refused = await strictApi.post('/api/v1/subscriptions', body);
			expect(refused.status).toBe(400);
			expect((refused.data as CrayonError).Message).toContain(
				"Could not convert string to integer: '2'. Path 'quantity'.",
			);
			const created = await lenientApi.post('/api/v1/subscriptions', body);
			expect(created.status).toBe(200);
			expect(created.data).toMatchObject({ Quantity: 2, CustomerTenant: { Id: SEED.tenantId } });
			expect((await strictApi.post('/api/v1/subscriptions', body)).status).toBe(400);

			const zero = await lenientApi.post('/api/v1/subscriptions', { ...body, quantity: ' 0 ' });
			expect(zero.status).toBe(400);
			expect((zero.data as CrayonError).ObjectErrors).toEqual([
				expect.objectContaining({
					ErrorCode: 'OutOfRange',
					Message: 'The field Quantity must be between 1 and 2147483647.',
					Parameters: expect.objectContaining({ PropertyName: 'Quantity', Path: 'quantity' }),
				}),
			]);
			const text = await lenientApi.post('/api/v1/subscriptions', { ...body, quantity: '2x' });
			expect(codes(text.data)).toEqual(['InvalidType']);
			expect(strict.purchaseCount()).toBe(0);
			expect(sim.purchaseCount()).toBe(1);
		} finally {
			await strict.stop();
		}
	});

	it("disputedListShape: 'apidocs' answers eligibilities and scheduled requests as bare camelCase arrays", async () => {
		sim = await startSimulator({ disputedListShape: 'apidocs' });
		const api = await apiClient(sim);
		const eligibilities = await api.get(
			`/api/v1/subscriptions/${SEED.nceSubscriptionId}/transition-eligibilities/immediate`,
		);
		expect(eligibilities.data).toEqual([
			expect.objectContaining({
				catalogItemId: SEED.upgradeTargetCatalogItemId,
				eligibilities: [expect.objectContaining({ isEligible: true })],
			}),
		]);
		const scheduled = await api.get('/api/v1/scheduledpurchaserequest/');
		expect(scheduled.data).toEqual([
			expect.objectContaining({ orderReferenceId: SEED.scheduledOrderReferenceId }),
		]);
		await expect(startSimulator({ disputedListShape: 'odd' as 'sdk' })).rejects.toThrow(
			/disputedListShape/,
		);
	});
});
