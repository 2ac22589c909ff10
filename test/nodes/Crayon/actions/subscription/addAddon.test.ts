/** Subscription → Add Add-On: POST /api/v1/subscriptions/{subscriptionId}/addons (the "Set Subscription addon" page of Crayon's API documentation). */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import {
	byId,
	expectNothingSent,
	itemIndexOf,
	jsonOf,
	pairedItemsOf,
	useCrayon,
} from '../../../../helpers';

const crayon = useCrayon();

const addonsPath = (subscriptionId: number) => `/api/v1/subscriptions/${subscriptionId}/addons`;

const mapped: INodeParameters = {
	resource: 'subscription',
	operation: 'addAddon',
	subscriptionId: byId('={{ $json.subscriptionId }}'),
	offerId: byId('={{ $json.offerId }}'),
	quantity: '={{ $json.quantity }}',
};

describe('Subscription → Add Add-On', () => {
	it('sends Quantity and OfferId, and outputs that Crayon accepted the add-on', async () => {
		const result = await crayon.runCrayon(mapped, [
			{ subscriptionId: SEED.addonCapableSubscriptionId, offerId: SEED.addonOfferId, quantity: 3 },
		]);

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls()).toEqual([
			crayon.call('POST', addonsPath(SEED.addonCapableSubscriptionId), {
				Quantity: 3,
				OfferId: SEED.addonOfferId,
			}),
		]);
		const output = result.output('Crayon');
		expect(output).toEqual([
			{
				json: {
					Accepted: true,
					SubscriptionId: SEED.addonCapableSubscriptionId,
					OfferId: SEED.addonOfferId,
					Quantity: 3,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(crayon.sim.state.subscriptions.get(SEED.addonCapableSubscriptionId)?.addonIds).toEqual([
			SEED.nextSubscriptionId,
		]);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('sends the SubscriptionTags that are filled in, under their documented names', async () => {
		const result = await crayon.runCrayon(
			{
				...mapped,
				subscriptionTags: {
					Department: 'Finance',
					CostCenter: '={{ $json.costCenter }}',
					Project: 'Migration',
					Owner: 'kari@example.com',
					Custom: '',
				},
			},
			[
				{
					subscriptionId: SEED.addonCapableSubscriptionId,
					offerId: SEED.secondAddonOfferId,
					quantity: 1,
					costCenter: 'CC-42',
				},
			],
		);

		expect(result.error).toBeUndefined();
		const tags = {
			Department: 'Finance',
			CostCenter: 'CC-42',
			Project: 'Migration',
			Owner: 'kari@example.com',
		};
		expect(crayon.apiCalls()).toEqual([
			crayon.call('POST', addonsPath(SEED.addonCapableSubscriptionId), {
				Quantity: 1,
				OfferId: SEED.secondAddonOfferId,
				SubscriptionTags: tags,
			}),
		]);
		expect(jsonOf(result.output('Crayon'))).toEqual([
			{
				Accepted: true,
				SubscriptionId: SEED.addonCapableSubscriptionId,
				OfferId: SEED.secondAddonOfferId,
				Quantity: 1,
				SubscriptionTags: tags,
			},
		]);
		expect(crayon.sim.state.subscriptions.get(SEED.nextSubscriptionId)?.tags).toMatchObject({
			department: 'Finance',
			costCenter: 'CC-42',
			project: 'Migration',
			owner: 'kari@example.com',
			custom: null,
		});
	});

	it("turns Crayon's bare false (suspended subscription) into an error, sent once, nothing bought", async () => {
		const result = await crayon.runCrayon(mapped, [
			{ subscriptionId: SEED.suspendedSubscriptionId, offerId: SEED.addonOfferId, quantity: 1 },
		]);

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`Crayon did not accept add-on ${SEED.addonOfferId} for subscription ${SEED.suspendedSubscriptionId} [item 0]`,
		);
		expect(result.error?.description).toContain(
			`Crayon answered false to POST ${addonsPath(SEED.suspendedSubscriptionId)}`,
		);
		expect(itemIndexOf(result.error)).toBe(0);
		expect(crayon.apiCalls()).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(0);
	});

	it('with "continue on fail", adds the good rows once each and outputs an error item for each refused or invalid row', async () => {
		const rows = [
			{ subscriptionId: SEED.addonCapableSubscriptionId, offerId: SEED.addonOfferId, quantity: 2 },
			{ subscriptionId: SEED.suspendedSubscriptionId, offerId: SEED.addonOfferId, quantity: 2 },
			{ subscriptionId: '5001/../5002', offerId: SEED.addonOfferId, quantity: 2 },
			{
				subscriptionId: String(SEED.addonCapableSubscriptionId),
				offerId: SEED.secondAddonOfferId,
				quantity: '7',
			},
		];
		const result = await crayon.runCrayon(mapped, rows, { continueOnFail: true });

		expect(result.status).toBe('success');
		expect(crayon.logins()).toHaveLength(1);
		expect(crayon.apiCalls().map(({ path, body }) => [path, body])).toEqual([
			[addonsPath(SEED.addonCapableSubscriptionId), { Quantity: 2, OfferId: SEED.addonOfferId }],
			[addonsPath(SEED.suspendedSubscriptionId), { Quantity: 2, OfferId: SEED.addonOfferId }],
			[
				addonsPath(SEED.addonCapableSubscriptionId),
				{ Quantity: 7, OfferId: SEED.secondAddonOfferId },
			],
		]);
		expect(crayon.sim.purchaseCount()).toBe(2);

		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(jsonOf(output)).toEqual([
			{
				Accepted: true,
				SubscriptionId: SEED.addonCapableSubscriptionId,
				OfferId: SEED.addonOfferId,
				Quantity: 2,
			},
			{
				error: {
					message: `Crayon did not accept add-on ${SEED.addonOfferId} for subscription ${SEED.suspendedSubscriptionId} [item 1]`,
					description: expect.stringContaining('the subscription is not active'),
					purchaseOutcome: 'notBought',
					itemIndex: 1,
				},
			},
			{
				error: {
					message:
						'Invalid input in item 2: "Subscription" must be a whole number from 1 to 2147483647 (received "5001/../5002")',
					description: expect.stringContaining('Nothing was sent to Crayon'),
					purchaseOutcome: 'notBought',
					itemIndex: 2,
				},
			},
			{
				Accepted: true,
				SubscriptionId: SEED.addonCapableSubscriptionId,
				OfferId: SEED.secondAddonOfferId,
				Quantity: 7,
			},
		]);
	});

	it('refuses an invalid quantity before sending anything, naming field, value, what is allowed and the item', async () => {
		const result = await crayon.runCrayon(mapped, [
			{ subscriptionId: SEED.addonCapableSubscriptionId, offerId: SEED.addonOfferId, quantity: 1 },
			{
				subscriptionId: SEED.addonCapableSubscriptionId,
				offerId: SEED.addonOfferId,
				quantity: 1.5,
			},
		]);

		expectNothingSent(crayon, result);
		expect(result.error?.message).toBe(
			'Invalid input in item 1: "Quantity" must be a whole number from 1 to 2147483647 (received 1.5)',
		);
		expect(itemIndexOf(result.error)).toBe(1);
	});

	it("reports Crayon's refusal of an offer that is not an add-on of the subscription with Crayon's message", async () => {
		const result = await crayon.runCrayon(mapped, [
			{ subscriptionId: SEED.nceSubscriptionId, offerId: SEED.addonOfferId, quantity: 1 },
		]);

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`Crayon refused to add add-on ${SEED.addonOfferId} × 1 to subscription ${SEED.nceSubscriptionId}: OfferId '${SEED.addonOfferId}' is not an add-on offer of subscription ${SEED.nceSubscriptionId} (Office 365 E3). See GET /api/v1/subscriptions/${SEED.nceSubscriptionId}/addon-offers. [item 0]`,
		);
		// The message names OfferId and the subscription: both fields are pointed at.
		expect(result.error?.description).toContain(
			`Crayon's answer is about "Subscription" (this item sent ${SEED.nceSubscriptionId}) and "Add-On Offer" (this item sent "${SEED.addonOfferId}"): change it, then run the item again.`,
		);
		expect(result.nodeError('Crayon')).toMatchObject({ httpCode: '400' });
		expect(crayon.sim.purchaseCount()).toBe(0);
	});
});
