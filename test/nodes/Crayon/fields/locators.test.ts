import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { Crayon } from '../../../../nodes/Crayon/Crayon.node';
import { SEED } from '../../../../simulator';
import { byId, fromList, mappedE3Line, runForJson, useCrayon } from '../../../helpers';

/**
 * The purchase operations' ID fields are Resource Locators. Whether the ID was picked from the
 * list, typed "By ID" or mapped as a plain value (older workflows, expressions, AI agents),
 * Crayon must receive the same request.
 */
describe('A purchase field given as a resource locator', () => {
	const crayon = useCrayon();

	async function bodiesSentFor(variants: INodeParameters[]): Promise<unknown[]> {
		const bodies: unknown[] = [];
		for (const parameters of variants) {
			crayon.reset();
			const { result } = await runForJson(crayon, parameters);
			expect(result.error).toBeUndefined();
			bodies.push(crayon.apiRequests().map(({ method, path, body }) => ({ method, path, body })));
		}
		return bodies;
	}

	it('sends the same Add Add-On request whether the subscription and offer come from the list, by ID or as plain values', async () => {
		const base = { resource: 'subscription', operation: 'addAddon', quantity: 2 };
		const [listed, typed, plain] = await bodiesSentFor([
			{
				...base,
				subscriptionId: fromList(SEED.addonCapableSubscriptionId),
				offerId: fromList(SEED.addonOfferId),
			},
			{
				...base,
				subscriptionId: byId(SEED.addonCapableSubscriptionId),
				offerId: byId(SEED.addonOfferId),
			},
			{
				...base,
				subscriptionId: String(SEED.addonCapableSubscriptionId),
				offerId: SEED.addonOfferId,
			},
		]);
		expect(listed).toEqual([
			{
				method: 'POST',
				path: `/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}/addons`,
				body: { Quantity: 2, OfferId: SEED.addonOfferId },
			},
		]);
		expect(typed).toEqual(listed);
		expect(plain).toEqual(listed);
	});

	it('gives Subscription → Create and New Commerce Order → Create the customer tenant chosen from the list', async () => {
		const [subscription, plainSubscription] = await bodiesSentFor(
			[fromList(SEED.tenantId, SEED.tenantName), String(SEED.tenantId)].map((customerTenantId) => ({
				resource: 'subscription',
				operation: 'create',
				productType: 'nce',
				name: 'Contoso E3',
				customerTenantId,
				partNumber: SEED.ncePartNumber,
				quantity: 1,
				billingCycle: 1,
				termDuration: 'P1M',
				verifyFirst: false,
			})),
		);
		expect(subscription).toEqual(plainSubscription);
		expect(subscription).toEqual([
			expect.objectContaining({
				body: expect.objectContaining({ customerTenant: { id: SEED.tenantId } }),
			}),
		]);

		const [order] = await bodiesSentFor([
			{
				resource: 'newCommerceOrder',
				operation: 'create',
				customerTenantId: fromList(SEED.tenantId, SEED.tenantName),
				partNumber: SEED.secondNcePartNumber,
				quantity: 1,
				billingCycle: 1,
				termDuration: 'P1M',
				waitForSubscriptionId: false,
				verifyFirst: false,
			},
		]);
		expect(order).toEqual([
			expect.objectContaining({
				body: expect.objectContaining({ customerTenantId: SEED.tenantId }),
			}),
		]);
	});

	it('gives Order → Verify the reseller customer chosen from the list', async () => {
		const [verified] = await bodiesSentFor([
			{
				resource: 'order',
				operation: 'verify',
				resellerCustomerId: fromList(SEED.tenantId, SEED.tenantName),
				orderLinesInput: 'json',
				orderLinesJson: JSON.stringify([mappedE3Line()]),
			},
		]);
		expect(verified).toEqual([
			expect.objectContaining({
				body: expect.objectContaining({ resellerCustomerId: SEED.tenantId }),
			}),
		]);
	});

	it('keeps the purchase validation: an ID that is not a number is refused before anything is sent', async () => {
		const { result } = await runForJson(
			crayon,
			{
				resource: 'subscription',
				operation: 'addAddon',
				subscriptionId: { __rl: true, mode: 'list', value: '={{ $json.subscription }}' },
				offerId: fromList(SEED.addonOfferId),
				quantity: 1,
			},
			[{ subscription: 'the big one' }],
		);
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Subscription" must be a whole number from 1 to 2147483647 (received "the big one")',
		);
		expect(crayon.sim.requests).toEqual([]);
		expect(crayon.sim.purchaseCount()).toBe(0);
	});
});

describe('The Part Number and Product locators', () => {
	const properties = new Crayon().description.properties;
	const shownFor = (name: string, resource: string, operation: string) =>
		properties.find(
			(property) =>
				property.name === name &&
				property.displayOptions?.show?.resource?.includes(resource) &&
				property.displayOptions?.show?.operation?.includes(operation),
		);

	it("list the customer tenant's catalogue and load it again when the tenant (or Product Type) changes", () => {
		const subscription = shownFor('partNumber', 'subscription', 'create');
		const order = shownFor('partNumber', 'newCommerceOrder', 'create');
		const verifyLines = shownFor('orderLines', 'order', 'verify');
		const line = (verifyLines?.options as Array<{ values: INodeProperties[] }>)[0].values.find(
			(property) => property.name === 'product',
		);
		for (const locator of [subscription, order, line]) {
			expect(locator).toMatchObject({
				type: 'resourceLocator',
				modes: [
					{ name: 'list', typeOptions: { searchListMethod: 'searchProducts', searchable: true } },
					{ name: 'id', type: 'string' },
				],
			});
		}
		expect(subscription?.typeOptions?.loadOptionsDependsOn).toEqual([
			'customerTenantId.value',
			'productType',
		]);
		expect(order?.typeOptions?.loadOptionsDependsOn).toEqual(['customerTenantId.value']);
		expect(line?.typeOptions?.loadOptionsDependsOn).toEqual(['resellerCustomerId.value']);
		expect(line?.required).toBe(false);
	});
});
