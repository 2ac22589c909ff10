import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Shorter values are too likely to occur by chance in ordinary text to be masked. */
const MIN_SECRET_LENGTH = 4;

const REDACTED = '[redacted]';

/** Whatever follows an auth scheme is a credential, whichever token or key it is. */
const AUTHORIZATION_VALUE = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}/gi;

/**
 * The forms in which Crayon (or a proxy in front of it) could echo a secret it received:
 * as sent in a JSON body, in the form-encoded login body, or inside the Basic header.
 */
function encodings(secret: string): string[] {
	return [
		secret,
		JSON.stringify(secret).slice(1, -1),
		encodeURIComponent(secret),
		new URLSearchParams({ value: secret }).toString().slice('value='.length),
	];
}

/** Every form of the credential's secrets that must never reach an item, an error or a log. */
export function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	const clientSecret = text(credentials.clientSecret);
	const basic = clientSecret ? Buffer.from(`${text(credentials.clientId)}:${clientSecret}`).toString('base64') : '';
	const secrets = [text(credentials.accessToken), clientSecret, text(credentials.password)]
		.filter((secret) => secret.length >= MIN_SECRET_LENGTH)
		.flatMap(encodings);
	// Longest first, so a secret that contains another is masked whole.
	return [...new Set([...secrets, basic].filter(Boolean))].sort((first, second) => second.length - first.length);
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
 * A copy of a parsed response (or any JSON-like value) with every string cleaned of the
 * secrets. Only strings are touched, so numbers and the structure stay exactly as received.
 */
export function redact<T>(value: T, secrets: string[]): T {
	if (typeof value === 'string') return redactText(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry: unknown) => redact(entry, secrets)) as T;
	if (!isPlainObject(value)) return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [redactText(key, secrets), redact(entry, secrets)]),
	) as T;
}
