/**
 * Catalogue and prices: agreement products, a part number's supported billing cycles and the
 * reseller's sales prices (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/AgreementProductResource.cs,
 * ResellerSalesPriceResource.cs; Filtering/AgreementProductFilter.cs, AgreementProductsSubFilter.cs,
 * ResellerSalesPriceFilter.cs).
 */
import {
	agreementProduct,
	CSP_PROGRAM,
	priceListOf,
	rowsOf,
	supportedBillingCycles,
	type CatalogueRow,
} from '../catalogue';
import type { HandlerResult, RequestContext, SimulatorContext } from '../context';
import { parseDateTime } from '../dates';
import {
	BILLING_CYCLE_ENUM,
	enumName,
	parseEnum,
	RESELLER_SALES_PRICE_OBJECT_TYPE,
	RESELLER_SALES_PRICE_TYPE,
	SORT_ORDER,
	type EnumDefinition,
} from '../enums';
import { ApiError } from '../errors';
import type { CustomerTenant, ResellerSalesPrice } from '../types';
import { QueryParams, Validator, queryInt } from '../validation';
import { readPaging, readSearch } from './common';

/**
 * A query value read with `parse`, ASP.NET's way: absent or empty is "not given" (a 400 when
 * `required`), a value `parse` rejects is a 400 naming it.
 */
function queryValue<T>(
	v: Validator,
	query: QueryParams,
	name: string,
	parse: (raw: string) => T | undefined,
	{ code = 'InvalidType', required = false } = {},
): T | undefined {
	const raw = query.get(name);
	if (raw === undefined || raw === '') {
		if (required) v.add(name, name, `The ${name} field is required.`, 'Required');
		return undefined;
	}
	const value = parse(raw);
	if (value === undefined) v.add(name, name, `The value '${raw}' is not valid for ${name}.`, code);
	return value;
}

/** A query boolean: true/false in any casing (the SDK sends True/False). */
function queryBool(v: Validator, query: QueryParams, name: string): boolean | undefined {
	return queryValue(v, query, name, (raw) => {
		const text = raw.trim().toLowerCase();
		return text === 'true' || text === 'false' ? text === 'true' : undefined;
	});
}

/** A query enum: a defined number or a name in any casing. */
function queryEnum(
	v: Validator,
	query: QueryParams,
	name: string,
	definition: EnumDefinition,
	required = false,
): number | undefined {
	return queryValue(v, query, name, (raw) => parseEnum(definition, raw), {
		code: 'InvalidValue',
		required,
	});
}

/** A query DateTimeOffset (the SDK sends ToString("O"): 2025-01-01T00:00:00.0000000+00:00). */
function queryDate(v: Validator, query: QueryParams, name: string): number | undefined {
	return queryValue(v, query, name, parseDateTime);
}

/** A customer tenant id of the query: 0 or absent means none; an unknown one is a 400. */
function queryTenant(
	v: Validator,
	query: QueryParams,
	name: string,
	sim: SimulatorContext,
	required = false,
): CustomerTenant | undefined {
	const id = queryInt(v, query, name, { min: required ? 1 : 0, required });
	if (!id) return undefined;
	const tenant = sim.state.tenants.get(id);
	if (!tenant) v.add(name, name, `Customer tenant ${id} was not found.`, 'NotFound');
	return tenant;
}

/** The `Include.` or `Exclude.` lists of AgreementProductsSubFilter that the simulator applies. */
interface SubFilter {
	partNumbers: string[];
	publisherIds: number[];
	publisherNames: string[];
	productTypeNames: string[];
	programNames: string[];
	productFamilyNames: string[];
	purchasePeriodNames: string[];
	billingCycles: string[];
}

function readSubFilter(v: Validator, query: QueryParams, prefix: string): SubFilter {
	const list = (name: string) =>
		query
			.getAll(`${prefix}.${name}`)
			.map((value) => value.trim())
			.filter(Boolean);
	const publisherIds = list('PublisherIds').flatMap((raw) => {
		if (/^\d{1,9}$/.test(raw)) return [Number(raw)];
		v.add(
			`${prefix}.PublisherIds`,
			`${prefix}.publisherIds`,
			`The value '${raw}' is not valid.`,
			'InvalidType',
		);
		return [];
	});
	return {
		partNumbers: list('PartNumbers'),
		publisherIds,
		publisherNames: list('PublisherNames'),
		productTypeNames: list('ProductTypeNames'),
		programNames: list('ProgramNames'),
		productFamilyNames: list('ProductFamilyNames'),
		purchasePeriodNames: list('PurchasePeriodNames'),
		billingCycles: list('BillingCycles'),
	};
}

