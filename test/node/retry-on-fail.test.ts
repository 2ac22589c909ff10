/** n8n's node-level "Retry On Fail" re-runs the whole node: refused for operations that buy. */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../simulator';
import { byId, expectNothingSent, jsonOf, useCrayon } from '../helpers';

const crayon = useCrayon();

const createSubscription: INodeParameters = {
	resource: 'subscription',
	operation: 'create',
	productType: 'legacy',
	name: 'Retry test',
	customerTenantId: byId(SEED.legacyTenantId),
	partNumber: SEED.legacyPartNumber,
	quantity: 1,
};

describe('Retry On Fail', () => {
	it('refuses a purchase operation before sending anything, naming the setting', async () => {
		const result = await crayon.runCrayon(createSubscription, [{}, {}], { retryOnFail: true });

		expectNothingSent(crayon, result);
		expect(result.nodeError('Crayon')?.message).toBe(
			'Turn off "Retry On Fail" for this node: it would buy twice',
		);
	});

	it('lets a purchase run with Retry On Fail when failed items continue as error items (the node is never re-run)', async () => {
		const result = await crayon.runCrayon(createSubscription, [{}], {
			retryOnFail: true,
			onError: 'continueRegularOutput',
		});

		expect(result.error).toBeUndefined();
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('leaves read-only operations alone', async () => {
		const result = await crayon.runCrayon(
			{
				resource: 'subscription',
				operation: 'get',
				subscriptionId: byId(SEED.addonCapableSubscriptionId),
			},
			[{}],
			{ retryOnFail: true },
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result.output('Crayon'))).toEqual([
			expect.objectContaining({ Id: SEED.addonCapableSubscriptionId }),
		]);
	});
});
