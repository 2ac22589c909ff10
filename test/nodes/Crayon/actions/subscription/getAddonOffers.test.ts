/** Subscription → Get Add-On Offers: GET /api/v1/subscriptions/{id}/addon-offers, an item per offer. */
import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

describe('Subscription → Get Add-On Offers', () => {
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
