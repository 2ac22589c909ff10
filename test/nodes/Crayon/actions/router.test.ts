/**
 * A purchase run with "continue on fail" where every kind of failure hits one item: each
 * failed item becomes one error item paired with its input, and every good item is
 * bought exactly once.
 */
import { Expression } from 'n8n-workflow';

import { SEED } from '../../../../simulator';
import {
	createSubscription,
	errorItemOf,
	onRequest,
	pairedItemsOf,
	SUBSCRIPTIONS_PATH,
	useCrayon,
} from '../../../helpers';

const crayon = useCrayon();

const row = (quantity: number, tenantId: number = SEED.tenantId) => ({ tenantId, quantity });

describe('A purchase run with "Continue On Fail"', () => {
	it('outputs one error item per failed item and buys every good item exactly once', async () => {
		const rows = [
			row(1),
			row(-1), // invalid: never sent
			row(2),
			row(3), // 3rd purchase request: HTTP 500
			row(4), // 4th: processed, then the connection drops
			row(5), // 5th: 503 once, then bought on the retry
			row(6, SEED.nceIneligibleTenantId), // refused by Crayon (400)
			row(7),
		];
		onRequest(crayon.sim, 'POST', SUBSCRIPTIONS_PATH, 3, () =>
			crayon.sim.injectFault({ method: 'POST', status: 500 }),
		);
		onRequest(crayon.sim, 'POST', SUBSCRIPTIONS_PATH, 4, () =>
			crayon.sim.injectFault({ method: 'POST', dropConnection: 'after-processing' }),
		);
		onRequest(crayon.sim, 'POST', SUBSCRIPTIONS_PATH, 5, () =>
			crayon.sim.injectFault({ method: 'POST', status: 503, retryAfterSeconds: 0 }),
		);

		const result = await crayon.runCrayon(createSubscription(), rows, {
			onError: 'continueRegularOutput',
		});

		expect(result.status).toBe('success');
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual(rows.map((_, item) => ({ item })));
		expect(output.map((item) => ('error' in item.json ? 'error' : item.json.Quantity))).toEqual([
			1,
			'error',
			2,
			'error',
			'error',
			5,
			'error',
			7,
		]);
		expect(errorItemOf(result, 1).error).toMatch(
			/^Invalid input in item 1: "Quantity" must be a whole number from 1 to 2147483647 \(received -1\)/,
		);
		expect(errorItemOf(result, 3).error).toMatch(
			/^Outcome unknown, most likely not bought: .*HTTP 500/,
		);
		expect(errorItemOf(result, 4).error).toMatch(
			/^Outcome unknown, but most likely bought: .*found subscription \d+ \(quantity 4/,
		);
		expect(errorItemOf(result, 6)).toMatchObject({
			httpCode: '400',
			error: expect.stringMatching(/^Crayon refused to create a subscription of .* \[item 6\]$/),
		});

		const sentQuantities = crayon
			.requestsTo('POST', SUBSCRIPTIONS_PATH)
			.map((request) => (request.body as { quantity: number }).quantity);
		expect(sentQuantities).toEqual([1, 2, 3, 4, 5, 5, 6, 7]);
		const bought = crayon.sim.state.purchases.flatMap((purchase) =>
			purchase.lines.map((line) => line.quantity),
		);
		expect(bought.sort((first, second) => first - second)).toEqual([1, 2, 4, 5, 7]);
	});
});

describe('Each mapped field', () => {
	it('is evaluated once per item: the validation pass builds the request, execution re-reads nothing', async () => {
		// n8n 2.41 spends about 1 ms on each evaluation (bench/README.md, "Where the time goes").
		const evaluations: Array<[number, string]> = [];
		const original = Expression.prototype.resolveSimpleParameterValue;
		const resolve = jest
			.spyOn(Expression.prototype, 'resolveSimpleParameterValue')
			.mockImplementation(function (this: Expression, ...args) {
				const [value, , , , itemIndex] = args;
				if (typeof value === 'string' && value.startsWith('=')) {
					evaluations.push([itemIndex, value]);
				}
				return original.apply(this, args);
			});
		try {
			const parameters = createSubscription({ concurrency: 4 });
			const rows = [row(1), row(2), row(3), row(4), row(5)];
			const result = await crayon.runCrayon(parameters, rows);
			expect(result.error).toBeUndefined();
			expect(crayon.sim.purchaseCount()).toBe(5);
			const mapped = [parameters.customerTenantId, parameters.quantity] as string[];
			for (const expression of mapped) {
				expect(
					evaluations.filter(([, value]) => value === expression).map(([itemIndex]) => itemIndex),
				).toEqual([0, 1, 2, 3, 4]);
			}
		} finally {
			resolve.mockRestore();
		}
	});
});