/** Does any of a row's values equal (in any casing) one of the wanted names? */
function anyOf(wanted: string[], values: Array<string | null>): boolean {
	const lower = new Set(wanted.map((name) => name.toLowerCase()));
	return values.some((value) => value !== null && lower.has(value.toLowerCase()));
}

function subFilterMatches(filter: SubFilter, row: CatalogueRow, statesTerms: boolean): boolean[] {
	const { product } = row;
	const conditions: Array<[boolean, () => boolean]> = [
		[filter.partNumbers.length > 0, () => anyOf(filter.partNumbers, [product.partNumber])],
		[filter.publisherIds.length > 0, () => filter.publisherIds.includes(product.publisher.id)],
		[
			filter.publisherNames.length > 0,
			() => anyOf(filter.publisherNames, [product.publisher.name]),
		],
		[
			filter.productTypeNames.length > 0,
			() => anyOf(filter.productTypeNames, [product.listing.productType]),
		],
		[filter.programNames.length > 0, () => anyOf(filter.programNames, [CSP_PROGRAM.Name])],
		[
			filter.productFamilyNames.length > 0,
			() => anyOf(filter.productFamilyNames, [product.listing.family]),
		],
		[
			filter.purchasePeriodNames.length > 0,
			() => anyOf(filter.purchasePeriodNames, [statesTerms ? row.term : null]),
		],
		[
			filter.billingCycles.length > 0,
			() =>
				anyOf(
					filter.billingCycles,
					row.billingCycles.map((cycle) => enumName(BILLING_CYCLE_ENUM, cycle)),
				),
		],
	];
	return conditions.filter(([given]) => given).map(([, matches]) => matches());
}

/** Aggregations ({Key, DocCount}) of the matching rows, as AgreementProductCollection has them. */
function aggregate(rows: CatalogueRow[], keyOf: (row: CatalogueRow) => string[]) {
	const counts = new Map<string, number>();
	for (const row of rows) for (const key of keyOf(row)) counts.set(key, (counts.get(key) ?? 0) + 1);
	return [...counts.entries()].map(([Key, DocCount]) => ({ Key, DocCount }));
}

function echoSubFilter(filter: SubFilter): Record<string, unknown> | null {
	const given = Object.entries({
		PartNumbers: filter.partNumbers,
		PublisherIds: filter.publisherIds,
		PublisherNames: filter.publisherNames,
		ProductTypeNames: filter.productTypeNames,
		ProgramNames: filter.programNames,
		ProductFamilyNames: filter.productFamilyNames,
		PurchasePeriodNames: filter.purchasePeriodNames,
		BillingCycles: filter.billingCycles,
	}).filter(([, values]) => values.length > 0);
	return given.length > 0 ? Object.fromEntries(given) : null;
}

const TERM_ORDER = [null, 'P1M', 'P1Y', 'P3Y'];

