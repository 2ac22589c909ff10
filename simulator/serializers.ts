/** State entities → PascalCase API resources. */
import type { SimulatorState } from './state';
import type {
	Agreement,
	CatalogueProduct,
	CustomerTenant,
	InvoiceProfile,
	Organization,
	Subscription,
	User,
} from './types';

export function productReference(product: CatalogueProduct): Record<string, unknown> {
	return {
		Id: product.id,
		PartNumber: product.partNumber,
		PublisherProductId: product.productId ?? null,
		ItemLegalName: product.itemLegalName,
		ItemName: product.itemName,
	};
}

function tagsOf(sub: Subscription): Record<string, unknown> | null {
	const tags = sub.tags;
	if (!tags) return null;
	return {
		SubscriptionId: sub.id,
		CostCenter: tags.costCenter,
		Department: tags.department,
		Project: tags.project,
		Custom: tags.custom,
		Owner: tags.owner,
		CreatedDate: tags.createdDate ?? DOTNET_MIN_DATE,
		ModifiedDate: tags.modifiedDate ?? DOTNET_MIN_DATE,
	};
}

/** What .NET writes for a DateTime that was never set (SubscriptionTags' dates are not nullable). */
export const DOTNET_MIN_DATE = '0001-01-01T00:00:00';

/** SubscriptionTags as GET …/tags answers it: every tag null when none are set. */
export function subscriptionTags(sub: Subscription): Record<string, unknown> {
	return (
		tagsOf(sub) ?? {
			SubscriptionId: sub.id,
			CostCenter: null,
			Department: null,
			Project: null,
			Custom: null,
			Owner: null,
			CreatedDate: DOTNET_MIN_DATE,
			ModifiedDate: DOTNET_MIN_DATE,
		}
	);
}

function scheduledNextTermInstructions(sub: Subscription): Record<string, unknown> | null {
	const next = sub.nextTerm;
	if (!next) return null;
	return {
		Product: {
			ProductId: next.productId,
			SkuId: next.skuId,
			AvailabilityId: next.availabilityId,
			BillingCycle: next.billingCycle,
			TermDuration: next.termDuration,
		},
		Quantity: next.quantity,
		CustomTermEndDate: next.customTermEndDate,
	};
}

/** SubscriptionAddOn: the items of a subscription's `Subscriptions` (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/SubscriptionAddOn.cs). */
export function subscriptionAddOn(
	state: SimulatorState,
	sub: Subscription,
): Record<string, unknown> {
	const product = state.productOf(sub);
	const organization = state.organizations.get(sub.organizationId);
	return {
		Id: sub.id,
		PublisherSubscriptionId: sub.publisherSubscriptionId,
		PublisherCustomerId: state.tenants.get(sub.tenantId)?.publisherCustomerId ?? null,
		Name: sub.name,
		Status: sub.status,
		Quantity: sub.quantity,
		Organization: { Id: sub.organizationId, Name: organization?.name ?? null },
		OrderId: sub.orderId,
		CreationDate: sub.creationDate,
		Product: productReference(product),
		Publisher: { Id: product.publisher.id, Name: product.publisher.name },
		Markup: 0,
		SubscriptionTags: tagsOf(sub),
		TermDuration: sub.termDuration,
		AutoRenewEnabled: sub.autoRenewEnabled,
		CancellationAllowedUntilDate: sub.cancellationAllowedUntilDate,
	};
}

/**
 * Subscription, the list item of GET /api/v1/subscriptions (crayon-api-sdk:
 * src/Crayon.Api.Sdk/Domain/Csp/Subscription.cs): no CommitmentEndDate, EffectiveStartDate,
 * SuspensionReasons or AttestationAccepted; the term's end is EndDate.
 */
