/**
 * Subscription → Get Coterminosity Dates: GET /api/v2/subscriptions/coterminosity for a
 * customer tenant and term.
 */
import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

describe('Subscription → Get Coterminosity Dates', () => {
	it("returns the calendar-month date and the tenant's subscriptions to align with", async () => {
		const { result, json } = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'getCoterminosityDates',
			customerTenantId: byId(SEED.tenantId),
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
				subscriptionId: byId(SEED.nceSubscriptionId),
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
