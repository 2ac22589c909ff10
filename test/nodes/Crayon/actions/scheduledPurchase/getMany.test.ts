/** Scheduled Purchase → Get Many: GET /api/v1/scheduledpurchaserequest/ in either list shape. */
import { SEED, startSimulator } from '../../../../../simulator';
import { apiClient, byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

describe('Scheduled Purchase → Get Many', () => {
	it('outputs one item per scheduled line with its OrderReferenceId, or the requests as Crayon sends them', async () => {
		const { result, json } = await runForJson(crayon, {
			resource: 'scheduledPurchase',
			operation: 'getMany',
			returnAll: true,
			filters: { customerTenantId: byId(SEED.tenantId) },
		});
		expect(result.error).toBeUndefined();
		expect(crayon.apiRequests()[0].query).toEqual({
			ResellerCustomerId: String(SEED.tenantId),
			page: '1',
			pageSize: '50',
		});
		expect(json).toEqual([
			expect.objectContaining({
				OrderReferenceId: SEED.scheduledOrderReferenceId,
				OrderNumber: SEED.scheduledOrderNumbers[0],
				CatalogId: SEED.nceCatalogItemId,
				Quantity: 5,
				BillingCycle: 'Annual',
				ScheduledDate: expect.any(String),
			}),
			expect.objectContaining({ OrderNumber: SEED.scheduledOrderNumbers[1] }),
		]);
		const raw = await runForJson(crayon, {
			resource: 'scheduledPurchase',
			operation: 'getMany',
			simplify: false,
		});
		expect(raw.json).toEqual([
			{
				OrderReferenceId: SEED.scheduledOrderReferenceId,
				OrderItems: [
					expect.objectContaining({ OrderNumber: 1 }),
					expect.objectContaining({ OrderNumber: 2 }),
				],
			},
		]);
	});

	it('reads the bare camelCase array the documentation shows', async () => {
		const sim = await startSimulator({ disputedListShape: 'apidocs' });
		const documented = await (await apiClient(sim)).get('/api/v1/scheduledpurchaserequest/');
		await sim.stop();
		crayon.sim.injectFault({
			method: 'GET',
			path: '/api/v1/scheduledpurchaserequest',
			rawResponse: {
				status: 200,
				contentType: 'application/json',
				body: JSON.stringify(documented.data),
			},
		});
		const { json } = await runForJson(crayon, {
			resource: 'scheduledPurchase',
			operation: 'getMany',
		});
		expect(json.map((line) => [line.OrderReferenceId, line.orderNumber])).toEqual([
			[SEED.scheduledOrderReferenceId, 1],
			[SEED.scheduledOrderReferenceId, 2],
		]);
	});
});
