import { inflateRawSync } from 'node:zlib';

import { BILLING_SEED, SEED } from '../../simulator';
import { apiClient, rawClient, useSimulator } from '../helpers';

interface Statement {
	Id: number;
	TotalSalesPrice: { Value: number; CurrencyCode: string };
	InvoiceProfile: { Id: number; Name: string };
	Organization: { Id: number; Name: string };
	StartDate: string;
	EndDate: string;
	ProvisionType: number;
	OrderId: string;
}

/** The first and last second of the month `monthsAgo` months before this one, as Crayon writes them. */
function month(monthsAgo: number): { from: string; to: string } {
	const now = new Date();
	const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
	const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo + 1, 1) - 1000);
	const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
	return { from: iso(start), to: iso(end) };
}

/** The files of a stored (uncompressed) zip archive, by name. */
function unzip(archive: Buffer): Record<string, Buffer> {
	const files: Record<string, Buffer> = {};
	for (let at = 0; archive.readUInt32LE(at) === 0x04034b50; ) {
		const method = archive.readUInt16LE(at + 8);
		const size = archive.readUInt32LE(at + 18);
		const nameLength = archive.readUInt16LE(at + 26);
		const name = archive.subarray(at + 30, at + 30 + nameLength).toString('utf8');
		const data = archive.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
		files[name] = method === 8 ? inflateRawSync(data) : data;
		at += 30 + nameLength + size;
	}
	return files;
}

