import type { IDataObject } from 'n8n-workflow';

import { fieldOf, type CrayonClient } from '../transport';
import { billingCycleEnumNames, termDurations } from './enums';
import type { OrderBody } from './orders';
import { PAGE_SIZE, readPage } from './paging';
import { NCE_PART_NUMBER } from './values';

/**
 * Crayon's catalogue: the agreement products a customer tenant can buy (crayon-api-sdk:
 * src/Crayon.Api.Sdk/Resources/AgreementProductResource.cs, Domain/AgreementProduct.cs,
 * Domain/ProductVariant.cs, Filtering/AgreementProductFilter.cs, AgreementProductsSubFilter.cs).
 */

/** `GET` with AgreementProductFilter as the query: `{Items, TotalHits}` pages. */
export const AGREEMENT_PRODUCTS_PATH = '/api/v1/agreementproducts';

/** What a catalogue search asks for. */
export interface CatalogueSearch {
	customerTenantId: number;
	search?: string;
	partNumbers?: string[];
	programs?: string[];
	productTypes?: string[];
	publishers?: string[];
}

/**
 * The query of a catalogue search. AgreementProductsSubFilter's lists go out as
 * `Include.<Name>`, one key per value (the SDK's HttpQueryBuilder); an empty list is not sent.
 */
export function catalogueQuery(search: CatalogueSearch): IDataObject {
	const lists: Array<[string, string[] | undefined]> = [
		['Include.PartNumbers', search.partNumbers],
		['Include.ProgramNames', search.programs],
		['Include.ProductTypeNames', search.productTypes],
		['Include.PublisherNames', search.publishers],
	];
	return {
		customerTenantId: search.customerTenantId,
		...(search.search ? { search: search.search } : {}),
		...Object.fromEntries(lists.filter(([, values]) => values && values.length > 0)),
	};
}

function reference(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}

/** A nested field of a catalogue row, whatever the casing of each key. */
function pathOf(value: unknown, ...names: string[]): unknown {
	return names.reduce<unknown>((current, name) => fieldOf(current, name), value);
}

/** A New Commerce part number's product and SKU ids (productId:skuId); none for other part numbers. */
export function productAndSku(
	partNumber: string,
): { productId: string; skuId: string } | undefined {
	if (!NCE_PART_NUMBER.test(partNumber)) return undefined;
	const [productId, skuId] = partNumber.split(':');
	return { productId, skuId };
}

const TERM_BY_MONTHS: Record<number, string> = { 1: 'P1M', 12: 'P1Y', 36: 'P3Y' };

/**
 * The term a catalogue row is sold with, where it says so. No source names the field: the
 * product variant's MinimumCommitment (in months) is read first, then its PurchasePeriod when
 * that is an ISO 8601 term (see simulator/README.md, "Catalogue rows").
 */
export function termOf(row: unknown): string | undefined {
	const months = pathOf(row, 'ProductVariant', 'MinimumCommitment', 'Months');
	if (typeof months === 'number' && TERM_BY_MONTHS[months]) return TERM_BY_MONTHS[months];
	const period = pathOf(row, 'ProductVariant', 'PurchasePeriod');
	const term = typeof period === 'string' ? period.trim().toUpperCase() : '';
	return termDurations.some(({ value }) => value === term) ? term : undefined;
}

/** A billing cycle of the catalogue: BillingCycleEnum, as a number or Crayon's name ("ThreeYears"). */
export function billingCycleOf(cycle: unknown): (typeof billingCycleEnumNames)[number] | undefined {
	return billingCycleEnumNames.find(
		({ value, crayonName }) =>
			value === cycle ||
			(typeof cycle === 'string' && crayonName.toLowerCase() === cycle.trim().toLowerCase()),
	);
}

/** A billing cycle of the catalogue as readable text ("Triennial"); an unknown one as it came. */
export function billingCycleName(cycle: unknown): string {
	return billingCycleOf(cycle)?.name ?? String(cycle);
}

/** A row's part number (the product variant's, else the product reference's). */
export function partNumberOf(row: unknown): string | undefined {
	const partNumber =
		pathOf(row, 'ProductVariant', 'PartNumber') ??
		pathOf(row, 'ProductVariant', 'Product', 'PartNumber');
	return typeof partNumber === 'string' ? partNumber : undefined;
}

function nameOf(row: unknown): string {
	return String(fieldOf(row, 'Name') ?? pathOf(row, 'ProductVariant', 'ProductName') ?? '');
}

/**
 * The fields of a catalogue row a price list or a purchase needs, flattened; the fields the node
 * adds (ProductId, SkuId, TermDuration, BillingCycles, the currencies) are PascalCase like
 * Crayon's. Prices are Crayon's numbers as they came, never rounded.
 */
