/**
 * Why a request did not produce a usable answer, and what that says about whether Crayon
 * processed it. Crayon's purchase endpoints are not idempotent, so this decides what may be
 * sent again: only what provably did not reach Crayon.
 */
export type Failure =
	/** Crayon (or something in front of it) answered with an error status. */
	| { kind: 'status'; status: number; body: unknown; retryAfterMs?: number }
	/** A 3xx: redirects are never followed, so the request may have been processed or not. */
	| { kind: 'redirect'; status: number }
	/** No answer: the connection failed or was lost. `code` is Node's error code. */
	| { kind: 'network'; code?: string; detail: string }
	/** No complete answer within the Timeout option. */
	| { kind: 'timeout'; timeoutMs: number }
	/** An answer longer than the node reads. */
	| { kind: 'tooLarge'; status: number; limitBytes: number }
	/** A success status whose body is not what the request returns. */
	| { kind: 'unreadable'; status: number; body: unknown; expected: string }
	/** Crayon never saw the request: logging in (again) failed first. */
	| { kind: 'loginFailed'; reason: string }
	/** Crayon rejected the access token even after a fresh login. */
	| { kind: 'unauthorized'; freshToken: boolean };

/**
 * - `notSent`: provably never reached Crayon (no connection, no login, a rejected token);
 * - `refused`: Crayon answered that it did not do it (4xx);
 * - `busy`: 429 or 503, which by HTTP's meaning were not processed, but Crayon documents
 *   neither and a proxy may answer so after Crayon did the work;
 * - `unknown`: it may have been processed (5xx, lost connection, timeout, redirect, an answer
 *   too long or unreadable).
 */
export type Delivery = 'notSent' | 'refused' | 'busy' | 'unknown';

/** Connection errors raised before a request could be delivered. */
const NOT_DELIVERED_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);
/** Of those, the ones that usually pass (a typo in the base URL does not). */
const TRANSIENT_NOT_DELIVERED_CODES = new Set([
	'ECONNREFUSED',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);
/** Connection errors after which the request may or may not have been processed; a read is sent again. */
const LOST_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE']);
/** Node's and axios's codes for a request that timed out. */
export const TIMEOUT_CODES = new Set([
	'ECONNABORTED',
	'ETIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);
const BUSY_STATUSES = new Set([429, 503]);
/** Statuses worth trying again for a read, which is safe to repeat. */
const RETRYABLE_READ_STATUSES = new Set([429, 500, 502, 503, 504]);

export function deliveryOf(failure: Failure): Delivery {
	switch (failure.kind) {
		case 'loginFailed':
		case 'unauthorized':
			return 'notSent';
		case 'network':
			return failure.code !== undefined && NOT_DELIVERED_CODES.has(failure.code)
				? 'notSent'
				: 'unknown';
		case 'status':
			if (BUSY_STATUSES.has(failure.status)) return 'busy';
			return failure.status < 500 ? 'refused' : 'unknown';
		default:
			return 'unknown';
	}
}

/** Whether to send the request again as it is, without looking anything up first. */
export function isRetryable(failure: Failure, purchase: boolean): boolean {
	if (failure.kind === 'network' && failure.code !== undefined) {
		if (TRANSIENT_NOT_DELIVERED_CODES.has(failure.code)) return true;
		return !purchase && LOST_CONNECTION_CODES.has(failure.code);
	}
	if (purchase) return false;
	if (failure.kind === 'timeout') return true;
	return failure.kind === 'status' && RETRYABLE_READ_STATUSES.has(failure.status);
}

export function retryAfterOf(failure: Failure): number | undefined {
	return failure.kind === 'status' ? failure.retryAfterMs : undefined;
}
