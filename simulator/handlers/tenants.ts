/**
 * Customer onboarding: new and linked customer tenants, the Microsoft Customer Agreement, invoice
 * profiles (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/CustomerTenantResource.cs and
 * InvoiceProfileResource.cs; the "Create customer tenant", "Add existing customer tenant",
 * "Create customer tenant agreement" and "Get invoice profiles" pages of Crayon's API documentation).
 */
import { randomBytes, randomUUID } from 'node:crypto';

import { ApiError } from '../errors';
import {
	intParam,
	jsonObjectBody,
	type HandlerResult,
	type RequestContext,
	type SimulatorContext,
} from '../context';
import { AGREEMENT_TYPE_CONSENT, CUSTOMER_TENANT_TYPE } from '../enums';
import { isoSeconds } from '../dates';
import * as serialise from '../serializers';
import type { CustomerTenant } from '../types';
import { Scope, Validator, queryEnum, queryInt } from '../validation';
import { readPaging, readSearch } from './common';

/** Microsoft's rule for the onmicrosoft.com prefix: letters and digits, at most 27 characters. */
const DOMAIN_PREFIX = /^[A-Za-z0-9]{1,27}$/;
const MICROSOFT_PUBLISHER_ID = 2;

function findTenant(req: RequestContext, sim: SimulatorContext, param = 'id'): CustomerTenant {
	const id = intParam(req, param);
	const tenant = sim.state.tenants.get(id);
	if (!tenant) throw ApiError.notFound(`Customer tenant ${id} was not found.`);
	return tenant;
}

function domainPrefixTaken(sim: SimulatorContext, prefix: string): boolean {
	const wanted = prefix.toLowerCase();
	return (
		[...sim.state.tenants.values()].some(
			(tenant) => tenant.domainPrefix.toLowerCase() === wanted,
		) ||
		[...sim.state.microsoftTenants.values()].some(
			(tenant) => tenant.domainPrefix.toLowerCase() === wanted,
		)
	);
}

interface TenantPart {
	name?: string;
	domainPrefix?: string;
	organizationId?: number;
	invoiceProfileId?: number;
	externalPublisherCustomerId?: string;
	customerTenantType?: number;
}

/** CustomerTenantDetailed.Tenant, with its organisation, invoice profile and publisher checked. */
function readTenant(
	v: Validator,
	body: Scope,
	sim: SimulatorContext,
	options: { nameRequired: boolean; existing: boolean },
): TenantPart {
	const tenant = v.object(body, 'Tenant', 'CustomerTenant', {
		required: true,
		requiredProperty: 'Tenant.DomainPrefix',
	});
	if (!tenant) return {};
	const out: TenantPart = {};
	out.name = v.string(tenant, 'Name', { required: options.nameRequired });
	out.domainPrefix = v.string(tenant, 'DomainPrefix', { required: true });
	if (out.domainPrefix !== undefined && !DOMAIN_PREFIX.test(out.domainPrefix)) {
		v.add(
			'Tenant.DomainPrefix',
			tenant.pathOf('DomainPrefix', tenant.get('DomainPrefix')),
			`The DomainPrefix '${out.domainPrefix}' is not valid: use up to 27 letters and digits.`,
			'InvalidValue',
		);
	}
	out.customerTenantType = v.enumValue(tenant, 'CustomerTenantType', CUSTOMER_TENANT_TYPE);
	out.externalPublisherCustomerId = v.string(tenant, 'ExternalPublisherCustomerId', {
		required: options.existing,
	});
	const reference = (name: string, type: string) => {
		const scope = v.object(tenant, name, type, {
			required: true,
			requiredProperty: `${name}.Id`,
		});
		return scope ? v.int(scope, 'Id', { required: true, min: 1 }) : undefined;
	};
	out.organizationId = reference('Organization', 'Organization');
	out.invoiceProfileId = reference('InvoiceProfile', 'ObjectReference');
	const publisher = v.object(tenant, 'Publisher', 'ObjectReference');
	const publisherId = publisher ? v.int(publisher, 'Id') : undefined;
	if (publisherId !== undefined && publisherId !== MICROSOFT_PUBLISHER_ID) {
		v.add(
			'Tenant.Publisher.Id',
			'tenant.publisher.id',
			`Publisher ${publisherId} does not offer customer tenants; Microsoft is 2.`,
			'InvalidValue',
		);
	}
	if (out.organizationId !== undefined && !sim.state.organizations.has(out.organizationId)) {
		v.add(
			'Tenant.Organization.Id',
			'tenant.organization.id',
			`Organization ${out.organizationId} was not found.`,
			'NotFound',
		);
	}
	if (out.invoiceProfileId !== undefined) {
		const profile = sim.state.invoiceProfiles.get(out.invoiceProfileId);
		if (!profile) {
			v.add(
				'Tenant.InvoiceProfile.Id',
				'tenant.invoiceProfile.id',
				`Invoice profile ${out.invoiceProfileId} was not found.`,
				'NotFound',
			);
		} else if (out.organizationId !== undefined && profile.organizationId !== out.organizationId) {
			v.add(
				'Tenant.InvoiceProfile.Id',
				'tenant.invoiceProfile.id',
				`Invoice profile ${out.invoiceProfileId} belongs to organization ${profile.organizationId}, not ${out.organizationId}.`,
				'InvalidValue',
			);
		}
	}
	return out;
}

