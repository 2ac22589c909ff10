/**
 * Subscription → Set Next-Term Instructions: GET the subscription (every item, before the first
 * change), then POST /api/v1/subscriptions/{id}/next-term-instructions with what is given.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const instruct = (subscriptionId: unknown, nextTerm: INodeParameters): INodeParameters => ({
	resource: 'subscription',
	operation: 'setNextTermInstructions',
	subscriptionId: subscriptionId as string,
	nextTerm,
});
const posts = () => crayon.apiRequests().filter((request) => request.method === 'POST');

describe('Subscription → Set Next-Term Instructions', () => {
	it('posts only the given instructions (camelCase, as documented) and Get Next-Term Instructions reads them back', async () => {
		const { result, json } = await runForJson(
			crayon,
			instruct(byId(SEED.nceSubscriptionId), {
				quantity: 12,
				termDuration: 'P1M',
				billingCycle: 1,
			}),
		);
		expect(result.error).toBeUndefined();
		const path = `/api/v1/subscriptions/${SEED.nceSubscriptionId}`;
		expect(crayon.apiCalls()).toEqual([
			crayon.call('GET', path),
			crayon.call('POST', `${path}/next-term-instructions`, {
				billingCycle: 1,
				quantity: 12,
				termDuration: 'P1M',
			}),
		]);
		expect(json).toEqual([
			{
				SubscriptionId: SEED.nceSubscriptionId,
				Accepted: true,
				NextTermInstructions: { billingCycle: 1, quantity: 12, termDuration: 'P1M' },
			},
		]);
		crayon.sim.clearRequests();
		const read = await runForJson(crayon, {
			resource: 'subscription',
			operation: 'getNextTermInstructions',
			subscriptionId: byId(SEED.nceSubscriptionId),
		});
		expect(crayon.apiCalls()).toEqual([crayon.call('GET', path)]);
		expect(read.json).toEqual([
			{
				SubscriptionId: SEED.nceSubscriptionId,
				AutoRenewEnabled: true,
				EndDate: crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)?.commitmentEndDate,
				Quantity: 10,
				TermDuration: 'P1Y',
				BillingCycle: 2,
				HasNextTermInstructions: true,
				NextPartNumber: SEED.ncePartNumber,
				NextQuantity: 12,
				NextTermDuration: 'P1M',
				NextBillingCycle: 'Monthly',
				NextCustomTermEndDate: null,
				ScheduledNextTermInstructions: expect.objectContaining({ Quantity: 12 }),
			},
		]);
	});

	it('refuses before sending: no instruction, a term and billing cycle that do not go together, a legacy or a suspended subscription', async () => {
		const none = await runForJson(crayon, instruct(byId(SEED.nceSubscriptionId), {}));
		expect(none.result.error?.message).toContain('"Next Term" needs at least one instruction');
		const mismatch = await runForJson(
			crayon,
			instruct(byId(SEED.nceSubscriptionId), { termDuration: 'P1M', billingCycle: 2 }),
		);
		expect(mismatch.result.error?.message).toContain('Annual billing is not offered with term P1M');
		expect(crayon.apiRequests()).toHaveLength(0);
		const legacy = await runForJson(
			crayon,
			instruct(byId(SEED.addonCapableSubscriptionId), { quantity: 3 }),
		);
		expect(legacy.result.error?.message).toBe(
			`Subscription ${SEED.addonCapableSubscriptionId} is not a New Commerce subscription: it has no next term to instruct [item 0]`,
		);
		const run = await runForJson(crayon, instruct('={{ $json.id }}', { quantity: 3 }), [
			{ id: SEED.nceSubscriptionId },
			{ id: SEED.suspendedSubscriptionId },
		]);
		expect(run.result.error?.message).toContain(
			`Subscription ${SEED.suspendedSubscriptionId} is not`,
		);
		expect(posts()).toHaveLength(0);
	});

	it("reports Crayon's IsSuccessful: false as an error with its reason, nothing changed", async () => {
		const { result } = await runForJson(
			crayon,
			instruct(byId(SEED.nceSubscriptionId), { quantity: SEED.nceMaxQuantity + 1 }),
		);
		expect(result.error?.message).toMatch(
			/^Crayon refused the next-term instructions of subscription 5003: Quantity 301 exceeds the maximum/,
		);
		expect(result.error?.description).toContain('Nothing was changed (QuantityExceedsMaximum)');
		expect(crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)?.nextTerm).toBeNull();
	});

	it('never posts twice after a lost answer: reading back finds the instructions', async () => {
		crayon.sim.injectFault({ method: 'POST', dropConnection: 'after-processing' });
		const { result } = await runForJson(
			crayon,
			instruct(byId(SEED.nceSubscriptionId), { quantity: 7 }),
		);
		expect(result.error?.message).toMatch(
			/^Outcome unknown, but most likely bought: POST \/api\/v1\/subscriptions\/5003\/next-term-instructions got no usable answer .* A lookup at Crayon found subscription 5003 with next-term instructions/,
		);
		expect(posts()).toHaveLength(1);
	});

	it('does not send again after a 503: the read-back cannot prove it was not stored', async () => {
		crayon.sim.injectFault({ method: 'POST', status: 503, retryAfterSeconds: 0 });
		const { result } = await runForJson(
			crayon,
			instruct(byId(SEED.nceSubscriptionId), { quantity: 7 }),
		);
		expect(result.error?.message).toMatch(/^Outcome unknown/);
		expect(posts()).toHaveLength(1);
	});
});
