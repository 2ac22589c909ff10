/**
 * A New Commerce order whose answer was lost: Crayon creates the subscription only once it
 * has processed the order, so the lookup can confirm a purchase but never rule one out.
 */
import type { SimulatorOptions } from '../../simulator';
import { SEED } from '../../simulator';
import { useCrayon, errorItemOf } from '../helpers';

const ORDERS_PATH = '/api/v1/subscriptions/new-commerce-orders';

const order = {
	resource: 'newCommerceOrder',
	operation: 'create',
	customerTenantId: String(SEED.tenantId),
	partNumber: SEED.secondNcePartNumber,
	quantity: 7,
	billingCycle: 1,
	termDuration: 'P1M',
	waitForSubscriptionId: false,
};

function lostOrderRun(options: SimulatorOptions) {
	const crayon = useCrayon(options);
	return async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: ORDERS_PATH,
			dropConnection: 'after-processing',
		});
		const result = await crayon.runCrayon(order, [{}], { onError: 'continueRegularOutput' });
		expect(crayon.requestsTo('POST', ORDERS_PATH)).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(1);
		return errorItemOf(result, 0).error as string;
	};
}

describe('when Crayon has already processed the order', () => {
	const run = lostOrderRun({ newCommerceOrderProcessingDelayMs: 0 });

	it('reports the subscription it created', async () => {
		const error = await run();

		expect(error).toMatch(
			/^Outcome unknown, but most likely bought: POST \/api\/v1\/subscriptions\/new-commerce-orders got no usable answer/,
		);
		expect(error).toContain(`found subscription ${SEED.nextSubscriptionId} (quantity 7, created `);
	});
});

describe('when Crayon has not processed the order yet', () => {
	const run = lostOrderRun({ newCommerceOrderProcessingDelayMs: 600_000 });

	it('says the lookup cannot tell yet, and to look again later', async () => {
		const error = await run();

		expect(error).toMatch(
			/^Outcome unknown: POST \/api\/v1\/subscriptions\/new-commerce-orders got no usable answer \(connection lost: ECONNRESET\)\./,
		);
		expect(error).toContain(
			`no new subscription of ${SEED.secondNcePartNumber} × 7 for customer tenant ${SEED.tenantId} yet, but Crayon creates it only once the order is processed`,
		);
	});
});
