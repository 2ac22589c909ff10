/** Node parameters and input rows the engine tests build their runs from. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED } from '../../simulator';

/** A Resource Locator parameter set to "By ID", as n8n stores it. */
export function byId(value: string | number) {
	return { __rl: true, mode: 'id', value: String(value) };
}

/** A Resource Locator parameter set to "From list", as n8n stores the choice made in the editor. */
export function fromList(value: string | number, cachedResultName = 'chosen in the editor') {
	return { __rl: true, mode: 'list', value: String(value), cachedResultName };
}

/** An Office 365 E3 order line as the "Checkout Order" page of Crayon's API documentation shows it, without the catalogItemId Verify fills in. */
export function e3Line(quantity: number, extra: Record<string, string | number> = {}) {
	return {
		billingCycle: 1,
		productId: SEED.nceProductId,
		productVariantId: SEED.nceProductVariantId,
		quantity,
		skuId: SEED.nceSkuId,
		termDuration: 'P1M',
		type: 3,
		...extra,
	};
}

/** A one-month Office 365 E3 order line as a workflow maps it: no productVariantId, no catalogItemId. */
export function mappedE3Line() {
	return {
		billingCycle: 1,
		productId: SEED.nceProductId,
		skuId: SEED.nceSkuId,
		quantity: 1,
		termDuration: 'P1M',
		type: 3,
	};
}

/**
 * Subscription → Create of the NCE seed product for the input item's `quantity`, bought for
 * its `tenantId` (the NCE seed tenant when absent). Distinct quantities tell the purchases apart.
 */
export function createSubscription(options: INodeParameters = {}): INodeParameters {
	return {
		resource: 'subscription',
		operation: 'create',
		productType: 'nce',
		name: 'Test subscription',
		customerTenantId: `={{ $json.tenantId ?? ${SEED.tenantId} }}`,
		partNumber: SEED.ncePartNumber,
		quantity: '={{ $json.quantity }}',
		billingCycle: 1,
		termDuration: 'P1M',
		// Only the purchase is sent: the pre-check with Crayon's Verify has tests of its own.
		verifyFirst: false,
		options,
	};
}

/** Items asking for quantities 1..count: item i's purchase is the one for quantity i + 1. */
export function quantities(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({ quantity: index + 1 }));
}

/** Subscription → Get Many of three raw subscriptions, with one retry. */
export const GET_MANY_SUBSCRIPTIONS: INodeParameters = {
	resource: 'subscription',
	operation: 'getMany',
	returnAll: false,
	limit: 3,
	simplify: false,
	options: { maxRetries: 1 },
};

/** Where Subscription → Create posts (createSubscription's request). */
export const SUBSCRIPTIONS_PATH = '/api/v1/subscriptions/';
