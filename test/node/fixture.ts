/**
 * Jest wiring for the engine tests: one simulator per test file, reset (seed, request log,
 * credential store without a token) before every test, and the assertions every file makes.
 */
import type { ExecutionError, INodeExecutionData } from 'n8n-workflow';

import { SEED, type SimulatorOptions } from '../../simulator';
import { CrayonFixture } from '../../harness/crayon';
import type { RunResult } from '../../harness/engine';

/** NCE orders are processed after 50 ms, so waiting for a subscription id takes a few 20 ms polls. */
const NCE_PROCESSING_DELAY_MS = 50;

export function useCrayon(
	options: SimulatorOptions = { newCommerceOrderProcessingDelayMs: NCE_PROCESSING_DELAY_MS },
): CrayonFixture {
	const crayon = new CrayonFixture(options);
	beforeAll(async () => await crayon.start());
	afterAll(async () => await crayon.stop());
	beforeEach(() => crayon.reset());
	return crayon;
}

/** An Office 365 E3 order line as checkout-order.txt shows it, without the catalogItemId Verify fills in. */
export function e3Line(quantity: number, extra: Record<string, string | number> = {}) {
	return {
		billingCycle: 1,
		productId: SEED.nceProductId,
		productVariantId: SEED.nceProductVariantId,
		quantity,
		skuId: SEED.nceSkuId,
		termDuration: 'P1M',
		type: 3,
		...extra,
	};
}

/** A Resource Locator parameter set to "By ID", as n8n stores it. */
export function byId(value: string | number) {
	return { __rl: true, mode: 'id', value: String(value) };
}

export function jsonOf(items: INodeExecutionData[]): unknown[] {
	return items.map((item) => item.json);
}

export function pairedItemsOf(items: INodeExecutionData[]): unknown[] {
	return items.map((item) => item.pairedItem);
}

/** The item index n8n shows with a node error. */
export function itemIndexOf(error: ExecutionError | undefined): unknown {
	return (error as { context?: { itemIndex?: unknown } } | undefined)?.context?.itemIndex;
}

/** The run failed in the Crayon node before anything reached Crayon: no login, no request, no purchase. */
export function expectNothingSent(crayon: CrayonFixture, result: RunResult): void {
	expect(result.status).toBe('error');
	expect(result.nodeError('Crayon')).toBeDefined();
	expect(crayon.sim.requests).toEqual([]);
	expect(crayon.sim.purchaseCount()).toBe(0);
}
