/**
 * Scheduled Purchase → Cancel: the line is checked to be the tenant's and waiting (every item,
 * before the first cancellation), then PUT …/cancel-order/{id}/{orderNumber} with no body.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const cancel = (
	orderNumber: unknown,
	customerTenantId: number = SEED.tenantId,
): INodeParameters => ({
	resource: 'scheduledPurchase',
	operation: 'cancel',
	customerTenantId: byId(customerTenantId),
	orderReferenceId: SEED.scheduledOrderReferenceId,
	orderNumber: orderNumber as number,
});
const puts = () => crayon.apiRequests().filter((request) => request.method === 'PUT');
const cancelPath = (orderNumber: number) =>
	`/api/v1/scheduledpurchaserequest/cancel-order/${SEED.scheduledOrderReferenceId}/${orderNumber}`;

describe('Scheduled Purchase → Cancel', () => {
	it('checks the line, then cancels it with a PUT without body', async () => {
		const { result, json } = await runForJson(crayon, cancel(SEED.scheduledOrderNumbers[0]));
		expect(result.error).toBeUndefined();
		const list = '/api/v1/scheduledpurchaserequest/';
		expect(crayon.apiCalls()).toEqual([
			crayon.call('GET', list),
			crayon.call('GET', list),
			crayon.call('PUT', cancelPath(SEED.scheduledOrderNumbers[0]), undefined),
		]);
		expect(puts()[0].rawBody).toBe('');
		expect(json[0]).toMatchObject({
			Cancelled: true,
			OrderReferenceId: SEED.scheduledOrderReferenceId,
			OrderNumber: SEED.scheduledOrderNumbers[0],
			Remaining: {
				OrderReferenceId: SEED.scheduledOrderReferenceId,
				OrderItems: [expect.objectContaining({ OrderNumber: 2 })],
			},
		});
		expect(crayon.sim.state.changes).toEqual([
			expect.objectContaining({ kind: 'scheduledCancel' }),
		]);
	});

	it('refuses a line of another customer tenant or one not waiting, before any cancellation of the run', async () => {
		const other = await runForJson(
			crayon,
			cancel(SEED.scheduledOrderNumbers[0], SEED.legacyTenantId),
		);
		expect(other.result.error?.message).toBe(
			`Customer tenant ${SEED.legacyTenantId} has no line 1 of scheduled purchase ${SEED.scheduledOrderReferenceId} waiting to be bought [item 0]`,
		);
		const run = await runForJson(crayon, cancel('={{ $json.line }}'), [{ line: 1 }, { line: 9 }]);
		expect(run.result.error?.message).toContain('has no line 9 of scheduled purchase');
		expect(puts()).toHaveLength(0);
	});

	it('does not cancel twice after a lost answer: the list shows the line gone', async () => {
		crayon.sim.injectFault({ method: 'PUT', dropConnection: 'after-processing' });
		const { result } = await runForJson(crayon, cancel(SEED.scheduledOrderNumbers[1]));
		expect(result.error?.message).toMatch(
			/^Outcome unknown, but most likely bought: PUT .*cancel-order\/7001\/2 got no usable answer .* no line 2 of scheduled purchase 7001 waiting any more\. \[item 0\]$/,
		);
		expect(puts()).toHaveLength(1);
	});
});
