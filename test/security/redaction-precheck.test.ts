/**
 * `redact` first looks for the secrets in the value's JSON text and walks (and copies) the
 * value only when something may need masking. It must mask exactly what a full walk masks,
 * whatever the context around a secret: JSON escapes, whitespace between an auth scheme and
 * its value, keys, nesting.
 */
import { redact, redactText, secretsOf } from '../../nodes/Crayon/transport/redaction';

const credentials = {
	clientId: 'client-id',
	clientSecret: 'cl1ent "secret"\\x',
	password: 'p@ss\nw0rd\t+&=',
	accessToken: 'eyJhbGciOiJIUzI1NiJ9.token-value',
};
const secrets = secretsOf(credentials);

/** The walk without the pre-check: every string and key cleaned. */
function fullWalk(value: unknown): unknown {
	if (typeof value === 'string') return redactText(value, secrets);
	if (Array.isArray(value)) return value.map(fullWalk);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [redactText(key, secrets), fullWalk(entry)]),
	);
}

describe('redaction pre-check', () => {
	it('returns an answer without secrets unchanged, as a copy that shares nothing with it', () => {
		const body = {
			Id: 5001,
			Name: 'Microsoft 365 Business Basic',
			Items: [{ Note: 'Bearer of good news', Quantity: 3 }],
			Empty: null,
		};

		const redacted = redact(body, secrets);

		expect(redacted).toEqual(body);
		expect(redacted).not.toBe(body);
		expect(redacted.Items[0]).not.toBe(body.Items[0]);
	});

	it.each([
		['a secret deep in a value', { Items: [{ Note: `x ${credentials.accessToken} y` }] }],
		['a secret as a key', { Items: [{ [credentials.accessToken]: 1 }] }],
		['a secret with quotes and backslashes', { Notes: [`<${credentials.clientSecret}>`] }],
		['a secret with a line break and a tab', { Notes: `pw=${credentials.password};` }],
		[
			'the password JSON-escaped inside a string',
			{ Notes: JSON.stringify({ password: credentials.password }) },
		],
		[
			'the Basic header',
			{
				Echo: `Authorization: Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`,
			},
		],
		['an unknown token after a tab', { Echo: 'Bearer\tabcdefghijklmnop0123' }],
		['an unknown token after a vertical tab', { Echo: 'Basic\u000babcdefghijklmnop0123' }],
		['an unknown token after a line separator', { Echo: 'bearer\u2028abcdefghijklmnop0123' }],
		[
			'an unknown token after a line break, right after another line',
			['a\nBearer\nabcdefghijklmnop0123'],
		],
		['a scheme in a key', { 'Bearer abcdefghijklmnop0123': true }],
	])('masks %s exactly as a full walk does', (_, body) => {
		const redacted = redact(body, secrets);

		expect(redacted).toEqual(fullWalk(body));
		expect(redacted).not.toEqual(body);
	});

	it('never skips a secret that starts or ends with half of a surrogate pair', () => {
		const emoji = '\u{1F511}';
		const surrogateSecrets = secretsOf({
			clientSecret: `${emoji[1]}key-secret`,
			password: `pass-word${emoji[0]}`,
		});
		const body = { Note: `a${emoji}key-secret and pass-word${emoji}` };

		expect(redact(body, surrogateSecrets)).toEqual({
			Note: fullWalkWith(body.Note, surrogateSecrets),
		});
	});

	it('agrees with the full walk on random answers', () => {
		const pieces = [
			credentials.accessToken,
			credentials.clientSecret,
			credentials.password,
			'eyJhbGciOiJIUzI1NiJ9',
			'token-value',
			'Bearer',
			'basic',
			' ',
			'\t',
			'\n',
			'\u000b',
			'\u00a0',
			'"',
			'\\',
			'abcdefghijklmnopqrstuvwxyz',
			'0123456789',
			'x',
		];
		let seed = 42;
		const random = (below: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % below;
		};
		const text = () =>
			Array.from({ length: random(6) }, () => pieces[random(pieces.length)]).join('');
		for (let run = 0; run < 2000; run++) {
			const body = { [text()]: text(), Items: [{ Name: text(), Quantity: run }, text()] };

			expect(redact(body, secrets)).toEqual(fullWalk(body));
		}
	});
});

function fullWalkWith(text: string, list: string[]): string {
	return redactText(text, list);
}
