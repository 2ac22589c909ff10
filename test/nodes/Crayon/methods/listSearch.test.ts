import type { INodeListSearchResult, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { SEED } from '../../../../simulator';
import { listSearch } from '../../../../harness';
import { useCrayon } from '../../../helpers';

describe('List search', () => {
	const crayon = useCrayon();

	it('lists customer tenants by name with their domain prefix and ID, and searches them', async () => {
		const all = await listSearch.searchCustomerTenants.call(crayon.listSearchContext());
		expect(all.results).toHaveLength(SEED.tenantCount);
		expect(all.results[0]).toEqual({
			name: `${SEED.tenantName} (contoso, ID ${SEED.tenantId})`,
			value: String(SEED.tenantId),
		});
		expect(all.paginationToken).toBeUndefined();

		const searched = await listSearch.searchCustomerTenants.call(
			crayon.listSearchContext(),
			' fabrikam ',
		);
		expect(searched.results.map((result) => result.value)).toEqual([String(SEED.legacyTenantId)]);
		expect(crayon.apiRequests().at(-1)?.query).toEqual({
			search: 'fabrikam',
			page: '1',
			pageSize: '50',
		});
	});

	it('pages through the 120 subscriptions with the pagination token', async () => {
		const pages: INodeListSearchResult[] = [];
		let token: unknown;
		do {
			const page = await listSearch.searchSubscriptions.call(
				crayon.listSearchContext(),
				'',
				token as string | undefined,
			);
			pages.push(page);
			token = page.paginationToken;
		} while (token !== undefined && pages.length < 10);

		expect(pages.map((page) => page.results.length)).toEqual([50, 50, 20]);
		expect(pages.map((page) => page.paginationToken)).toEqual([2, 3, undefined]);
		const values = pages.flatMap((page) => page.results.map((result) => result.value));
		expect(new Set(values).size).toBe(SEED.subscriptionCount);
		// The ID first, where a long label is not cut off; then what it is and whose.
		expect(pages[0].results[1]).toEqual({
			name: `${SEED.suspendedSubscriptionId} · Suspended subscription · ${SEED.organizationName}, tenant ${SEED.legacyTenantId} (Suspended, 5 licences)`,
			value: String(SEED.suspendedSubscriptionId),
		});
		expect(crayon.apiRequests().map((request) => request.query.page)).toEqual(['1', '2', '3']);
		// Every status, as the SDK asks: Crayon's own default is undocumented.
		expect(new Set(crayon.apiRequests().map((request) => request.query.statuses))).toEqual(
			new Set(['511']),
		);
		// One login for all three pages: the token is stored in the credential and reused.
		expect(crayon.store.preAuthenticationCalls).toBe(1);
	});

	it('searches subscriptions through Crayon', async () => {
		const { results } = await listSearch.searchSubscriptions.call(
			crayon.listSearchContext(),
			'visio',
		);
		expect(results.length).toBeGreaterThan(0);
		for (const result of results) {
			const subscription = crayon.sim.state.subscriptions.get(Number(result.value));
			expect(subscription?.partNumber).toBe(SEED.secondNcePartNumber);
		}
	});

	it('names a New Commerce subscription, which has no name of its own, after its product', async () => {
		const subscription = crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId);
		if (subscription) subscription.name = '';

		const { results } = await listSearch.searchSubscriptions.call(crayon.listSearchContext());

		expect(results.find((result) => result.value === String(SEED.nceSubscriptionId))?.name).toBe(
			`${SEED.nceSubscriptionId} · Office 365 E3 · ${SEED.organizationName}, tenant ${SEED.tenantId} (Active, 10 licences)`,
		);
	});

	it('lists only active subscriptions for the operations that need one (Add Add-On, Update Quantity)', async () => {
		const { results } = await listSearch.searchActiveSubscriptions.call(crayon.listSearchContext());

		expect(crayon.apiRequests().map((request) => request.query.statuses)).toEqual(['1']);
		expect(results.length).toBeGreaterThan(0);
		for (const result of results) {
			expect(crayon.sim.state.subscriptions.get(Number(result.value))?.status).toBe(1);
		}
		expect(results.map((result) => result.value)).not.toContain(
			String(SEED.suspendedSubscriptionId),
		);
	});

	it('lists organizations', async () => {
		const { results } = await listSearch.searchOrganizations.call(crayon.listSearchContext());
		expect(results).toEqual([
			{
				name: `${SEED.organizationName} (ID ${SEED.organizationId})`,
				value: String(SEED.organizationId),
			},
			{
				name: `My company Sweden (ID ${SEED.secondOrganizationId})`,
				value: String(SEED.secondOrganizationId),
			},
			{
				name: `My company Denmark (ID ${SEED.thirdOrganizationId})`,
				value: String(SEED.thirdOrganizationId),
			},
		]);
	});

	describe('of the add-on offers of the chosen subscription', () => {
		const addAddonWith = (subscriptionId: NodeParameterValueType): INodeParameters => ({
			resource: 'subscription',
			operation: 'addAddon',
			subscriptionId,
		});

		it('lists the offers of the subscription chosen in the node, filtered by the search text', async () => {
			const context = crayon.listSearchContext(
				addAddonWith({ __rl: true, mode: 'list', value: String(SEED.addonCapableSubscriptionId) }),
			);
			const all = await listSearch.searchAddonOffers.call(context);
			expect(all.results).toEqual([
				{
					name: `Audio Conferencing (legacy CSP add-on) (${SEED.addonOfferId})`,
					value: SEED.addonOfferId,
				},
				{
					name: `Office 365 Extra File Storage (legacy CSP add-on) (${SEED.secondAddonOfferId})`,
					value: SEED.secondAddonOfferId,
				},
			]);
			const storage = await listSearch.searchAddonOffers.call(context, 'STORAGE');
			expect(storage.results.map((result) => result.value)).toEqual([SEED.secondAddonOfferId]);
			expect(
				crayon
					.apiRequests()
					.every(
						(request) =>
							request.path ===
							`/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}/addon-offers`,
					),
			).toBe(true);
		});

		it('accepts the subscription typed as a plain ID', async () => {
			const { results } = await listSearch.searchAddonOffers.call(
				crayon.listSearchContext(addAddonWith(String(SEED.nceSubscriptionId))),
			);
			expect(results.map((result) => result.value)).toEqual([SEED.nceAddonOfferId]);
		});

		it('asks for the subscription first when none (or only an expression) is chosen', async () => {
			for (const subscriptionId of [
				{ __rl: true, mode: 'list', value: '' },
				'={{ $json.subscriptionId }}',
			]) {
				await expect(
					listSearch.searchAddonOffers.call(crayon.listSearchContext(addAddonWith(subscriptionId))),
				).rejects.toThrow('Choose the subscription first: its add-on offers are listed here');
			}
			expect(crayon.apiRequests()).toHaveLength(0);
		});
	});

	describe("of the products in the chosen customer tenant's catalogue", () => {
		const PRODUCTS = '/api/v1/agreementproducts';
		const products = async (parameters: INodeParameters, filter?: string, token?: unknown) =>
			await listSearch.searchProducts.call(
				crayon.listSearchContext(parameters),
				filter,
				token as string | undefined,
			);
		const createSubscription = (
			customerTenantId: NodeParameterValueType,
			productType?: string,
		) => ({
			resource: 'subscription',
			operation: 'create',
			customerTenantId,
			...(productType ? { productType } : {}),
		});

		it('lists New Commerce products with name, term and part number, one Crayon page per call, for Subscription → Create', async () => {
			const tenant = { __rl: true, mode: 'list', value: String(SEED.tenantId) };
			const first = await products(createSubscription(tenant));
			expect(first.results.length).toBeGreaterThan(0);
			expect(first.results.every((result) => /^[A-Z0-9]+:[0-9]+$/.test(String(result.value)))).toBe(
				true,
			);
			expect(first.paginationToken).toBe(2);
			const second = await products(createSubscription(tenant), '', first.paginationToken);
			expect(crayon.apiRequests().map((request) => [request.path, request.query])).toEqual([
				[PRODUCTS, { customerTenantId: String(SEED.tenantId), page: '1', pageSize: '50' }],
				[PRODUCTS, { customerTenantId: String(SEED.tenantId), page: '2', pageSize: '50' }],
			]);
			expect(second.results.length).toBeGreaterThan(0);

			const e3 = await products(createSubscription(String(SEED.tenantId)), ' office 365 e3 ');
			expect(e3.results).toEqual([
				{ name: `Office 365 E3 (P1M, ${SEED.ncePartNumber})`, value: SEED.ncePartNumber },
				{ name: `Office 365 E3 (P1Y, ${SEED.ncePartNumber})`, value: SEED.ncePartNumber },
				{ name: `Office 365 E3 (P3Y, ${SEED.ncePartNumber})`, value: SEED.ncePartNumber },
			]);
			expect(e3.paginationToken).toBeUndefined();
			expect(crayon.apiRequests().at(-1)?.query).toEqual({
				customerTenantId: String(SEED.tenantId),
				search: 'office 365 e3',
				page: '1',
				pageSize: '50',
			});
		});

		it('lists legacy offers for a legacy Subscription → Create, New Commerce ones for a New Commerce order, every kind for an order line', async () => {
			const legacy = await products(createSubscription(String(SEED.tenantId), 'legacy'), 'office');
			expect(legacy.results).toEqual([
				{
					name: `Office 365 E3 (legacy CSP) (${SEED.legacyPartNumber})`,
					value: SEED.legacyPartNumber,
				},
				{
					name: `Office 365 Extra File Storage (legacy CSP add-on) (${SEED.secondAddonOfferId})`,
					value: SEED.secondAddonOfferId,
				},
			]);
			const order = await products(
				{
					resource: 'newCommerceOrder',
					operation: 'create',
					customerTenantId: String(SEED.tenantId),
				},
				'windows',
			);
			expect(order.results).toEqual([
				{
					name: `Windows Server 2022 Standard - 2 Core License Pack (${SEED.softwareProductId}:${SEED.softwareSkuId})`,
					value: `${SEED.softwareProductId}:${SEED.softwareSkuId}`,
				},
			]);
			const line = await products(
				{
					resource: 'order',
					operation: 'verify',
					resellerCustomerId: { __rl: true, mode: 'id', value: String(SEED.legacyTenantId) },
				},
				'office 365 e3',
			);
			expect(line.results.map((result) => result.value)).toEqual([
				SEED.ncePartNumber,
				SEED.ncePartNumber,
				SEED.ncePartNumber,
				SEED.legacyPartNumber,
			]);
			expect(crayon.apiRequests().map((request) => request.query.customerTenantId)).toEqual([
				String(SEED.tenantId),
				String(SEED.tenantId),
				String(SEED.legacyTenantId),
			]);
		});

		it('asks for the customer tenant first when none (or only an expression) is chosen', async () => {
			for (const customerTenantId of [
				{ __rl: true, mode: 'list', value: '' },
				'={{ $json.tenantId }}',
				undefined,
			]) {
				await expect(products(createSubscription(customerTenantId))).rejects.toThrow(
					'Choose the customer tenant first: its catalogue is listed here',
				);
			}
			expect(crayon.apiRequests()).toHaveLength(0);
		});
	});

	it("surfaces Crayon's error in the list", async () => {
		crayon.sim.injectFault({
			path: '/api/v1/customertenants',
			rawResponse: { status: 200, contentType: 'text/html', body: '<html>maintenance</html>' },
		});
		await expect(listSearch.searchCustomerTenants.call(crayon.listSearchContext())).rejects.toThrow(
			"Crayon's answer to GET /api/v1/customertenants could not be understood: expected a page of results ({Items, TotalHits})",
		);
	});
});
