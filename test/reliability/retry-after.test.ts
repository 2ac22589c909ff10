/** Retry-After as Crayon (or a proxy in front of it) may send it: delay seconds or an HTTP date. */
import { parseRetryAfter } from '../../nodes/Crayon/transport/retry';

describe('Retry-After', () => {
	it.each([
		['0', 0],
		['3', 3000],
		[2, 2000],
		['1.5', 1500],
	])('reads %p seconds', (header, expected) => {
		expect(parseRetryAfter(header)).toBe(expected);
	});

	it('reads an HTTP date in the future as the time until then', () => {
		const inAMinute = new Date(Date.now() + 60_000).toUTCString();

		const delay = parseRetryAfter(inAMinute) as number;

		// HTTP dates have whole seconds.
		expect(delay).toBeGreaterThan(58_000);
		expect(delay).toBeLessThanOrEqual(60_000);
	});

	it('reads an HTTP date in the past as "now"', () => {
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')).toBe(0);
	});

	it.each([undefined, '', 'soon', '-5', null, {}])('ignores %p', (header) => {
		expect(parseRetryAfter(header)).toBeUndefined();
	});
});
