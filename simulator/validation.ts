/**
 * Request-body reading in the style of ASP.NET model binding: property names match in any
 * casing (nested too), types are strict (no string → integer coercion), and every problem is
 * collected as a FieldError naming the property.
 */
import { ApiError, type FieldError } from './errors';
import { parseEnum, TERM_DURATIONS, type EnumDefinition, type TermDuration } from './enums';
import { parseDateTime } from './dates';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Field {
	/** The key as the client spelled it. */
	key: string;
	value: unknown;
}

/** Case-insensitive property lookup; when a key occurs in several casings the last one wins. */
export function getField(obj: JsonObject, name: string): Field | undefined {
	const wanted = name.toLowerCase();
	let found: Field | undefined;
	for (const key in obj) {
		if (key.length === wanted.length && key.toLowerCase() === wanted)
			found = { key, value: obj[key] };
	}
	return found;
}

/** An object being read, with the display (PascalCase) and JSON-path prefixes of where it sits. */
export class Scope {
	constructor(
		readonly obj: JsonObject,
		readonly display = '',
		readonly path = '',
	) {}

	get(name: string): Field | undefined {
		return getField(this.obj, name);
	}

	displayOf(name: string): string {
		return this.display + name;
	}

	pathOf(name: string, field?: Field): string {
		return this.path + (field ? field.key : name.charAt(0).toLowerCase() + name.slice(1));
	}

	child(name: string, field: Field, obj: JsonObject): Scope {
		return new Scope(obj, `${this.displayOf(name)}.`, `${this.pathOf(name, field)}.`);
	}

	element(name: string, field: Field, index: number, obj: JsonObject): Scope {
		return new Scope(
			obj,
			`${this.displayOf(name)}[${index}].`,
			`${this.pathOf(name, field)}[${index}].`,
		);
	}
}

export const INT32_MAX = 2_147_483_647;

/**
 * Json.NET converts a JSON string of digits ("1") to an integer; the simulator refuses it unless
 * the acceptNumericStrings option is on. The server sets this for the duration of each (synchronous)
 * handler and resets it afterwards, so several simulators in one process do not see each other's.
 */
export const numericStrings = { accepted: false };

function tokenName(value: unknown): string {
	if (value === null) return 'Null';
	if (Array.isArray(value)) return 'StartArray';
	switch (typeof value) {
		case 'string':
			return 'String';
		case 'boolean':
			return 'Boolean';
		case 'number':
			return Number.isInteger(value) ? 'Integer' : 'Float';
		case 'object':
			return 'StartObject';
		default:
			return typeof value;
	}
}

export interface ReadOptions {
	required?: boolean;
	/**
	 * Property reported when the field is missing, relative to the scope (default: the field's name).
	 * E.g. a missing CustomerTenant object is reported as 'CustomerTenant.Id', the documented required property.
	 */
	requiredProperty?: string;
}

export class Validator {
	readonly errors: FieldError[] = [];

	get ok(): boolean {
		return this.errors.length === 0;
	}

	add(
		property: string,
		path: string,
		message: string,
		code: string,
		parameters?: Record<string, string>,
	): void {
		this.errors.push({ property, path, message, code, parameters });
	}

	/** Throws the collected problems as a 400 Crayon error. */
	throwIfInvalid(): void {
		if (this.errors.length > 0) throw ApiError.badRequest(this.errors);
	}

	/** Records "The X field is required." for a property of the scope. */
	required(scope: Scope, name: string): void {
		const property = scope.displayOf(name);
		const path = name
			.split('.')
			.map((part, i) =>
				i === 0
					? scope.pathOf(part, scope.get(part))
					: part.charAt(0).toLowerCase() + part.slice(1),
			)
			.join('.');
		this.add(property, path, `The ${property} field is required.`, 'Required');
	}

	/** Returns the field if present and not null; records "required" if it is missing and required. */
	private present(scope: Scope, name: string, options: ReadOptions): Field | undefined {
		const field = scope.get(name);
		if (field === undefined || field.value === null || field.value === undefined) {
			if (options.required) this.required(scope, options.requiredProperty ?? name);
			return undefined;
		}
		return field;
	}

