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
