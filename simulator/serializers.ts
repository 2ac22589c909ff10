/** State entities → PascalCase API resources. */
import type { SimulatorState } from './state';
import type { CatalogueProduct, CustomerTenant, Organization, Subscription, User } from './types';

export function productReference(product: CatalogueProduct): Record<string, unknown> {
	return {
		Id: product.id,
		PartNumber: product.partNumber,
		ItemLegalName: product.itemLegalName,
		ItemName: product.itemName,
	};
}

/** SubscriptionDetailed, in the shape of "Create subscription" page of Crayon's API documentation's response example (+ BillingCycle). */
export function subscriptionDetailed(
	state: SimulatorState,
	sub: Subscription,
): Record<string, unknown> {
	const product = state.productOf(sub);
	const organization = state.organizations.get(sub.organizationId);
	const tenant = state.tenants.get(sub.tenantId);
	const addons: Record<string, unknown>[] = [];
	for (const id of sub.addonIds) {
		const addon = state.subscriptions.get(id);
		if (addon) addons.push(subscriptionDetailed(state, addon));
	}
	return {
		Id: sub.id,
		PublisherSubscriptionId: sub.publisherSubscriptionId,
		Quantity: sub.quantity,
		Name: sub.name,
		Status: sub.status,
		OrderId: sub.orderId,
		Publisher: { Id: product.publisher.id, Name: product.publisher.name },
		Organization: { Id: sub.organizationId, Name: organization?.name ?? null },
		CustomerTenant: { Id: sub.tenantId, PublisherCustomerId: tenant?.publisherCustomerId ?? null },
		Product: productReference(product),
		CreationDate: sub.creationDate,
		EffectiveStartDate: sub.effectiveStartDate,
		CommitmentEndDate: sub.commitmentEndDate,
		SuspensionReasons: JSON.stringify(sub.suspensionReasons),
		AcceptAutoSuspension: sub.acceptAutoSuspension,
		AutoSuspensionDate: sub.autoSuspensionDate,
		AvailableAddonsCount: product.addonOfferIds.length,
		AttestationAccepted: sub.attestationAccepted,
		BillingCycle: sub.billingCycle,
		TermDuration: sub.termDuration,
		Subscriptions: addons,
		SubscriptionMaxTreshold: product.maxQuantity,
	};
}

export function customerTenant(
	state: SimulatorState,
	tenant: CustomerTenant,
): Record<string, unknown> {
	const organization = state.organizations.get(tenant.organizationId);
	return {
		Id: tenant.id,
		Name: tenant.name,
		Publisher: { Id: 2, Name: 'Microsoft' },
		PublisherCustomerId: tenant.publisherCustomerId,
		ExternalPublisherCustomerId: null,
		Domain: `${tenant.domainPrefix}.onmicrosoft.com`,
		DomainPrefix: tenant.domainPrefix,
		Reference: null,
		Organization: { Id: tenant.organizationId, Name: organization?.name ?? null },
	};
}

export function organization(org: Organization): Record<string, unknown> {
	return { Id: org.id, Name: org.name, AccountNumber: org.accountNumber };
}

export function user(state: SimulatorState, u: User): Record<string, unknown> {
	const org = state.organizations.get(u.organizationId);
	return {
		Id: u.id,
		UserName: u.userName,
		Email: u.email,
		FirstName: u.firstName,
		LastName: u.lastName,
		Organization: { Id: u.organizationId, Name: org?.name ?? null },
	};
}

/** {Items, TotalHits} for a 1-based page; only the page's items are serialised. */
export function page<T>(
	items: readonly T[],
	pageNumber: number,
	pageSize: number,
	serialise: (item: T) => Record<string, unknown>,
): { Items: Record<string, unknown>[]; TotalHits: number } {
	const start = (pageNumber - 1) * pageSize;
	return { Items: items.slice(start, start + pageSize).map(serialise), TotalHits: items.length };
}
