/**
 * The simulator's catalogue and prices: GET /api/v1/agreementproducts (paged {Items, TotalHits},
 * priced per customer tenant), GET …/{partNumber}/supportedbillingcycles and GET
 * /api/v1/resellersalesprices[/current], with the options for what no source decides.
 */
import type { AxiosInstance } from 'axios';

import { SEED } from '../../simulator';
import { apiClient, useSimulator } from '../helpers';

const PRODUCTS = '/api/v1/agreementproducts';
const SALES_PRICES = '/api/v1/resellersalesprices';

interface Row {
	Name: string;
	UniqueId: string;
	ProductVariant: {
		Id: number;
		PartNumber: string;
		Product: { Id: number; PartNumber: string; PublisherProductId: string | null };
		ProductType: { Name: string };
		MinimumCommitment: { Months: number } | null;
		PurchasePeriod: string | null;
		AvailableBillingCycleIds: number[];
	};
	SalesPrice: { Value: number; CurrencyCode: string } | null;
	RecommendedRetailPrice: { Value: number; CurrencyCode: string } | null;
	MonthMultiplier: number;
	Agreement: { Id: number; Name: string };
}

async function rows(api: AxiosInstance, params: Record<string, unknown>): Promise<Row[]> {
	const answer = await api.get(PRODUCTS, { params, paramsSerializer: { indexes: null } });
	expect(answer.status).toBe(200);
	return answer.data.Items as Row[];
}

