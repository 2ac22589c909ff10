import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { answerObject, fieldOf, type CrayonClient, type OutcomeLookup } from '../transport';
import { itemsOrArray } from './collections';
import { listPages, readAllPages } from './paging';

/**
 * Customer onboarding (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/CustomerTenantResource.cs,
 * InvoiceProfileResource.cs): a new or linked tenant is not idempotent, so it is looked up by its
 * domain prefix before it is created and when the answer is lost.
 */

export const CUSTOMER_TENANTS_PATH = '/api/v1/customertenants/';
export const INVOICE_PROFILES_PATH = '/api/v1/invoiceprofiles/';

/** Microsoft's rule for the onmicrosoft.com prefix of a new tenant: letters and digits, at most 27. */
export const DOMAIN_PREFIX = /^[A-Za-z0-9]{1,27}$/;

/** A lookup reads at most this many pages. */
const MAX_PAGES = 10;

/**
 * The organization's customer tenants with this domain prefix. The DomainPrefix filter's matching
 * is undocumented (exact or contains), so the node compares the prefixes itself.
 */
export async function tenantsWithDomainPrefix(
	client: CrayonClient,
	organizationId: number,
	domainPrefix: string,
): Promise<{ tenants: IDataObject[]; complete: boolean }> {
	const wanted = domainPrefix.toLowerCase();
	const tenants: IDataObject[] = [];
	let pages = 0;
	const list = { path: CUSTOMER_TENANTS_PATH, qs: { organizationId, domainPrefix } };
	for await (const page of listPages(client, list, 50)) {
		tenants.push(
			...page.items.filter(
				(tenant) => String(fieldOf(tenant, 'DomainPrefix') ?? '').toLowerCase() === wanted,
			),
		);
		if (page.nextPage !== undefined && ++pages === MAX_PAGES) return { tenants, complete: false };
	}
	return { tenants, complete: true };
}

/**
 * For Create and Link Existing: a tenant with the domain prefix is most likely the one created.
 * Decisive: Crayon answers with the new tenant and its ID, so it exists before the answer.
 */
export function newTenantLookup(
	client: CrayonClient,
	organizationId: number,
	domainPrefix: string,
): OutcomeLookup {
	return {
		decisive: true,
		find: async (context) => {
			const { tenants, complete } = await tenantsWithDomainPrefix(
				client,
				organizationId,
				domainPrefix,
			);
			const where = `organization ${organizationId}`;
			if (tenants.length > 0) {
				const ids = tenants.map((tenant) => String(tenant.Id)).join(', ');
				return context.ambiguous
					? {
							verdict: 'unclear',
							details: `customer tenant ${ids} with the domain prefix ${domainPrefix}, but another item of this run asked for the same`,
						}
					: {
							verdict: 'bought',
							details: `customer tenant ${ids} with the domain prefix ${domainPrefix} in ${where}. Do not run this item again`,
						};
			}
			return complete
				? {
						verdict: 'notBought',
						details: `no customer tenant with the domain prefix ${domainPrefix} in ${where}`,
					}
				: {
						verdict: 'unclear',
						details: `${where} has more customer tenants than the node read; none of them has the domain prefix ${domainPrefix}`,
					};
		},
	};
}

/** The organization's invoice profiles (OrganizationId is required by Crayon). */
export async function invoiceProfilesOf(
	client: CrayonClient,
	organizationId: number,
	limit?: number,
): Promise<IDataObject[]> {
	return await readAllPages(client, { path: INVOICE_PROFILES_PATH, qs: { organizationId } }, limit);
}

/** A tenant must be billed to one of its organization's invoice profiles. */
export async function invoiceProfileProblem(
	client: CrayonClient,
	organizationId: number,
	invoiceProfileId: number,
): Promise<string | undefined> {
	const profiles = await invoiceProfilesOf(client, organizationId);
	if (profiles.some((profile) => profile.Id === invoiceProfileId)) return undefined;
	const ids = profiles.map(
		(profile) => `${String(profile.Id)} (${String(fieldOf(profile, 'Name'))})`,
	);
	return `Invoice profile ${invoiceProfileId} is not one of organization ${organizationId}'s: ${ids.length > 0 ? ids.join(', ') : 'it has none'}`;
}

/** CustomerTenantDetailed as Crayon answers it: the tenant, its first admin, its profile. */
export const customerTenantDetailed = answerObject(
	{ Tenant: answerObject({ Id: z.number().int() }, 'a customer tenant with a numeric Id') },
	'the customer tenant (CustomerTenantDetailed, with Tenant.Id)',
);

/** The fields of a created or linked tenant a workflow acts on; the first admin's password is left out. */
export function simplifyTenant(detailed: IDataObject): IDataObject {
	const tenant = (fieldOf(detailed, 'Tenant') ?? {}) as IDataObject;
	const value = (object: unknown, key: string) =>
		(fieldOf(object, key) ?? null) as IDataObject[string];
	return {
		Id: tenant.Id,
		Name: value(tenant, 'Name'),
		DomainPrefix: value(tenant, 'DomainPrefix'),
		Domain: value(tenant, 'Domain'),
		PublisherCustomerId: value(tenant, 'PublisherCustomerId'),
		OrganizationId: value(fieldOf(tenant, 'Organization'), 'Id'),
		InvoiceProfileId: value(fieldOf(tenant, 'InvoiceProfile'), 'Id'),
		AdminUserName: value(fieldOf(detailed, 'User'), 'UserName'),
	};
}

/** GET api/v1/customertenants/{id}/agreements/?AgreementTypeConsent (empty: "not yet consented"). */
export async function agreementsOf(
	client: CrayonClient,
	customerTenantId: number,
	agreementType?: number,
): Promise<IDataObject[]> {
	return await client.read(
		{
			method: 'GET',
			path: `${CUSTOMER_TENANTS_PATH}${customerTenantId}/agreements/`,
			qs: agreementType === undefined ? {} : { AgreementTypeConsent: agreementType },
		},
		itemsOrArray,
	);
}
