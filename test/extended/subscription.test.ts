import { SEED, SubscriptionStatus } from '../../simulator';
import { byId, runForJson, useCrayon } from '../helpers';

describe('Crayon node: subscription lookups and quantity changes', () => {
	const crayon = useCrayon();

	describe('Get', () => {
		it('returns the ten simplified fields by default', async () => {
			const { result, json } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'get',
				subscriptionId: byId(SEED.nceSubscriptionId),
			});
			expect(result.error).toBeUndefined();
			expect(json).toEqual([
				{
					Id: SEED.nceSubscriptionId,
					Name: 'Office 365 E3',
					Status: 'Active',
					Quantity: 10,
					PartNumber: SEED.ncePartNumber,
					ProductName: 'Office 365 E3',
					CustomerTenantId: SEED.tenantId,
					OrganizationId: SEED.organizationId,
					TermDuration: 'P1Y',
					CommitmentEndDate: crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)
						?.commitmentEndDate,
				},
			]);
			expect(crayon.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
				`GET /api/v1/subscriptions/${SEED.nceSubscriptionId}`,
			]);
		});

		it('returns the whole SubscriptionDetailed without Simplify, for ids given as plain values or from the list', async () => {
			const { json } = await runForJson(
				crayon,
				{
					resource: 'subscription',
					operation: 'get',
					subscriptionId: '={{ $json.id }}',
					simplify: false,
				},
				[{ id: SEED.addonCapableSubscriptionId }, { id: String(SEED.suspendedSubscriptionId) }],
			);
			expect(json.map((subscription) => [subscription.Id, subscription.Status])).toEqual([
				[SEED.addonCapableSubscriptionId, SubscriptionStatus.Active],
				[SEED.suspendedSubscriptionId, SubscriptionStatus.Suspended],
			]);
			expect(json[0]).toMatchObject({
				CustomerTenant: { Id: SEED.legacyTenantId },
				Product: { PartNumber: SEED.legacyPartNumber },
			});

			const fromList = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'get',
				subscriptionId: {
					__rl: true,
					mode: 'list',
					value: String(SEED.nceSubscriptionId),
					cachedResultName: 'Office 365 E3',
				},
			});
			expect(fromList.json.map((subscription) => subscription.Id)).toEqual([
				SEED.nceSubscriptionId,
			]);
		});

		it("fails with Crayon's 404 message for an unknown id, or outputs an error item with continueOnFail", async () => {
			const failed = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'get',
				subscriptionId: byId(SEED.unknownSubscriptionId),
			});
			expect(failed.result.error?.message).toContain(
				`Subscription ${SEED.unknownSubscriptionId} was not found`,
			);

			const { result, json } = await runForJson(
				crayon,
				{ resource: 'subscription', operation: 'get', subscriptionId: '={{ $json.id }}' },
				[{ id: SEED.unknownSubscriptionId }, { id: SEED.nceSubscriptionId }],
				{ onError: 'continueRegularOutput' },
			);
			expect(result.error).toBeUndefined();
			expect(json[0].error).toEqual(expect.stringContaining('was not found'));
			expect(json[1].Id).toBe(SEED.nceSubscriptionId);
			expect(result.output('Crayon').map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
			]);
		});

		it('refuses an id that is not a whole number before sending anything', async () => {
			const typed = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'get',
				subscriptionId: byId('abc'),
			});
			expect(typed.result.error?.message).toContain(
				'Not a valid subscription ID: Crayon IDs are whole numbers such as 5001',
			);

			const mapped = await runForJson(
				crayon,
				{ resource: 'subscription', operation: 'get', subscriptionId: '={{ $json.id }}' },
				[{ id: 'abc' }],
			);
			expect(mapped.result.error?.message).toBe(
				'Invalid input in item 0: "Subscription" must be a whole number of at least 1 (received "abc")',
			);
			expect(crayon.apiRequests()).toHaveLength(0);
		});
	});

	describe('Get Many', () => {
		const listRequests = () =>
			crayon
				.apiRequests()
				.filter((request) => request.path === '/api/v1/subscriptions')
				.map((request) => request.query);

		it('returns all 120 subscriptions over three pages of 50 with Return All', async () => {
			const { result, json } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'getMany',
				returnAll: true,
			});
			expect(result.error).toBeUndefined();
			expect(json).toHaveLength(SEED.subscriptionCount);
			expect(new Set(json.map((subscription) => subscription.Id)).size).toBe(
				SEED.subscriptionCount,
			);
			expect(listRequests()).toEqual([
				{ page: '1', pageSize: '50' },
				{ page: '2', pageSize: '50' },
				{ page: '3', pageSize: '50' },
			]);
			expect(Object.keys(json[0])).toHaveLength(10);
		});

		it('stops at the limit, asking for no more than it needs', async () => {
			const small = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'getMany',
				returnAll: false,
				limit: 5,
			});
			expect(small.json.map((subscription) => subscription.Id)).toEqual([
				5001, 5002, 5003, 5004, 5005,
			]);
			expect(listRequests()).toEqual([{ page: '1', pageSize: '5' }]);

			crayon.sim.clearRequests();
			const large = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'getMany',
				limit: 110,
			});
			expect(large.json).toHaveLength(110);
			expect(listRequests().map((query) => query.page)).toEqual(['1', '2', '3']);
		});

		it('filters by customer tenant and status (a flag set) and search, and can return the raw subscriptions', async () => {
			const { json } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'getMany',
				returnAll: true,
				simplify: false,
				filters: {
					customerTenantId: {
						__rl: true,
						mode: 'list',
						value: String(SEED.legacyTenantId),
						cachedResultName: 'Fabrikam Inc',
					},
					statuses: [SubscriptionStatus.Active, SubscriptionStatus.Suspended],
				},
			});
			const expected = [...crayon.sim.state.subscriptions.values()].filter(
				(subscription) =>
					subscription.tenantId === SEED.legacyTenantId &&
					(subscription.status & (SubscriptionStatus.Active | SubscriptionStatus.Suspended)) !== 0,
			);
			expect(json.map((subscription) => subscription.Id)).toEqual(
				expected.map((subscription) => subscription.id),
			);
			expect(json.map((subscription) => subscription.Id)).toContain(SEED.suspendedSubscriptionId);
			expect(json[0]).toHaveProperty('CustomerTenant', {
				Id: SEED.legacyTenantId,
				PublisherCustomerId: SEED.legacyTenantPublisherCustomerId,
			});
			expect(listRequests()).toEqual([
				{ customerTenantId: String(SEED.legacyTenantId), statuses: '3', page: '1', pageSize: '50' },
			]);

			const searched = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'getMany',
				limit: 3,
				filters: { search: 'visio', organizationId: String(SEED.secondOrganizationId) },
			});
			expect(searched.json.length).toBeGreaterThan(0);
			for (const subscription of searched.json) {
				expect(subscription).toMatchObject({
					ProductName: 'Visio Plan 1',
					OrganizationId: SEED.secondOrganizationId,
				});
			}
		});

		it('names the filter and the received value when a filter is not an id', async () => {
			const { result } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'getMany',
				filters: { customerTenantId: { __rl: true, mode: 'id', value: '={{ "contoso" }}' } },
			});
			expect(result.error?.message).toMatch(
				/^Invalid input in item 0: "Filters → Customer Tenant" must be a whole number of at least 1 \(received .*"contoso".*\)$/,
			);
			expect(crayon.apiRequests()).toHaveLength(0);
		});
	});

	describe('Update Quantity', () => {
		it('reads the subscription, then puts the whole document back with the new quantity', async () => {
			const { result, json } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'updateQuantity',
				subscriptionId: byId(SEED.nceSubscriptionId),
				quantity: 12,
			});
			expect(result.error).toBeUndefined();
			expect(json).toEqual([
				expect.objectContaining({
					Id: SEED.nceSubscriptionId,
					Quantity: 12,
					PreviousQuantity: 10,
					QuantityChanged: true,
				}),
			]);
			expect(crayon.sim.state.quantityChanges).toEqual([
				expect.objectContaining({ subscriptionId: SEED.nceSubscriptionId, from: 10, to: 12 }),
			]);
			const [get, put] = crayon.apiRequests();
			expect(`${get.method} ${get.path}`).toBe(
				`GET /api/v1/subscriptions/${SEED.nceSubscriptionId}`,
			);
			expect(`${put.method} ${put.path}`).toBe(
				`PUT /api/v1/subscriptions/${SEED.nceSubscriptionId}`,
			);
			expect(put.body).toMatchObject({
				Id: SEED.nceSubscriptionId,
				Quantity: 12,
				Product: { PartNumber: SEED.ncePartNumber },
			});
		});

		it('sends back every field Crayon returned, unchanged except the quantity', async () => {
			const {
				json: [before],
			} = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'get',
				subscriptionId: byId(SEED.addonCapableSubscriptionId),
				simplify: false,
			});
			crayon.sim.clearRequests();
			await runForJson(crayon, {
				resource: 'subscription',
				operation: 'updateQuantity',
				subscriptionId: byId(SEED.addonCapableSubscriptionId),
				quantity: 30,
			});
			const put = crayon.apiRequests().find((request) => request.method === 'PUT');
			expect(put?.body).toEqual({ ...before, Quantity: 30 });
		});

		it('refuses a subscription that is not active and sends no PUT', async () => {
			const { result } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'updateQuantity',
				subscriptionId: byId(SEED.suspendedSubscriptionId),
				quantity: 6,
			});
			expect(result.error?.message).toBe(
				`Subscription ${SEED.suspendedSubscriptionId} is Suspended: only an active subscription's quantity can be changed`,
			);
			expect(crayon.apiRequests().map((request) => request.method)).toEqual(['GET']);
			expect(crayon.sim.state.quantityChanges).toHaveLength(0);
		});

		it('sends nothing when the quantity already is the requested one', async () => {
			const { json } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'updateQuantity',
				subscriptionId: byId(SEED.nceSubscriptionId),
				quantity: 10,
			});
			expect(json[0]).toMatchObject({ Quantity: 10, PreviousQuantity: 10, QuantityChanged: false });
			expect(crayon.apiRequests().map((request) => request.method)).toEqual(['GET']);
		});

		it('validates every item before the first request', async () => {
			const { result } = await runForJson(
				crayon,
				{
					resource: 'subscription',
					operation: 'updateQuantity',
					subscriptionId: '={{ $json.id }}',
					quantity: '={{ $json.quantity }}',
				},
				[
					{ id: SEED.nceSubscriptionId, quantity: 11 },
					{ id: SEED.addonCapableSubscriptionId, quantity: 0 },
				],
			);
			expect(result.error?.message).toBe(
				'Invalid input in item 1: "Quantity" must be a whole number of at least 1 (received 0)',
			);
			expect(crayon.apiRequests()).toHaveLength(0);
		});

		it('never repeats the PUT after a lost answer: its outcome is unknown', async () => {
			crayon.sim.injectFault({ method: 'PUT', dropConnection: 'after-processing' });
			const { result } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'updateQuantity',
				subscriptionId: byId(SEED.nceSubscriptionId),
				quantity: 15,
			});
			expect(result.error?.message).toMatch(
				/^Outcome unknown, but most likely bought: PUT \/api\/v1\/subscriptions\/5003 got no usable answer .* A lookup at Crayon found subscription 5003 with quantity 15\.$/,
			);
			expect(crayon.apiRequests().map((request) => request.method)).toEqual(['GET', 'PUT', 'GET']);
			expect(crayon.sim.state.quantityChanges).toHaveLength(1);
		});

		it("reports Crayon's refusal of a quantity above the product maximum", async () => {
			const { result } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'updateQuantity',
				subscriptionId: byId(SEED.nceSubscriptionId),
				quantity: SEED.nceMaxQuantity + 1,
			});
			expect(result.error?.message).toContain('Crayon refused PUT /api/v1/subscriptions/5003');
			expect(crayon.sim.state.quantityChanges).toHaveLength(0);
		});
	});

	describe('Get Add-On Offers', () => {
		it("lists the subscription's add-on offers, one item each", async () => {
			const { json } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'getAddonOffers',
				subscriptionId: byId(SEED.addonCapableSubscriptionId),
			});
			expect(json.map((offer) => (offer.Product as { PartNumber: string }).PartNumber)).toEqual([
				SEED.addonOfferId,
				SEED.secondAddonOfferId,
			]);
			expect(json[0]).toMatchObject({ Publisher: { Name: 'Microsoft' } });
		});

		it('outputs nothing for a subscription without add-on offers', async () => {
			const withoutOffers = [...crayon.sim.state.subscriptions.values()].find(
				(subscription) => crayon.sim.state.productOf(subscription).addonOfferIds.length === 0,
			);
			const { result, json } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'getAddonOffers',
				subscriptionId: byId(withoutOffers!.id),
			});
			expect(result.error).toBeUndefined();
			expect(json).toEqual([]);
			expect(crayon.apiRequests().map((request) => request.path)).toEqual([
				`/api/v1/subscriptions/${withoutOffers!.id}/addon-offers`,
			]);
		});
	});

	describe('Get Coterminosity Dates', () => {
		it("returns the calendar-month date and the tenant's subscriptions to align with", async () => {
			const { result, json } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'getCoterminosityDates',
				customerTenantId: { __rl: true, mode: 'id', value: String(SEED.tenantId) },
				termDuration: 'P1Y',
			});
			expect(result.error).toBeUndefined();
			expect(json).toHaveLength(1);
			expect(json[0].CalendarMonthDate).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59Z$/);
			expect(
				(json[0].Subscriptions as Array<{ Id: number }>).map((subscription) => subscription.Id),
			).toContain(SEED.nceSubscriptionId);
			const [request] = crayon.apiRequests();
			expect(request.path).toBe('/api/v2/subscriptions/coterminosity');
			expect(request.query).toEqual({
				customerTenantId: String(SEED.tenantId),
				termDuration: 'P1Y',
			});
		});

		it('passes the optional organization and subscription, which Crayon checks against the tenant', async () => {
			const { json } = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'getCoterminosityDates',
				customerTenantId: String(SEED.tenantId),
				termDuration: 'P1Y',
				additionalFields: {
					organizationId: { __rl: true, mode: 'list', value: String(SEED.organizationId) },
					subscriptionId: { __rl: true, mode: 'id', value: String(SEED.nceSubscriptionId) },
				},
			});
			expect(
				(json[0].Subscriptions as Array<{ Id: number }>).map((subscription) => subscription.Id),
			).not.toContain(SEED.nceSubscriptionId);
			expect(crayon.apiRequests()[0].query).toEqual({
				customerTenantId: String(SEED.tenantId),
				termDuration: 'P1Y',
				organizationId: String(SEED.organizationId),
				subscriptionId: String(SEED.nceSubscriptionId),
			});

			const wrongOrganization = await runForJson(crayon, {
				resource: 'subscription',
				operation: 'getCoterminosityDates',
				customerTenantId: String(SEED.tenantId),
				termDuration: 'P1Y',
				additionalFields: { organizationId: String(SEED.secondOrganizationId) },
			});
			expect(wrongOrganization.result.error?.message).toContain(
				`does not belong to organization ${SEED.secondOrganizationId}`,
			);
		});
	});
});
