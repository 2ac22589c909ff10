import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import type { SentField } from '../transport';

/**
 * A field of an operation: its description (what n8n shows) and its schema (what the value
 * must be and what is sent) side by side. The parameter name is the key the field gets in an
 * operation's field set.
 *
 * `fallback`: when the parameter is absent (hidden by its display options, or an expression
 * gave nothing) the description's default applies, so the two cannot drift. Only for settings
 * such as Simplify or a poll interval: what is bought (a quantity, a billing cycle) is never
 * filled in when a sheet's cell is empty.
 */
export interface Field<S extends z.ZodTypeAny = z.ZodTypeAny> {
	property: Omit<INodeProperties, 'name'>;
	schema: S;
	fallback?: boolean;
}

export type Fields = Record<string, Field>;

export function field<S extends z.ZodTypeAny>(
	property: Omit<INodeProperties, 'name'>,
	schema: S,
	{ fallback = false } = {},
): Field<S> {
	return { property, schema, fallback };
}

/** A field's value as it went into a request, for errors that say which field to change. */
export function sentField(original: Field, value: unknown, ...crayonNames: string[]): SentField {
	return { label: original.property.displayName, value, crayonNames };
}

/** The same field with more of its description set (display options, a hint, another label). */
export function withProperty<S extends z.ZodTypeAny>(
	original: Field<S>,
	property: Partial<Omit<INodeProperties, 'name'>>,
): Field<S> {
	return { ...original, property: { ...original.property, ...property } };
}

/** The descriptions of a field set, named after their keys. */
export function propertiesOf(fields: Fields): INodeProperties[] {
	return Object.entries(fields).map(
		([name, { property }]) => ({ ...property, name }) as INodeProperties,
	);
}

/** The description of an operation: its fields, shown for that resource and operation only. */
export function operationDescription(
	resource: string,
	operation: string,
	fields: Fields,
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: [resource], operation: [operation] } },
		propertiesOf(fields),
	);
}

type PrimitiveDefault = string | number | boolean;

function isPrimitive(value: unknown): value is PrimitiveDefault {
	return ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * One z.object for a field set. An absent parameter of a `fallback` field gets the
 * description's default; with `{ defaults: false }` (values that may come from JSON, not from
 * the editor) every absent one is missing.
 */
export function schemaOf<F extends Fields>(fields: F, { defaults = true } = {}) {
	const shape = Object.fromEntries(
		Object.entries(fields).map(([name, { property, schema, fallback }]) => [
			name,
			defaults && fallback && isPrimitive(property.default)
				? schema.default(property.default)
				: schema,
		]),
	) as { [K in keyof F]: F[K]['schema'] };
	return z.object(shape);
}

/** Top-level parameter names of a description (each once, whatever its display options). */
function parameterNames(properties: INodeProperties[]): string[] {
	return [
		...new Set(
			properties.filter((property) => property.type !== 'notice').map((property) => property.name),
		),
	];
}

/** One item's values of the given parameters, expressions resolved; hidden ones are left out. */
export function readParameters(
	context: IExecuteFunctions,
	itemIndex: number,
	properties: INodeProperties[],
): IDataObject {
	// n8n leaves parameters hidden by display options out of the node, and reading one of
	// them with `extractValue` fails ("Could not find property") instead of falling back.
	const present = context.getNode().parameters;
	const parameters: IDataObject = {};
	for (const name of parameterNames(properties)) {
		if (present[name] === undefined) continue;
		const value = context.getNodeParameter(name, itemIndex, null, {
			extractValue: true,
		}) as IDataObject[string];
		// An expression that yields null means "not given".
		if (value !== null) parameters[name] = value;
	}
	return parameters;
}

/** Characters a user cannot see in an error message, shown as escapes so the problem is visible. */
const INVISIBLE = /[\p{Cc}\u2028\u2029]/gu;

function describeReceived(value: unknown): string {
	if (value === undefined) return 'nothing';
	const text = (JSON.stringify(value) ?? String(value)).replace(
		INVISIBLE,
		(character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
	return path.reduce<unknown>(
		(current, key) =>
			current !== null && typeof current === 'object'
				? (current as Record<string | number, unknown>)[key]
				: undefined,
		input,
	);
}

/** A parameter, or a group of a fixed collection (which holds its entries in `values`). */
interface Labelled {
	name: string;
	displayName: string;
	options?: unknown;
	values?: INodeProperties[];
}

/** "Order Lines → Line 2 → Quantity" from a zod path and the operation's parameter descriptions. */
function fieldLabel(path: ReadonlyArray<string | number>, properties: INodeProperties[]): string {
	const labels: string[] = [];
	let scope: Labelled[] | undefined = properties;
	for (const key of path) {
		if (typeof key === 'number') {
			labels.push(`Line ${key + 1}`);
			continue;
		}
		const found: Labelled | undefined = scope?.find((candidate) => candidate.name === key);
		if (found?.values) {
			// A fixed collection's group ("line" of Order Lines) is not a field the user sees.
			scope = found.values;
			continue;
		}
		labels.push(found?.displayName ?? key);
		const nested = found?.options as Labelled[] | undefined;
		// A path may name a fixed collection's group or go straight to its fields.
		scope = nested && [...nested, ...nested.flatMap((option) => option.values ?? [])];
	}
	return labels.join(' → ');
}

/**
 * Parses one item's raw parameters into the exact request. Any problem becomes a
 * NodeOperationError naming the field, what was received, what is allowed and the item.
 */
export function parseItemParameters<T extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	schema: T,
	input: unknown,
	itemIndex: number,
	properties: INodeProperties[],
): z.output<T> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => {
		const label = fieldLabel(issue.path, properties);
		return `"${label}" ${issue.message} (received ${describeReceived(valueAt(input, issue.path))})`;
	});
	throw new NodeOperationError(
		context.getNode(),
		`Invalid input in item ${itemIndex}: ${problems[0]}`,
		{
			itemIndex,
			description:
				problems.length > 1
					? `All problems in this item:\n${problems.map((problem) => `- ${problem}`).join('\n')}\nNothing was sent to Crayon.`
					: 'Nothing was sent to Crayon. Fix the value (or the expression that produces it) and run again.',
		},
	);
}

/**
 * Parses the same raw parameters with several schemas (e.g. the shared order fields and
 * an operation's own toggles) into one object, keeping each problem's parameter path.
 */
export function fromSameParameters<T extends Record<string, z.ZodTypeAny>>(parts: T) {
	return z.unknown().transform((raw, context) => {
		const output: Partial<{ [K in keyof T]: z.output<T[K]> }> = {};
		let valid = true;
		for (const key of Object.keys(parts) as Array<keyof T>) {
			const result = parts[key].safeParse(raw);
			if (result.success) {
				output[key] = result.data;
				continue;
			}
			valid = false;
			for (const issue of result.error.issues) {
				context.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
			}
		}
		return valid ? (output as { [K in keyof T]: z.output<T[K]> }) : z.NEVER;
	});
}
