/**
 * JSON with exact numbers. Crayon's amounts are .NET decimals (28 significant digits,
 * crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Price.cs `decimal Value`); a JavaScript number holds
 * about 15. `JSON.parse` silently rounds a longer one (`1234.567890123456789` becomes
 * `1234.5678901234568`), which for money is a wrong amount. Here a number that a JavaScript
 * number holds exactly (every amount with up to 15 significant digits, every Int32 id) is read
 * as a number; one that it cannot hold is kept as the exact text Crayon sent, never rounded.
 */

/** JSON's number grammar. */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** A JSON string token (JSON.parse has checked it is well formed) or a number, outside strings. */
const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*/g;

/** Significant digits and decimal exponent of a number's text: "1000.50" → ["10005", 4]. */
function decimalOf(literal: string): { negative: boolean; digits: string; exponent: number } {
	const negative = literal.startsWith('-');
	const [mantissa, exponentText = '0'] = literal.replace(/^[-+]/, '').split(/[eE]/);
	const [whole, fraction = ''] = mantissa.split('.');
	let digits = whole + fraction;
	let exponent = Number(exponentText) + whole.length;
	const leading = digits.length - digits.replace(/^0+/, '').length;
	digits = digits.slice(leading).replace(/0+$/, '');
	exponent -= leading;
	return { negative: negative && digits !== '', digits, exponent: digits === '' ? 0 : exponent };
}

/** Whether `literal` (a JSON number) is exactly the JavaScript number JSON.parse makes of it. */
export function isExactNumber(literal: string): boolean {
	const read = Number(literal);
	if (!Number.isFinite(read)) return false;
	const given = decimalOf(literal);
	// Up to 15 significant digits round-trip through a double in its normal range.
	if (given.digits.length <= 15 && Math.abs(given.exponent) < 300) return true;
	const held = decimalOf(String(read));
	return (
		given.negative === held.negative &&
		given.digits === held.digits &&
		given.exponent === held.exponent
	);
}

/**
 * Text without which no number can be inexact: a number with up to 15 significant digits and
 * a decimal exponent under 300 is exact (`isExactNumber`), and one with more digits has 16 digits
 * and points in a row, one with a larger exponent a three-digit exponent where the number ends
 * (or 300 digits). Most answers have neither (the "e368" inside a GUID is followed by more of
 * it), so their tokens need not be looked at one by one.
 */
const MAYBE_INEXACT = /[\d.]{16}|[eE][+-]?\d{3,}(?=[\s,\]}]|$)/;

function hasInexactNumber(text: string): boolean {
	if (!MAYBE_INEXACT.test(text)) return false;
	for (const [token] of text.matchAll(TOKEN)) {
		if (token.startsWith('"')) continue;
		if (!isExactNumber(token)) return true;
	}
	return false;
}

/** A recursive-descent reader of text JSON.parse has accepted, numbers kept exact. */
class ExactReader {
	private at = 0;

	constructor(private readonly text: string) {}

	read(): unknown {
		const value = this.value();
		this.space();
		return value;
	}

	private space(): void {
		while (/\s/.test(this.text[this.at] ?? '')) this.at++;
	}

	private value(): unknown {
		this.space();
		const char = this.text[this.at];
		if (char === '{') return this.object();
		if (char === '[') return this.array();
		if (char === '"') return this.string();
		for (const [word, value] of [
			['true', true],
			['false', false],
			['null', null],
		] as const) {
			if (this.text.startsWith(word, this.at)) {
				this.at += word.length;
				return value;
			}
		}
		NUMBER.lastIndex = this.at;
		const [literal] = NUMBER.exec(this.text) ?? [''];
		this.at += literal.length;
		return isExactNumber(literal) ? Number(literal) : literal;
	}

	private string(): string {
		const start = this.at;
		for (this.at++; this.text[this.at] !== '"'; this.at++) {
			if (this.text[this.at] === '\\') this.at++;
		}
		this.at++;
		return JSON.parse(this.text.slice(start, this.at)) as string;
	}

	private array(): unknown[] {
		const values: unknown[] = [];
		this.at++;
		this.space();
		if (this.text[this.at] === ']') {
			this.at++;
			return values;
		}
		for (;;) {
			values.push(this.value());
			this.space();
			if (this.text[this.at++] === ']') return values;
		}
	}

	private object(): Record<string, unknown> {
		const object: Record<string, unknown> = {};
		this.at++;
		this.space();
		if (this.text[this.at] === '}') {
			this.at++;
			return object;
		}
		for (;;) {
			this.space();
			const key = this.string();
			this.space();
			this.at++; // ':'
			// As JSON.parse does: "__proto__" is an own key, never the prototype.
			Object.defineProperty(object, key, {
				value: this.value(),
				enumerable: true,
				writable: true,
				configurable: true,
			});
			this.space();
			if (this.text[this.at++] === '}') return object;
		}
	}
}

/**
 * `JSON.parse(text)`, except that a number a JavaScript number cannot hold exactly is its
 * exact text (a string). Throws as JSON.parse does for text that is not JSON.
 */
export function parseJsonExact(text: string): unknown {
	const value = JSON.parse(text) as unknown;
	return hasInexactNumber(text) ? new ExactReader(text).read() : value;
}
