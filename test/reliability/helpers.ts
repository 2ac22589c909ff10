/**
 * What the reliability and security tests add to the Crayon fixture: acting on the Nth
 * matching request the simulator receives (to fault one item of a run, or to expire the
 * token in the middle of it), and reading errors the way n8n shows and stores them.
 */
import type { ExecutionError, IDataObject, INodeParameters } from 'n8n-workflow';

import { LOGIN_PATH } from '../../credentials/CrayonApi.credentials';
import { SEED, type CrayonSimulator, type RecordedRequest } from '../../simulator';
import type { RunResult } from '../../harness/engine';

export const SUBSCRIPTIONS_PATH = '/api/v1/subscriptions/';

/**
 * Subscription → Create of the NCE seed product for the input item's `quantity`, bought for
 * its `tenantId` (the NCE seed tenant when absent). Distinct quantities tell the purchases apart.
 */
export function createSubscription(options: INodeParameters = {}): INodeParameters {
	return {
		resource: 'subscription',
		operation: 'create',
		productType: 'nce',
		name: 'Reliability test',
		customerTenantId: `={{ $json.tenantId ?? ${SEED.tenantId} }}`,
		partNumber: SEED.ncePartNumber,
		quantity: '={{ $json.quantity }}',
		billingCycle: 1,
		termDuration: 'P1M',
		options,
	};
}

/** Items asking for quantities 1..count. */
export function quantities(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({ quantity: index + 1 }));
}

export function isLogin(request: RecordedRequest): boolean {
	return request.path.replace(/\/+$/, '').toLowerCase() === LOGIN_PATH;
}

/** `path` as a string ignores case and a trailing slash, like the simulator's routes. */
function isRequestTo(request: RecordedRequest, method: string, path: string | RegExp): boolean {
	if (request.method !== method) return false;
	if (typeof path !== 'string') return path.test(request.path);
	const normalise = (text: string) => text.replace(/\/+$/, '').toLowerCase();
	return normalise(request.path) === normalise(path);
}

export function requestsTo(
	sim: CrayonSimulator,
	method: string,
	path: string | RegExp,
): RecordedRequest[] {
	return sim.requests.filter((request) => isRequestTo(request, method, path));
}

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

/** Jest hook: removes every `onRequest` hook after each test, as the simulator outlives the test. */
export function undoRequestHooksAfterEach(): void {
	afterEach(() => {
		while (undoHooks.length > 0) undoHooks.pop()?.();
	});
}

/** The error item a node set to continue on fail outputs for an item (router's error item). */
export function errorItemOf(result: RunResult, itemIndex: number): IDataObject {
	const item = result
		.output('Crayon')
		.find((candidate) => (candidate.pairedItem as { item: number }).item === itemIndex);
	if (!item) throw new Error(`No output item for input item ${itemIndex}`);
	expect(item.json.error).toEqual(expect.any(String));
	return item.json;
}

/** Message and description of the node's error, as one text to match. */
export function errorText(error: ExecutionError | IDataObject | undefined): string {
	const { message, description } = (error ?? {}) as { message?: unknown; description?: unknown };
	const text = [message, description, (error as IDataObject | undefined)?.error].filter(
		(part) => typeof part === 'string',
	);
	return text.join('\n');
}