export function simplifyAgreementProduct(row: IDataObject): IDataObject {
	const partNumber = partNumberOf(row);
	const ids = partNumber === undefined ? undefined : productAndSku(partNumber);
	const variant = reference(fieldOf(row, 'ProductVariant'));
	const sales = reference(fieldOf(row, 'SalesPrice'));
	const retail = reference(fieldOf(row, 'RecommendedRetailPrice'));
	const cycles = fieldOf(variant, 'AvailableBillingCycleIds');
	return {
		PartNumber: partNumber ?? null,
		Name: nameOf(row),
		ProductId: ids?.productId ?? null,
		SkuId: ids?.skuId ?? null,
		ProductVariantId: fieldOf(variant, 'Id') ?? null,
		Publisher: pathOf(variant, 'Publisher', 'Name') ?? null,
		Program: pathOf(variant, 'Program', 'Name') ?? null,
		ProductType: pathOf(variant, 'ProductType', 'Name') ?? null,
		TermDuration: termOf(row) ?? null,
		BillingCycles: Array.isArray(cycles) ? cycles.map(billingCycleName).join(', ') : null,
		SalesPrice: fieldOf(sales, 'Value') ?? null,
		SalesPriceCurrency: fieldOf(sales, 'CurrencyCode') ?? null,
		RecommendedRetailPrice: fieldOf(retail, 'Value') ?? null,
		RecommendedRetailPriceCurrency: fieldOf(retail, 'CurrencyCode') ?? null,
		MonthMultiplier: fieldOf(row, 'MonthMultiplier') ?? null,
		MinimumQuantity: fieldOf(row, 'MinimumQuantity') ?? null,
		MaximumQuantity: fieldOf(row, 'MaximumQuantity') ?? null,
	};
}

/** "Office 365 E3 (P1Y, CFQ7TTC0LF8R:0001)": how a row shows in a list of products. */
export function productListName(row: unknown): string {
	const details = [termOf(row), partNumberOf(row)].filter(Boolean).join(', ');
	return `${nameOf(row)} (${details})`;
}

/** One page of a tenant's catalogue. */
export async function readCataloguePage(
	client: CrayonClient,
	search: CatalogueSearch,
	page: number,
	pageSize = PAGE_SIZE,
) {
	return await readPage(
		client,
		{ path: AGREEMENT_PRODUCTS_PATH, qs: catalogueQuery(search) },
		page,
		pageSize,
	);
}

/** An order line whose product was picked from the catalogue: its variant is the catalogue's. */
export interface PickedProduct {
	/** Index of the line in the order. */
	line: number;
	partNumber: string;
	termDuration: string;
}

/**
 * The product variant of a part number in a tenant's catalogue, for an order line of that term:
 * the one variant its rows have, or the one of the rows of that term.
 */
function variantOf(rows: IDataObject[], termDuration: string): number | string | undefined {
	const variants = (candidates: IDataObject[]) => [
		...new Set(candidates.map((row) => pathOf(row, 'ProductVariant', 'Id') as number | string)),
	];
	const all = variants(rows);
	if (all.length <= 1) return all[0];
	const ofTerm = variants(rows.filter((row) => termOf(row) === termDuration));
	return ofTerm.length === 1 ? ofTerm[0] : undefined;
}

/**
 * Fills in the product variant of every line whose product was picked from the catalogue, as
 * the customer tenant's catalogue gives it (one read per part number). A part number the tenant's
 * catalogue does not have, or has with several variants for the line's term, fails the item
 * before anything is sent for the order.
 */
export async function withCatalogueVariants(
	crayon: CrayonClient,
	order: OrderBody,
	picked: PickedProduct[],
): Promise<OrderBody> {
	if (picked.length === 0) return order;
	const customerTenantId = Number(fieldOf(order, 'resellerCustomerId'));
	const rowsByPartNumber = new Map<string, IDataObject[]>();
	for (const { partNumber } of picked) {
		if (rowsByPartNumber.has(partNumber)) continue;
		const page = await readCataloguePage(
			crayon,
			{ customerTenantId, partNumbers: [partNumber] },
			1,
		);
		const wanted = partNumber.toLowerCase();
		rowsByPartNumber.set(
			partNumber,
			page.items.filter((row) => partNumberOf(row)?.toLowerCase() === wanted),
		);
	}
	const lines = [...order.orderLines];
	for (const { line, partNumber, termDuration } of picked) {
		const rows = rowsByPartNumber.get(partNumber) ?? [];
		const variant = variantOf(rows, termDuration);
		if (variant === undefined || variant === null) {
			throw await crayon.error({
				message:
					rows.length === 0
						? `Part number ${partNumber} (order line ${line + 1}) is not in the catalogue of customer tenant ${customerTenantId}`
						: `The catalogue of customer tenant ${customerTenantId} has several product variants of ${partNumber} for term ${termDuration} (order line ${line + 1})`,
				description:
					"The line's Product is looked up in the customer tenant's catalogue to fill in its Product Variant ID. Pick a product of this tenant, or enter the line's Product Variant ID. Nothing was sent for this order.",
				response: { partNumber, customerTenantId, catalogueRows: rows.length },
			});
		}
		lines[line] = { ...lines[line], productVariantId: variant };
	}
	return { ...order, orderLines: lines };
}