/** The contact and address a new Microsoft tenant needs (the documented request's fields). */
function readProfile(v: Validator, body: Scope): { countryCode?: string; email?: string } {
	const profile = v.object(body, 'Profile', 'CustomerTenantProfile', {
		required: true,
		requiredProperty: 'Profile.Contact',
	});
	if (!profile) return {};
	v.string(profile, 'CultureCode');
	v.string(profile, 'LanguageCode');
	const contact = v.object(profile, 'Contact', 'CustomerTenantContact', { required: true });
	let email: string | undefined;
	if (contact) {
		v.string(contact, 'FirstName', { required: true });
		v.string(contact, 'LastName', { required: true });
		email = v.string(contact, 'Email', { required: true });
		v.string(contact, 'PhoneNumber');
		if (email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
			v.add(
				'Profile.Contact.Email',
				'profile.contact.email',
				`'${email}' is not an e-mail address.`,
				'InvalidValue',
			);
		}
	}
	const address = v.object(profile, 'Address', 'CustomerTenantAddress', { required: true });
	let countryCode: string | undefined;
	if (address) {
		for (const name of ['FirstName', 'LastName', 'AddressLine1', 'City', 'PostalCode'])
			v.string(address, name, { required: true });
		for (const name of ['MiddleName', 'AddressLine2', 'AddressLine3', 'Region', 'CountryName'])
			v.string(address, name);
		countryCode = v.string(address, 'CountryCode', { required: true });
		if (countryCode !== undefined && !/^[A-Za-z]{2}$/.test(countryCode)) {
			v.add(
				'Profile.Address.CountryCode',
				'profile.address.countryCode',
				`'${countryCode}' is not a two-letter country code.`,
				'InvalidValue',
			);
		}
	}
	return { countryCode, email };
}

function detailed(
	sim: SimulatorContext,
	tenant: CustomerTenant,
	extra: Record<string, unknown>,
): Record<string, unknown> {
	return { Tenant: serialise.customerTenant(sim.state, tenant), ...extra };
}

/**
 * POST /api/v1/customertenants/ (CustomerTenantDetailed): creates a new Microsoft tenant
 * `<DomainPrefix>.onmicrosoft.com` and answers with it and its first admin's user name and
 * password. Not idempotent: a DomainPrefix that is taken is a 400.
 */