describe('The simulator (catalogue)', () => {
	const { sim, api } = useSimulator({}, { login: 'beforeAll' });

	it('lists a few dozen products, one row per term, paged over {Items, TotalHits} and sorted by name', async () => {
		const products = sim.state.catalogue.size;
		expect(products).toBeGreaterThanOrEqual(30);
		const first = await api.get(PRODUCTS, { params: { customerTenantId: SEED.tenantId } });
		expect(first.data.TotalHits).toBeGreaterThan(products);
		expect(first.data.Items).toHaveLength(50);
		expect(first.data.Filter).toMatchObject({
			Page: 1,
			PageSize: 50,
			CustomerTenantId: SEED.tenantId,
		});
		const all: Row[] = [];
		for (let page = 1; all.length < first.data.TotalHits; page++) {
			all.push(...(await rows(api, { customerTenantId: SEED.tenantId, page, pageSize: 20 })));
		}
		expect(all).toHaveLength(first.data.TotalHits);
		expect(new Set(all.map((row) => row.UniqueId)).size).toBe(all.length);
		const names = all.map((row) => row.Name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

		const e3 = all.filter((row) => row.ProductVariant.PartNumber === SEED.ncePartNumber);
		expect(
			e3.map((row) => [
				row.ProductVariant.PurchasePeriod,
				row.ProductVariant.AvailableBillingCycleIds,
			]),
		).toEqual([
			['P1M', [1]],
			['P1Y', [1, 2]],
			['P3Y', [1, 2, 8]],
		]);
		expect(e3[0].ProductVariant).toMatchObject({
			Id: SEED.nceProductVariantId,
			MinimumCommitment: { Months: 1 },
			Product: { PartNumber: SEED.ncePartNumber, PublisherProductId: SEED.nceProductId },
			ProductType: { Name: 'Subscription' },
		});
		const software = all.find(
			(row) => row.ProductVariant.Product.PublisherProductId === SEED.softwareProductId,
		);
		expect(software?.ProductVariant).toMatchObject({
			MinimumCommitment: null,
			AvailableBillingCycleIds: [4],
		});
		const azure = all.find((row) => row.ProductVariant.PartNumber === SEED.azurePlanPartNumber);
		expect(azure).toMatchObject({ SalesPrice: null, RecommendedRetailPrice: null });
	});

	it('prices per customer: the tenant country’s currency, tenant 486’s own list with four decimals, euro without a tenant', async () => {
		const e3Year = async (customerTenantId?: number) =>
			(await rows(api, { customerTenantId, 'Include.PartNumbers': SEED.ncePartNumber })).find(
				(row) => row.ProductVariant.PurchasePeriod === 'P1Y',
			) as Row;
		// €22.60 a month at retail; Crayon's price 85 % of it.
		expect(await e3Year()).toMatchObject({
			RecommendedRetailPrice: { Value: 22.6, CurrencyCode: 'EUR' },
			SalesPrice: { Value: 19.21, CurrencyCode: 'EUR' },
			MonthMultiplier: 12,
		});
		expect(await e3Year(SEED.tenantId)).toMatchObject({
			RecommendedRetailPrice: { Value: 259.52, CurrencyCode: 'NOK' },
			SalesPrice: { Value: 220.59, CurrencyCode: 'NOK' },
			Agreement: { Name: 'CSP Norway' },
		});
		expect(await e3Year(502)).toMatchObject({ SalesPrice: { CurrencyCode: 'SEK' } });
		expect(await e3Year(SEED.specialPriceTenantId)).toMatchObject({
			RecommendedRetailPrice: { Value: 259.5158, CurrencyCode: 'NOK' },
			SalesPrice: { Value: 213.9708, CurrencyCode: 'NOK' },
			Agreement: { Name: 'Fabrikam framework agreement' },
		});
		// A month's term costs 20 % more.
		const e3Month = (await rows(api, { 'Include.PartNumbers': SEED.ncePartNumber }))[0];
		expect(e3Month.RecommendedRetailPrice).toEqual({ Value: 27.12, CurrencyCode: 'EUR' });
	});

	it('searches by text and filters by part numbers, program, product type and publisher (Include.… and Exclude.…)', async () => {
		const teams = await rows(api, { customerTenantId: SEED.tenantId, search: ' TEAMS ' });
		expect(teams.length).toBeGreaterThan(0);
		for (const row of teams) expect(row.Name.toLowerCase()).toContain('teams');
		const two = await rows(api, {
			customerTenantId: SEED.tenantId,
			'Include.PartNumbers': [SEED.ncePartNumber, SEED.e5PartNumber.toLowerCase()],
		});
		expect(new Set(two.map((row) => row.ProductVariant.PartNumber))).toEqual(
			new Set([SEED.ncePartNumber, SEED.e5PartNumber]),
		);
		const addons = await rows(api, {
			'Include.ProductTypeNames': 'subscription add-on',
			pageSize: 100,
		});
		expect(addons.length).toBeGreaterThan(0);
		for (const row of addons)
			expect(row.ProductVariant.ProductType.Name).toBe('Subscription Add-On');
		const seats = await rows(api, {
			'Include.ProgramNames': 'CSP',
			'Include.PublisherNames': 'Microsoft',
			'Exclude.ProductTypeNames': ['Subscription Add-On', 'Software', 'Azure Plan'],
			pageSize: 200,
		});
		expect(seats.every((row) => row.ProductVariant.ProductType.Name === 'Subscription')).toBe(true);
		expect(await rows(api, { 'Include.ProgramNames': 'SPLA' })).toEqual([]);
		expect(
			await rows(api, {
				'Include.PurchasePeriodNames': 'P3Y',
				'Include.BillingCycles': 'ThreeYears',
				pageSize: 100,
			}),
		).not.toEqual([]);
	});

	it('offers the NCE-ineligible tenant no New Commerce products', async () => {
		const offered = await rows(api, {
			customerTenantId: SEED.nceIneligibleTenantId,
			pageSize: 200,
		});
		expect(offered.some((row) => row.ProductVariant.PartNumber === SEED.legacyPartNumber)).toBe(
			true,
		);
		expect(offered.some((row) => row.ProductVariant.PartNumber === SEED.ncePartNumber)).toBe(false);
	});

	it('refuses what its filter cannot bind with 400 and an unknown tenant as NotFound', async () => {
		for (const params of [
			{ page: 0 },
			{ pageSize: 'x' },
			{ customerTenantId: 'contoso' },
			{ isTrial: 'yes' },
			{ sortOrder: 'Sideways' },
			{ searchDate: '2025-02-30' },
			{ 'Include.PublisherIds': 'microsoft' },
		]) {
			const answer = await api.get(PRODUCTS, { params });
			expect([answer.status, Object.keys(params)]).toEqual([400, Object.keys(params)]);
		}
		const unknown = await api.get(PRODUCTS, { params: { customerTenantId: SEED.unknownTenantId } });
		expect(unknown.status).toBe(400);
		expect(unknown.data.ObjectErrors[0]).toMatchObject({ ErrorCode: 'NotFound' });
	});

	it('answers the supported billing cycles of a part number as a bare array of BillingCycleEnum values', async () => {
		const cycles = (partNumber: string, params: object = { resellerCustomerId: SEED.tenantId }) =>
			api.get(`${PRODUCTS}/${partNumber}/supportedbillingcycles`, { params });
		expect((await cycles(SEED.ncePartNumber)).data).toEqual([1, 2, 8]);
		expect((await cycles(SEED.secondNcePartNumber)).data).toEqual([1, 2]);
		expect((await cycles(`${SEED.softwareProductId}:${SEED.softwareSkuId}`)).data).toEqual([4]);
		expect(
			(await cycles(SEED.ncePartNumber, { resellerCustomerId: SEED.nceIneligibleTenantId })).data,
		).toEqual([]);
		expect((await cycles(SEED.unknownNcePartNumber)).status).toBe(404);
		expect((await cycles(SEED.ncePartNumber, {})).status).toBe(400);
		expect(
			(await cycles(SEED.ncePartNumber, { resellerCustomerId: SEED.unknownTenantId })).status,
		).toBe(400);
	});

	describe('reseller sales prices', () => {
		const ofTenant = (params: Record<string, unknown> = {}) =>
			api.get(SALES_PRICES, { params: { ObjectId: SEED.tenantId, ObjectType: 2, ...params } });

		it('lists every price of an object (a bare array), of one type, or those that apply from a date', async () => {
			const all = await ofTenant();
			expect(all.status).toBe(200);
			expect(
				all.data.map((price: { Type: number; Value: number }) => [price.Type, price.Value]),
			).toEqual([
				[1, 8],
				[3, 12.5],
				[3, 10],
				[3, 9.75],
			]);
			expect(all.data[0]).toEqual({
				ObjectId: SEED.tenantId,
				ObjectType: 2,
				Type: 1,
				PriceType: 1,
				Value: 8,
				FromDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00\+00:00$/),
				ChangedBy: 'reseller@example.com',
			});
			const nce = await ofTenant({ Type: 'NCELicense' });
			expect(nce.data).toHaveLength(3);
			const fromToday = await ofTenant({ Type: 3, FromDate: new Date().toISOString() });
			expect(fromToday.data.map((price: { Value: number }) => price.Value)).toEqual([10, 9.75]);
		});

		it('answers the current price of a type, 404 when none applies, 400 without the type', async () => {
			const current = await api.get(`${SALES_PRICES}/current`, {
				params: { ObjectId: SEED.nceSubscriptionId, ObjectType: 3, Type: 3 },
			});
			expect(current.data).toMatchObject({ ObjectType: 3, PriceType: 2, Value: 27.3456 });
			const tenant = await api.get(`${SALES_PRICES}/current`, {
				params: { ObjectId: SEED.tenantId, ObjectType: 2, Type: 3 },
			});
			expect(tenant.data.Value).toBe(10);
			const none = await api.get(`${SALES_PRICES}/current`, {
				params: { ObjectId: SEED.tenantId, ObjectType: 2, Type: 5 },
			});
			expect(none.status).toBe(404);
			const untyped = await api.get(`${SALES_PRICES}/current`, {
				params: { ObjectId: SEED.tenantId, ObjectType: 2 },
			});
			expect(untyped.status).toBe(400);
		});

		it('refuses a missing or unknown object and values that are not the enumerations', async () => {
			for (const params of [
				{ ObjectType: 2 },
				{ ObjectId: SEED.tenantId },
				{ ObjectId: SEED.tenantId, ObjectType: 9 },
				{ ObjectId: SEED.tenantId, ObjectType: 2, Type: 'Licence' },
				{ ObjectId: SEED.tenantId, ObjectType: 2, FromDate: 'yesterday' },
			]) {
				expect((await api.get(SALES_PRICES, { params })).status).toBe(400);
			}
			expect((await ofTenant({ ObjectId: SEED.unknownTenantId })).status).toBe(404);
			expect(
				(await api.get(SALES_PRICES, { params: { ObjectId: 1, ObjectType: 'Asset' } })).status,
			).toBe(404);
		});
	});
});

