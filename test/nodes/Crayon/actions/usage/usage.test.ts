/**
 * Usage → Get Cost by Organization (GET /api/v1/usagecost/organization/{id}/?from&to), Get Cost by
 * Subscription (POST /api/v1/usagecost/getForSubscription) and Get Azure Usage File Link
 * (GET /api/v1/AzureUsage/{plan}/azureSubscriptions/{id}/monthlyUsage).
 */
import { BILLING_SEED, SEED } from '../../../../../simulator';
import { byId, errorText, expectNothingSent, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

describe('Usage', () => {
	it('gets the usage cost of an organization, one item per Azure subscription, with the dates as the SDK sends them', async () => {
		const { result, json } = await runForJson(crayon, {
			resource: 'usage',
			operation: 'getOrganizationCost',
			organizationId: byId(SEED.organizationId),
			from: '2024-01-01',
			to: '2024-01-31T00:00:00',
		});
		expect(result.error).toBeUndefined();
		expect(crayon.apiRequests().map(({ path, query }) => [path, query])).toEqual([
			[
				`/api/v1/usagecost/organization/${SEED.organizationId}/`,
				{ from: '2024-01-01T00:00:00', to: '2024-01-31T00:00:00' },
			],
		]);
		expect(json).toHaveLength(3);
		expect(json[0]).toEqual({
			Supplier: 'Microsoft',
			AccountId: SEED.tenantId,
			AccountName: SEED.tenantName,
			SubscriptionName: 'Contoso Production',
			SubscriptionId: crayon.sim.state.billing.azureSubscriptions.get(
				BILLING_SEED.azureSubscriptionId,
			)?.publisherSubscriptionId,
			Amount: ((18_734 + 2_291 + 9_412 + 31_057) * 24 * 31) / 10_000,
			CurrencyCode: 'NOK',
		});
	});

	it('gets the usage cost of one Azure subscription by category, sending the SDK request body', async () => {
		const guid = crayon.sim.state.billing.azureSubscriptions.get(BILLING_SEED.azureSubscriptionId)
			?.publisherSubscriptionId as string;
		const { json } = await runForJson(crayon, {
			resource: 'usage',
			operation: 'getSubscriptionCost',
			customerTenantId: byId(SEED.tenantId),
			subscriptionId: guid,
			currencyCode: 'NOK',
			from: '2024-02-01',
			to: '2024-02-29',
		});
		expect(crayon.apiCalls()).toEqual([
			crayon.call('POST', '/api/v1/usagecost/getForSubscription', {
				ResellerCustomerId: SEED.tenantId,
				SubscriptionId: guid,
				CurrencyCode: 'NOK',
				From: '2024-02-01T00:00:00',
				To: '2024-02-29T00:00:00',
			}),
		]);
		expect(json.map((row) => row.Category)).toEqual([
			'Virtual Machines',
			'Storage',
			'Azure App Service',
			'SQL Database',
		]);
		expect(json[0]).toEqual({
			Category: 'Virtual Machines',
			Amount: (18_734 * 24 * 29) / 10_000,
			CurrencyCode: 'NOK',
		});
	});

	it('refuses a time with a time zone, a wrong currency code or Azure subscription ID before sending anything', async () => {
		const result = await crayon.runCrayon({
			resource: 'usage',
			operation: 'getSubscriptionCost',
			customerTenantId: byId(SEED.tenantId),
			subscriptionId: 'Contoso Production',
			currencyCode: 'nok',
			from: '2024-02-01T00:00:00Z',
			to: '2024-02-29',
		});
		expectNothingSent(crayon, result);
		const text = errorText(result.nodeError('Crayon'));
		expect(text).toContain('"Azure Subscription ID" must be an Azure subscription ID');
		expect(text).toContain('"Currency Code" must be a currency code of three capital letters');
		expect(text).toContain(
			'"From" must be a date such as 2025-10-01 or a date and time such as 2025-10-01T00:00:00, without time zone',
		);
	});

	it('gets the monthly Azure usage file link', async () => {
		const { json } = await runForJson(crayon, {
			resource: 'usage',
			operation: 'getAzureUsageFileLink',
			azurePlanId: BILLING_SEED.azurePlanId,
			azureSubscriptionId: BILLING_SEED.azureSubscriptionId,
			year: 2024,
			month: 3,
			includeBom: true,
		});
		expect(crayon.apiRequests().map(({ path, query }) => [path, query])).toEqual([
			[
				`/api/v1/AzureUsage/${BILLING_SEED.azurePlanId}/azureSubscriptions/${BILLING_SEED.azureSubscriptionId}/monthlyUsage`,
				{ year: '2024', month: '3', includeBom: '1' },
			],
		]);
		expect(json).toEqual([
			{
				file: {
					url: expect.stringContaining('/azure-usage/monthly/2024/3/subscriptions/'),
					urlExpiry: expect.any(String),
					lastModified: expect.any(String),
				},
			},
		]);
	});
});
