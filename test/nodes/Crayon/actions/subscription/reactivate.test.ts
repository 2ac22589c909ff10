/** Subscription → Reactivate: PUT of the whole subscription as read with Status Active; only suspended ones. */
import { SEED, SubscriptionStatus } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const reactivate = (id: unknown) => ({
	resource: 'subscription',
	operation: 'reactivate',
	subscriptionId: id as string,
});
const puts = () => crayon.apiRequests().filter((request) => request.method === 'PUT');

describe('Subscription → Reactivate', () => {
	it('reactivates a suspended subscription', async () => {
		const { result, json } = await runForJson(
			crayon,
			reactivate(byId(SEED.suspendedSubscriptionId)),
		);
		expect(result.error).toBeUndefined();
		expect(puts().map((request) => (request.body as { Status: number }).Status)).toEqual([
			SubscriptionStatus.Active,
		]);
		expect(json[0]).toMatchObject({
			Status: 'Active',
			PreviousStatus: 'Suspended',
			StatusChanged: true,
		});
	});

	it('refuses a deleted subscription before any change of the run, saying to buy a new one', async () => {
		const { result } = await runForJson(crayon, reactivate('={{ $json.id }}'), [
			{ id: SEED.suspendedSubscriptionId },
			{ id: SEED.deletedSubscriptionId },
		]);
		expect(result.error?.message).toBe(
			`Subscription ${SEED.deletedSubscriptionId} is Deleted: only a suspended subscription can be reactivated [item 1]`,
		);
		expect(result.error?.description).toContain('A deleted subscription cannot come back');
		expect(puts()).toHaveLength(0);
		expect(crayon.sim.state.subscriptions.get(SEED.suspendedSubscriptionId)?.status).toBe(
			SubscriptionStatus.Suspended,
		);
	});

	it('sends nothing for an active subscription', async () => {
		const { json } = await runForJson(crayon, reactivate(byId(SEED.nceSubscriptionId)));
		expect(json[0]).toMatchObject({ Status: 'Active', StatusChanged: false });
		expect(puts()).toHaveLength(0);
	});
});
