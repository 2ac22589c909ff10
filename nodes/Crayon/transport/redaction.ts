import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Masks the credential's secrets in what the node shows: output items, error messages and
 * descriptions, the error details n8n stores, list search results. Never applied to what the
 * node sends: a subscription read and written back keeps every character it had.
 */

/** Shorter values occur by chance in ordinary text (names, ids), so masking them would alter data. */
const MIN_SECRET_LENGTH = 6;

const REDACTED = '[redacted]';

/**
 * A credential behind an auth scheme in an echoed header (`Authorization: Bearer …`,
 * `"authorization":"Basic …"`), whichever token or key it is. Only in that header form: a
 * product called "M365 Business Basic contoso.onmicrosoft.com" is ordinary text.
 */
const AUTHORIZATION_HEADER =
	/(authorization[\s"':=\\]*)(Bearer|Basic)(\s+)[A-Za-z0-9._~+/=-]{8,}/gi;

/** The value of an echoed `Authorization` header kept as a key of its own in a JSON answer. */
const AUTHORIZATION_KEY = /^authorization$/i;
const AUTHORIZATION_VALUE = /^(\s*(?:Bearer|Basic)\s+)\S+/i;

/** A secret with a lone surrogate has no URL-encoded form: encodeURIComponent throws on it. */
function urlEncoded(secret: string): string[] {
	try {
		const encoded = encodeURIComponent(secret);
		return [encoded, lowerCaseEscapes(encoded), encodeURIComponent(encoded)];
	} catch {
		return [];
	}
}

/** `%2B` as `%2b`: .NET and others write percent escapes in lower case. */
function lowerCaseEscapes(encoded: string): string {
	return encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}

function binaryEncodings(secret: string): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const base64 = bytes.toString('base64');
	const hex = bytes.toString('hex');
	return [base64, base64.replace(/=+$/, ''), bytes.toString('base64url'), hex, hex.toUpperCase()];
}

/**
 * The forms in which Crayon (or a proxy in front of it) could echo a secret it received:
 * as sent in a JSON body, in the form-encoded login body, URL-encoded (in either case, once
 * or twice), or as base64 or hex of the secret alone.
 */
function encodings(secret: string): string[] {
	const formEncoded = new URLSearchParams({ value: secret }).toString().slice('value='.length);
	return [
		secret,
		JSON.stringify(secret).slice(1, -1),
		...urlEncoded(secret),
		formEncoded,
		lowerCaseEscapes(formEncoded),
		...binaryEncodings(secret),
	];
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** Every form of the credentials' secrets (and of any access token seen) that must never be shown. */
export function secretsOf(
	credentials: ICredentialDataDecryptedObject,
	accessTokens: Iterable<string> = [],
): string[] {
	const clientSecret = text(credentials.clientSecret);
	const basic = clientSecret
		? Buffer.from(`${text(credentials.clientId)}:${clientSecret}`).toString('base64')
		: '';
	const secrets = [
		text(credentials.accessToken),
		...accessTokens,
		clientSecret,
		text(credentials.password),
	]
		.filter((secret) => secret.length >= MIN_SECRET_LENGTH)
		.flatMap(encodings);
	// Longest first, so a secret that contains another is masked whole.
	return [...new Set([...secrets, basic].filter(Boolean))].sort(
		(first, second) => second.length - first.length,
	);
}

export function redactText(value: string, secrets: string[]): string {
	let redacted = value;
	for (const secret of secrets) redacted = redacted.split(secret).join(REDACTED);
	return redacted.replace(AUTHORIZATION_HEADER, `$1$2$3${REDACTED}`);
}

/** Redacts first, then shortens: a cut made first could leave the start of a secret behind. */
export function redactedPreview(value: string, secrets: string[], maxLength: number): string {
	const compact = redactText(value, secrets).replace(/\s+/g, ' ').trim();
	return compact.length > maxLength ? `${compact.slice(0, maxLength - 3)}...` : compact;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object') return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

/**
 * Whatever AUTHORIZATION_HEADER or AUTHORIZATION_KEY match shows in JSON text as this: the
 * header name, then quotes, colons, whitespace or its JSON escapes, then the scheme.
 */
const AUTHORIZATION_IN_JSON = /authorization[\s"':=\\nrtfu0b]*(?:Bearer|Basic)/i;

/** A string containing a secret contains, once serialized as JSON, the secret as JSON escapes it. */
function jsonEscaped(secret: string): string {
	return JSON.stringify(secret).slice(1, -1);
}

/**
 * JSON escapes a lone surrogate but not one that is half of a pair, so a secret that starts
 * or ends with one can look different inside a longer string: never skip the walk for it.
 */
const SURROGATE_AT_AN_END = /^[\uD800-\uDFFF]|[\uD800-\uDFFF]$/;

/**
 * Whether `value` may hold something `redact` would change: false only when no string in it
 * (keys included) contains a secret or an echoed Authorization header. One `JSON.stringify`
 * and a few `includes` instead of copying every string and object. Exact for JSON-like data
 * (what JSON.parse returns); anything JSON cannot serialize counts as a match.
 */
function mayHoldSecrets(value: unknown, secrets: string[]): boolean {
	let json: string | undefined;
	try {
		json = JSON.stringify(value);
	} catch {
		return true;
	}
	if (json === undefined) return false;
	if (AUTHORIZATION_IN_JSON.test(json)) return true;
	return secrets.some(
		(secret) => SURROGATE_AT_AN_END.test(secret) || json.includes(jsonEscaped(secret)),
	);
}

/**
 * A copy of a JSON-like value with every string cleaned of the secrets. Only strings are
 * touched, so numbers and the structure stay exactly as received.
 *
 * Always a copy, also when nothing had to be masked: output items that kept the parsed
 * response itself held about 1.3 KB more per created subscription in the benchmark (its
 * strings can share memory with the whole response text). When the JSON text holds no
 * secret, `structuredClone` makes that copy at a fraction of the walk's cost.
 */
export function redact<T>(value: T, secrets: string[]): T {
	if (typeof value === 'string') return redactText(value, secrets) as T;
	if (!Array.isArray(value) && !isPlainObject(value)) return value;
	if (mayHoldSecrets(value, secrets)) return redactValue(value, secrets);
	try {
		return structuredClone(value);
	} catch {
		return redactValue(value, secrets);
	}
}

function redactValue<T>(value: T, secrets: string[]): T {
	if (typeof value === 'string') return redactText(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry: unknown) => redactValue(entry, secrets)) as T;
	if (!isPlainObject(value)) return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [
			redactText(key, secrets),
			AUTHORIZATION_KEY.test(key) && typeof entry === 'string'
				? redactText(entry, secrets).replace(AUTHORIZATION_VALUE, `$1${REDACTED}`)
				: redactValue(entry, secrets),
		]),
	) as T;
}
