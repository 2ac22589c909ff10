/** Ping, me, organisations and customer tenants. */
import { ApiError } from '../errors';
import {
	intParam,
	type HandlerResult,
	type RequestContext,
	type SimulatorContext,
} from '../context';
import * as serialise from '../serializers';
import { CUSTOMER_TENANT_TYPE } from '../enums';
import { Validator, queryEnum, queryInt } from '../validation';
import { readPaging, readSearch } from './common';

export function ping(): HandlerResult {
	return { status: 200, body: 'pong' };
}

export function me(_req: RequestContext, sim: SimulatorContext): HandlerResult {
	return { status: 200, body: serialise.user(sim.state, sim.state.user) };
}

export function listOrganizations(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const paging = readPaging(v, req.query);
	v.throwIfInvalid();
	const search = readSearch(req.query);
	const items = [...sim.state.organizations.values()].filter(
		(o) =>
			!search ||
			o.name.toLowerCase().includes(search) ||
			o.accountNumber.includes(search) ||
			String(o.id) === search,
	);
	return {
		status: 200,
		body: serialise.page(items, paging.page, paging.pageSize, serialise.organization),
	};
}

export function getOrganization(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const id = intParam(req, 'id');
	const org = sim.state.organizations.get(id);
	if (!org) throw ApiError.notFound(`Organization ${id} was not found.`);
	return { status: 200, body: serialise.organization(org) };
}

/**
 * GET /api/v1/customertenants?organizationId&search&domainPrefix&domain&customerTenantType&page&pageSize.
 * DomainPrefix and Domain match exactly, ignoring case (the documentation does not say; inferred).
 */
export function listCustomerTenants(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const organizationId = queryInt(v, req.query, 'organizationId');
	const tenantType = queryEnum(v, req.query, 'customerTenantType', CUSTOMER_TENANT_TYPE);
	const paging = readPaging(v, req.query);
	v.throwIfInvalid();
	const search = readSearch(req.query);
	const domainPrefix = req.query.get('domainPrefix')?.trim().toLowerCase() || undefined;
	const domain = req.query.get('domain')?.trim().toLowerCase() || undefined;
	const items = [...sim.state.tenants.values()].filter(
		(t) =>
			(organizationId === undefined ||
				organizationId === 0 ||
				t.organizationId === organizationId) &&
			(domainPrefix === undefined || t.domainPrefix.toLowerCase() === domainPrefix) &&
			(domain === undefined || `${t.domainPrefix}.onmicrosoft.com` === domain) &&
			(!tenantType || t.customerTenantType === tenantType) &&
			(!search ||
				t.name.toLowerCase().includes(search) ||
				t.domainPrefix.includes(search) ||
				t.publisherCustomerId.includes(search) ||
				String(t.id) === search),
	);
	return {
		status: 200,
		body: serialise.page(items, paging.page, paging.pageSize, (t) =>
			serialise.customerTenant(sim.state, t),
		),
	};
}

export function getCustomerTenant(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const id = intParam(req, 'id');
	const tenant = sim.state.tenants.get(id);
	if (!tenant) throw ApiError.notFound(`Customer tenant ${id} was not found.`);
	return { status: 200, body: serialise.customerTenant(sim.state, tenant) };
}
