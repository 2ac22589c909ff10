import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger remembers between polls, in the workflow's static data: one short
 * fingerprint per subscription it saw last time, for the customer tenant filter it saw them
 * with. Only subscriptions still listed are kept, so it grows with the account, not with time.
 */
export interface Cursor {
	scope: string;
	fingerprints: Record<string, string>;
}

export type SubscriptionEvent = 'new' | 'changed';

export interface Change {
	event: SubscriptionEvent;
	subscription: IDataObject;
}

/** Enough of a SHA-256 that two different states of one subscription never look alike in practice. */
const FINGERPRINT_LENGTH = 12;

function field(value: unknown, key: string): unknown {
	return value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
}

/**
 * A subscription "changed" when anything a reseller acts on changed: quantity, status, name,
 * product, billing cycle, term, commitment end date (renewals and coterminosity) or its add-ons.
 * Dates Crayon recomputes on every read and free-text fields are left out.
 */
export function fingerprint(subscription: IDataObject): string {
	const addons = Array.isArray(subscription.Subscriptions)
		? subscription.Subscriptions.map((addon) => field(addon, 'Id'))
		: [];
	const state = [
		subscription.Quantity,
		subscription.Status,
		subscription.Name,
		field(subscription.Product, 'PartNumber'),
		subscription.BillingCycle,
		subscription.TermDuration,
		subscription.CommitmentEndDate,
		addons,
	];
	return createHash('sha256')
		.update(JSON.stringify(state))
		.digest('base64url')
		.slice(0, FINGERPRINT_LENGTH);
}

/** The cursor stored by an earlier poll, if it was made for the same filter. */
export function readCursor(staticData: IDataObject, scope: string): Cursor | undefined {
	const fingerprints = staticData.fingerprints;
	if (staticData.scope !== scope || fingerprints === null || typeof fingerprints !== 'object')
		return undefined;
	return { scope, fingerprints: fingerprints as Record<string, string> };
}

/**
 * Compares the subscriptions listed now with the previous cursor: those never seen are new,
 * those whose fingerprint differs changed. Without a previous cursor every subscription is new.
 */
export function detectChanges(
	subscriptions: IDataObject[],
	previous: Cursor | undefined,
	scope: string,
): { changes: Change[]; cursor: Cursor } {
	const fingerprints: Record<string, string> = {};
	const changes: Change[] = [];
	for (const subscription of subscriptions) {
		const id = String(subscription.Id);
		// A subscription created while paging can shift another onto the next page twice.
		if (id in fingerprints) continue;
		fingerprints[id] = fingerprint(subscription);
		const before = previous?.fingerprints[id];
		if (before === fingerprints[id]) continue;
		changes.push({ event: before === undefined ? 'new' : 'changed', subscription });
	}
	return { changes, cursor: { scope, fingerprints } };
}
