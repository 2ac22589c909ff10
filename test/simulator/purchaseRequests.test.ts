import { SEED } from '../../simulator';
import { useSimulator } from '../helpers';

/** The documented checkout example (the "Checkout Order" page of Crayon's API documentation) without its past ScheduledPurchaseDate. */
const line = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
	billingCycle: 1,
	productId: SEED.nceProductId,
	productVariantId: SEED.nceProductVariantId,
	quantity: 1,
	skuId: SEED.nceSkuId,
	termDuration: 'P1M',
	type: 3,
	...overrides,
});
const order = (
	lines: Record<string, unknown>[] = [line()],
	extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
	resellerCustomerId: SEED.tenantId,
	orderLines: lines,
	...extra,
});

describe('The simulator (purchase requests)', () => {
	const { sim, api } = useSimulator({}, { reset: 'beforeEach', login: 'beforeEach' });

	describe('POST /api/v1/purchaserequest/verify', () => {
		it('returns the whole order with catalogItemId filled in and no errors (both paths, trailing slash)', async () => {
			for (const path of [
				'/api/v1/purchaserequest/verify',
				'/api/v1/assets/verify/',
				'/API/V1/PurchaseRequest/Verify/',
			]) {
				const res = await api.post(path, order());
				expect(res.status).toBe(200);
				expect(res.data).toEqual({
					resellerCustomerId: SEED.tenantId,
					externalOrderId: null,
					countryCode: 'NO',
					scheduledPurchaseDate: null,
					errors: [],
					orderLines: [
						{
							productId: SEED.nceProductId,
							skuId: SEED.nceSkuId,
							productVariantId: SEED.nceProductVariantId,
							quantity: 1,
							billingCycle: 1,
							type: 3,
							catalogItemId: SEED.nceCatalogItemId,
							termDuration: 'P1M',
							customTermEndDate: null,
							errors: [],
						},
					],
				});
			}
			expect(sim.purchaseCount()).toBe(0);
		});

		it('reports line errors for an unknown product and a quantity above the maximum', async () => {
			const res = await api.post(
				'/api/v1/purchaserequest/verify',
				order([
					line({ quantity: SEED.nceMaxQuantity + 1 }),
					line({ productId: 'CFQ7TTC0NOPE', skuId: '0009', productVariantId: undefined }),
					line({
						productId: SEED.secondNceProductId,
						skuId: SEED.secondNceSkuId,
						productVariantId: undefined,
					}),
				]),
			);
			expect(res.status).toBe(200);
			expect(res.data.errors).toEqual([]);
			const [tooMany, unknown, fine] = res.data.orderLines;
			expect(tooMany.errors).toEqual([
				{
					reasonCode: 'QuantityExceedsMaximum',
					description: expect.stringContaining(String(SEED.nceMaxQuantity)),
					properties: {
						Quantity: String(SEED.nceMaxQuantity + 1),
						MaxQuantity: String(SEED.nceMaxQuantity),
					},
				},
			]);
			expect(tooMany.catalogItemId).toBe(SEED.nceCatalogItemId);
			expect(unknown.errors).toEqual([
				{
					reasonCode: 'ProductNotFound',
					description: expect.any(String),
					properties: { ProductId: 'CFQ7TTC0NOPE', SkuId: '0009' },
				},
			]);
			expect(unknown.catalogItemId).toBeNull();
			expect(fine.errors).toEqual([]);
			expect(fine.catalogItemId).toBe(SEED.secondNceCatalogItemId);
			expect(fine.productVariantId).toBe(SEED.secondNceProductVariantId);
		});

		it('reports an unknown resellerCustomerId as an order-level error', async () => {
			const res = await api.post(
				'/api/v1/purchaserequest/verify',
				order([line()], { resellerCustomerId: SEED.unknownTenantId }),
			);
			expect(res.status).toBe(200);
			expect(res.data.errors).toEqual([
				{
					orderGroupId: null,
					code: 'CustomerNotFound',
					description: expect.stringContaining(String(SEED.unknownTenantId)),
				},
			]);
			expect(res.data.countryCode).toBeNull();
		});

		it.each([
			[
				'an NCE-ineligible customer',
				{ resellerCustomerId: SEED.nceIneligibleTenantId },
				{},
				'CustomerNotEligible',
			],
			[
				'an unsupported term',
				{},
				{
					termDuration: 'P3Y',
					productId: SEED.secondNceProductId,
					skuId: SEED.secondNceSkuId,
					productVariantId: undefined,
				},
				'TermDurationNotSupported',
			],
			[
				'an unsupported billing cycle',
				{},
				{ billingCycle: 'Triennial', termDuration: 'P1Y' },
				'BillingCycleNotSupported',
			],
			['a wrong productVariantId', {}, { productVariantId: 1 }, 'ProductVariantMismatch'],
			[
				'a wrong catalogItemId',
				{},
				{ catalogItemId: 'CFQ7TTC0LF8R:0001:WRONG' },
				'CatalogItemIdMismatch',
			],
			['a type that does not match the product', {}, { type: 'Software' }, 'ProductTypeMismatch'],
		])('reports a line error for %s', async (_label, orderPatch, linePatch, code) => {
			const res = await api.post(
				'/api/v1/purchaserequest/verify',
				order([line(linePatch)], orderPatch),
			);
			expect(res.status).toBe(200);
			expect(
				res.data.orderLines[0].errors.map((e: { reasonCode: string }) => e.reasonCode),
			).toContain(code);
		});

		it('verifies a software line (type 2, OneTime, no term)', async () => {
			const res = await api.post(
				'/api/v1/purchaserequest/verify',
				order([
					{
						productId: SEED.softwareProductId,
						skuId: SEED.softwareSkuId,
						quantity: 2,
						type: 2,
						billingCycle: 4,
					},
				]),
			);
			expect(res.status).toBe(200);
			expect(res.data.orderLines[0]).toMatchObject({
				catalogItemId: SEED.softwareCatalogItemId,
				errors: [],
				termDuration: null,
			});
		});

		it('accepts PascalCase order keys', async () => {
			const res = await api.post('/api/v1/purchaserequest/verify', {
				ResellerCustomerId: SEED.tenantId,
				OrderLines: [
					{
						BillingCycle: 'Monthly',
						ProductId: SEED.nceProductId,
						SkuId: SEED.nceSkuId,
						Quantity: 2,
						TermDuration: 'P1M',
						Type: 'Subscription',
					},
				],
			});
			expect(res.status).toBe(200);
			expect(res.data.orderLines[0]).toMatchObject({
				quantity: 2,
				billingCycle: 1,
				type: 3,
				catalogItemId: SEED.nceCatalogItemId,
				errors: [],
			});
		});

		it.each([
			[
				'missing orderLines',
				{ resellerCustomerId: SEED.tenantId },
				'The OrderLines field is required.',
			],
			['empty orderLines', order([]), 'at least one order line'],
			['orderLines not an array', order(line() as never), 'requires a JSON array'],
			[
				'missing resellerCustomerId',
				{ orderLines: [line()] },
				'The ResellerCustomerId field is required.',
			],
			[
				'a string quantity',
				order([line({ quantity: '1' })]),
				"Could not convert string to integer: '1'. Path 'orderLines[0].quantity'.",
			],
			[
				'a missing skuId',
				order([line({ skuId: undefined })]),
				'The OrderLines[0].SkuId field is required.',
			],
			[
				'a missing termDuration on a subscription line',
				order([line({ termDuration: undefined })]),
				'The OrderLines[0].TermDuration field is required.',
			],
			['an unknown type', order([line({ type: 4 })]), "to type 'OrderLineType'"],
			['a line that is not an object', order(['x' as never]), "to type 'PurchaseRequestOrderLine'"],
		])('answers 400 for %s', async (_label, body, message) => {
			const res = await api.post('/api/v1/purchaserequest/verify', body);
			expect(res.status).toBe(400);
			expect(res.data.ErrorCode).toBe('400 BadRequest');
			expect(res.data.Message).toContain(message);
		});
	});

	describe('POST /api/v1/purchaserequest/checkout', () => {
		it('answers 204 with an empty body on both paths and records the purchases', async () => {
			const verified = await api.post('/api/v1/purchaserequest/verify', order());
			const primary = await api.post('/api/v1/purchaserequest/checkout/', verified.data);
			expect(primary.status).toBe(204);
			expect(primary.data).toBe('');
			expect(primary.headers['content-length']).toBe('0');
			const legacy = await api.post(
				'/api/v1/assets/checkout',
				order([line({ catalogItemId: SEED.nceCatalogItemId, quantity: 4 })]),
			);
			expect(legacy.status).toBe(204);
			expect(sim.purchaseCount()).toBe(2);
			expect(sim.state.purchases.map((p) => p.kind)).toEqual(['checkout', 'checkout']);
			const created = sim.state.subscriptions.get(SEED.nextSubscriptionId + 1);
			expect(created).toMatchObject({
				tenantId: SEED.tenantId,
				partNumber: SEED.ncePartNumber,
				quantity: 4,
				origin: 'checkout',
				termDuration: 'P1M',
			});
		});

		it("rejects the documented example's past ScheduledPurchaseDate by default", async () => {
			const documented = order([line({ catalogItemId: SEED.nceCatalogItemId })], {
				ScheduledPurchaseDate: '2023-01-01 00:00:00.000',
			});
			const res = await api.post('/api/v1/purchaserequest/checkout', documented);
			expect(res.status).toBe(400);
			expect(res.data.ObjectErrors[0].ErrorCode).toBe('ScheduledDateInPast');
			expect(sim.purchaseCount()).toBe(0);
		});

		it('requires catalogItemId', async () => {
			const res = await api.post('/api/v1/purchaserequest/checkout', order());
			expect(res.status).toBe(400);
			expect(res.data.Message).toContain('The OrderLines[0].CatalogItemId field is required.');
			expect(sim.purchaseCount()).toBe(0);
		});

		it('answers 400 with a Crayon error body for a line that would fail verify, buying nothing', async () => {
			const res = await api.post(
				'/api/v1/purchaserequest/checkout',
				order([line({ catalogItemId: SEED.nceCatalogItemId, quantity: SEED.nceMaxQuantity + 1 })]),
			);
			expect(res.status).toBe(400);
			expect(res.data.ErrorCode).toBe('400 BadRequest');
			expect(res.data.ObjectErrors).toEqual([
				{
					ErrorCode: 'QuantityExceedsMaximum',
					Message: expect.any(String),
					Parameters: expect.objectContaining({ OrderLine: '0' }),
				},
			]);
			const unknownCustomer = await api.post(
				'/api/v1/assets/checkout',
				order([line({ catalogItemId: SEED.nceCatalogItemId })], {
					resellerCustomerId: SEED.unknownTenantId,
				}),
			);
			expect(unknownCustomer.status).toBe(400);
			expect(unknownCustomer.data.ObjectErrors[0].ErrorCode).toBe('CustomerNotFound');
			expect(sim.purchaseCount()).toBe(0);
			expect(sim.state.subscriptions.size).toBe(SEED.subscriptionCount);
		});
	});
});
