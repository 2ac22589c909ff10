/**
 * Product → Search: GET /api/v1/agreementproducts (crayon-api-sdk: AgreementProductResource.Get
 * with AgreementProductFilter), Return All paging over {Items, TotalHits}, Simplify.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import { byId, fromList, jsonOf, pairedItemsOf, runForJson, useCrayon } from '../../../../helpers';

const PRODUCTS = '/api/v1/agreementproducts';

const search = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'product',
	operation: 'search',
	customerTenantId: fromList(SEED.tenantId, 'Contoso Ltd'),
	...parameters,
});

describe('Product → Search', () => {
	const crayon = useCrayon();

	const queries = () => crayon.requestsTo('GET', PRODUCTS).map((request) => request.query);

	/** How many catalogue rows the simulator lists for a tenant that can buy NCE: one per term of an NCE product. */
	const rowCount = () =>
		[...crayon.sim.state.catalogue.values()].reduce(
			(count, product) =>
				count + (product.kind === 'nce' ? Math.max(1, Object.keys(product.terms).length) : 1),
			0,
		);

	it('finds products by name for the chosen customer tenant, simplified, with the tenant’s prices as Crayon gives them', async () => {
		const { result, json } = await runForJson(crayon, search({ search: 'office 365 e3' }));

		expect(result.error).toBeUndefined();
		expect(queries()).toEqual([
			{
				customerTenantId: String(SEED.tenantId),
				search: 'office 365 e3',
				page: '1',
				pageSize: '50',
			},
		]);
		expect(json.map((product) => [product.Name, product.TermDuration])).toEqual([
			['Office 365 E3', 'P1M'],
			['Office 365 E3', 'P1Y'],
			['Office 365 E3', 'P3Y'],
			['Office 365 E3 (legacy CSP)', null],
		]);
		expect(json[1]).toEqual({
			PartNumber: SEED.ncePartNumber,
			Name: 'Office 365 E3',
			ProductId: SEED.nceProductId,
			SkuId: SEED.nceSkuId,
			ProductVariantId: SEED.nceProductVariantId,
			Publisher: 'Microsoft',
			Program: 'CSP',
			ProductType: 'Subscription',
			TermDuration: 'P1Y',
			BillingCycles: 'Monthly, Annual',
			SalesPrice: 220.59,
			SalesPriceCurrency: 'NOK',
			RecommendedRetailPrice: 259.52,
			RecommendedRetailPriceCurrency: 'NOK',
			MonthMultiplier: 12,
			MinimumQuantity: 1,
			MaximumQuantity: SEED.nceMaxQuantity,
		});
		expect(json[2]).toMatchObject({ BillingCycles: 'Monthly, Annual, Triennial' });
		// A legacy offer is a GUID: no product and SKU ids in it.
		expect(json[3]).toMatchObject({
			PartNumber: SEED.legacyPartNumber,
			ProductId: null,
			SkuId: null,
			TermDuration: null,
		});
		expect(pairedItemsOf(result.output('Crayon'))).toEqual(json.map(() => ({ item: 0 })));
	});

	it('never rounds a price: four decimals of a tenant’s own price list come out as Crayon sent them', async () => {
		const { json } = await runForJson(
			crayon,
			search({
				customerTenantId: byId(SEED.specialPriceTenantId),
				filters: { partNumbers: [SEED.ncePartNumber] },
			}),
		);
		expect(
			json.map((product) => [product.TermDuration, product.SalesPrice, product.SalesPriceCurrency]),
		).toEqual([
			['P1M', 256.765, 'NOK'],
			['P1Y', 213.9708, 'NOK'],
			['P3Y', 213.9708, 'NOK'],
		]);
		expect(json[1].RecommendedRetailPrice).toBe(259.5158);
	});

	it('pages through the whole catalogue with Return All, asking Crayon page after page', async () => {
		const { result, json } = await runForJson(crayon, search({ returnAll: true }));

		expect(result.error).toBeUndefined();
		const rows = rowCount();
		expect(json).toHaveLength(rows);
		const pages = Math.ceil(rows / 50);
		expect(queries()).toEqual(
			Array.from({ length: pages }, (_, index) => ({
				customerTenantId: String(SEED.tenantId),
				page: String(index + 1),
				pageSize: '50',
			})),
		);
		const software = json.find((product) => product.ProductType === 'Software');
		expect(software).toMatchObject({
			BillingCycles: 'One Time',
			TermDuration: null,
			ProductId: SEED.softwareProductId,
		});
		const azurePlan = json.find((product) => product.PartNumber === SEED.azurePlanPartNumber);
		expect(azurePlan).toMatchObject({
			SalesPrice: null,
			SalesPriceCurrency: null,
			RecommendedRetailPrice: null,
		});
	});

	it('stops at the limit with one small request', async () => {
		const { json } = await runForJson(crayon, search({ limit: 5 }));
		expect(json).toHaveLength(5);
		expect(queries()).toEqual([
			{ customerTenantId: String(SEED.tenantId), page: '1', pageSize: '5' },
		]);
	});

	it('sends part numbers, program, product types and publisher as AgreementProductFilter’s Include lists, one key per value', async () => {
		const { json } = await runForJson(
			crayon,
			search({
				filters: {
					partNumbers: [SEED.ncePartNumber, SEED.e5PartNumber, SEED.teamsPremiumPartNumber],
					program: 'CSP',
					productTypes: ['Subscription'],
					publisher: 'Microsoft',
				},
			}),
		);
		const [request] = crayon.requestsTo('GET', PRODUCTS);
		// The simulator records repeated keys joined by commas; it finds the products because each
		// part number came as a key of its own (one value "A,B,C" would match none).
		expect(request.query).toEqual({
			customerTenantId: String(SEED.tenantId),
			'Include.PartNumbers': [
				SEED.ncePartNumber,
				SEED.e5PartNumber,
				SEED.teamsPremiumPartNumber,
			].join(','),
			'Include.ProgramNames': 'CSP',
			'Include.ProductTypeNames': 'Subscription',
			'Include.PublisherNames': 'Microsoft',
			page: '1',
			pageSize: '50',
		});
		// Teams Premium is an add-on, so the product type leaves it out.
		expect(new Set(json.map((product) => product.PartNumber))).toEqual(
			new Set([SEED.ncePartNumber, SEED.e5PartNumber]),
		);
	});

	it('outputs Crayon’s agreement products as they are without Simplify, one search per input item', async () => {
		const result = await crayon.runCrayon(
			search({
				customerTenantId: byId('={{ $json.tenantId }}'),
				search: '={{ $json.name }}',
				simplify: false,
			}),
			[
				{ tenantId: SEED.tenantId, name: 'Visio Plan 1' },
				{ tenantId: 502, name: 'Visio Plan 1' },
			],
		);

		expect(result.error).toBeUndefined();
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
		const raw = jsonOf(output) as IDataObject[];
		expect(raw[0]).toMatchObject({
			Name: 'Visio Plan 1',
			ProductVariant: { PartNumber: SEED.secondNcePartNumber, Id: SEED.secondNceProductVariantId },
			SalesPrice: { CurrencyCode: 'NOK' },
		});
		expect(raw[2]).toMatchObject({ SalesPrice: { CurrencyCode: 'SEK' } });
		expect(queries().map((query) => query.customerTenantId)).toEqual([
			String(SEED.tenantId),
			'502',
		]);
	});

	it('refuses a part number filter that is not one, before sending anything', async () => {
		const { result } = await runForJson(
			crayon,
			search({ filters: { partNumbers: [SEED.ncePartNumber, 'CFQ7TTC0LF8R:0001 '] } }),
		);
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Filters → Part Numbers → Line 2" may only contain letters, digits and ":", ".", "_", "-" (for example CFQ7TTC0LF8R:0001), with no spaces or line breaks (received "CFQ7TTC0LF8R:0001 ")',
		);
		expect(crayon.sim.requests).toEqual([]);
	});

	it('asks for the customer tenant', async () => {
		const { result } = await runForJson(crayon, search({ customerTenantId: fromList('') }));
		// n8n itself refuses a required locator left empty, before the node runs.
		expect(result.error?.message).toMatch(/"Customer Tenant\\?" is required/);
		expect(crayon.sim.requests).toEqual([]);
	});
});

describe('Product → Search, when the catalogue states no term', () => {
	const crayon = useCrayon({ catalogueStatesTerms: false });

	it('outputs the rows with no term rather than a guessed one', async () => {
		const { json } = await runForJson(
			crayon,
			search({ filters: { partNumbers: [SEED.ncePartNumber] } }),
		);
		expect(json.map((product) => product.TermDuration)).toEqual([null, null, null]);
		expect(json.map((product) => product.BillingCycles)).toEqual([
			'Monthly',
			'Monthly, Annual',
			'Monthly, Annual, Triennial',
		]);
	});
});
