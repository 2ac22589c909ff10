/**
 * The redaction that keeps secrets out of items and errors, for the forms in which a
 * server could echo them: as typed, JSON-escaped, URL- or form-encoded, inside the Basic
 * header, or behind an auth scheme.
 */
import { redact, redactText, secretsOf } from '../../nodes/Crayon/transport/redaction';

const credentials = {
	clientId: 'client-id',
	clientSecret: 'cl1ent "secret"/x',
	password: 'p@ss w0rd+&=',
	accessToken: 'eyJhbGciOiJIUzI1NiJ9.token-value',
	username: 'reseller@example.com',
};
const secrets = secretsOf(credentials);

describe('redaction', () => {
	it.each([
		['as typed', credentials.password],
		['JSON-escaped', JSON.stringify(credentials.clientSecret).slice(1, -1)],
		['URL-encoded', encodeURIComponent(credentials.password)],
		[
			'form-encoded',
			new URLSearchParams({ password: credentials.password })
				.toString()
				.split('=')
				.slice(1)
				.join('='),
		],
		[
			'inside the Basic header',
			Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64'),
		],
		['the access token', credentials.accessToken],
	])('masks a secret %s', (_, echoed) => {
		expect(redactText(`received: ${echoed}.`, secrets)).toBe('received: [redacted].');
	});

	it('masks any token or key behind an auth scheme, even one it does not know', () => {
		expect(redactText('Authorization: Bearer abcdefghijklmnop0123', [])).toBe(
			'Authorization: Bearer [redacted]',
		);
		expect(redactText('authorization: basic ZGVtbzpkZW1vLXNlY3JldA==', [])).toBe(
			'authorization: basic [redacted]',
		);
	});

	it('leaves names and ordinary words alone', () => {
		expect(redactText('Bearer token required for reseller@example.com', secrets)).toBe(
			'Bearer token required for reseller@example.com',
		);
	});

	it('masks strings at any depth, keys included, and keeps numbers, booleans and structure', () => {
		const body = {
			Id: 12,
			Ok: true,
			Items: [{ Note: `pw ${credentials.password}`, [credentials.accessToken]: null }],
			Empty: null,
		};

		expect(redact(body, secrets)).toEqual({
			Id: 12,
			Ok: true,
			Items: [{ Note: 'pw [redacted]', '[redacted]': null }],
			Empty: null,
		});
		expect(body.Items[0].Note).toBe(`pw ${credentials.password}`);
	});

	it('does not treat very short values as secrets, as they occur by chance', () => {
		expect(
			secretsOf({ clientId: 'a', clientSecret: 'abc', password: '', accessToken: '' }),
		).toEqual([Buffer.from('a:abc').toString('base64')]);
	});
});
