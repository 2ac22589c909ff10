import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { isActive } from './subscriptions';
import { timeOf } from './time';

/**
 * What the trigger remembers between polls, in the workflow's static data: one short
 * fingerprint per subscription it saw last time, for the customer tenant filter it saw them
 * with, and for the window events the dates it already reported. Only subscriptions still
 * listed are kept, so it grows with the account, not with time.
 */
export interface Cursor {
	scope: string;
	fingerprints: Record<string, string>;
	/** 2 since fingerprints read EndDate (list items have no CommitmentEndDate); absent before. */
	version?: number;
	/** Per subscription, the window ends already reported: `c` cancellation, `r` renewal. */
	windows?: Record<string, { c?: string; r?: string }>;
}

const CURSOR_VERSION = 2;

export type SubscriptionEvent =
	| 'new'
	| 'changed'
	| 'cancellationWindowClosing'
	| 'renewalApproaching';

export interface Change {
	event: SubscriptionEvent;
	subscription: IDataObject;
	/** What the node adds for a window event: `HoursLeft` or `DaysLeft`. */
	extra?: IDataObject;
}

/** Which events to emit, and the window sizes of the two window events. */
export interface EventSelection {
	events: ReadonlyArray<SubscriptionEvent>;
	/** Cancellation Window Closing: CancellationAllowedUntilDate within this many hours. */
	cancellationWindowHours: number;
	/** Renewal Approaching: EndDate within this many days. */
	renewalDays: number;
	/** Now, in milliseconds. */
	now: number;
}

/** Enough of a SHA-256 that two different states of one subscription never look alike in practice. */
const FINGERPRINT_LENGTH = 12;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function field(value: unknown, key: string): unknown {
	return value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
}

function hash(state: unknown[]): string {
	return createHash('sha256')
		.update(JSON.stringify(state))
		.digest('base64url')
		.slice(0, FINGERPRINT_LENGTH);
}

function stateOf(subscription: IDataObject, endDate: unknown): unknown[] {
	const addons = Array.isArray(subscription.Subscriptions)
		? subscription.Subscriptions.map((addon) => field(addon, 'Id'))
		: [];
	return [
		subscription.Quantity,
		subscription.Status,
		subscription.Name,
		field(subscription.Product, 'PartNumber'),
		subscription.BillingCycle,
		subscription.TermDuration,
		endDate,
		addons,
	];
}

/**
 * A subscription "changed" when anything a reseller acts on changed: quantity, status, name,
 * product, billing cycle, term, end date (renewals and coterminosity) or its add-ons. Dates
 * Crayon recomputes on every read and free-text fields are left out. Listed subscriptions are
 * `Subscription`s (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/Subscription.cs): their term ends
 * at EndDate; they carry no CommitmentEndDate.
 */
export function fingerprint(subscription: IDataObject): string {
	return hash(stateOf(subscription, subscription.EndDate));
}

/** The fingerprint cursors stored before version 2, to tell an unchanged subscription after the upgrade. */
function previousFingerprint(subscription: IDataObject): string {
	return hash(stateOf(subscription, subscription.CommitmentEndDate));
}

/** The cursor stored by an earlier poll, if it was made for the same filter. */
export function readCursor(staticData: IDataObject, scope: string): Cursor | undefined {
	const fingerprints = staticData.fingerprints;
	if (staticData.scope !== scope || fingerprints === null || typeof fingerprints !== 'object')
		return undefined;
	const windows = staticData.windows;
	return {
		scope,
		fingerprints: fingerprints as Record<string, string>,
		...(typeof staticData.version === 'number' ? { version: staticData.version } : {}),
		...(windows !== null && typeof windows === 'object'
			? { windows: windows as Cursor['windows'] }
			: {}),
	};
}

/** A window that ends within `spanMs` from now and has not ended yet: how long is left, else undefined. */
function timeLeft(end: unknown, now: number, spanMs: number): number | undefined {
	const at = timeOf(end);
	if (at === undefined || at <= now || at > now + spanMs) return undefined;
	return at - now;
}

const tenths = (value: number) => Math.round(value * 10) / 10;

/**
 * The window events of one subscription: once per subscription and window end (a renewal moves
 * EndDate and so opens a new window). Only active subscriptions have windows that matter.
 */
function windowEvents(
	subscription: IDataObject,
	reported: { c?: string; r?: string } | undefined,
	selection: EventSelection,
): { changes: Change[]; remembered?: { c?: string; r?: string } } {
	if (!isActive(subscription.Status)) return { changes: [] };
	const changes: Change[] = [];
	// A window that has ended cannot be reported again: forgetting it keeps the cursor small.
	const remembered = Object.fromEntries(
		Object.entries(reported ?? {}).filter(([, end]) => (timeOf(end) ?? 0) > selection.now),
	) as { c?: string; r?: string };
	const cancellationEnd = subscription.CancellationAllowedUntilDate;
	if (selection.events.includes('cancellationWindowClosing')) {
		const left = timeLeft(
			cancellationEnd,
			selection.now,
			selection.cancellationWindowHours * HOUR_MS,
		);
		if (left !== undefined && reported?.c !== String(cancellationEnd)) {
			changes.push({
				event: 'cancellationWindowClosing',
				subscription,
				extra: { HoursLeft: tenths(left / HOUR_MS) },
			});
			remembered.c = String(cancellationEnd);
		}
	}
	const endDate = subscription.EndDate;
	if (selection.events.includes('renewalApproaching')) {
		const left = timeLeft(endDate, selection.now, selection.renewalDays * DAY_MS);
		if (left !== undefined && reported?.r !== String(endDate)) {
			changes.push({
				event: 'renewalApproaching',
				subscription,
				extra: { DaysLeft: tenths(left / DAY_MS) },
			});
			remembered.r = String(endDate);
		}
	}
	return {
		changes,
		remembered: remembered.c === undefined && remembered.r === undefined ? undefined : remembered,
	};
}

/**
 * Compares the subscriptions listed now with the previous cursor: those never seen are new,
 * those whose fingerprint differs changed. Without a previous cursor every subscription is new.
 * The window events say once per subscription and window that a cancellation window closes or
 * a term ends soon. Only the selected events are returned; the cursor is kept for all of them.
 */
export function detectChanges(
	subscriptions: IDataObject[],
	previous: Cursor | undefined,
	scope: string,
	selection: EventSelection = {
		events: ['new', 'changed'],
		cancellationWindowHours: 0,
		renewalDays: 0,
		now: Date.now(),
	},
): { changes: Change[]; cursor: Cursor } {
	const fingerprints: Record<string, string> = {};
	const windows: Record<string, { c?: string; r?: string }> = {};
	const changes: Change[] = [];
	const upgraded = previous !== undefined && previous.version !== CURSOR_VERSION;
	for (const subscription of subscriptions) {
		const id = String(subscription.Id);
		// A subscription created while paging can shift another onto the next page twice.
		if (id in fingerprints) continue;
		fingerprints[id] = fingerprint(subscription);
		const before = previous?.fingerprints[id];
		const unchanged =
			before === fingerprints[id] || (upgraded && before === previousFingerprint(subscription));
		if (!unchanged) {
			const event = before === undefined ? 'new' : 'changed';
			if (selection.events.includes(event)) changes.push({ event, subscription });
		}
		const found = windowEvents(subscription, previous?.windows?.[id], selection);
		changes.push(...found.changes);
		if (found.remembered) windows[id] = found.remembered;
	}
	return {
		changes,
		cursor: {
			scope,
			fingerprints,
			version: CURSOR_VERSION,
			...(Object.keys(windows).length > 0 ? { windows } : {}),
		},
	};
}
