/** Order → Get Items: GET /api/v1/orders/{orderId}/items?organizationId, a list or {Items}. */
import { SEED } from '../../../../../simulator';
import { byId, errorText, expectNothingSent, runForJson, useCrayon } from '../../../../helpers';

const ITEMS = {
	resource: 'order',
	operation: 'getItems',
	organizationId: byId(SEED.organizationId),
};

describe.each(['array', 'collection'] as const)(
	'Order → Get Items (Crayon answers %s)',
	(shape) => {
		const crayon = useCrayon({ orderItemsAnswer: shape });

		it('outputs one item per order line, with unit price, quantity and row total as Crayon sent them', async () => {
			const statement = crayon.sim.state.billing.statements[0];
			const { result, json } = await runForJson(
				crayon,
				{ ...ITEMS, orderId: '={{ $json.OrderId }}' },
				[{ OrderId: statement.orderId }],
			);
			expect(result.error).toBeUndefined();
			expect(crayon.apiRequests().map(({ path, query }) => [path, query])).toEqual([
				[
					`/api/v1/orders/${statement.orderId}/items`,
					{ organizationId: String(SEED.organizationId) },
				],
			]);
			expect(json.length).toBeGreaterThan(0);
			const cents = json.reduce((sum, line) => sum + Math.round(Number(line.RowTotal) * 100), 0);
			expect(cents).toBe(statement.totalUnits);
			expect(json[0]).toEqual({
				SkuValue: expect.any(String),
				LineDescription: expect.any(String),
				Price: expect.any(Number),
				CurrencyCode: 'NOK',
				RowTotal: expect.any(Number),
				Quantity: expect.any(Number),
			});
		});
	},
);

describe('Order → Get Items with a wrong order', () => {
	const crayon = useCrayon();

	it('refuses an order ID that is not digits before sending anything', async () => {
		const result = await crayon.runCrayon({ ...ITEMS, orderId: '77/../1' });
		expectNothingSent(crayon, result);
		expect(errorText(result.nodeError('Crayon'))).toContain(
			'"Order ID" must be an order ID: digits only',
		);
	});

	it("says Crayon's reason for an order of another organization", async () => {
		const statement = crayon.sim.state.billing.statements[0];
		const result = await crayon.runCrayon({
			...ITEMS,
			organizationId: byId(SEED.secondOrganizationId),
			orderId: statement.orderId,
		});
		expect(result.nodeError('Crayon')?.message).toBe(
			`Crayon refused GET /api/v1/orders/${statement.orderId}/items: Order ${statement.orderId} of organization ${SEED.secondOrganizationId} was not found. [item 0]`,
		);
	});
});
