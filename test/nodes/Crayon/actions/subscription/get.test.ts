/**
 * Subscription → Get: GET /api/v1/subscriptions/{id}, ten simplified fields by default
 * (Simplify), the whole SubscriptionDetailed without.
 */
import { SEED, SubscriptionStatus } from '../../../../../simulator';
import { byId, fromList, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

describe('Subscription → Get', () => {
	it('returns the eleven simplified fields by default, the status and billing cycle named', async () => {
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
				BillingCycle: 'Annual',
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

		const chosen = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'get',
			subscriptionId: fromList(SEED.nceSubscriptionId, 'Office 365 E3'),
		});
		expect(chosen.json.map((subscription) => subscription.Id)).toEqual([SEED.nceSubscriptionId]);
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
		expect(json[0]).toEqual({
			error: expect.objectContaining({
				message: expect.stringContaining('was not found'),
				httpCode: '404',
			}),
		});
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
			'Invalid input in item 0: "Subscription" must be a whole number from 1 to 2147483647 (received "abc")',
		);
		expect(crayon.apiRequests()).toHaveLength(0);
	});
});