export function createCustomerTenant(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const body = jsonObjectBody(req, 'CustomerTenantDetailed');
	const v = new Validator();
	const part = readTenant(v, body, sim, { nameRequired: true, existing: false });
	const profile = readProfile(v, body);
	const company = v.object(body, 'Company', 'CustomerTenantCompany');
	if (company) v.string(company, 'OrganizationRegistrationNumber');
	v.throwIfInvalid();
	if (domainPrefixTaken(sim, part.domainPrefix as string)) {
		throw ApiError.badRequestField(
			'Tenant.DomainPrefix',
			`The domain ${part.domainPrefix}.onmicrosoft.com is already taken.`,
			'DomainPrefixNotAvailable',
			'tenant.domainPrefix',
		);
	}
	const tenant = sim.state.addTenant({
		name: part.name as string,
		organizationId: part.organizationId as number,
		publisherCustomerId: randomUUID(),
		domainPrefix: (part.domainPrefix as string).toLowerCase(),
		countryCode: (profile.countryCode as string).toUpperCase(),
		nceEligible: true,
		invoiceProfileId: part.invoiceProfileId as number,
		customerTenantType: part.customerTenantType ?? 2,
		externalPublisherCustomerId: null,
		agreements: [],
	});
	sim.state.recordChange({
		kind: 'customerTenant',
		at: req.now,
		tenantId: tenant.id,
		detail: `created ${tenant.domainPrefix}.onmicrosoft.com`,
	});
	return {
		status: 200,
		body: detailed(sim, tenant, {
			User: {
				UserName: `admin@${tenant.domainPrefix}.onmicrosoft.com`,
				Password: `Sim-${randomBytes(9).toString('base64url')}`,
			},
			Profile: body.get('Profile')?.value ?? null,
			Company: company?.obj ?? null,
		}),
	};
}

/**
 * POST /api/v1/customertenants/existing/ (CustomerTenantDetailed): "Adds a customer tenant that
 * already have existing subscriptions but is not visible". The Microsoft tenant is found by
 * Tenant.ExternalPublisherCustomerId, and its DomainPrefix must match.
 */
export function linkExistingCustomerTenant(
	req: RequestContext,
	sim: SimulatorContext,
): HandlerResult {
	const body = jsonObjectBody(req, 'CustomerTenantDetailed');
	const v = new Validator();
	const part = readTenant(v, body, sim, { nameRequired: false, existing: true });
	v.throwIfInvalid();
	const external = (part.externalPublisherCustomerId as string).trim().toLowerCase();
	if (
		[...sim.state.tenants.values()].some(
			(tenant) => tenant.publisherCustomerId.toLowerCase() === external,
		)
	) {
		throw ApiError.badRequestField(
			'Tenant.ExternalPublisherCustomerId',
			`The Microsoft tenant ${part.externalPublisherCustomerId} is already a customer tenant.`,
			'CustomerTenantAlreadyExists',
			'tenant.externalPublisherCustomerId',
		);
	}
	const microsoft = sim.state.microsoftTenants.get(external);
	if (
		!microsoft ||
		microsoft.domainPrefix.toLowerCase() !== (part.domainPrefix as string).toLowerCase()
	) {
		throw ApiError.badRequestField(
			'Tenant.ExternalPublisherCustomerId',
			`No Microsoft tenant ${part.externalPublisherCustomerId} with the domain ${part.domainPrefix}.onmicrosoft.com was found.`,
			'NotFound',
			'tenant.externalPublisherCustomerId',
		);
	}
	sim.state.microsoftTenants.delete(external);
	const tenant = sim.state.addTenant({
		name: part.name ?? microsoft.name,
		organizationId: part.organizationId as number,
		publisherCustomerId: microsoft.publisherCustomerId,
		domainPrefix: microsoft.domainPrefix,
		countryCode: microsoft.countryCode,
		nceEligible: true,
		invoiceProfileId: part.invoiceProfileId as number,
		customerTenantType: part.customerTenantType ?? 2,
		externalPublisherCustomerId: microsoft.publisherCustomerId,
		agreements: [],
	});
	sim.state.recordChange({
		kind: 'customerTenant',
		at: req.now,
		tenantId: tenant.id,
		detail: `linked ${tenant.domainPrefix}.onmicrosoft.com`,
	});
	return { status: 200, body: detailed(sim, tenant, { User: null, Profile: null, Company: null }) };
}

