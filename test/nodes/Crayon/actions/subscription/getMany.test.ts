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
		expect(Object.keys(json[0])).toHaveLength(11);
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
});
