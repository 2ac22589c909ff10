import type { TermDuration } from './enums';

export const DAY_MS = 86_400_000;

/** '2016-01-21T00:00:00Z' (ISO 8601, whole seconds, UTC). */
export function isoSeconds(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** '2016-01-21' */
export function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function startOfUtcDay(ms: number): number {
	return Math.floor(ms / DAY_MS) * DAY_MS;
}

export function termMonths(term: TermDuration): number {
	return term === 'P1M' ? 1 : term === 'P1Y' ? 12 : 36;
}

/** Adds calendar months in UTC, clamping the day to the target month's length. */
export function addMonthsUtc(ms: number, months: number): number {
	const d = new Date(ms);
	const year = d.getUTCFullYear();
	const month = d.getUTCMonth() + months;
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	return Date.UTC(
		year,
		month,
		Math.min(d.getUTCDate(), lastDay),
		d.getUTCHours(),
		d.getUTCMinutes(),
		d.getUTCSeconds(),
	);
}

/** End of a term that starts at the start of `startDay`: the last second before start + term. */
export function termEnd(startDayMs: number, term: TermDuration): number {
	return addMonthsUtc(startDayMs, termMonths(term)) - 1000;
}

/**
 * The "calendar month" coterminosity option: a term ending on the last day of a calendar month,
 * no later than a standard term bought today (e.g. bought 15 Oct 2024, P1Y → 30 Sep 2025 23:59:59Z).
 */
export function calendarMonthEnd(todayMs: number, term: TermDuration): number {
	const standardEnd = new Date(addMonthsUtc(startOfUtcDay(todayMs), termMonths(term)));
	// Last second of the month before the month in which the standard term would end.
	return Date.UTC(standardEnd.getUTCFullYear(), standardEnd.getUTCMonth(), 1) - 1000;
}

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses the date formats the API uses: '2016-01-21T00:00:00Z', '2015-11-23T13:55:00.37+01:00',
 * '2023-01-01 00:00:00.000' and '2023-05-23'. Dates without an offset are UTC. Returns epoch ms.
 */
export function parseDateTime(text: string): number | undefined {
	const m = DATE_TIME.exec(text.trim());
	if (!m) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
	const year = Number(y);
	const month = Number(mo) - 1;
	const day = Number(d);
	if (month > 11 || day < 1 || day > new Date(Date.UTC(year, month + 1, 0)).getUTCDate())
		return undefined;
	if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
	let ms = Date.UTC(
		year,
		month,
		day,
		Number(h),
		Number(mi),
		Number(s),
		Number(frac.padEnd(3, '0').slice(0, 3)),
	);
	if (zone && zone !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		if (Number(digits.slice(0, 2)) > 23 || Number(digits.slice(2)) > 59) return undefined;
		ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
	}
	return ms;
}
