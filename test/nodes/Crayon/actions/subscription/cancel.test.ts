/**
 * Subscription → Cancel: GET the subscription (for every item before the first change), GET it
 * again, then PUT it back exactly as read with Status Deleted, only within its cancellation window.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED, SubscriptionStatus } from '../../../../../simulator';
import { byId, errorItemOf, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const cancel = (subscriptionId: unknown, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'subscription',
	operation: 'cancel',
	subscriptionId: subscriptionId as INodeParameters[string],
	...extra,
});

const puts = () => crayon.apiRequests().filter((request) => request.method === 'PUT');
const statusOf = (id: number) => crayon.sim.state.subscriptions.get(id)?.status;

async function readRaw(subscriptionId: number) {
	const { json } = await runForJson(crayon, {
		resource: 'subscription',
		operation: 'get',
		subscriptionId: byId(subscriptionId),
		simplify: false,
	});
	crayon.sim.clearRequests();
	return json[0];
}

describe('Subscription → Cancel', () => {
	it('puts the subscription back exactly as read with Status Deleted, within its window', async () => {
		const before = await readRaw(SEED.cancellableSubscriptionId);
		const { result, json } = await runForJson(crayon, cancel(byId(SEED.cancellableSubscriptionId)));
		expect(result.error).toBeUndefined();
		const path = `/api/v1/subscriptions/${SEED.cancellableSubscriptionId}`;
		expect(crayon.apiCalls()).toEqual([
			crayon.call('GET', path),
			crayon.call('GET', path),
			crayon.call('PUT', path, { ...before, Status: SubscriptionStatus.Deleted }),
		]);
		expect(json).toEqual([
			expect.objectContaining({
				Id: SEED.cancellableSubscriptionId,
				Status: 'Deleted',
				PreviousStatus: 'Active',
				StatusChanged: true,
				CancellationAllowedUntilDate: before.CancellationAllowedUntilDate,
				CancelledWithTimeLeft: expect.stringMatching(/^(4|5|6) days$/),
			}),
		]);
		expect(statusOf(SEED.cancellableSubscriptionId)).toBe(SubscriptionStatus.Deleted);
		expect(crayon.sim.state.changes).toHaveLength(1);
	});

	it('refuses after CancellationAllowedUntilDate, saying when it closed, with no change sent', async () => {
		const { result } = await runForJson(crayon, cancel(byId(SEED.closedWindowSubscriptionId)));
		expect(result.error?.message).toMatch(
			new RegExp(
				`^Subscription ${SEED.closedWindowSubscriptionId} can no longer be cancelled: its cancellation window closed (3|4) days ago \\(.+\\) \\[item 0\\]$`,
			),
		);
		expect(result.error?.description).toContain('Nothing was changed.');
		expect(puts()).toHaveLength(0);
		expect(crayon.sim.state.changes).toHaveLength(0);
	});

	it('checks every item before the first cancellation: one closed window stops the run with nothing cancelled', async () => {
		const { result } = await runForJson(crayon, cancel('={{ $json.id }}'), [
			{ id: SEED.cancellableSubscriptionId },
			{ id: SEED.closedWindowSubscriptionId },
		]);
		expect(result.error?.message).toContain('can no longer be cancelled');
		expect(result.error?.description).toContain('Nothing was bought or changed in this run');
		expect(puts()).toHaveLength(0);
		expect(statusOf(SEED.cancellableSubscriptionId)).toBe(SubscriptionStatus.Active);
	});

	it('with Continue (error output) cancels the rows it may and outputs the refused one as an error item', async () => {
		const result = await crayon.runCrayon(
			cancel('={{ $json.id }}'),
			[{ id: SEED.closedWindowSubscriptionId }, { id: SEED.closingWindowSubscriptionId }],
			{ onError: 'continueRegularOutput' },
		);
		expect(errorItemOf(result, 0)).toMatchObject({
			error: expect.stringContaining('can no longer be cancelled'),
			purchaseOutcome: 'notBought',
		});
		expect(statusOf(SEED.closingWindowSubscriptionId)).toBe(SubscriptionStatus.Deleted);
		expect(puts()).toHaveLength(1);
	});

	it('refuses a legacy subscription (no window) and leaves an already cancelled one as it is', async () => {
		const legacy = await runForJson(crayon, cancel(byId(SEED.addonCapableSubscriptionId)));
		expect(legacy.result.error?.message).toBe(
			`Subscription ${SEED.addonCapableSubscriptionId} has no cancellation window: Crayon reports no CancellationAllowedUntilDate [item 0]`,
		);
		expect(legacy.result.error?.description).toContain('Subscription → Suspend');
		const deleted = await runForJson(crayon, cancel(byId(SEED.deletedSubscriptionId)));
		expect(deleted.json[0]).toMatchObject({ Status: 'Deleted', StatusChanged: false });
		const expired = [...crayon.sim.state.subscriptions.values()].find(
			(subscription) => subscription.status === SubscriptionStatus.Expired,
		)!;
		const ended = await runForJson(crayon, cancel(byId(expired.id)));
		expect(ended.result.error?.message).toBe(
			`Subscription ${expired.id} is Expired: only an active or suspended subscription can be cancelled [item 0]`,
		);
		expect(puts()).toHaveLength(0);
	});

	it('never sends the cancellation twice after a lost answer: the lookup finds it went through', async () => {
		crayon.sim.injectFault({ method: 'PUT', dropConnection: 'after-processing' });
		const { result } = await runForJson(crayon, cancel(byId(SEED.cancellableSubscriptionId)));
		expect(result.error?.message).toMatch(
			/^Outcome unknown, but most likely bought: PUT \/api\/v1\/subscriptions\/5017 got no usable answer .* A lookup at Crayon found subscription 5017 with Deleted\. \[item 0\]$/,
		);
		expect(puts()).toHaveLength(1);
		expect(crayon.sim.state.changes).toHaveLength(1);
	});

	it('sends it again after a 503 only because the read-back shows it was not applied', async () => {
		crayon.sim.injectFault({ method: 'PUT', status: 503, retryAfterSeconds: 0 });
		const { result, json } = await runForJson(crayon, cancel(byId(SEED.cancellableSubscriptionId)));
		expect(result.error).toBeUndefined();
		expect(json[0]).toMatchObject({ Status: 'Deleted' });
		expect(crayon.apiRequests().map((request) => request.method)).toEqual([
			'GET',
			'GET',
			'PUT',
			'GET',
			'PUT',
		]);
		expect(crayon.sim.state.changes).toHaveLength(1);
	});

	it("reports Crayon's own refusal when the window closed after the node read it", async () => {
		crayon.sim.injectFault({
			method: 'GET',
			path: `/api/v1/subscriptions/${SEED.closedWindowSubscriptionId}`,
			times: 2,
			rawResponse: {
				status: 200,
				contentType: 'application/json',
				body: JSON.stringify({
					...(await readRaw(SEED.closedWindowSubscriptionId)),
					CancellationAllowedUntilDate: new Date(Date.now() + 3_600_000).toISOString(),
				}),
			},
		});
		const { result } = await runForJson(crayon, cancel(byId(SEED.closedWindowSubscriptionId)));
		expect(result.error?.message).toContain(
			`Crayon refused to cancel subscription ${SEED.closedWindowSubscriptionId}: `,
		);
		expect(statusOf(SEED.closedWindowSubscriptionId)).toBe(SubscriptionStatus.Active);
	});
});
