import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Shorter values are too likely to occur by chance in ordinary text to be masked. */
const MIN_SECRET_LENGTH = 4;

const REDACTED = '[redacted]';

/** Whatever follows an auth scheme is a credential, whichever token or key it is. */
const AUTHORIZATION_VALUE = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}/gi;

/** A secret with a lone surrogate has no URL-encoded form: encodeURIComponent throws on it. */
function urlEncoded(secret: string): string[] {
	try {
		return [encodeURIComponent(secret)];
	} catch {
		return [];
	}
}

/**
 * The forms in which Crayon (or a proxy in front of it) could echo a secret it received:
 * as sent in a JSON body, in the form-encoded login body, or inside the Basic header.
 */
function encodings(secret: string): string[] {
	return [
		secret,
		JSON.stringify(secret).slice(1, -1),
		...urlEncoded(secret),
		new URLSearchParams({ value: secret }).toString().slice('value='.length),
	];
}

/** Every form of the credentials' secrets that must never reach an item, an error or a log. */
export function secretsOf(...credentialsList: ICredentialDataDecryptedObject[]): string[] {
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	const secrets = credentialsList.flatMap((credentials) => {
		const clientSecret = text(credentials.clientSecret);
		const basic = clientSecret
			? Buffer.from(`${text(credentials.clientId)}:${clientSecret}`).toString('base64')
			: '';
		return [
			...[text(credentials.accessToken), clientSecret, text(credentials.password)]
				.filter((secret) => secret.length >= MIN_SECRET_LENGTH)
				.flatMap(encodings),
			basic,
		];
	});
	// Longest first, so a secret that contains another is masked whole.
	return [...new Set(secrets.filter(Boolean))].sort(
		(first, second) => second.length - first.length,
	);
}

export function redactText(text: string, secrets: string[]): string {
	let redacted = text;
	for (const secret of secrets) redacted = redacted.split(secret).join(REDACTED);
	return redacted.replace(AUTHORIZATION_VALUE, `$1 ${REDACTED}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object') return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

/**
 * Cheap test for `AUTHORIZATION_VALUE` on JSON text: every string it matches shows there as
 * the scheme, escaped whitespace (`\\n`, `\\t`, `\\u000b` …) and the same value characters, so
 * this matches whatever that pattern would match in any string inside the value.
 */
const AUTHORIZATION_VALUE_IN_JSON =
	/(?:Bearer|Basic)(?:\s|\\[nrtf]|\\u000b)+[A-Za-z0-9._~+/=-]{16}/i;

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
 * (keys included) contains a secret or an auth scheme followed by a value. One
 * `JSON.stringify` and a few `includes` instead of copying every string and object.
 * Exact for JSON-like data (what JSON.parse returns); anything JSON cannot serialize counts as a match.
 */
function mayHoldSecrets(value: unknown, secrets: string[]): boolean {
	let text: string | undefined;
	try {
		text = JSON.stringify(value);
	} catch {
		return true;
	}
	if (text === undefined) return false;
	if (AUTHORIZATION_VALUE_IN_JSON.test(text)) return true;
	return secrets.some(
		(secret) => SURROGATE_AT_AN_END.test(secret) || text.includes(jsonEscaped(secret)),
	);
}

/**
 * A copy of a parsed response (or any JSON-like value) with every string cleaned of the
 * secrets. Only strings are touched, so numbers and the structure stay exactly as received.
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
			redactValue(entry, secrets),
		]),
	) as T;
}
