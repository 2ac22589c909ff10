/**
 * The one retry policy of the node and its login: how long to wait before the next attempt.
 * Crayon documents no rate limit; a `Retry-After` it sends is honoured, otherwise the wait
 * doubles from one second.
 */

const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;

/** A Retry-After header (seconds or an HTTP date) in milliseconds from now. */
export function parseRetryAfter(header: unknown): number | undefined {
	if (typeof header !== 'string' && typeof header !== 'number') return undefined;
	const text = String(header).trim();
	if (/^-?\d+(\.\d+)?$/.test(text)) {
		const seconds = Number(text);
		return seconds >= 0 ? seconds * 1000 : undefined;
	}
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export interface RetryPolicy {
	/** Further attempts after the first. */
	maxRetries: number;
	/** A longer wait than this (asked by Retry-After) ends the retries instead. */
	maxDelayMs: number;
}

/**
 * The wait before retry number `retriesSoFar + 1`, or undefined when no retry is left or the
 * server asks for a longer wait than the policy allows.
 */
export function nextRetryDelayMs(
	policy: RetryPolicy,
	retriesSoFar: number,
	retryAfterMs?: number,
): number | undefined {
	if (retriesSoFar >= policy.maxRetries) return undefined;
	const delayMs = retryAfterMs ?? Math.min(FIRST_BACKOFF_MS * 2 ** retriesSoFar, MAX_BACKOFF_MS);
	return delayMs <= policy.maxDelayMs ? delayMs : undefined;
}
