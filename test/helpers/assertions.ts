/** Assertions many engine tests make, written once. */
import type { CrayonFixture, RunResult } from '../../harness';
import type { RecordedRequest } from '../../simulator';

/** The run failed in the Crayon node before anything reached Crayon: no login, no request, no purchase. */
export function expectNothingSent(crayon: CrayonFixture, result: RunResult): void {
	expect(result.status).toBe('error');
	expect(result.nodeError('Crayon')).toBeDefined();
	expect(crayon.sim.requests).toEqual([]);
	expect(crayon.sim.purchaseCount()).toBe(0);
}

/** Exactly one login, then `requests` (at least one) all sent with the token it issued. */
export function expectOneLoginForAll(crayon: CrayonFixture, requests: RecordedRequest[]): void {
	expect(crayon.logins()).toHaveLength(1);
	expect(new Set(requests.map((request) => request.headers.authorization))).toEqual(
		new Set([crayon.bearer()]),
	);
}