describe('The simulator (catalogue, options for what no source decides)', () => {
	const { sim } = useSimulator({
		catalogueStatesTerms: false,
		supportedBillingCyclesAs: 'names',
		resellerSalesPriceQuery: 'apidocs',
	});

	it('can list rows without a stated term, answer billing cycles by name and bind the documentation’s query names', async () => {
		const api = await apiClient(sim);
		const e3 = await rows(api, { 'Include.PartNumbers': SEED.ncePartNumber });
		expect(
			e3.map((row) => [row.ProductVariant.MinimumCommitment, row.ProductVariant.PurchasePeriod]),
		).toEqual([
			[null, null],
			[null, null],
			[null, null],
		]);
		const cycles = await api.get(`${PRODUCTS}/${SEED.ncePartNumber}/supportedbillingcycles`, {
			params: { resellerCustomerId: SEED.tenantId },
		});
		expect(cycles.data).toEqual(['Monthly', 'Annual', 'ThreeYears']);
		const documented = await api.get(SALES_PRICES, {
			params: {
				objectId: SEED.tenantId,
				resellerSalesPriceObjectType: 2,
				resellerSalesPriceType: 1,
			},
		});
		expect(documented.data).toHaveLength(1);
		const sdkNames = await api.get(SALES_PRICES, {
			params: { ObjectId: SEED.tenantId, ObjectType: 2 },
		});
		expect(sdkNames.status).toBe(400);
	});
});
