/**
 * Acting on the Nth matching request the simulator receives: to fault one item of a run, or to
 * expire the token in the middle of it. `useCrayon` removes the hooks after every test, as the
 * simulator outlives the test.
 */
import { isRequestTo } from '../../harness';
import type { CrayonSimulator, RecordedRequest } from '../../simulator';

const undoHooks: Array<() => void> = [];

/**
 * Runs `action` when the simulator receives the `nth` (1-based) request to `method path`,
 * before it handles it: a fault injected by `action` applies to that very request, and an
 * `expireTokens()` makes that request the first to meet the expired token. The simulator
 * records a request on arrival, so this hooks into its request log.
 */
export function onRequest(
	sim: CrayonSimulator,
	method: string,
	path: string | RegExp,
	nth: number,
	action: () => void,
): void {
	const log = sim.requests;
	const push = log.push;
	let seen = 0;
	log.push = function (...records: RecordedRequest[]): number {
		const length = push.apply(this, records);
		for (const record of records) {
			if (isRequestTo(record, method, path) && ++seen === nth) action();
		}
		return length;
	};
	undoHooks.push(() => {
		log.push = push;
	});
}

/** Removes every `onRequest` hook (useCrayon does after each test). */
export function undoRequestHooks(): void {
	while (undoHooks.length > 0) undoHooks.pop()?.();
}
