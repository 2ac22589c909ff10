import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

/**
 * Schemas for values typed by people or mapped from spreadsheets. They accept what a
 * sheet or expression plausibly yields (e.g. "12" for 12) and produce exactly the type
 * Crayon expects, because Crayon answers 400 to a quantity sent as a string.
 */

const WHOLE_NUMBER = /^\d+$/;

function wholeNumber(minimum: number) {
	return z.preprocess(
		(value) =>
			typeof value === 'string' && WHOLE_NUMBER.test(value.trim()) ? Number(value.trim()) : value,
		z
			.number({
				required_error: 'is required',
				invalid_type_error: `must be a whole number of at least ${minimum}`,
			})
			.int(`must be a whole number of at least ${minimum}`)
			.min(minimum, `must be a whole number of at least ${minimum}`)
			.max(Number.MAX_SAFE_INTEGER, 'is too large'),
	);
}

/** A Crayon numeric id (tenant, subscription, organization, variant): a positive whole number. */
export const crayonId = wholeNumber(1);

/** A licence count: a positive whole number. */
export const quantity = wholeNumber(1);

/**
 * Identifiers that end up in URLs or are matched against the catalogue (part numbers,
 * offer ids, product and SKU ids). Restricting the alphabet keeps path injection,
 * whitespace and pasted quotes from ever reaching Crayon.
 */
export function catalogueCode(example: string) {
	return z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.trim()
		.min(1, 'is required')
		.max(100, 'is too long (at most 100 characters)')
		.regex(
			/^[A-Za-z0-9][A-Za-z0-9:._-]*$/,
			`may only contain letters, digits and ":", ".", "_", "-" (for example ${example})`,
		);
}

/** A New Commerce part number is `productId:skuId`, e.g. CFQ7TTC0LF8R:0001. */
export const NCE_PART_NUMBER = /^[A-Za-z0-9]+:[A-Za-z0-9]+$/;

export const requiredText = (maxLength: number) =>
	z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.trim()
		.min(1, 'is required')
		.max(maxLength, `is too long (at most ${maxLength} characters)`);

/** Empty strings from unset optional fields mean "not given". */
export function optional<T extends z.ZodTypeAny>(schema: T) {
	return z.preprocess(
		(value) => (value === '' || value === null ? undefined : value),
		schema.optional(),
	);
}

/** One of the values of a dropdown; the message lists what is allowed. */
export function oneOf<T extends string | number>(
	options: ReadonlyArray<{ name: string; value: T }>,
) {
	const allowed = options.map((option) => `${option.value} (${option.name})`).join(', ');
	return z
		.union([z.string(), z.number()], {
			required_error: 'is required',
			invalid_type_error: `must be one of: ${allowed}`,
		})
		.transform((value, context) => {
			const matched = options.find(
				(option) =>
					option.value === value ||
					(typeof option.value === 'number' && String(option.value) === value),
			);
			if (!matched) {
				context.addIssue({ code: z.ZodIssueCode.custom, message: `must be one of: ${allowed}` });
				return z.NEVER;
			}
			return matched.value;
		});
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME =
	/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$/;

function isRealDate(text: string): boolean {
	const [year, month, day] = text.slice(0, 10).split('-').map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/** A calendar date, sent as YYYY-MM-DD (n8n date pickers give a date-time; its date part is kept). */
export const calendarDate = z
	.string({ invalid_type_error: 'must be a date such as 2025-05-23' })
	.trim()
	.refine(
		(value) => (ISO_DATE.test(value) || ISO_DATE_TIME.test(value)) && isRealDate(value),
		'must be a date such as 2025-05-23',
	)
	.transform((value) => value.slice(0, 10));

/** An ISO 8601 date-time, sent as given (a bare date means midnight UTC). */
export const dateTime = z
	.string({ invalid_type_error: 'must be an ISO 8601 date-time such as 2025-09-30T23:59:59Z' })
	.trim()
	.refine(
		(value) => (ISO_DATE.test(value) || ISO_DATE_TIME.test(value)) && isRealDate(value),
		'must be an ISO 8601 date-time such as 2025-09-30T23:59:59Z',
	)
	.transform((value) => (ISO_DATE.test(value) ? `${value}T00:00:00Z` : value));

function describeReceived(value: unknown): string {
	if (value === undefined) return 'nothing';
	const text =
		typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
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
interface Field {
	name: string;
	displayName: string;
	options?: unknown;
	values?: INodeProperties[];
}

/** "Order Lines → Line 2 → Quantity" from a zod path and the operation's parameter descriptions. */
function fieldLabel(path: ReadonlyArray<string | number>, properties: INodeProperties[]): string {
	const labels: string[] = [];
	let scope: Field[] | undefined = properties;
	for (const key of path) {
		if (typeof key === 'number') {
			labels.push(`Line ${key + 1}`);
			continue;
		}
		const field: Field | undefined = scope?.find((candidate) => candidate.name === key);
		if (field?.values) {
			// A fixed collection's group ("line" of Order Lines) is not a field the user sees.
			scope = field.values;
			continue;
		}
		labels.push(field?.displayName ?? key);
		const nested = field?.options as Field[] | undefined;
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
