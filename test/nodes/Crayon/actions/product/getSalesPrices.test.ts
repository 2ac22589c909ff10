/**
 * Product → Get Sales Prices: GET /api/v1/resellersalesprices[/current] with
 * ResellerSalesPriceFilter (crayon-api-sdk: ResellerSalesPriceResource.Get / GetCurrent).
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import { byId, fromList, pairedItemsOf, runForJson, useCrayon } from '../../../../helpers';

const PRICES = '/api/v1/resellersalesprices';

const getPrices = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'product',
	operation: 'getSalesPrices',
	objectType: 2,
	customerTenantId: fromList(SEED.tenantId, 'Contoso Ltd'),
	...parameters,
});

/** The query the node sends: the SDK's names, and the documentation's where they differ. */
const query = (objectId: number, objectType: number, type?: number, fromDate?: string) => ({
	ObjectId: String(objectId),
	ObjectType: String(objectType),
	resellerSalesPriceObjectType: String(objectType),
	...(type === undefined ? {} : { Type: String(type), resellerSalesPriceType: String(type) }),
	...(fromDate === undefined ? {} : { FromDate: fromDate }),
});

const DAY = /^\d{4}-\d{2}-\d{2}T00:00:00\+00:00$/;

describe('Product → Get Sales Prices', () => {
	const crayon = useCrayon();

	const requests = () =>
		crayon.apiRequests().map(({ method, path, query: sent }) => ({ method, path, query: sent }));

	it('reads the current NCE licence price of a customer tenant, as Crayon gives it', async () => {
		const { result, json } = await runForJson(crayon, getPrices());

		expect(result.error).toBeUndefined();
		expect(requests()).toEqual([
			{ method: 'GET', path: `${PRICES}/current`, query: query(SEED.tenantId, 2, 3) },
		]);
		expect(json).toEqual([
			{
				ObjectId: SEED.tenantId,
				ObjectType: 2,
				Type: 3,
				PriceType: 1,
				Value: 10,
				FromDate: expect.stringMatching(DAY),
				ChangedBy: 'reseller@example.com',
			},
		]);
	});

	it('lists the prices that apply from a date on: the one in force then and the later ones', async () => {
		const today = `${new Date().toISOString().slice(0, 10)}T00:00:00`;
		const { json } = await runForJson(crayon, getPrices({ prices: 'fromDate', fromDate: today }));

		expect(requests()).toEqual([
			{ method: 'GET', path: PRICES, query: query(SEED.tenantId, 2, 3, today) },
		]);
		expect(json.map((price) => price.Value)).toEqual([10, 9.75]);
	});

	it('lists every price of every type of an organization, and a subscription’s fixed price to the last decimal', async () => {
		const organization = await runForJson(
			crayon,
			getPrices({
				objectType: 1,
				organizationId: byId(SEED.salesPriceOrganizationId),
				prices: 'all',
				priceType: 0,
			}),
		);
		expect(organization.json.map((price) => [price.Type, price.Value])).toEqual([
			[2, 5],
			[3, 15],
		]);
		const subscription = await runForJson(
			crayon,
			getPrices({ objectType: 3, subscriptionId: fromList(SEED.nceSubscriptionId) }),
		);
		expect(subscription.json).toEqual([
			expect.objectContaining({ ObjectType: 3, PriceType: 2, Value: 27.3456 }),
		]);
		expect(requests().map((request) => request.query)).toEqual([
			query(SEED.salesPriceOrganizationId, 1),
			query(SEED.nceSubscriptionId, 3, 3),
		]);
	});

	it('reads one object per input item, each paired to it', async () => {
		const result = await crayon.runCrayon(
			getPrices({ customerTenantId: byId('={{ $json.tenantId }}'), prices: 'all', priceType: 0 }),
			[{ tenantId: SEED.tenantId }, { tenantId: SEED.legacyTenantId }],
		);
		expect(result.error).toBeUndefined();
		expect(pairedItemsOf(result.output('Crayon'))).toEqual([
			...Array(4).fill({ item: 0 }),
			{ item: 1 },
			{ item: 1 },
		]);
	});

	it('refuses what cannot be asked before sending anything: no object, no date, a current price of all types', async () => {
		for (const [parameters, problem] of [
			// Expressions that give nothing: n8n itself refuses required fields left empty.
			[{ customerTenantId: byId('={{ "" }}') }, '"Customer Tenant" is required'],
			[{ objectType: 5, objectId: '={{ "" }}' }, '"Object ID" is required'],
			[{ prices: 'fromDate', fromDate: '={{ "" }}' }, '"From Date" is required'],
			[
				{ priceType: 0 },
				'"Price Type" must be one type for the current price (one price of each type applies)',
			],
			[{ objectType: 7 }, '"Prices Of" must be one of: 1 (Organization)'],
		] as const) {
			const { result } = await runForJson(crayon, getPrices(parameters));
			expect(result.error?.message).toContain(problem);
		}
		expect(crayon.sim.requests).toEqual([]);
	});

	it('fails the item with Crayon’s answer when no current price of the type applies', async () => {
		const { result } = await runForJson(crayon, getPrices({ priceType: 5 }));
		expect(result.error?.message).toBe(
			`Crayon refused GET ${PRICES}/current: No AzureReservation sales price applies to CustomerTenant ${SEED.tenantId} now. [item 0]`,
		);
	});
});

describe('Product → Get Sales Prices, when Crayon binds the documentation’s query names', () => {
	const crayon = useCrayon({ resellerSalesPriceQuery: 'apidocs' });

	it('gets the same prices, as the node sends both names', async () => {
		const { json } = await runForJson(crayon, getPrices({ prices: 'all' }));
		expect(json.map((price) => price.Value)).toEqual([12.5, 10, 9.75]);
	});
});
