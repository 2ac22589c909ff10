/** Customer Tenant → Link Existing: POST api/v1/customertenants/existing/, refused when the organization has it. */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const link = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'customerTenant',
	operation: 'linkExisting',
	domainPrefix: SEED.linkableTenantDomainPrefix,
	microsoftTenantId: SEED.linkableTenantPublisherCustomerId,
	organizationId: byId(SEED.organizationId),
	invoiceProfileId: SEED.invoiceProfileId,
	publisherId: 2,
	...extra,
});
const posts = () => crayon.apiRequests().filter((request) => request.method === 'POST');

describe('Customer Tenant → Link Existing', () => {
	it('posts the documented Tenant and outputs the linked tenant; a second run is refused before sending', async () => {
		const { result, json } = await runForJson(crayon, link());
		expect(result.error).toBeUndefined();
		expect(posts().map((request) => [request.path, request.body])).toEqual([
			[
				'/api/v1/customertenants/existing/',
				{
					Tenant: {
						DomainPrefix: SEED.linkableTenantDomainPrefix,
						Organization: { Id: SEED.organizationId },
						Publisher: { Id: 2 },
						InvoiceProfile: { Id: SEED.invoiceProfileId },
						ExternalPublisherCustomerId: SEED.linkableTenantPublisherCustomerId,
					},
				},
			],
		]);
		expect(json[0]).toMatchObject({
			Id: SEED.nextCustomerTenantId,
			Name: SEED.linkableTenantName,
			PublisherCustomerId: SEED.linkableTenantPublisherCustomerId,
			AdminUserName: null,
		});
		const again = await runForJson(crayon, link());
		expect(again.result.error?.message).toBe(
			`Customer tenant ${SEED.nextCustomerTenantId} with the domain prefix ${SEED.linkableTenantDomainPrefix} is already in the organization [item 0]`,
		);
		expect(posts()).toHaveLength(1);
	});

	it("reports Crayon's refusal of a Microsoft tenant it does not find", async () => {
		const { result } = await runForJson(
			crayon,
			link({ microsoftTenantId: '00000000-0000-0000-0000-000000000001' }),
		);
		expect(result.error?.message).toContain(
			'Crayon refused to link the existing customer tenant alpineskihouse.onmicrosoft.com: No Microsoft tenant',
		);
		expect(crayon.sim.state.tenants.size).toBe(SEED.tenantCount);
	});
});
