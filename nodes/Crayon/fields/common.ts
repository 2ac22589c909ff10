import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { dropdownOptions, termDurations } from '../domain/enums';
import {
	calendarDate,
	catalogueCode,
	dateTime,
	oneOf,
	optional,
	quantity,
	text,
} from '../domain/values';
import { locatorValue } from './locators';
import { field, propertiesOf, type Field, type Fields } from './parameters';

/** A licence count. */
export function quantityField(description: string) {
	return field(
		{
			displayName: 'Quantity',
			type: 'number',
			required: true,
			typeOptions: { minValue: 1 },
			default: 1,
			description,
		},
		quantity,
	);
}

/** The product part number to buy. */
export function partNumberField(example: string, description: string) {
	return field(
		{
			displayName: 'Part Number',
			type: 'string',
			required: true,
			default: '',
			placeholder: example,
			description,
		},
		catalogueCode(example),
	);
}

/** The ISO 8601 term of a subscription: P1M, P1Y or P3Y. */
export function termDurationField(
	description: string,
	defaultTerm: (typeof termDurations)[number]['value'],
) {
	return field(
		{
			displayName: 'Term Duration',
			type: 'options',
			options: dropdownOptions(termDurations),
			default: defaultTerm,
			description,
		},
		oneOf(termDurations),
	);
}

/** A dropdown of one of Crayon's enumerations. */
export function enumField<T extends string | number>(
	property: Omit<INodeProperties, 'name' | 'type' | 'options'>,
	options: ReadonlyArray<{ name: string; value: T }>,
) {
	return field(
		{ ...property, type: 'options', options: dropdownOptions(options) as INodePropertyOptions[] },
		oneOf(options),
	);
}

/** Free text Crayon stores (names, tags), without control characters. */
export function textField(property: Omit<INodeProperties, 'name' | 'type'>, maxLength: number) {
	return field(
		{ ...property, type: 'string' },
		property.required ? text(maxLength) : optional(text(maxLength)),
	);
}

/** A boolean toggle. */
export function booleanField(property: Omit<INodeProperties, 'name' | 'type'>) {
	return field(
		{ ...property, type: 'boolean' },
		z.boolean({ invalid_type_error: 'must be true or false' }),
		{ fallback: true },
	);
}

/** A collection of optional fields, shown once the user adds them ("Additional Fields", "Filters"). */
export function collectionField<F extends Fields>(
	property: Omit<INodeProperties, 'name' | 'type' | 'options' | 'default'>,
	fields: F,
) {
	return field(
		{ ...property, type: 'collection', default: {}, options: propertiesOf(fields) },
		// Nothing added to the collection reads as undefined or {}.
		z.preprocess((value) => value ?? {}, schemaOfOptional(fields).strict()),
	);
}

/**
 * A field's schema for when it may be left empty: '' and null mean "not given", also as the
 * value of a Resource Locator (which inside a collection arrives whole, as `{ __rl, value }`).
 */
export function optionalSchema<S extends z.ZodTypeAny>({ property, schema }: Field<S>) {
	const optionalValue = optional(schema);
	return property.type === 'resourceLocator'
		? z.preprocess(locatorValue, optionalValue)
		: optionalValue;
}

/** The same field, but it may be left empty. */
export function optionalField<S extends z.ZodTypeAny>(original: Field<S>) {
	return { ...original, schema: optionalSchema(original) };
}

/** The fields of a collection are all optional and have no default: one not added is not sent. */
function schemaOfOptional<F extends Fields>(fields: F) {
	const shape = Object.fromEntries(
		Object.entries(fields).map(([name, entry]) => [name, optionalSchema(entry)]),
	) as unknown as {
		[K in keyof F]: z.ZodType<z.output<F[K]['schema']> | undefined, z.ZodTypeDef, unknown>;
	};
	return z.object(shape);
}

export function additionalFields<F extends Fields>(fields: F) {
	return collectionField({ displayName: 'Additional Fields', placeholder: 'Add Field' }, fields);
}

export type { Field };

/** Offered by the operations that place a New Commerce purchase: Crayon's objections to any row stop the run before anything is bought. */
export const verifyFirstField = booleanField({
	displayName: 'Verify All Items First',
	default: true,
	description:
		"Whether to check every item with Crayon's order verification before the first purchase of the run (one extra request per item), so that Crayon's objection to one row stops the run before anything is bought",
});

/** A day, typed as YYYY-MM-DD: a date picker would offer a time of day that Crayon ignores. */
export function dayField(displayName: string, hint: string) {
	return field(
		{ displayName, type: 'string', default: '', placeholder: '2026-12-31', hint },
		optional(calendarDate),
	);
}

/** Coterminosity: when a new term ends, one of the dates Crayon offers for the customer tenant. */
export function customTermEndDateField(description: string) {
	return field(
		{
			displayName: 'Custom Term End Date',
			type: 'dateTime',
			default: '',
			description,
			hint: 'Use an end date that Subscription → Get Coterminosity Dates lists for the customer tenant',
		},
		optional(dateTime),
	);
}

/**
 * A one-line purchase's fields by the order line properties Verify names in its errors: the
 * part number is the line's productId:skuId.
 */
export function purchaseLineLabels(fields: {
	partNumber: Field;
	quantity: Field;
	billingCycle: Field;
	termDuration: Field;
}): Record<string, string> {
	const label = (name: keyof typeof fields) => fields[name].property.displayName;
	return {
		productId: label('partNumber'),
		skuId: label('partNumber'),
		quantity: label('quantity'),
		billingCycle: label('billingCycle'),
		termDuration: label('termDuration'),
	};
}
