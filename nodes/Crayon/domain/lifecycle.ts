import type { IDataObject } from 'n8n-workflow';

import { fieldOf, type CrayonClient, type OutcomeLookup } from '../transport';
import {
	getSubscription,
	simplifySubscription,
	statusText,
	subscriptionDetailed,
	subscriptionStatuses,
} from './subscriptions';
import { timeOf } from './time';

/**
 * Changes of a subscription through "Update subscription" (PUT /api/v1/subscriptions/{id} with
 * the whole SubscriptionDetailed as read; crayon-api-sdk:
 * src/Crayon.Api.Sdk/Resources/SubscriptionResource.cs `Update`). Its C# example suspends a
 * subscription by setting Status; Microsoft's lifecycle states, which the page points to, cancel
 * a New Commerce subscription by setting it to Deleted (Partner Center: "Cancel a commercial
 * marketplace or new commerce subscription").
 */

export const STATUS = { Active: 1, Suspended: 2, Deleted: 4 } as const;

/** A status as a number, whether Crayon sent the number or its name. */
export function statusValue(status: unknown): number | undefined {
	if (typeof status === 'number') return status;
	if (typeof status !== 'string') return undefined;
	const name = status.replace(/\s+/g, '').toLowerCase();
	return subscriptionStatuses.find(
		(candidate) => candidate.name.replace(/\s+/g, '').toLowerCase() === name,
	)?.value;
}

/** "3 days", "5 hours", "40 minutes": how long, for a person. */
export function duration(ms: number): string {
	const minutes = Math.round(Math.abs(ms) / 60_000);
	if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
	const hours = Math.round(minutes / 60);
	if (hours < 48) return `${hours} hours`;
	return `${Math.round(hours / 24)} days`;
}

/** The whole subscription as read, with one field changed: what PUT sends. */
export interface FieldChange {
	field: 'Status' | 'AutoRenewEnabled';
	to: number | boolean;
	/** For the run summary: "cancel subscription 5017". */
	action: string;
}

function valueOf(subscription: IDataObject, field: FieldChange['field']): unknown {
	const value = fieldOf(subscription, field);
	return field === 'Status' ? statusValue(value) : value;
}

function describeValue(field: FieldChange['field'], value: unknown): string {
	return field === 'Status'
		? statusText(value)
		: `auto-renew ${value === true ? 'on' : value === false ? 'off' : String(value)}`;
}

/** Reads the subscription back: the change is there (bought), not there (not bought), or something else. */
function fieldChangeLookup(
	client: CrayonClient,
	subscriptionId: number,
	field: FieldChange['field'],
	change: { from: unknown; to: unknown },
): OutcomeLookup {
	return {
		// Crayon answers the PUT with the subscription as changed: it changes before it answers.
		decisive: true,
		find: async () => {
			const now = valueOf(await getSubscription(client, subscriptionId), field);
			const details = `subscription ${subscriptionId} with ${describeValue(field, now)}`;
			if (now === change.to) return { verdict: 'bought', details };
			return { verdict: now === change.from ? 'notBought' : 'unclear', details };
		},
	};
}

/**
 * Sends the subscription back exactly as read with one field changed, never twice; an answer in
 * which the field did not change is an unknown outcome, not a success.
 */
export async function putFieldChange(
	client: CrayonClient,
	current: IDataObject,
	change: FieldChange,
): Promise<IDataObject> {
	const subscriptionId = Number(current.Id);
	const from = valueOf(current, change.field);
	const key =
		Object.keys(current).find((name) => name.toLowerCase() === change.field.toLowerCase()) ??
		change.field;
	const transition = `${describeValue(change.field, from)} → ${describeValue(change.field, change.to)}`;
	// An answer in which the field did not change is not a success: Crayon may apply it later,
	// or not change it this way. The transport makes that an unknown outcome and looks it up.
	const applied = subscriptionDetailed
		.refine((answer) => valueOf(answer, change.field) === change.to)
		.describe(`the subscription with ${describeValue(change.field, change.to)}`);
	const result = await client.purchase(
		{
			method: 'PUT',
			path: `/api/v1/subscriptions/${subscriptionId}`,
			body: { ...current, [key]: change.to },
			action: change.action,
			identify: () => ({ identity: `subscription ${subscriptionId} ${transition}` }),
			lookup: fieldChangeLookup(client, subscriptionId, change.field, { from, to: change.to }),
		},
		applied,
	);
	return result;
}

/** What a lifecycle operation outputs: the subscription (simplified or as Crayon answered) and what the node adds. */
export function changedOutput(
	subscription: IDataObject,
	simplify: boolean,
	extra: IDataObject,
): IDataObject {
	if (!simplify) return { ...subscription, ...extra };
	return {
		...simplifySubscription(subscription),
		AutoRenewEnabled: fieldOf(subscription, 'AutoRenewEnabled') as IDataObject[string],
		CancellationAllowedUntilDate: fieldOf(
			subscription,
			'CancellationAllowedUntilDate',
		) as IDataObject[string],
		...extra,
	};
}

/** Whether and how long a New Commerce subscription may still be cancelled. */
export function cancellationWindow(
	subscription: IDataObject,
	now: number,
): { open: boolean; until?: string; leftMs?: number } {
	const until = fieldOf(subscription, 'CancellationAllowedUntilDate');
	const end = timeOf(until);
	if (typeof until !== 'string' || end === undefined) return { open: false };
	return { open: end > now, until, leftMs: end - now };
}