/** GET /api/v1/agreementproducts: the catalogue of a customer tenant, paged over {Items, TotalHits}. */
export function listAgreementProducts(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const { query } = req;
	const v = new Validator();
	const paging = readPaging(v, query);
	const tenant = queryTenant(v, query, 'CustomerTenantId', sim);
	const organizationId = queryInt(v, query, 'OrganizationId', { min: 0 });
	if (organizationId && !sim.state.organizations.has(organizationId)) {
		v.add(
			'OrganizationId',
			'OrganizationId',
			`Organization ${organizationId} was not found.`,
			'NotFound',
		);
	}
	const priceListId = queryInt(v, query, 'PriceListId', { min: 0 }) ?? 0;
	const agreementId = queryInt(v, query, 'AgreementId', { min: 0 }) ?? 0;
	const isTrial = queryBool(v, query, 'IsTrial');
	const includeProductInformation = queryBool(v, query, 'IncludeProductInformation') ?? false;
	const sortOrder = queryEnum(v, query, 'SortOrder', SORT_ORDER) ?? 0;
	const searchDate = queryDate(v, query, 'SearchDate');
	const include = readSubFilter(v, query, 'Include');
	const exclude = readSubFilter(v, query, 'Exclude');
	v.throwIfInvalid();

	const search = readSearch(query);
	const statesTerms = sim.options.catalogueStatesTerms;
	const rows = [...sim.state.catalogue.values()]
		// A tenant that cannot buy New Commerce is not offered it.
		.filter((product) => !(tenant && !tenant.nceEligible && product.kind === 'nce'))
		.flatMap(rowsOf)
		.filter(
			(row) =>
				isTrial !== true &&
				(!search ||
					row.product.itemName.toLowerCase().includes(search) ||
					row.product.partNumber.toLowerCase().includes(search)) &&
				subFilterMatches(include, row, statesTerms).every(Boolean) &&
				!subFilterMatches(exclude, row, statesTerms).some(Boolean),
		)
		.sort(
			(a, b) =>
				a.product.itemName.localeCompare(b.product.itemName) ||
				a.product.partNumber.localeCompare(b.product.partNumber) ||
				TERM_ORDER.indexOf(a.term) - TERM_ORDER.indexOf(b.term),
		);
	if (sortOrder === 1) rows.reverse();

	const families = [
		...new Set([...sim.state.catalogue.values()].map((p) => p.listing.family)),
	].sort();
	const options = {
		list: priceListOf(tenant),
		statesTerms,
		includeProductInformation,
		familyIds: new Map(families.map((family, index) => [family, index + 1])),
	};
	const start = (paging.page - 1) * paging.pageSize;
	return {
		status: 200,
		body: {
			Publishers: aggregate(rows, (row) => [row.product.publisher.name]).map((publisher) => ({
				...publisher,
				Programs: [{ Key: CSP_PROGRAM.Name, DocCount: publisher.DocCount }],
			})),
			Filter: {
				AgreementTypeIds: null,
				Page: paging.page,
				PageSize: paging.pageSize,
				Search: query.get('Search') ?? null,
				PriceListId: priceListId,
				OrganizationId: organizationId ?? 0,
				CustomerTenantId: tenant?.id ?? 0,
				AgreementId: agreementId,
				IsTrial: isTrial ?? null,
				AgreementIds: null,
				SearchDate: searchDate === undefined ? null : new Date(searchDate).toISOString(),
				Include: echoSubFilter(include),
				Exclude: echoSubFilter(exclude),
				SortKey: query.get('SortKey') ?? null,
				IncludeProductInformation: includeProductInformation,
				SortOrder: sortOrder,
			},
			Programs: aggregate(rows, () => [CSP_PROGRAM.Name]),
			ProductTypes: aggregate(rows, (row) => [row.product.listing.productType]),
			ProductFamilies: aggregate(rows, (row) => [row.product.listing.family]),
			PurchasePeriods: statesTerms ? aggregate(rows, (row) => (row.term ? [row.term] : [])) : [],
			BillingCycles: aggregate(rows, (row) =>
				row.billingCycles.map((cycle) => enumName(BILLING_CYCLE_ENUM, cycle)),
			),
			Items: rows
				.slice(start, start + paging.pageSize)
				.map((row) => agreementProduct(row, options)),
			TotalHits: rows.length,
		},
	};
}

/** GET /api/v1/agreementproducts/{partNumber}/supportedbillingcycles?resellerCustomerId: a bare array. */
export function getSupportedBillingCycles(
	req: RequestContext,
	sim: SimulatorContext,
): HandlerResult {
	const v = new Validator();
	const tenant = queryTenant(v, req.query, 'resellerCustomerId', sim, true);
	v.throwIfInvalid();
	const partNumber = req.params.partNumber;
	const product = sim.state.findProduct(partNumber);
	if (!product) throw ApiError.notFound(`Product with part number '${partNumber}' was not found.`);
	const cycles =
		tenant && !tenant.nceEligible && product.kind === 'nce' ? [] : supportedBillingCycles(product);
	return {
		status: 200,
		body:
			sim.options.supportedBillingCyclesAs === 'names'
				? cycles.map((cycle) => enumName(BILLING_CYCLE_ENUM, cycle))
				: cycles,
	};
}

/** The query names of ResellerSalesPriceFilter: the SDK's, or the documentation's (they disagree). */
const SALES_PRICE_QUERY = {
	sdk: { type: 'Type', objectId: 'ObjectId', objectType: 'ObjectType', fromDate: 'FromDate' },
	apidocs: {
		type: 'resellerSalesPriceType',
		objectId: 'objectId',
		objectType: 'resellerSalesPriceObjectType',
		fromDate: 'fromDate',
	},
} as const;