	int(
		scope: Scope,
		name: string,
		options: ReadOptions & { min?: number; max?: number } = {},
	): number | undefined {
		const field = this.present(scope, name, options);
		if (!field) return undefined;
		const display = scope.displayOf(name);
		const path = scope.pathOf(name, field);
		const value =
			typeof field.value === 'string' &&
			numericStrings.accepted &&
			/^\s*-?\d{1,10}\s*$/.test(field.value)
				? Number(field.value)
				: field.value;
		if (typeof value === 'string') {
			this.add(
				display,
				path,
				`Could not convert string to integer: '${value}'. Path '${path}'.`,
				'InvalidType',
			);
			return undefined;
		}
		if (typeof value !== 'number') {
			this.add(
				display,
				path,
				`Unexpected token ${tokenName(value)} when parsing integer. Path '${path}'.`,
				'InvalidType',
			);
			return undefined;
		}
		if (!Number.isInteger(value)) {
			this.add(
				display,
				path,
				`Input string '${value}' is not a valid integer. Path '${path}'.`,
				'InvalidType',
			);
			return undefined;
		}
		if (value > INT32_MAX || value < -INT32_MAX - 1) {
			this.add(
				display,
				path,
				`JSON integer ${value} is too large or small for an Int32. Path '${path}'.`,
				'InvalidType',
			);
			return undefined;
		}
		const min = options.min ?? -INT32_MAX - 1;
		const max = options.max ?? INT32_MAX;
		if (value < min || value > max) {
			this.add(
				display,
				path,
				`The field ${display} must be between ${min} and ${max}.`,
				'OutOfRange',
			);
			return undefined;
		}
		return value;
	}

	string(scope: Scope, name: string, options: ReadOptions = {}): string | undefined {
		const field = this.present(scope, name, options);
		if (!field) return undefined;
		const display = scope.displayOf(name);
		const path = scope.pathOf(name, field);
		if (typeof field.value !== 'string') {
			this.add(
				display,
				path,
				`Error reading string. Unexpected token: ${tokenName(field.value)}. Path '${path}'.`,
				'InvalidType',
			);
			return undefined;
		}
		if (options.required && field.value.trim() === '') {
			this.required(scope, name);
			return undefined;
		}
		return field.value;
	}

	object(
		scope: Scope,
		name: string,
		typeName: string,
		options: ReadOptions = {},
	): Scope | undefined {
		const field = this.present(scope, name, options);
		if (!field) return undefined;
		if (!isObject(field.value)) {
			const path = scope.pathOf(name, field);
			const shown =
				typeof field.value === 'string' ? `"${field.value}"` : JSON.stringify(field.value);
			this.add(
				scope.displayOf(name),
				path,
				`Error converting value ${shown} to type '${typeName}'. Path '${path}'.`,
				'InvalidType',
			);
			return undefined;
		}
		return scope.child(name, field, field.value);
	}

	array(
		scope: Scope,
		name: string,
		typeName: string,
		options: ReadOptions = {},
	): { field: Field; items: unknown[] } | undefined {
		const field = this.present(scope, name, options);
		if (!field) return undefined;
		if (!Array.isArray(field.value)) {
			const path = scope.pathOf(name, field);
			this.add(
				scope.displayOf(name),
				path,
				`Cannot deserialize the current JSON ${tokenName(field.value)} into type '${typeName}' because the type requires a JSON array. Path '${path}'.`,
				'InvalidType',
			);
			return undefined;
		}
		return { field, items: field.value };
	}

	enumValue(
		scope: Scope,
		name: string,
		definition: EnumDefinition,
		options: ReadOptions = {},
	): number | undefined {
		const field = this.present(scope, name, options);
		if (!field) return undefined;
		const parsed = parseEnum(definition, field.value);
		if (parsed === undefined) {
			const path = scope.pathOf(name, field);
			const shown =
				typeof field.value === 'string' ? `"${field.value}"` : JSON.stringify(field.value);
			this.add(
				scope.displayOf(name),
				path,
				`Error converting value ${shown} to type '${definition.typeName}'. Path '${path}'.`,
				'InvalidValue',
				{
					AllowedValues: Object.entries(definition.values)
						.map(([k, v]) => `${k}=${v}`)
						.join(', '),
				},
			);
		}
		return parsed;
	}

