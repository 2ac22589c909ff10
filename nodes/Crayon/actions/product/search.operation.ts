import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import {
	AGREEMENT_PRODUCTS_PATH,
	catalogueQuery,
	simplifyAgreementProduct,
} from '../../domain/catalogue';
import { readAllPages } from '../../domain/paging';
import { catalogueCode, text } from '../../domain/values';
import { textField } from '../../fields/common';
import {
	filtersField,
	itemLimit,
	returnAllFields,
	searchFilter,
	simplifyField,
} from '../../fields/lists';
import { customerTenantLocator } from '../../fields/locators';
import { field, schemaOf, withProperty } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

/**
 * Product → Search: GET /api/v1/agreementproducts with AgreementProductFilter's CustomerTenantId,
 * Search and Include lists (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/AgreementProductResource.cs,
 * Filtering/AgreementProductFilter.cs, Filtering/AgreementProductsSubFilter.cs).
 */

/** Product type names of AgreementProductsSubFilter.ProductTypeNames; the SDK names the first two. */
const productTypes = ['Subscription', 'Subscription Add-On', 'Software', 'Reservation'];

export const fields = {
	customerTenantId: customerTenantLocator({
		description: 'The customer tenant whose catalogue (and prices) to search',
	}),
	search: searchFilter(
		'Only products whose name or part number contains this text (Crayon searches)',
		'Microsoft 365 E3',
	),
	...returnAllFields,
	filters: filtersField({
		partNumbers: field(
			{
				displayName: 'Part Numbers',
				type: 'string',
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Part Number' },
				default: [],
				placeholder: 'CFQ7TTC0LF8R:0001',
				description: 'Only these part numbers',
			},
			z.array(catalogueCode('CFQ7TTC0LF8R:0001'), {
				invalid_type_error: 'must be a list of part numbers',
			}),
		),
		program: textField(
			{
				displayName: 'Program',
				default: '',
				placeholder: 'CSP',
				description: "Only products of this licensing program (Crayon's program name)",
			},
			100,
		),
		productTypes: field(
			{
				displayName: 'Product Types',
				type: 'multiOptions',
				options: productTypes.map((name) => ({ name, value: name })),
				default: [],
				description: 'Only products of these types',
			},
			z.array(text(100), { invalid_type_error: 'must be a list of product type names' }),
		),
		publisher: textField(
			{
				displayName: 'Publisher',
				default: '',
				placeholder: 'Microsoft',
				description: "Only products of this publisher (Crayon's publisher name)",
			},
			100,
		),
	}),
	simplify: withProperty(simplifyField, {
		hint: 'Prices are as Crayon gives them (per licence, with their currency), never rounded',
	}),
};

export const option: OperationOption = {
	name: 'Search',
	action: 'Search products',
	description:
		'Find the products a customer tenant can buy, by name or filters, with their part numbers, IDs, term, billing cycles and prices',
};

export const schema = schemaOf(fields).transform(
	({ customerTenantId, search, filters, simplify, ...paging }) => ({
		limit: itemLimit(paging),
		simplify,
		qs: catalogueQuery({
			customerTenantId,
			search,
			partNumbers: filters.partNumbers,
			programs: filters.program === undefined ? undefined : [filters.program],
			productTypes: filters.productTypes,
			publishers: filters.publisher === undefined ? undefined : [filters.publisher],
		}),
	}),
);

export async function execute(
	this: IExecuteFunctions,
	{ limit, simplify, qs }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	const products = await readAllPages(crayon, { path: AGREEMENT_PRODUCTS_PATH, qs }, limit);
	return simplify ? products.map(simplifyAgreementProduct) : products;
}
