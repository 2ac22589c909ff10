/** Subscription → Suspend: PUT of the whole subscription as read with Status Suspended; only active ones. */
import { SEED, SubscriptionStatus } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const suspend = (id: number) => ({
	resource: 'subscription',
	operation: 'suspend',
	subscriptionId: byId(id),
});
const methods = () => crayon.apiRequests().map((request) => request.method);

describe('Subscription → Suspend', () => {
	it('suspends an active subscription: the whole subscription back with Status Suspended', async () => {
		const { result, json } = await runForJson(crayon, suspend(SEED.nceSubscriptionId));
		expect(result.error).toBeUndefined();
		expect(methods()).toEqual(['GET', 'GET', 'PUT']);
		const put = crayon.apiRequests()[2];
		expect(put.body).toMatchObject({
			Id: SEED.nceSubscriptionId,
			Status: SubscriptionStatus.Suspended,
			Quantity: 10,
		});
		expect(json[0]).toMatchObject({
			Status: 'Suspended',
			PreviousStatus: 'Active',
			StatusChanged: true,
		});
		expect(crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)?.status).toBe(
			SubscriptionStatus.Suspended,
		);
	});

	it('leaves a suspended subscription as it is and refuses a deleted one, sending no change', async () => {
		const already = await runForJson(crayon, suspend(SEED.suspendedSubscriptionId));
		expect(already.json[0]).toMatchObject({ Status: 'Suspended', StatusChanged: false });
		const deleted = await runForJson(crayon, suspend(SEED.deletedSubscriptionId));
		expect(deleted.result.error?.message).toBe(
			`Subscription ${SEED.deletedSubscriptionId} is Deleted: only an active subscription can be suspended [item 0]`,
		);
		expect(methods()).not.toContain('PUT');
		expect(crayon.sim.state.changes).toHaveLength(0);
	});
});
