import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { partNumberOf, productListName, readCataloguePage } from '../domain/catalogue';
import { PAGE_SIZE, readAllPages, readPage, type ListRequest } from '../domain/paging';
import { ACTIVE, ALL_STATUSES, statusText } from '../domain/subscriptions';
import { crayonId, NCE_PART_NUMBER } from '../domain/values';
import { locatorValue } from '../fields/locators';
import { CrayonSession } from '../transport';

/** A list search's next page is Crayon's next page number. */
function pageFrom(paginationToken: unknown): number {
	const page = Number(paginationToken);
	return Number.isInteger(page) && page >= 1 ? page : 1;
}

async function searchList(
	context: ILoadOptionsFunctions,
	{ path, qs = {} }: ListRequest,
	filter: string | undefined,
	paginationToken: unknown,
	toResult: (item: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const session = new CrayonSession(context);
	const list: ListRequest = { path, qs: filter?.trim() ? { ...qs, search: filter.trim() } : qs };
	const page = await readPage(session.client(0), list, pageFrom(paginationToken), PAGE_SIZE);
	return await session.redact({
		results: page.items.map(toResult),
		paginationToken: page.nextPage,
	});
}

function named(item: IDataObject, details: string): INodeListSearchItems {
	return { name: `${String(item.Name ?? '')} (${details})`, value: String(item.Id) };
}

export async function searchCustomerTenants(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		{ path: '/api/v1/customertenants' },
		filter,
		paginationToken,
		(tenant) =>
			named(tenant, [tenant.DomainPrefix, `ID ${String(tenant.Id)}`].filter(Boolean).join(', ')),
	);
}

export async function searchOrganizations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		{ path: '/api/v1/organizations' },
		filter,
		paginationToken,
		(organization) => named(organization, `ID ${String(organization.Id)}`),
	);
}

function reference(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' ? (value as IDataObject) : {};
}

/**
 * "5001 · Microsoft 365 E3 · Contoso, tenant 123 (Active, 5 licences)": the ID first, where the
 * list does not cut it off, then the product (New Commerce subscriptions have no name) and who
 * has it. A subscription names its customer tenant by ID only (SDK: CustomerTenantReference),
 * and its organization by name.
 */
function subscriptionResult(subscription: IDataObject): INodeListSearchItems {
	const product = reference(subscription.Product);
	const what = [subscription.Name, product.ItemName, product.PartNumber].find(
		(candidate) => typeof candidate === 'string' && candidate.trim() !== '',
	);
	const organization = reference(subscription.Organization).Name;
	const tenant = `tenant ${String(reference(subscription.CustomerTenant).Id ?? '?')}`;
	const label = [
		String(subscription.Id),
		what,
		typeof organization === 'string' && organization !== '' ? `${organization}, ${tenant}` : tenant,
	].filter(Boolean);
	return {
		name: `${label.join(' · ')} (${statusText(subscription.Status)}, ${String(subscription.Quantity)} licences)`,
		value: String(subscription.Id),
	};
}

async function searchSubscriptionsIn(
	context: ILoadOptionsFunctions,
	statuses: number,
	filter: string | undefined,
	paginationToken: unknown,
): Promise<INodeListSearchResult> {
	return await searchList(
		context,
		{ path: '/api/v1/subscriptions', qs: { statuses } },
		filter,
		paginationToken,
		subscriptionResult,
	);
}

export async function searchSubscriptions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	return await searchSubscriptionsIn(this, ALL_STATUSES, filter, paginationToken);
}

/** For Add Add-On and Update Quantity, which Crayon only allows on an active subscription. */
export async function searchActiveSubscriptions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	return await searchSubscriptionsIn(this, ACTIVE, filter, paginationToken);
}

/**
 * The Crayon ID chosen in another field of the same node (the first of `parameters` it has), for
 * a list that depends on it; without one the list says what to choose first.
 */
function chosenId(
	context: ILoadOptionsFunctions,
	parameters: string[],
	text: { chosen: string; listed: string; byId: string },
): number {
	const value = parameters
		.map((name) => context.getCurrentNodeParameter(name))
		.find((candidate) => candidate !== undefined);
	const id = crayonId.safeParse(locatorValue(value));
	if (id.success) return id.data;
	throw new NodeOperationError(
		context.getNode(),
		`Choose the ${text.chosen} first: ${text.listed} listed here`,
		{
			description: `The list needs the ${text.chosen}'s ID. An expression there is only resolved when the workflow runs; enter ${text.byId} "By ID" in that case.`,
		},
	);
}

/** The add-on offers of the subscription chosen in the same node; Crayon's list has no search, so it is filtered here. */
export async function searchAddonOffers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const subscriptionId = chosenId(this, ['subscriptionId'], {
		chosen: 'subscription',
		listed: 'its add-on offers are',
		byId: 'the offer',
	});
	const session = new CrayonSession(this);
	const offers = await readAllPages(session.client(0), {
		path: `/api/v1/subscriptions/${subscriptionId}/addon-offers`,
	});
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results = offers.flatMap((offer) => {
		const product = (offer.Product ?? {}) as IDataObject;
		const partNumber = String(product.PartNumber ?? '');
		const name = `${String(product.ItemName ?? partNumber)} (${partNumber})`;
		return partNumber && name.toLowerCase().includes(wanted) ? [{ name, value: partNumber }] : [];
	});
	return await session.redact({ results });
}

/**
 * Which part numbers the field of the current operation can take: New Commerce (productId:skuId)
 * for New Commerce Order → Create and Subscription → Create of an NCE product, the others for a
 * legacy one, any for an order line.
 */
function partNumbersWanted(context: ILoadOptionsFunctions): (partNumber: string) => boolean {
	const resource = context.getCurrentNodeParameter('resource');
	// Product Type is left out of the parameters while it has its default, New Commerce.
	const productType = context.getCurrentNodeParameter('productType') ?? 'nce';
	if (resource === 'newCommerceOrder' || (resource === 'subscription' && productType === 'nce'))
		return (partNumber) => NCE_PART_NUMBER.test(partNumber);
	if (resource === 'subscription') return (partNumber) => !NCE_PART_NUMBER.test(partNumber);
	return () => true;
}

/**
 * The catalogue of the customer tenant chosen in the same node (Customer Tenant, or an order's
 * Reseller Customer ID), one Crayon page per call, searched by Crayon; each entry shows the
 * product's name, term and part number, and its value is the part number.
 */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	// Customer Tenant of a purchase, or an order's Reseller Customer ID for its lines.
	const customerTenantId = chosenId(this, ['customerTenantId', 'resellerCustomerId'], {
		chosen: 'customer tenant',
		listed: 'its catalogue is',
		byId: 'the part number',
	});
	const wanted = partNumbersWanted(this);
	const session = new CrayonSession(this);
	const search = filter?.trim();
	const page = await readCataloguePage(
		session.client(0),
		{ customerTenantId, ...(search ? { search } : {}) },
		pageFrom(paginationToken),
	);
	const results = page.items.flatMap((row) => {
		const partNumber = partNumberOf(row);
		return partNumber && wanted(partNumber)
			? [{ name: productListName(row), value: partNumber }]
			: [];
	});
	return await session.redact({ results, paginationToken: page.nextPage });
}
