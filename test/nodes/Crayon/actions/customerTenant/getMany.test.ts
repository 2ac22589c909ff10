/** Customer Tenant → Get Many: GET /api/v1/customertenants, filtered by organization and search text. */
import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

describe('Customer Tenant → Get Many', () => {
	it('gets every customer tenant with Return All, and asks for only as many as the limit otherwise', async () => {
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
			filters: { organizationId: byId(SEED.organizationId) },
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

	it('filters by domain prefix and domain, as the SDK names them', async () => {
		const { json } = await runForJson(crayon, {
			resource: 'customerTenant',
			operation: 'getMany',
			filters: { domainPrefix: 'fabrikam' },
		});
		expect(json.map((tenant) => tenant.Id)).toEqual([SEED.legacyTenantId]);
		expect(crayon.apiRequests()[0].query).toMatchObject({ domainPrefix: 'fabrikam' });
		const byDomain = await runForJson(crayon, {
			resource: 'customerTenant',
			operation: 'getMany',
			filters: { domain: 'contoso.onmicrosoft.com' },
		});
		expect(byDomain.json.map((tenant) => tenant.Id)).toEqual([SEED.tenantId]);
	});
});
