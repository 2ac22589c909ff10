/** Customer Tenant → Get: GET /api/v1/customertenants/{id}. */
import { SEED } from '../../../../../simulator';
import { fromList, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

describe('Customer Tenant → Get', () => {
	it('gets a customer tenant chosen from the list', async () => {
		const { result, json } = await runForJson(crayon, {
			resource: 'customerTenant',
			operation: 'get',
			customerTenantId: fromList(SEED.legacyTenantId, 'Fabrikam Inc'),
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
