/**
 * Billing Statement → Get Many: GET /api/v1/billingstatements with the organization, filters,
 * Return All paging over {Items, TotalHits}, Simplify with the amount exactly as Crayon sent it.
 */
import { BILLING_SEED, SEED } from '../../../../../simulator';
import { byId, errorText, expectNothingSent, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const LIST = {
	resource: 'billingStatement',
	operation: 'getMany',
	organizationId: byId(SEED.organizationId),
};

const listQueries = () =>
	crayon
		.apiRequests()
		.filter((request) => request.path === '/api/v1/billingstatements')
		.map((request) => request.query);

describe('Billing Statement → Get Many', () => {
	it('returns every statement of the organization over two pages with Return All, simplified', async () => {
		const { result, json } = await runForJson(crayon, { ...LIST, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(json).toHaveLength(BILLING_SEED.organizationStatementCount);
		expect(listQueries()).toEqual([
			{ organizationId: String(SEED.organizationId), page: '1', pageSize: '50' },
			{ organizationId: String(SEED.organizationId), page: '2', pageSize: '50' },
		]);
		const statement = crayon.sim.state.billing.statements[0];
		expect(json[0]).toEqual({
			Id: statement.id,
			StartDate: expect.stringMatching(/^\d{4}-\d{2}-01T00:00:00\+00:00$/),
			EndDate: expect.stringMatching(/T23:59:59\+00:00$/),
			ProvisionType: 'Seat',
			TotalSalesPrice: statement.totalUnits / 100,
			CurrencyCode: 'NOK',
			InvoiceProfileId: BILLING_SEED.invoiceProfileId,
			InvoiceProfileName: 'My company - invoices',
			OrganizationId: SEED.organizationId,
			OrganizationName: SEED.organizationName,
			OrderId: statement.orderId,
		});
		expect(result.output('Crayon').map((item) => item.pairedItem)).toEqual(
			json.map(() => ({ item: 0 })),
		);
	});

	it('sends the filters as Crayon names them and returns the statements as Crayon sent them without Simplify', async () => {
		const now = new Date();
		const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString();
		const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 1).toISOString();
		const { json } = await runForJson(crayon, {
			...LIST,
			limit: 5,
			simplify: false,
			filters: { invoiceProfileId: BILLING_SEED.usageInvoiceProfileId, provisionType: 2, from, to },
		});
		expect(listQueries()).toEqual([
			{
				organizationId: String(SEED.organizationId),
				invoiceProfileId: String(BILLING_SEED.usageInvoiceProfileId),
				provisionType: '2',
				from,
				to,
				page: '1',
				pageSize: '5',
			},
		]);
		expect(json).toEqual([
			{
				Id: expect.any(Number),
				TotalSalesPrice: { Value: expect.any(Number), CurrencyCode: 'NOK' },
				InvoiceProfile: {
					Id: BILLING_SEED.usageInvoiceProfileId,
					Name: 'My company - Azure consumption',
				},
				Organization: { Id: SEED.organizationId, Name: SEED.organizationName },
				StartDate: `${from.slice(0, 19)}+00:00`,
				EndDate: expect.stringMatching(/T23:59:59\+00:00$/),
				ProvisionType: 2,
				OrderId: expect.any(String),
			},
		]);
	});

	it('outputs an amount longer than a JavaScript number holds as its exact text, never rounded', async () => {
		crayon.sim.injectFault({
			method: 'GET',
			path: '/api/v1/billingstatements',
			rawResponse: {
				status: 200,
				contentType: 'application/json',
				body: '{"Items":[{"Id":7,"TotalSalesPrice":{"Value":123456789012.3456789,"CurrencyCode":"NOK"},"ProvisionType":1}],"TotalHits":1}',
			},
		});
		const { json } = await runForJson(crayon, { ...LIST, limit: 1 });
		expect(json[0]).toMatchObject({ TotalSalesPrice: '123456789012.3456789', CurrencyCode: 'NOK' });
	});

	it('refuses a date that does not exist before sending anything', async () => {
		const result = await crayon.runCrayon({ ...LIST, limit: 1, filters: { from: '2025-02-30' } });
		expectNothingSent(crayon, result);
		expect(errorText(result.nodeError('Crayon'))).toContain(
			'"Filters → From" must be an ISO 8601 date-time',
		);
	});

	it("says Crayon's reason when it refuses the organization", async () => {
		const result = await crayon.runCrayon({ ...LIST, organizationId: byId(4242), limit: 1 });
		expect(result.nodeError('Crayon')?.message).toBe(
			'Crayon refused GET /api/v1/billingstatements: Organization 4242 was not found. [item 0]',
		);
	});
});
