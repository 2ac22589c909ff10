import { z } from 'zod';

/**
 * The values Crayon takes, as schemas for what people type or map from spreadsheets. They
 * accept what a sheet or expression plausibly yields ("12" for 12) and produce exactly what
 * Crayon expects, and refuse anything Crayon's types cannot hold: a request that Crayon would
 * refuse after earlier rows were bought must never be sent.
 */

/** Crayon's integers are .NET Int32 (crayon-api-sdk: Domain classes, `int Id`, `int Quantity`). */
export const INT32_MAX = 2_147_483_647;

const DIGITS = /^\d+$/;

/**
 * C0 and C1 control characters (line breaks, tabs, NUL, escape …) and the Unicode line and
 * paragraph separators: never part of a name, a tag or a code, and a line break in a value is
 * how a pasted cell or a crafted row smuggles in something else.
 */
const CONTROL_CHARACTER = /[\p{Cc}\u2028\u2029]/u;

export const NO_CONTROL_CHARACTERS =
	'must not contain line breaks, tabs or other control characters';

export function hasControlCharacter(value: string): boolean {
	return CONTROL_CHARACTER.test(value);
}

/** A whole number from `minimum` to `maximum` (Int32 by default); digits in text are read as the number. */
export function wholeNumber(minimum: number, maximum = INT32_MAX) {
	const allowed = `must be a whole number from ${minimum} to ${maximum}`;
	return z.preprocess(
		(value) => (typeof value === 'string' && DIGITS.test(value) ? Number(value) : value),
		z
			.number({ required_error: 'is required', invalid_type_error: allowed })
			.int(allowed)
			.min(minimum, allowed)
			.max(maximum, allowed),
	);
}

/** A Crayon numeric id (tenant, subscription, organization, variant): a positive Int32. */
export const crayonId = wholeNumber(1);

/** A licence count: a positive Int32. */
export const quantity = wholeNumber(1);

/** Letters, digits and ":", ".", "_", "-", starting with a letter or digit: no spaces, quotes, slashes. */
const CATALOGUE_CODE = /^[A-Za-z0-9][A-Za-z0-9:._-]*$/;

/**
 * Identifiers that end up in URLs or are matched against the catalogue (part numbers,
 * offer ids, product and SKU ids). Taken exactly as given (nothing is trimmed), so path
 * injection, whitespace, line breaks and pasted quotes never reach Crayon.
 */
export function catalogueCode(example: string) {
	return z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.min(1, 'is required')
		.max(100, 'is too long (at most 100 characters)')
		.regex(
			CATALOGUE_CODE,
			`may only contain letters, digits and ":", ".", "_", "-" (for example ${example}), with no spaces or line breaks`,
		);
}

/** A New Commerce part number is `productId:skuId`, e.g. CFQ7TTC0LF8R:0001. */
export const NCE_PART_NUMBER = /^[A-Za-z0-9]+:[A-Za-z0-9]+$/;

/** Free text sent to Crayon (names, tags): trimmed, bounded, without control characters. */
export function text(maxLength: number) {
	return z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.refine((value) => !hasControlCharacter(value), NO_CONTROL_CHARACTERS)
		.transform((value) => value.trim())
		.pipe(
			z
				.string()
				.min(1, 'is required')
				.max(maxLength, `is too long (at most ${maxLength} characters)`),
		);
}

/** Empty strings and nulls from unset optional fields mean "not given". */
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

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-](\d{2}):?(\d{2}))?$/i;

function isRealDay(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

interface DateParts {
	day: string;
	/** [hours, minutes, seconds]; absent for a date alone. */
	time?: [number, number, number];
}

/** The parts of an ISO 8601 date or date-time, if it names a moment that exists. */
function dateParts(value: string): DateParts | undefined {
	const date = DATE.exec(value);
	if (date) {
		return isRealDay(Number(date[1]), Number(date[2]), Number(date[3]))
			? { day: value }
			: undefined;
	}
	const match = DATE_TIME.exec(value);
	if (!match) return undefined;
	const [
		,
		year,
		month,
		day,
		hours,
		minutes,
		seconds = '0',
		,
		offsetHours = '0',
		offsetMinutes = '0',
	] = match;
	const valid =
		isRealDay(Number(year), Number(month), Number(day)) &&
		Number(hours) <= 23 &&
		Number(minutes) <= 59 &&
		Number(seconds) <= 59 &&
		Number(offsetHours) <= 14 &&
		Number(offsetMinutes) <= 59;
	return valid
		? { day: `${year}-${month}-${day}`, time: [Number(hours), Number(minutes), Number(seconds)] }
		: undefined;
}

const DATE_EXAMPLE = 'a date such as 2025-05-23';

/**
 * A day, sent as YYYY-MM-DD. A date-time at midnight (what date pickers and many expressions
 * give) names the same day; any other time of day is refused rather than silently cut off.
 */
export const calendarDate = z
	.string({ invalid_type_error: `must be ${DATE_EXAMPLE}` })
	.transform((value, context) => {
		const parts = dateParts(value);
		if (parts === undefined) {
			context.addIssue({ code: z.ZodIssueCode.custom, message: `must be ${DATE_EXAMPLE}` });
			return z.NEVER;
		}
		if (parts.time?.some((part) => part !== 0)) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				message: `must be ${DATE_EXAMPLE}: only the day counts, so give no time of day`,
			});
			return z.NEVER;
		}
		return parts.day;
	});

/** An ISO 8601 date-time that exists, sent as given (a bare date means midnight UTC). */
export const dateTime = z
	.string({
		invalid_type_error: 'must be an ISO 8601 date-time such as 2025-09-30T23:59:59Z',
	})
	.refine(
		(value) => dateParts(value) !== undefined,
		'must be an ISO 8601 date-time such as 2025-09-30T23:59:59Z',
	)
	.transform((value) => (DATE.test(value) ? `${value}T00:00:00Z` : value));