export function subscriptionListItem(
	state: SimulatorState,
	sub: Subscription,
): Record<string, unknown> {
	const product = state.productOf(sub);
	const organization = state.organizations.get(sub.organizationId);
	const tenant = state.tenants.get(sub.tenantId);
	const invoiceProfile =
		sub.invoiceProfileId === null ? undefined : state.invoiceProfiles.get(sub.invoiceProfileId);
	const isNce = product.kind === 'nce';
	const addons: Record<string, unknown>[] = [];
	for (const id of sub.addonIds) {
		const addon = state.subscriptions.get(id);
		if (addon) addons.push(subscriptionAddOn(state, addon));
	}
	return {
		Id: sub.id,
		PublisherSubscriptionId: sub.publisherSubscriptionId,
		EntitlementId: null,
		Publisher: { Id: product.publisher.id, Name: product.publisher.name },
		Organization: { Id: sub.organizationId, Name: organization?.name ?? null },
		CustomerTenant: { Id: sub.tenantId, PublisherCustomerId: tenant?.publisherCustomerId ?? null },
		Product: productReference(product),
		Quantity: sub.quantity,
		Name: sub.name,
		Status: sub.status,
		ProvisionType: 1,
		AvailableAddonsCount: product.addonOfferIds.length,
		Subscriptions: addons,
		OrderId: sub.orderId,
		CreationDate: sub.creationDate,
		BillingCycle: sub.billingCycle,
		Markup: 0,
		IsTrial: sub.isTrial,
		StartDate: sub.effectiveStartDate,
		EndDate: isNce ? sub.commitmentEndDate : null,
		PriceType: 1,
		SalesPrice: 0,
		RegisteredForReservedInstance: false,
		InvoiceProfile: invoiceProfile ? { Id: invoiceProfile.id, Name: invoiceProfile.name } : null,
		SubscriptionTags: tagsOf(sub),
		AcceptAutoSuspension: sub.acceptAutoSuspension,
		AutoSuspensionDate: sub.autoSuspensionDate,
		PartNumber: product.partNumber,
		TermDuration: sub.termDuration,
		AutoRenewEnabled: sub.autoRenewEnabled,
		CancellationAllowedUntilDate: sub.cancellationAllowedUntilDate,
		ScheduledNextTermInstructions: scheduledNextTermInstructions(sub),
		MaxEndCustomerQuantity: product.maxQuantity,
	};
}

/**
 * SubscriptionDetailed (get, create, update; crayon-api-sdk:
 * src/Crayon.Api.Sdk/Domain/Csp/SubscriptionDetailed.cs): the list item and its own fields, plus
 * SubscriptionMaxTreshold from the "Create subscription" page's response example. Pricing is
 * left out (the SDK omits it when null).
 */
export function subscriptionDetailed(
	state: SimulatorState,
	sub: Subscription,
): Record<string, unknown> {
	const product = state.productOf(sub);
	return {
		...subscriptionListItem(state, sub),
		EffectiveStartDate: sub.effectiveStartDate,
		CommitmentEndDate: sub.commitmentEndDate,
		SuspensionReasons: JSON.stringify(sub.suspensionReasons),
		OriginalAgreementId: null,
		AttestationAccepted: sub.attestationAccepted,
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
		CustomerTenantType: tenant.customerTenantType,
		EntityStatus: 0,
		Organization: { Id: tenant.organizationId, Name: organization?.name ?? null },
		InvoiceProfile: invoiceProfileReference(state, tenant.invoiceProfileId),
	};
}

function invoiceProfileReference(
	state: SimulatorState,
	id: number | null,
): { Id: number; Name: string } | null {
	const profile = id === null ? undefined : state.invoiceProfiles.get(id);
	return profile ? { Id: profile.id, Name: profile.name } : null;
}

/** InvoiceProfile (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/InvoiceProfile.cs). */
export function invoiceProfile(
	state: SimulatorState,
	profile: InvoiceProfile,
): Record<string, unknown> {
	const organization = state.organizations.get(profile.organizationId);
	return {
		Id: profile.id,
		Organization: { Id: profile.organizationId, Name: organization?.name ?? null },
		Name: profile.name,
		InvoiceReference: null,
		CustomerReference: null,
		RequisitionNumber: null,
		InvoiceAddressId: profile.invoiceAddressId,
		DeliveryAddressId: null,
		DeliveryAddress: null,
		InvoiceAddress: null,
		ConsumerId: null,
		ContactPersonId: null,
	};
}

/** ServiceAccountAgreement (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/CustomerTenantAgreement.cs). */
export function agreement(a: Agreement): Record<string, unknown> {
	return {
		FirstName: a.firstName,
		LastName: a.lastName,
		PhoneNumber: a.phoneNumber,
		Email: a.email,
		DateAgreed: a.dateAgreed,
		AgreementType: a.agreementType,
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