	term(scope: Scope, name: string, options: ReadOptions = {}): TermDuration | undefined {
		const text = this.string(scope, name, options);
		if (text === undefined) return undefined;
		const upper = text.trim().toUpperCase();
		const term = TERM_DURATIONS.find((t) => t === upper);
		if (!term) {
			const field = scope.get(name);
			this.add(
				scope.displayOf(name),
				scope.pathOf(name, field),
				`The ${scope.displayOf(name)} field must be one of 'P1M', 'P1Y' or 'P3Y' (ISO 8601 duration); '${text}' is not supported.`,
				'InvalidValue',
			);
		}
		return term;
	}

	/** A date or date-time string; returns the raw text and epoch ms. */
	dateTime(
		scope: Scope,
		name: string,
		options: ReadOptions = {},
	): { text: string; ms: number } | undefined {
		const field = this.present(scope, name, options);
		if (!field) return undefined;
		const path = scope.pathOf(name, field);
		if (typeof field.value !== 'string') {
			this.add(
				scope.displayOf(name),
				path,
				`Unexpected token ${tokenName(field.value)} when parsing date. Path '${path}'.`,
				'InvalidType',
			);
			return undefined;
		}
		const ms = parseDateTime(field.value);
		if (ms === undefined) {
			this.add(
				scope.displayOf(name),
				path,
				`Could not convert string to DateTime: ${field.value}. Path '${path}'.`,
				'InvalidType',
			);
			return undefined;
		}
		return { text: field.value, ms };
	}
}

/** Parses a query-string integer the ASP.NET way ("The value 'abc' is not valid for Page."). */
export function queryInt(
	validator: Validator,
	query: QueryParams,
	name: string,
	options: { min?: number; max?: number; required?: boolean } = {},
): number | undefined {
	const raw = query.get(name);
	if (raw === undefined || raw === '') {
		if (options.required) validator.add(name, name, `The ${name} field is required.`, 'Required');
		return undefined;
	}
	if (!/^-?\d+$/.test(raw.trim()) || Math.abs(Number(raw)) > INT32_MAX) {
		validator.add(name, name, `The value '${raw}' is not valid for ${name}.`, 'InvalidType');
		return undefined;
	}
	const value = Number(raw);
	const min = options.min ?? -INT32_MAX - 1;
	const max = options.max ?? INT32_MAX;
	if (value < min || value > max) {
		validator.add(name, name, `The field ${name} must be between ${min} and ${max}.`, 'OutOfRange');
		return undefined;
	}
	return value;
}

/** A query-string boolean as ASP.NET binds it: true/false in any casing (.NET sends True/False). */
export function queryBool(
	validator: Validator,
	query: QueryParams,
	name: string,
): boolean | undefined {
	const raw = query.get(name);
	if (raw === undefined || raw === '') return undefined;
	const text = raw.trim().toLowerCase();
	if (text === 'true') return true;
	if (text === 'false') return false;
	validator.add(name, name, `The value '${raw}' is not valid for ${name}.`, 'InvalidType');
	return undefined;
}

/** A query-string enum value: its number or its name in any casing. */
export function queryEnum(
	validator: Validator,
	query: QueryParams,
	name: string,
	definition: EnumDefinition,
): number | undefined {
	const raw = query.get(name);
	if (raw === undefined || raw === '') return undefined;
	const value = parseEnum(definition, raw);
	if (value === undefined) {
		validator.add(name, name, `The value '${raw}' is not valid for ${name}.`, 'InvalidValue', {
			AllowedValues: Object.entries(definition.values)
				.map(([k, v]) => `${k}=${v}`)
				.join(', '),
		});
	}
	return value;
}

/** Query parameters with case-insensitive names (ASP.NET binds query keys case-insensitively). */
export class QueryParams {
	private readonly values = new Map<string, string[]>();

	constructor(search: URLSearchParams) {
		for (const [key, value] of search) {
			const k = key.toLowerCase();
			const list = this.values.get(k);
			if (list) list.push(value);
			else this.values.set(k, [value]);
		}
	}

	/** Last value of the parameter. */
	get(name: string): string | undefined {
		const list = this.values.get(name.toLowerCase());
		return list ? list[list.length - 1] : undefined;
	}

	getAll(name: string): string[] {
		return this.values.get(name.toLowerCase()) ?? [];
	}
}
