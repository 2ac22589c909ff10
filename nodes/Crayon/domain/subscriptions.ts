import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { answerObject, type CrayonClient } from '../transport';
import { subscriptionBillingCycleText } from './enums';

/** SubscriptionStatus, a flag set (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/SubscriptionStatus.cs). */
export const subscriptionStatuses = [
	{ name: 'Active', value: 1 },
	{ name: 'Suspended', value: 2 },
	{ name: 'Deleted', value: 4 },
	{ name: 'Customer Cancellation', value: 8 },
	{ name: 'Converted', value: 16 },
	{ name: 'Expired', value: 32 },
	{ name: 'Pending', value: 64 },
	{ name: 'Cancelled', value: 128 },
	{ name: 'Disabled', value: 256 },
] as const;

/**
 * Every status: what the SDK's SubscriptionFilter sends unless told otherwise. Lists always
 * send a `statuses` value, because Crayon's own default when it is missing is undocumented.
 */
export const ALL_STATUSES = subscriptionStatuses.reduce((flags, { value }) => flags | value, 0);

/** The Active flag of SubscriptionStatus. */
export const ACTIVE = 1;

/** "Active", "Suspended, Expired"; Crayon usually sends the flags as a number, sometimes as names. */
export function statusText(status: unknown): string {
	if (typeof status === 'string') return status;
	if (typeof status !== 'number') return String(status ?? 'Unknown');
	const names = subscriptionStatuses
		.filter(({ value }) => (status & value) !== 0)
		.map(({ name }) => name);
	return names.length > 0 ? names.join(', ') : String(status);
}

/** Only an active subscription may have its quantity changed. */
export function isActive(status: unknown): boolean {
	if (typeof status === 'string') return status.trim().toLowerCase() === 'active';
	return status === ACTIVE;
}

function reference(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' ? (value as IDataObject) : {};
}

/**
 * The fields of a subscription that workflows (and AI agents) act on, with the status and
 * billing cycle as readable text and the nested references flattened.
 */
export function simplifySubscription(subscription: IDataObject): IDataObject {
	const product = reference(subscription.Product);
	return {
		Id: subscription.Id,
		Name: subscription.Name,
		Status: statusText(subscription.Status),
		Quantity: subscription.Quantity,
		PartNumber: product.PartNumber,
		ProductName: product.ItemName,
		CustomerTenantId: reference(subscription.CustomerTenant).Id,
		OrganizationId: reference(subscription.Organization).Id,
		BillingCycle: subscriptionBillingCycleText(subscription.BillingCycle),
		TermDuration: subscription.TermDuration,
		CommitmentEndDate: subscription.CommitmentEndDate,
	};
}

/**
 * A listed subscription (a `Subscription`, crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/Subscription.cs)
 * simplified: lists carry no CommitmentEndDate, the term ends at EndDate, and what a renewal or a
 * cancellation depends on is kept.
 */
export function simplifyListedSubscription(subscription: IDataObject): IDataObject {
	const simplified = simplifySubscription(subscription);
	delete simplified.CommitmentEndDate;
	return {
		...simplified,
		EndDate: subscription.EndDate,
		AutoRenewEnabled: subscription.AutoRenewEnabled,
		CancellationAllowedUntilDate: subscription.CancellationAllowedUntilDate,
	};
}

/** A SubscriptionDetailed: the fields the node relies on are checked, the rest is kept as Crayon sent it. */
export const subscriptionDetailed = answerObject(
	{
		Id: z.number().int(),
		Quantity: z.number().int(),
		Status: z.union([z.number().int(), z.string()]),
	},
	'a subscription (an object with numeric Id, Quantity and Status)',
);

export async function getSubscription(client: CrayonClient, subscriptionId: number) {
	return await client.read(
		{
			method: 'GET',
			path: `/api/v1/subscriptions/${subscriptionId}`,
			action: `read subscription ${subscriptionId}`,
		},
		subscriptionDetailed,
	);
}