/**
 * GET /api/v1/customertenants/{id}/agreements/?AgreementTypeConsent: "either existing and thus the
 * end customer have consented to the type of agreement, or it is empty".
 */
export function listAgreements(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const type = queryEnum(v, req.query, 'agreementTypeConsent', AGREEMENT_TYPE_CONSENT);
	v.throwIfInvalid();
	const tenant = findTenant(req, sim);
	const items = tenant.agreements
		.filter((agreement) => type === undefined || agreement.agreementType === type)
		.map(serialise.agreement);
	return { status: 200, body: { Items: items, TotalHits: items.length } };
}

/**
 * POST /api/v1/customertenants/{id}/agreements/ (ServiceAccountAgreement): the customer's consent.
 * FirstName, LastName, Email and DateAgreed are required (PhoneNumber optional); DateAgreed may not
 * be in the future; consenting twice to the same agreement type is a 400.
 */
export function addAgreement(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const body = jsonObjectBody(req, 'ServiceAccountAgreement');
	const v = new Validator();
	const firstName = v.string(body, 'FirstName', { required: true });
	const lastName = v.string(body, 'LastName', { required: true });
	const email = v.string(body, 'Email', { required: true });
	const phoneNumber = v.string(body, 'PhoneNumber') ?? null;
	const dateAgreed = v.dateTime(body, 'DateAgreed', { required: true });
	const agreementType = v.enumValue(body, 'AgreementType', AGREEMENT_TYPE_CONSENT, {
		required: true,
	});
	if (dateAgreed && dateAgreed.ms > req.now + 60_000) {
		v.add(
			'DateAgreed',
			'dateAgreed',
			`DateAgreed ${dateAgreed.text} is in the future.`,
			'InvalidValue',
		);
	}
	v.throwIfInvalid();
	const tenant = findTenant(req, sim);
	if (tenant.agreements.some((agreement) => agreement.agreementType === agreementType)) {
		throw ApiError.badRequestField(
			'AgreementType',
			`Customer tenant ${tenant.id} has already consented to this agreement.`,
			'AgreementAlreadyAccepted',
			'agreementType',
		);
	}
	const agreement = {
		firstName: firstName as string,
		lastName: lastName as string,
		phoneNumber,
		email: email as string,
		dateAgreed: isoSeconds((dateAgreed as { ms: number }).ms).replace(/Z$/, '+00:00'),
		agreementType: agreementType as number,
	};
	tenant.agreements.push(agreement);
	sim.state.recordChange({
		kind: 'agreement',
		at: req.now,
		tenantId: tenant.id,
		detail: `agreement type ${agreement.agreementType} accepted by ${agreement.email}`,
	});
	return { status: 200, body: serialise.agreement(agreement) };
}

/** GET /api/v1/invoiceprofiles/?OrganizationId (required)&Page&PageSize&Search. */
export function listInvoiceProfiles(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const organizationId = queryInt(v, req.query, 'organizationId', { required: true, min: 1 });
	const paging = readPaging(v, req.query);
	v.throwIfInvalid();
	const search = readSearch(req.query);
	const items = [...sim.state.invoiceProfiles.values()].filter(
		(profile) =>
			profile.organizationId === organizationId &&
			(!search || profile.name.toLowerCase().includes(search) || String(profile.id) === search),
	);
	return {
		status: 200,
		body: serialise.page(items, paging.page, paging.pageSize, (profile) =>
			serialise.invoiceProfile(sim.state, profile),
		),
	};
}

/** GET /api/v1/invoiceprofiles/{id} */
export function getInvoiceProfile(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const id = intParam(req, 'id');
	const profile = sim.state.invoiceProfiles.get(id);
	if (!profile) throw ApiError.notFound(`Invoice profile ${id} was not found.`);
	return { status: 200, body: serialise.invoiceProfile(sim.state, profile) };
}