interface SalesPriceFilter {
	objectId: number;
	objectType: number;
	type?: number;
	fromDate?: number;
}

function readSalesPriceFilter(req: RequestContext, sim: SimulatorContext): SalesPriceFilter {
	const names = SALES_PRICE_QUERY[sim.options.resellerSalesPriceQuery];
	const v = new Validator();
	const objectId = queryInt(v, req.query, names.objectId, { min: 1, required: true });
	const objectType = queryEnum(
		v,
		req.query,
		names.objectType,
		RESELLER_SALES_PRICE_OBJECT_TYPE,
		true,
	);
	const type = queryEnum(v, req.query, names.type, RESELLER_SALES_PRICE_TYPE);
	const fromDate = queryDate(v, req.query, names.fromDate);
	v.throwIfInvalid();
	const filter = { objectId: objectId as number, objectType: objectType as number, type, fromDate };
	if (!objectExists(sim, filter)) {
		throw ApiError.notFound(
			`${enumName(RESELLER_SALES_PRICE_OBJECT_TYPE, filter.objectType)} ${filter.objectId} was not found.`,
		);
	}
	return filter;
}

/** Organisations, tenants and subscriptions exist in the seed; Azure subscriptions and assets do not. */
function objectExists(sim: SimulatorContext, { objectType, objectId }: SalesPriceFilter): boolean {
	const { state } = sim;
	switch (objectType) {
		case 1:
			return state.organizations.has(objectId);
		case 2:
			return state.tenants.has(objectId);
		case 3:
		case 4:
			return state.subscriptions.has(objectId);
		default:
			return false;
	}
}

function salesPrice(price: ResellerSalesPrice): Record<string, unknown> {
	return {
		ObjectId: price.objectId,
		ObjectType: price.objectType,
		Type: price.type,
		PriceType: price.priceType,
		Value: price.value,
		FromDate: new Date(price.fromDate).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
		ChangedBy: price.changedBy,
	};
}

function pricesOfObject(sim: SimulatorContext, filter: SalesPriceFilter): ResellerSalesPrice[] {
	return sim.state.salesPrices
		.filter(
			(price) =>
				price.objectType === filter.objectType &&
				price.objectId === filter.objectId &&
				(filter.type === undefined || price.type === filter.type),
		)
		.sort((a, b) => a.type - b.type || a.fromDate - b.fromDate);
}

/** The price of each type in force at `at`: the one with the latest FromDate not after it. */
function inForce(prices: ResellerSalesPrice[], at: number): ResellerSalesPrice[] {
	const byType = new Map<number, ResellerSalesPrice>();
	for (const price of prices) if (price.fromDate <= at) byType.set(price.type, price);
	return [...byType.values()];
}

/**
 * GET /api/v1/resellersalesprices: a bare array. With a from date, the prices that apply from
 * that date on: the one of each type in force on it and every later one.
 */
export function listResellerSalesPrices(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const filter = readSalesPriceFilter(req, sim);
	const prices = pricesOfObject(sim, filter);
	const { fromDate } = filter;
	const applying =
		fromDate === undefined
			? prices
			: prices.filter(
					(price) => price.fromDate > fromDate || inForce(prices, fromDate).includes(price),
				);
	return { status: 200, body: applying.map(salesPrice) };
}

/** GET /api/v1/resellersalesprices/current: the price of the given type in force now, or 404. */
export function getCurrentResellerSalesPrice(
	req: RequestContext,
	sim: SimulatorContext,
): HandlerResult {
	const filter = readSalesPriceFilter(req, sim);
	const names = SALES_PRICE_QUERY[sim.options.resellerSalesPriceQuery];
	if (filter.type === undefined) {
		throw ApiError.badRequestField(
			names.type,
			`The ${names.type} field is required for the current price (one price of each type applies).`,
			'Required',
		);
	}
	const [current] = inForce(pricesOfObject(sim, filter), req.now);
	if (!current) {
		throw ApiError.notFound(
			`No ${enumName(RESELLER_SALES_PRICE_TYPE, filter.type)} sales price applies to ${enumName(RESELLER_SALES_PRICE_OBJECT_TYPE, filter.objectType)} ${filter.objectId} now.`,
		);
	}
	return { status: 200, body: salesPrice(current) };
}