describe('The simulator (billing statements and files, invoices, order items, usage)', () => {
	const { sim, api } = useSimulator({}, { login: 'beforeAll' });

	it('lists billing statements of an organization, paged, with amounts that are the sum of their records', async () => {
		const first = await api.get('/api/v1/billingstatements/', {
			params: { organizationId: SEED.organizationId },
		});
		expect(first.status).toBe(200);
		expect(first.data.TotalHits).toBe(BILLING_SEED.organizationStatementCount);
		expect(first.data.Items).toHaveLength(50);
		const second = await api.get('/api/v1/billingstatements', {
			params: { OrganizationId: SEED.organizationId, Page: 2, PageSize: 50 },
		});
		expect(second.data.Items).toHaveLength(5);
		const statement = first.data.Items[0] as Statement;
		expect(statement).toEqual({
			Id: BILLING_SEED.firstStatementId,
			TotalSalesPrice: { Value: expect.any(Number), CurrencyCode: 'NOK' },
			InvoiceProfile: { Id: BILLING_SEED.invoiceProfileId, Name: 'My company - invoices' },
			Organization: { Id: SEED.organizationId, Name: SEED.organizationName },
			StartDate: month(BILLING_SEED.historyMonths).from,
			EndDate: month(BILLING_SEED.historyMonths).to,
			ProvisionType: 1,
			OrderId: String(BILLING_SEED.firstOrderId),
		});
		const records = (await api.get(`/api/v1/billingstatements/${statement.Id}/billingrecordsfile/`))
			.data;
		const file = JSON.parse(Buffer.from(records.Data, 'base64').toString('utf8')) as Array<{
			Amount: number;
		}>;
		const cents = file.reduce((sum, record) => sum + Math.round(record.Amount * 100), 0);
		expect(cents).toBe(Math.round(statement.TotalSalesPrice.Value * 100));
	});

	it('filters statements by invoice profile, provision type (number or name) and period', async () => {
		const lastMonth = month(1);
		const filtered = await api.get('/api/v1/billingstatements', {
			params: { organizationId: SEED.organizationId, ...lastMonth },
		});
		expect(filtered.data.Items.map((s: Statement) => s.ProvisionType)).toEqual([1, 2, 3]);
		const usage = await api.get('/api/v1/billingstatements', {
			params: { organizationId: SEED.organizationId, provisionType: 'Usage', ...lastMonth },
		});
		expect(usage.data.Items).toEqual([
			expect.objectContaining({
				ProvisionType: 2,
				InvoiceProfile: {
					Id: BILLING_SEED.usageInvoiceProfileId,
					Name: 'My company - Azure consumption',
				},
			}),
		]);
		const byProfile = await api.get('/api/v1/billingstatements', {
			params: {
				organizationId: SEED.organizationId,
				invoiceProfileId: BILLING_SEED.usageInvoiceProfileId,
				provisionType: 0,
			},
		});
		expect(byProfile.data.TotalHits).toBe(BILLING_SEED.historyMonths);
		// The SDK's defaults: every statement.
		const sdk = await api.get(
			`/api/v1/billingstatements/?InvoiceProfileId=0&OrganizationId=${SEED.organizationId}&ProvisionType=0&From=0001-01-01T00%3A00%3A00.0000000%2B00%3A00&To=9999-12-31T23%3A59%3A59.9999999%2B00%3A00&Page=1&PageSize=50`,
		);
		expect(sdk.data.TotalHits).toBe(BILLING_SEED.organizationStatementCount);
	});

	it('refuses a statement list without an organization, with bad filters, or of an unknown organization', async () => {
		expect((await api.get('/api/v1/billingstatements')).status).toBe(400);
		expect(
			(await api.get('/api/v1/billingstatements', { params: { organizationId: 0 } })).status,
		).toBe(400);
		for (const params of [
			{ provisionType: 9 },
			{ from: '2025-02-30' },
			{ to: 'soon' },
			{ page: 0 },
		]) {
			const answer = await api.get('/api/v1/billingstatements', {
				params: { organizationId: SEED.organizationId, ...params },
			});
			expect(answer.status).toBe(400);
			expect(answer.data).toMatchObject({ ErrorCode: '400 BadRequest' });
		}
		expect(
			(await api.get('/api/v1/billingstatements', { params: { organizationId: 4242 } })).status,
		).toBe(404);
	});

	it('serves the three files of a statement as JSON with base64 Data, or the file itself', async () => {
		const statement = sim.state.billing.statements[0];
		const records = await api.get(`/api/v1/billingstatements/${statement.id}/billingrecordsfile`);
		expect(records.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(records.data).toEqual({
			BillingStatement: expect.objectContaining({ Id: statement.id }),
			FileName: 'customer-billing-records.json',
			Data: sim.state.billing.file(statement, 'records').bytes.toString('base64'),
		});
		const reconciliation = await api.get(
			`/api/v1/billingstatements/${statement.id}/reconciliationfile`,
		);
		const csv = Buffer.from(reconciliation.data.Data, 'base64').toString('utf8');
		expect(reconciliation.data.FileName).toBe('customer-reconciliation.csv');
		expect(csv.split('\r\n')[0]).toMatch(/^OrganizationName,PeriodMonth,PeriodYear,CompanyName,/);
		expect(csv.split('\r\n')).toHaveLength(statement.records.length + 2);
		const workbook = await api.get(`/api/v1/billingstatements/file/${statement.id}/`);
		expect(workbook.data.FileName).toBe('customer-billings-statement.xlsx');
		const parts = unzip(Buffer.from(workbook.data.Data, 'base64'));
		expect(Object.keys(parts)).toEqual([
			'[Content_Types].xml',
			'_rels/.rels',
			'xl/workbook.xml',
			'xl/_rels/workbook.xml.rels',
			'xl/worksheets/sheet1.xml',
		]);
		expect(parts['xl/worksheets/sheet1.xml'].toString()).toContain(
			`<t xml:space="preserve">${String(statement.records[0].CompanyName)}</t>`,
		);

		const raw = await api.get(`/api/v1/billingstatements/${statement.id}/billingrecordsfile`, {
			headers: { Accept: 'application/octet-stream' },
			responseType: 'arraybuffer',
		});
		expect(raw.headers['content-type']).toBe('application/json');
		expect(raw.headers['content-disposition']).toBe(
			'attachment; filename="customer-billing-records.json"',
		);
		expect(Buffer.from(raw.data as ArrayBuffer)).toEqual(
			sim.state.billing.file(statement, 'records').bytes,
		);
		expect(
			(
				await api.get(
					`/api/v1/billingstatements/${BILLING_SEED.unknownStatementId}/billingrecordsfile`,
				)
			).status,
		).toBe(404);
		expect(
			(await rawClient(sim).get(`/api/v1/billingstatements/${statement.id}/billingrecordsfile`))
				.status,
		).toBe(401);
	});

	it('splits one records file into a zip of two JSON files', async () => {
		const answer = await api.get(
			`/api/v1/billingstatements/${BILLING_SEED.splitRecordsStatementId}/billingrecordsfile`,
		);
		expect(answer.data.FileName).toBe('customer-billing-records.zip');
		const parts = unzip(Buffer.from(answer.data.Data, 'base64'));
		const records = [
			...JSON.parse(parts['customer-billing-records-1.json'].toString()),
			...JSON.parse(parts['customer-billing-records-2.json'].toString()),
		];
		expect(records).toEqual(
			sim.state.billing.statement(BILLING_SEED.splitRecordsStatementId)?.records,
		);
	});

	it('lists invoices of an organization, one per statement, and the items of an invoice order', async () => {
		const invoices = await api.get(`/api/v1/invoices/${SEED.organizationId}`, {
			params: { page: 1, pageSize: 2 },
		});
		const statement = sim.state.billing.statements[0];
		expect(invoices.data.TotalHits).toBe(BILLING_SEED.organizationStatementCount);
		expect(invoices.data.Items[0]).toEqual({
			InvoiceId: String(BILLING_SEED.firstInvoiceId),
			OrderId: String(BILLING_SEED.firstOrderId),
			SalesCurrencyCode: 'NOK',
			SalesAmount: statement.totalUnits / 100,
			InvoiceCustomerId: 'CUST-100869',
			InvoiceCustomerName: SEED.organizationName,
			OrderCustomerId: 'CUST-100869',
			OrderCustomerName: SEED.organizationName,
			CustomerReference: 'My company - invoices',
			CustomerRequisition: `REQ-${BILLING_SEED.invoiceProfileId}`,
			InvoiceDate: new Date(statement.end + 1000).toISOString().replace('.000', ''),
		});
		const items = await api.get(`/api/v1/orders/${statement.orderId}/items`, {
			params: { organizationId: SEED.organizationId },
		});
		expect(Array.isArray(items.data)).toBe(true);
		const rowTotals = (
			items.data as Array<{ RowTotal: number; Price: number; Quantity: number }>
		).map((item) => {
			expect(Math.round(item.Price * 100) * item.Quantity).toBe(Math.round(item.RowTotal * 100));
			return Math.round(item.RowTotal * 100);
		});
		expect(rowTotals.reduce((sum, total) => sum + total, 0)).toBe(statement.totalUnits);
		expect(
			(
				await api.get(`/api/v1/orders/${statement.orderId}/items`, {
					params: { organizationId: SEED.secondOrganizationId },
				})
			).status,
		).toBe(404);
		expect((await api.get(`/api/v1/orders/${statement.orderId}/items`)).status).toBe(400);
		expect((await api.get(`/api/v1/invoices/4242`)).status).toBe(404);
	});

	it('reports usage cost of an organization and of one Azure subscription, consistent with each other', async () => {
		const from = '2024-01-01T00:00:00';
		const to = '2024-01-31T00:00:00';
		const organization = await api.get(
			`/api/v1/usagecost/organization/${SEED.organizationId}/?from=${from}&to=${to}`,
		);
		const azure = sim.state.billing.azureSubscriptions.get(BILLING_SEED.azureSubscriptionId);
		const row = organization.data.Items.find(
			(item: { SubscriptionId: string }) => item.SubscriptionId === azure?.publisherSubscriptionId,
		);
		expect(row).toEqual({
			Supplier: 'Microsoft',
			AccountId: SEED.tenantId,
			AccountName: SEED.tenantName,
			SubscriptionName: 'Contoso Production',
			SubscriptionId: azure?.publisherSubscriptionId,
			Amount: ((18_734 + 2_291 + 9_412 + 31_057) * 24 * 31) / 10_000,
			CurrencyCode: 'NOK',
		});
		expect(organization.data.TotalHits).toBe(3);
		const bySubscription = await api.post('/api/v1/usagecost/getForSubscription', {
			ResellerCustomerId: SEED.tenantId,
			SubscriptionId: azure?.publisherSubscriptionId,
			CurrencyCode: 'NOK',
			From: from,
			To: to,
		});
		expect(bySubscription.data.Items).toEqual([
			{ Category: 'Virtual Machines', Amount: (18_734 * 24 * 31) / 10_000, CurrencyCode: 'NOK' },
			{ Category: 'Storage', Amount: (2_291 * 24 * 31) / 10_000, CurrencyCode: 'NOK' },
			{ Category: 'Azure App Service', Amount: (9_412 * 24 * 31) / 10_000, CurrencyCode: 'NOK' },
			{ Category: 'SQL Database', Amount: (31_057 * 24 * 31) / 10_000, CurrencyCode: 'NOK' },
		]);
		const wrong = await api.post('/api/v1/usagecost/getForSubscription', {
			ResellerCustomerId: SEED.tenantId,
			SubscriptionId: azure?.publisherSubscriptionId,
			CurrencyCode: 'EUR',
			From: from,
			To: to,
		});
		expect(wrong.status).toBe(400);
		expect(
			(await api.get(`/api/v1/usagecost/organization/${SEED.organizationId}/?from=${from}`)).status,
		).toBe(400);
		expect(
			(
				await api.get(
					`/api/v1/usagecost/organization/${SEED.organizationId}/?from=${to}&to=${from}`,
				)
			).status,
		).toBe(400);
	});

	it('gives the monthly Azure usage file link of an Azure subscription', async () => {
		const answer = await api.get(
			`/api/v1/AzureUsage/${BILLING_SEED.azurePlanId}/azureSubscriptions/${BILLING_SEED.azureSubscriptionId}/monthlyUsage`,
			{ params: { year: 2024, month: 1, includeBom: 1 } },
		);
		expect(answer.data).toEqual({
			file: {
				url: expect.stringMatching(
					/^https:\/\/simulatorusage\.blob\.core\.windows\.invalid\/azure-usage\/monthly\/2024\/1\/subscriptions\/[0-9a-f-]{36}\/azure-usage\.csv\?/,
				),
				urlExpiry: expect.any(String),
				lastModified: expect.any(String),
			},
		});
		for (const params of [
			{ year: 2024 },
			{ year: 2024, month: 13 },
			{ year: 2024, month: 1, includeBom: 2 },
		]) {
			const refused = await api.get(
				`/api/v1/AzureUsage/${BILLING_SEED.azurePlanId}/azureSubscriptions/${BILLING_SEED.azureSubscriptionId}/monthlyUsage`,
				{ params },
			);
			expect(refused.status).toBe(400);
		}
		const otherPlan = await api.get(
			`/api/v1/AzureUsage/${BILLING_SEED.fabrikamAzurePlanId}/azureSubscriptions/${BILLING_SEED.azureSubscriptionId}/monthlyUsage`,
			{ params: { year: 2024, month: 1 } },
		);
		expect(otherPlan.status).toBe(404);
		const future = await api.get(
			`/api/v1/AzureUsage/${BILLING_SEED.azurePlanId}/azureSubscriptions/${BILLING_SEED.azureSubscriptionId}/monthlyUsage`,
			{ params: { year: new Date().getUTCFullYear() + 1, month: 1 } },
		);
		expect(future.status).toBe(404);
	});
});

describe('The simulator with orderItemsAnswer: collection', () => {
	const { sim } = useSimulator({ orderItemsAnswer: 'collection' });

	it('answers the order items as {Items, TotalHits}', async () => {
		const api = await apiClient(sim);
		const statement = sim.state.billing.statements[0];
		const items = await api.get(`/api/v1/orders/${statement.orderId}/items`, {
			params: { organizationId: SEED.organizationId },
		});
		expect(items.data).toEqual({ Items: expect.any(Array), TotalHits: items.data.Items.length });
	});
});
