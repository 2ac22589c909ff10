/**
 * Order → Get Many (GET /api/v1/purchaserequest/orders/) and Get Many Asset Orders
 * (GET /api/v1/assets/orders/): what checkouts became.
 */
import { SEED } from '../../../../../simulator';
import { byId, e3Line, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

async function checkOut(quantity: number, externalOrderId?: string) {
	const result = await crayon.run(
		[{ ...order(quantity), ...(externalOrderId ? { externalOrderId } : {}) }],
		{
			name: 'Crayon',
			parameters: { resource: 'order', operation: 'checkout', orderSource: 'verifiedOrder' },
		},
	);
	expect(result.error).toBeUndefined();
	crayon.sim.clearRequests();
}

const order = (quantity: number) => ({
	resellerCustomerId: SEED.tenantId,
	orderLines: [e3Line(quantity, { catalogItemId: SEED.nceCatalogItemId })],
});

describe('Order → Get Many and Get Many Asset Orders', () => {
	it("lists a customer tenant's purchase order lines with the filters as documented", async () => {
		await checkOut(3);
		await checkOut(4);
		const { result, json } = await runForJson(crayon, {
			resource: 'order',
			operation: 'getMany',
			customerTenantId: byId(SEED.tenantId),
			returnAll: true,
			filters: { orderState: 1, sortBy: 'CreationDate', sortOrder: 'Descending', search: 'office' },
		});
		expect(result.error).toBeUndefined();
		expect(crayon.apiRequests().map((request) => [request.path, request.query])).toEqual([
			[
				'/api/v1/purchaserequest/orders/',
				{
					customerTenantId: String(SEED.tenantId),
					orderState: '1',
					search: 'office',
					sortBy: 'CreationDate',
					sortOrder: 'Descending',
					page: '1',
					pageSize: '50',
				},
			],
		]);
		expect(json.map((line) => [line.Quantity, line.OrderState, line.CatalogId])).toEqual([
			[4, 'Succeeded', SEED.nceCatalogItemId],
			[3, 'Succeeded', SEED.nceCatalogItemId],
		]);
	});

	it('requires the customer tenant, as Crayon does', async () => {
		const { result } = await runForJson(crayon, { resource: 'order', operation: 'getMany' });
		expect(result.error?.message).toContain('Parameter \\"Customer Tenant\\" is required');
		expect(crayon.apiRequests()).toHaveLength(0);
	});

	it('finds a checked-out order by its external order ID among the asset orders', async () => {
		await checkOut(3, 'PO-1');
		await checkOut(5, 'PO-2');
		const { json } = await runForJson(crayon, {
			resource: 'order',
			operation: 'getAssetOrders',
			returnAll: true,
			filters: { externalOrderId: 'PO-2', customerTenantId: byId(SEED.tenantId) },
		});
		expect(crayon.apiRequests()[0].query).toEqual({
			ResellerCustomerId: String(SEED.tenantId),
			ExternalOrderId: 'PO-2',
			page: '1',
			pageSize: '50',
		});
		expect(json).toEqual([
			expect.objectContaining({
				ExternalOrderId: 'PO-2',
				OrderLines: [expect.objectContaining({ Quantity: 5 })],
			}),
		]);
	});
});
