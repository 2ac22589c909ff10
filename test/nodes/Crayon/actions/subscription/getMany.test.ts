/**
 * Subscription → Get Many: GET /api/v1/subscriptions with filters, Return All paging over
 * {Items, TotalHits}, or up to a limit.
 */
import { SEED, SubscriptionStatus } from '../../../../../simulator';
import { byId, fromList, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

describe('Subscription → Get Many', () => {
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
		expect(new Set(json.map((subscription) => subscription.Id)).size).toBe(SEED.subscriptionCount);
		// Every status unless the user picks some: Crayon's own default is undocumented (the SDK sends 511).
		expect(listRequests()).toEqual([
			{ page: '1', pageSize: '50', statuses: '511' },
			{ page: '2', pageSize: '50', statuses: '511' },
			{ page: '3', pageSize: '50', statuses: '511' },
		]);
		// List items are `Subscription`s: the term ends at EndDate (they have no CommitmentEndDate).
		expect(Object.keys(json[0])).toEqual([
			'Id',
			'Name',
			'Status',
			'Quantity',
			'PartNumber',
			'ProductName',
			'CustomerTenantId',
			'OrganizationId',
			'BillingCycle',
			'TermDuration',
			'EndDate',
			'AutoRenewEnabled',
			'CancellationAllowedUntilDate',
		]);
		const nce = json.find((subscription) => subscription.Id === SEED.nceSubscriptionId);
		expect(nce).toMatchObject({
			EndDate: crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)?.commitmentEndDate,
			AutoRenewEnabled: true,
			CancellationAllowedUntilDate: expect.any(String),
		});
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
		expect(listRequests()).toEqual([{ page: '1', pageSize: '5', statuses: '511' }]);

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
				customerTenantId: fromList(SEED.legacyTenantId, 'Fabrikam Inc'),
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
			filters: { customerTenantId: byId('={{ "contoso" }}') },
		});
		expect(result.error?.message).toMatch(
			/^Invalid input in item 0: "Filters → Customer Tenant" must be a whole number from 1 to 2147483647 \(received .*"contoso".*\)$/,
		);
		expect(crayon.apiRequests()).toHaveLength(0);
	});

	it('filters trials, by Microsoft customer ID, and sorts, as the SDK and the documentation name them', async () => {
		const trials = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'getMany',
			returnAll: true,
			filters: { trial: 'trial', sortBy: 2, sortOrder: 1 },
		});
		expect(trials.json.map((subscription) => subscription.Id)).toEqual([SEED.trialSubscriptionId]);
		expect(listRequests()).toEqual([
			{ isTrial: 'true', sortBy: '2', sortOrder: '1', statuses: '511', page: '1', pageSize: '50' },
		]);
		crayon.sim.clearRequests();
		const ofCustomer = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'getMany',
			returnAll: true,
			filters: { publisherCustomerId: SEED.legacyTenantPublisherCustomerId },
		});
		expect(new Set(ofCustomer.json.map((subscription) => subscription.CustomerTenantId))).toEqual(
			new Set([SEED.legacyTenantId]),
		);
		expect(listRequests()[0]).toMatchObject({
			publisherCustomerId: SEED.legacyTenantPublisherCustomerId,
		});
	});

	it('finds a subscription by its Microsoft subscription ID itself, reading pages until the match', async () => {
		const wanted = crayon.sim.state.subscriptions.get(5060)!.publisherSubscriptionId;
		const search = {
			resource: 'subscription',
			operation: 'getMany',
			limit: 1,
			filters: { publisherSubscriptionId: wanted.toUpperCase() },
		};
		const { json } = await runForJson(crayon, search);
		expect(json.map((subscription) => subscription.Id)).toEqual([5060]);
		// Page 3 was read ahead beside page 2 (where 5060 is), and answered before the node finished.
		expect(listRequests().map((query) => query.page)).toEqual(['1', '2', '3']);
		expect(listRequests()[0]).not.toHaveProperty('publisherSubscriptionId');
		crayon.sim.clearRequests();
		// One at a time, the node stops asking at the match.
		const oneByOne = await runForJson(crayon, { ...search, options: { concurrency: 1 } });
		expect(oneByOne.json.map((subscription) => subscription.Id)).toEqual([5060]);
		expect(listRequests().map((query) => query.page)).toEqual(['1', '2']);
		crayon.sim.clearRequests();
		const none = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'getMany',
			filters: { publisherSubscriptionId: '00000000-0000-0000-0000-000000000000' },
		});
		expect(none.json).toEqual([]);
		expect(listRequests()).toHaveLength(3);
	});

	it('outputs nothing when Crayon ignored a filter the SDK does not know, rather than every subscription', async () => {
		// An API that ignores publisherCustomerId answers every subscription.
		const all = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'getMany',
			limit: 5,
			simplify: false,
		});
		crayon.sim.injectFault({
			method: 'GET',
			path: '/api/v1/subscriptions',
			rawResponse: {
				status: 200,
				contentType: 'application/json',
				body: JSON.stringify({ Items: all.json, TotalHits: 5 }),
			},
		});
		const { result } = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'getMany',
			limit: 5,
			filters: { publisherCustomerId: SEED.legacyTenantPublisherCustomerId },
		});
		expect(result.error?.message).toBe(
			'Crayon\'s answer holds subscriptions the "Microsoft Customer ID" filter excludes [item 0]',
		);
		expect(result.error?.description).toContain(
			`Subscription ${SEED.firstSubscriptionId + 2} has CustomerTenant`,
		);
	});
});
