/**
 * Crayon's dates as the API writes them: with an offset (`2025-09-30T23:59:59Z`,
 * `2015-11-23T13:55:00.37+01:00`), without one (`2025-08-04T09:17:18.193`, a .NET DateTime, read
 * as UTC), with a space for the `T` (`2023-01-01 00:00:00.000`) or a day alone (`2023-05-23`).
 */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /([zZ]|[+-]\d{2}:?\d{2})$/;

/**
 * The moment a Crayon date names, in milliseconds, or undefined when it is not a date. A day
 * alone is its first moment, or with `dayAlone: 'end'` its last.
 */
export function timeOf(value: unknown, dayAlone: 'start' | 'end' = 'start'): number | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (DATE_ONLY.test(text))
		return Date.parse(`${text}T${dayAlone === 'end' ? '23:59:59' : '00:00:00'}Z`);
	const time = Date.parse(HAS_OFFSET.test(text) ? text : `${text.replace(' ', 'T')}Z`);
	return Number.isNaN(time) ? undefined : time;
}
