import { SEED } from '../../simulator';
import { runForJson, useCrayon } from '../helpers';

describe('Crayon node: customer tenants and organizations', () => {
	const crayon = useCrayon();

	it('gets a customer tenant chosen from the list', async () => {
		const { result, json } = await runForJson(crayon, {
			resource: 'customerTenant',
			operation: 'get',
			customerTenantId: {
				__rl: true,
				mode: 'list',
				value: String(SEED.legacyTenantId),
				cachedResultName: 'Fabrikam Inc',
			},
		});
		expect(result.error).toBeUndefined();
		expect(json).toEqual([
			expect.objectContaining({
				Id: SEED.legacyTenantId,
				Name: 'Fabrikam Inc',
				PublisherCustomerId: SEED.legacyTenantPublisherCustomerId,
				Organization: { Id: SEED.organizationId, Name: SEED.organizationName },
			}),
		]);
		expect(crayon.apiRequests().map((request) => request.path)).toEqual([
			`/api/v1/customertenants/${SEED.legacyTenantId}`,
		]);
	});

	it('gets every customer tenant, page by page when a limit is smaller than a page', async () => {
		const all = await runForJson(crayon, {
			resource: 'customerTenant',
			operation: 'getMany',
			returnAll: true,
		});
		expect(all.json.map((tenant) => tenant.Id)).toEqual([...crayon.sim.state.tenants.keys()]);

		crayon.sim.clearRequests();
		const limited = await runForJson(crayon, {
			resource: 'customerTenant',
			operation: 'getMany',
			limit: 3,
		});
		expect(limited.json).toHaveLength(3);
		expect(crayon.apiRequests().map((request) => request.query)).toEqual([
			{ page: '1', pageSize: '3' },
		]);
	});

	it('filters customer tenants by organization and search text', async () => {
		const byOrganization = await runForJson(crayon, {
			resource: 'customerTenant',
			operation: 'getMany',
			returnAll: true,
			filters: { organizationId: { __rl: true, mode: 'id', value: String(SEED.organizationId) } },
		});
		expect(byOrganization.json).toHaveLength(SEED.organizationTenantCount);
		for (const tenant of byOrganization.json)
			expect(tenant).toMatchObject({ Organization: { Id: SEED.organizationId } });

		const searched = await runForJson(crayon, {
			resource: 'customerTenant',
			operation: 'getMany',
			filters: { search: 'contoso' },
		});
		expect(searched.json.map((tenant) => tenant.Id)).toEqual([SEED.tenantId]);
	});

	it('lists organizations, with a search filter', async () => {
		const all = await runForJson(crayon, {
			resource: 'organization',
			operation: 'getMany',
			returnAll: true,
		});
		expect(all.json).toEqual([
			{ Id: SEED.organizationId, Name: SEED.organizationName, AccountNumber: expect.any(String) },
			expect.objectContaining({ Id: SEED.secondOrganizationId }),
			expect.objectContaining({ Id: SEED.thirdOrganizationId }),
		]);
		const searched = await runForJson(crayon, {
			resource: 'organization',
			operation: 'getMany',
			filters: { search: 'Denmark' },
		});
		expect(searched.json.map((organization) => organization.Id)).toEqual([
			SEED.thirdOrganizationId,
		]);
		expect(crayon.apiRequests().at(-1)?.query).toEqual({
			search: 'Denmark',
			page: '1',
			pageSize: '50',
		});
	});

	it('runs once per input item, each output paired with its item', async () => {
		const { result } = await runForJson(
			crayon,
			{ resource: 'customerTenant', operation: 'get', customerTenantId: '={{ $json.tenant }}' },
			[{ tenant: SEED.tenantId }, { tenant: SEED.nceIneligibleTenantId }],
		);
		expect(result.output('Crayon').map((item) => [item.json.Id, item.pairedItem])).toEqual([
			[SEED.tenantId, { item: 0 }],
			[SEED.nceIneligibleTenantId, { item: 1 }],
		]);
	});
});
