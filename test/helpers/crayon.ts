/**
 * Jest wiring for the engine tests: one Crayon fixture (simulator + credential store,
 * harness/crayon.ts) per test file or `describe`, started once, reset before every test (seed,
 * request log, credential store without a token) and stopped at the end; request hooks
 * (./requests.ts) are removed after every test.
 */
import { CrayonFixture } from '../../harness';
import type { SimulatorOptions } from '../../simulator';
import { undoRequestHooks } from './requests';

/** NCE orders are processed after 50 ms, so waiting for a subscription id takes a few 20 ms polls. */
const NCE_PROCESSING_DELAY_MS = 50;

export function useCrayon(
	options: SimulatorOptions = { newCommerceOrderProcessingDelayMs: NCE_PROCESSING_DELAY_MS },
): CrayonFixture {
	const crayon = new CrayonFixture(options);
	beforeAll(async () => await crayon.start());
	afterAll(async () => await crayon.stop());
	beforeEach(() => crayon.reset());
	afterEach(() => undoRequestHooks());
	return crayon;
}
