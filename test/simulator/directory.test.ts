import { SEED } from '../../simulator';
import { apiClient, useSimulator } from '../helpers';

describe('The simulator (organisations, customer tenants, coterminosity)', () => {
	const { sim, api } = useSimulator({}, { login: 'beforeAll' });

	it('lists and gets organisations', async () => {
		const list = await api.get('/api/v1/organizations');
		expect(list.status).toBe(200);
		expect(list.data.TotalHits).toBe(SEED.organizationCount);
		expect(list.data.Items[0]).toEqual({
			Id: SEED.organizationId,
			Name: SEED.organizationName,
			AccountNumber: expect.any(String),
		});
		const search = await api.get('/api/v1/organizations', { params: { search: 'sweden' } });
		expect(search.data.Items.map((o: { Id: number }) => o.Id)).toEqual([SEED.secondOrganizationId]);
		const paged = await api.get('/api/v1/organizations', { params: { page: 2, pageSize: 2 } });
		expect(paged.data).toMatchObject({ TotalHits: 3, Items: [{ Id: SEED.thirdOrganizationId }] });
		expect((await api.get(`/api/v1/organizations/${SEED.organizationId}`)).data.Name).toBe(
			SEED.organizationName,
		);
		expect((await api.get('/api/v1/organizations/1')).status).toBe(404);
	});

	it('lists customer tenants with organisation filter, search and paging', async () => {
		const all = await api.get('/api/v1/customertenants');
		expect(all.data.TotalHits).toBe(SEED.tenantCount);
		const first = all.data.Items.find((t: { Id: number }) => t.Id === SEED.legacyTenantId);
		expect(first).toMatchObject({
			Id: SEED.legacyTenantId,
			Name: 'Fabrikam Inc',
			PublisherCustomerId: SEED.legacyTenantPublisherCustomerId,
			DomainPrefix: 'fabrikam',
			Organization: { Id: SEED.organizationId, Name: SEED.organizationName },
		});
		const byOrg = await api.get('/api/v1/customertenants', {
			params: { organizationId: SEED.organizationId },
		});
		expect(byOrg.data.TotalHits).toBe(SEED.organizationTenantCount);
		expect(byOrg.data.Items.map((t: { Id: number }) => t.Id)).toEqual(
			expect.arrayContaining([SEED.tenantId, SEED.legacyTenantId, SEED.nceIneligibleTenantId]),
		);
		const search = await api.get('/api/v1/customertenants', { params: { search: 'contoso' } });
		expect(search.data.Items.map((t: { Id: number }) => t.Id)).toEqual([SEED.tenantId]);
		const paged = await api.get('/api/v1/customertenants', { params: { page: 3, pageSize: 3 } });
		expect(paged.data.Items).toHaveLength(SEED.tenantCount - 6);
		expect(
			(await api.get('/api/v1/customertenants', { params: { organizationId: 'x' } })).status,
		).toBe(400);
	});

	it('gets a customer tenant by id, 404 when unknown', async () => {
		const res = await api.get(`/api/v1/customertenants/${SEED.tenantId}`);
		expect(res.data).toMatchObject({
			Id: SEED.tenantId,
			Name: SEED.tenantName,
			Organization: { Id: SEED.organizationId },
		});
		const unknown = await api.get(`/api/v1/customertenants/${SEED.unknownTenantId}`);
		expect(unknown.status).toBe(404);
		expect(unknown.data.ErrorCode).toBe('404 NotFound');
		expect((await api.get('/api/v1/customertenants/abc')).status).toBe(404);
	});

	it('returns coterminosity dates: a calendar-month end date and the tenant subscriptions ending within the term', async () => {
		const res = await api.get('/api/v2/subscriptions/coterminosity', {
			params: {
				organizationId: SEED.organizationId,
				customerTenantId: SEED.tenantId,
				termDuration: 'P1Y',
			},
		});
		expect(res.status).toBe(200);
		expect(res.data.CalendarMonthDate).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59Z$/);
		const calendar = new Date(res.data.CalendarMonthDate);
		expect(new Date(calendar.getTime() + 1000).getUTCDate()).toBe(1);
		const inAYear = Date.now() + 366 * 86_400_000;
		expect(calendar.getTime()).toBeGreaterThan(Date.now());
		expect(calendar.getTime()).toBeLessThan(inAYear);
		expect(res.data.Subscriptions.length).toBeGreaterThan(0);
		for (const s of res.data.Subscriptions) {
			expect(Object.keys(s).sort()).toEqual(['EndDate', 'FriendlyName', 'Id', 'TermDuration']);
			expect(sim.state.subscriptions.get(s.Id)?.tenantId).toBe(SEED.tenantId);
			expect(new Date(s.EndDate).getTime()).toBeGreaterThan(Date.now());
		}
		expect(res.data.Subscriptions.map((s: { Id: number }) => s.Id)).toContain(
			SEED.nceSubscriptionId,
		);

		const bySubscription = await api.get('/api/v2/subscriptions/coterminosity', {
			params: { subscriptionId: SEED.nceSubscriptionId, termDuration: 'P1M' },
		});
		expect(bySubscription.status).toBe(200);
		expect(bySubscription.data.Subscriptions.map((s: { Id: number }) => s.Id)).not.toContain(
			SEED.nceSubscriptionId,
		);
	});

	it('validates coterminosity parameters', async () => {
		const cases: [Record<string, unknown>, number][] = [
			[{ customerTenantId: SEED.tenantId }, 400],
			[{ customerTenantId: SEED.tenantId, termDuration: 'P2Y' }, 400],
			[{ termDuration: 'P1Y' }, 400],
			[{ customerTenantId: SEED.unknownTenantId, termDuration: 'P1Y' }, 400],
			[{ subscriptionId: SEED.unknownSubscriptionId, termDuration: 'P1Y' }, 404],
			[
				{
					organizationId: SEED.secondOrganizationId,
					customerTenantId: SEED.tenantId,
					termDuration: 'P1Y',
				},
				400,
			],
		];
		for (const [params, status] of cases) {
			expect((await api.get('/api/v2/subscriptions/coterminosity', { params })).status).toBe(
				status,
			);
		}
	});
});

describe('The simulator under load', () => {
	const { sim } = useSimulator();

	it('serves 2,000 requests (reads and purchases) quickly', async () => {
		const api = await apiClient(sim);
		const start = Date.now();
		const batch = 50;
		for (let i = 0; i < 2000; i += batch) {
			await Promise.all(
				Array.from({ length: batch }, (_, j) =>
					(i + j) % 2 === 0
						? api.get(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`)
						: api.post('/api/v1/subscriptions/new-commerce-orders', {
								customerTenantId: SEED.tenantId,
								billingCycle: 1,
								partNumber: SEED.ncePartNumber,
								quantity: 1,
								termDuration: 'P1M',
							}),
				),
			).then((responses) => responses.forEach((r) => expect(r.status).toBe(200)));
		}
		expect(sim.purchaseCount()).toBe(1000);
		expect(sim.requests).toHaveLength(2001);
		expect(Date.now() - start).toBeLessThan(15_000);
	});
});
