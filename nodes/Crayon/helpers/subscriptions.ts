import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemApi } from '../actions/operation';
import { responseObject, sendAndRead } from './responses';

/** SubscriptionStatus, a flag set (NOTES.md). */
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

const ACTIVE = 1;

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
 * The ten fields of a SubscriptionDetailed that workflows (and AI agents) act on, with the
 * status as readable text and the nested references flattened.
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
		TermDuration: subscription.TermDuration,
		CommitmentEndDate: subscription.CommitmentEndDate,
	};
}

/** A SubscriptionDetailed: the fields the node relies on are checked, the rest is kept as Crayon sent it. */
export const subscriptionDetailed = responseObject({
	Id: z.number().int(),
	Quantity: z.number().int(),
	Status: z.union([z.number().int(), z.string()]),
});

export async function getSubscription(
	context: IExecuteFunctions,
	api: ItemApi,
	subscriptionId: number,
) {
	return await sendAndRead(
		context,
		api,
		{ method: 'GET', path: `/api/v1/subscriptions/${subscriptionId}`, purchase: false },
		subscriptionDetailed,
		'a subscription (an object with numeric Id, Quantity and Status)',
	);
}
