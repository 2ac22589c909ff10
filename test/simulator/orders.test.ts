/**
 * The simulator's orders after checkout: processed purchase orders, legacy asset orders and
 * scheduled purchase requests (list and cancel).
 */
import { SEED } from '../../simulator';
import { type CrayonError, useSimulator } from '../helpers';

const DAY_MS = 86_400_000;

/** A verified-looking order of Office 365 E3 for tenant 123, as checkout takes it. */
function order(extra: Record<string, unknown> = {}, quantity = 3) {
	return {
		resellerCustomerId: SEED.tenantId,
		orderLines: [
			{
				billingCycle: 1,
				productId: SEED.nceProductId,
				skuId: SEED.nceSkuId,
				quantity,
				termDuration: 'P1M',
				type: 3,
				catalogItemId: SEED.nceCatalogItemId,
			},
		],
		...extra,
	};
}

describe('The simulator (orders)', () => {
	const { sim, api } = useSimulator({}, { reset: 'beforeEach', login: 'beforeEach' });

	describe('GET /api/v1/purchaserequest/orders', () => {
		it('lists the lines of checked-out orders of a customer tenant, with the documented fields', async () => {
			expect(
				(await api.post('/api/v1/purchaserequest/checkout', order({ externalOrderId: 'PO-1' })))
					.status,
			).toBe(204);
			const res = await api.get('/api/v1/purchaserequest/orders/', {
				params: {
					customerTenantId: SEED.tenantId,
					page: 1,
					pageSize: 15,
					sortOrder: 'Ascending',
					orderState: 0,
				},
			});
			expect(res.status).toBe(200);
			expect(res.data).toEqual({
				Items: [
					{
						OrderReferenceId: SEED.nextOrderReferenceId,
						CatalogId: SEED.nceCatalogItemId,
						Name: 'Office 365 E3',
						Quantity: 3,
						BillingCycle: 'Monthly',
						TermDuration: 'P1M',
						EmailReceiver: null,
						Created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/),
						OrderState: 'Succeeded',
						Error: null,
					},
				],
				TotalHits: 1,
			});
			const failedOnly = await api.get('/api/v1/purchaserequest/orders', {
				params: { customerTenantId: SEED.tenantId, orderState: 2 },
			});
			expect(failedOnly.data.TotalHits).toBe(0);
			const other = await api.get('/api/v1/purchaserequest/orders', {
				params: { customerTenantId: 486 },
			});
			expect(other.data.TotalHits).toBe(0);
		});

		it('requires customerTenantId and 404s an unknown tenant', async () => {
			const missing = await api.get('/api/v1/purchaserequest/orders');
			expect(missing.status).toBe(400);
			expect((missing.data as CrayonError).ObjectErrors[0].ErrorCode).toBe('Required');
			expect(
				(
					await api.get('/api/v1/purchaserequest/orders', {
						params: { customerTenantId: SEED.unknownTenantId },
					})
				).status,
			).toBe(404);
			expect(
				(
					await api.get('/api/v1/purchaserequest/orders', {
						params: { customerTenantId: 123, sortBy: 'Price' },
					})
				).status,
			).toBe(400);
		});
	});

	describe('GET /api/v1/assets/orders (legacy)', () => {
		it('finds checked-out orders by ExternalOrderId (one or repeated ExternalOrderIds)', async () => {
			await api.post('/api/v1/purchaserequest/checkout', order({ externalOrderId: 'PO-1' }));
			await api.post('/api/v1/purchaserequest/checkout', order({ externalOrderId: 'PO-2' }, 5));
			const one = await api.get('/api/v1/assets/orders/', { params: { ExternalOrderId: 'PO-2' } });
			expect(one.data.TotalHits).toBe(1);
			expect(one.data.Items[0]).toMatchObject({
				ExternalOrderId: 'PO-2',
				ResellerCustomerId: SEED.tenantId,
				OrderLines: [{ CatalogItemId: SEED.nceCatalogItemId, Quantity: 5 }],
			});
			const both = await api.get(
				'/api/v1/assets/orders/?ExternalOrderIds=PO-1&ExternalOrderIds=PO-2',
			);
			expect(both.data.TotalHits).toBe(2);
			const none = await api.get('/api/v1/assets/orders/', {
				params: { ExternalOrderId: 'PO-3', ResellerCustomerId: 0 },
			});
			expect(none.data.TotalHits).toBe(0);
		});
	});

	describe('scheduled purchase requests', () => {
		it('lists the seeded request ({Items, TotalHits}) and those a checkout or NCE order schedules', async () => {
			const later = new Date(Date.now() + 10 * DAY_MS).toISOString().slice(0, 10);
			await api.post('/api/v1/purchaserequest/checkout', order({ ScheduledPurchaseDate: later }));
			await api.post('/api/v1/subscriptions/new-commerce-orders', {
				CustomerTenantId: 486,
				PartNumber: SEED.secondNcePartNumber,
				BillingCycle: 1,
				TermDuration: 'P1M',
				Quantity: 2,
				ScheduledDate: later,
			});
			const all = await api.get('/api/v1/scheduledpurchaserequest/', {
				params: { ResellerCustomerId: 0, Page: 1, PageSize: 20, SortOrder: 0 },
			});
			expect(all.data.TotalHits).toBe(3);
			expect(
				all.data.Items.map((item: { OrderReferenceId: number }) => item.OrderReferenceId),
			).toEqual([
				SEED.scheduledOrderReferenceId,
				SEED.nextOrderReferenceId,
				SEED.nextOrderReferenceId + 1,
			]);
			expect(all.data.Items[1].OrderItems).toEqual([
				{
					OrderNumber: 1,
					CatalogId: SEED.nceCatalogItemId,
					Name: 'Office 365 E3',
					Quantity: 3,
					BillingCycle: 'Monthly',
					TermDuration: 'P1M',
					EmailReceiver: null,
					ScheduledDate: `${later}T00:00:00Z`,
				},
			]);
			const ofFabrikam = await api.get('/api/v1/scheduledpurchaserequest/', {
				params: { ResellerCustomerId: 486 },
			});
			expect(ofFabrikam.data.Items).toHaveLength(1);
		});

		it('cancels one line with PUT and no body: it disappears, a second cancel is a 404', async () => {
			const path = `/api/v1/scheduledpurchaserequest/cancel-order/${SEED.scheduledOrderReferenceId}/${SEED.scheduledOrderNumbers[0]}`;
			const res = await api.put(path);
			expect(res.status).toBe(200);
			expect(res.data).toEqual({
				OrderReferenceId: SEED.scheduledOrderReferenceId,
				OrderItems: [expect.objectContaining({ OrderNumber: SEED.scheduledOrderNumbers[1] })],
			});
			expect((await api.put(path)).status).toBe(404);
			expect(sim.state.changes).toEqual([
				expect.objectContaining({ kind: 'scheduledCancel', tenantId: SEED.tenantId }),
			]);
			await api.put(
				`/api/v1/scheduledpurchaserequest/cancel-order/${SEED.scheduledOrderReferenceId}/${SEED.scheduledOrderNumbers[1]}`,
			);
			expect((await api.get('/api/v1/scheduledpurchaserequest/')).data.TotalHits).toBe(0);
			expect((await api.put('/api/v1/scheduledpurchaserequest/cancel-order/1/1')).status).toBe(404);
			expect((await api.get(path)).status).toBe(405);
		});
	});
});
