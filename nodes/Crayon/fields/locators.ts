import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { catalogueCode, crayonId, NCE_PART_NUMBER } from '../domain/values';
import { field } from './parameters';

/** Crayon's numeric ids (tenants, subscriptions, organizations): digits only, as the schema takes them. */
const NUMERIC_ID = '^[0-9]+$';
/** Part numbers and offer ids, the same alphabet the operations accept. */
const CATALOGUE_CODE = '^[A-Za-z0-9][A-Za-z0-9:._-]*$';

/** The list searches (methods/listSearch.ts) the locators name; methods/index.ts checks each exists. */
export type SearchListMethod =
	| 'searchCustomerTenants'
	| 'searchSubscriptions'
	| 'searchActiveSubscriptions'
	| 'searchOrganizations'
	| 'searchAddonOffers'
	| 'searchProducts';

interface LocatorOptions {
	/** What is located, in messages: "customer tenant". */
	entity: string;
	displayName: string;
	description: string;
	searchListMethod: SearchListMethod;
	/** What "By ID" takes: a Crayon number or a catalogue code. */
	idFormat: 'number' | 'code';
	placeholder: string;
	required?: boolean;
	/**
	 * A visible line under the field in "By ID" mode, for what it takes when one example cannot
	 * say it (n8n shows a mode's hint only while that mode is chosen).
	 */
	hint?: string;
}

/**
 * The value of a Resource Locator. n8n extracts it for top-level parameters; inside a collection
 * (Get Many filters) the locator arrives whole, as `{ __rl, mode, value }`.
 */
export function locatorValue(raw: unknown): unknown {
	return raw !== null && typeof raw === 'object' && '__rl' in raw && 'value' in raw
		? raw.value
		: raw;
}

/** A Resource Locator: pick from a searchable, paged list fetched from Crayon, or type the ID. */
function locator(options: LocatorOptions): Omit<INodeProperties, 'name'> {
	const { entity } = options;
	const article = /^[aeiou]/.test(entity) ? 'an' : 'a';
	return {
		displayName: options.displayName,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${article} ${entity}...`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder,
				...(options.hint === undefined ? {} : { hint: options.hint }),
				validation: [
					{
						type: 'regex',
						properties: {
							regex: options.idFormat === 'number' ? NUMERIC_ID : CATALOGUE_CODE,
							errorMessage:
								options.idFormat === 'number'
									? `Not a valid ${entity} ID: Crayon IDs are whole numbers such as ${options.placeholder}`
									: `Not a valid ${entity} ID: use letters, digits and ":", ".", "_", "-" such as ${options.placeholder}`,
						},
					},
				],
			},
		],
	};
}

type Overrides = Partial<Pick<LocatorOptions, 'displayName' | 'description' | 'required' | 'hint'>>;

const locators = {
	customerTenant: {
		entity: 'customer tenant',
		displayName: 'Customer Tenant',
		description: 'The customer tenant (Crayon customer tenant ID)',
		searchListMethod: 'searchCustomerTenants',
		idFormat: 'number',
		placeholder: '123',
	},
	subscription: {
		entity: 'subscription',
		displayName: 'Subscription',
		description: 'The subscription (Crayon subscription ID)',
		searchListMethod: 'searchSubscriptions',
		idFormat: 'number',
		placeholder: '5001',
	},
	organization: {
		entity: 'organization',
		displayName: 'Organization',
		description: 'The Crayon organization (organization ID)',
		searchListMethod: 'searchOrganizations',
		idFormat: 'number',
		placeholder: '3869',
	},
	activeSubscription: {
		entity: 'active subscription',
		displayName: 'Subscription',
		description: 'The active subscription (Crayon subscription ID)',
		searchListMethod: 'searchActiveSubscriptions',
		idFormat: 'number',
		placeholder: '5001',
	},
	addonOffer: {
		entity: 'add-on offer',
		displayName: 'Add-On Offer',
		description:
			"The add-on offer to buy: one of the subscription's add-on offers (its part number)",
		searchListMethod: 'searchAddonOffers',
		idFormat: 'code',
		placeholder: '53FC25F7-6639-4F78-BB44-3C2DFEC3ED40',
	},
	product: {
		entity: 'product',
		displayName: 'Part Number',
		description:
			"The product to buy, by its part number; the list is the chosen customer tenant's catalogue",
		searchListMethod: 'searchProducts',
		idFormat: 'code',
		placeholder: 'CFQ7TTC0LF8R:0001',
	},
} as const satisfies Record<string, LocatorOptions>;

/** A locator of a numeric Crayon id. */
function idLocator(options: LocatorOptions, overrides: Overrides) {
	return field(locator({ ...options, ...overrides }), z.preprocess(locatorValue, crayonId));
}

export const customerTenantLocator = (overrides: Overrides = {}) =>
	idLocator(locators.customerTenant, overrides);
export const subscriptionLocator = (overrides: Overrides = {}) =>
	idLocator(locators.subscription, overrides);
/** For operations that only act on an active subscription: the list leaves the others out. */
export const activeSubscriptionLocator = (overrides: Overrides = {}) =>
	idLocator(locators.activeSubscription, overrides);
export const organizationLocator = (overrides: Overrides = {}) =>
	idLocator(locators.organization, overrides);
export const addonOfferLocator = (overrides: Overrides = {}) =>
	field(
		locator({ ...locators.addonOffer, ...overrides }),
		z.preprocess(locatorValue, catalogueCode(locators.addonOffer.placeholder)),
	);

/**
 * A product of the customer tenant's catalogue, by part number ("By ID" the part number as
 * before, also a plain string from a workflow saved before this was a locator). With
 * `newCommerceOnly` the part number must be productId:skuId. `dependsOn`: the fields whose
 * change makes the editor load the list again (the customer tenant).
 */
export const productLocator = (
	overrides: Overrides = {},
	{
		newCommerceOnly = false,
		placeholder = locators.product.placeholder as string,
		dependsOn = ['customerTenantId.value'],
	} = {},
) => {
	const partNumber = catalogueCode(placeholder);
	return field(
		{
			...locator({ ...locators.product, ...overrides, placeholder }),
			typeOptions: { loadOptionsDependsOn: dependsOn },
		},
		z.preprocess(
			locatorValue,
			newCommerceOnly
				? partNumber.refine((value) => NCE_PART_NUMBER.test(value), {
						message: `must be productId:skuId (for example ${placeholder})`,
					})
				: partNumber,
		),
	);
};
