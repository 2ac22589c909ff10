/** Invoice → Get Many: GET /api/v1/invoices/{organizationId}, Return All paging over {Items, TotalHits}. */
import { BILLING_SEED, SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

describe('Invoice → Get Many', () => {
	const INVOICES = {
		resource: 'invoice',
		operation: 'getMany',
		organizationId: byId(SEED.organizationId),
	};
	const path = `/api/v1/invoices/${SEED.organizationId}`;

	it('returns every invoice of the organization over two pages, amounts as Crayon sent them', async () => {
		const { result, json } = await runForJson(crayon, { ...INVOICES, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(json).toHaveLength(BILLING_SEED.organizationStatementCount);
		expect(crayon.apiRequests().map(({ path: sent, query }) => [sent, query])).toEqual([
			[path, { page: '1', pageSize: '50' }],
			[path, { page: '2', pageSize: '50' }],
		]);
		const statement = crayon.sim.state.billing.statements[0];
		expect(json[0]).toEqual(
			expect.objectContaining({
				InvoiceId: statement.invoiceId,
				OrderId: statement.orderId,
				SalesAmount: statement.totalUnits / 100,
				SalesCurrencyCode: 'NOK',
			}),
		);
	});

	it('stops at the limit with one small request', async () => {
		const { json } = await runForJson(crayon, { ...INVOICES, limit: 3 });
		expect(json).toHaveLength(3);
		expect(crayon.apiRequests().map((request) => request.query)).toEqual([
			{ page: '1', pageSize: '3' },
		]);
	});
});
