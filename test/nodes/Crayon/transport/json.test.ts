/** Exact numbers in Crayon's answers (transport/json.ts): money is never rounded. */
import { isExactNumber, parseJsonExact } from '../../../../nodes/Crayon/transport/json';

describe('Reading JSON with exact numbers', () => {
	it('reads what a JavaScript number holds exactly as JSON.parse does', () => {
		const text = '{"Id":2147483647,"Value":1000.50,"Small":-0.000123,"E":1.5e3,"List":[0,1,-2.25]}';
		expect(parseJsonExact(text)).toEqual(JSON.parse(text));
	});

	it('keeps a number a JavaScript number cannot hold as the exact text Crayon sent', () => {
		expect(
			parseJsonExact(
				'{"Amount":1234.567890123456789,"Big":12345678901234567890,"Fine":0.1,"Items":[{"Quantity":3,"Total":99999999999999999.99}]}',
			),
		).toEqual({
			Amount: '1234.567890123456789',
			Big: '12345678901234567890',
			Fine: 0.1,
			Items: [{ Quantity: 3, Total: '99999999999999999.99' }],
		});
	});

	it('keeps strings, escapes and "__proto__" keys as JSON.parse does', () => {
		const text =
			'{"__proto__":{"x":1},"Name":"a \\"quoted\\" \\u00e9 1.23456789012345678","N":12345678901234567890}';
		const parsed = parseJsonExact(text) as Record<string, unknown>;
		expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
		expect(Object.keys(parsed)).toEqual(['__proto__', 'Name', 'N']);
		expect(parsed.Name).toBe('a "quoted" é 1.23456789012345678');
	});

	it.each(['1e400', '-1E-400', '9007199254740993', '1.0000000000000001', `0.${'0'.repeat(330)}1`])(
		'keeps %s as its text even when it is the only number in the answer',
		(literal) => {
			expect(parseJsonExact(`{"Value":${literal},"Count":2}`)).toEqual({
				Value: literal,
				Count: 2,
			});
		},
	);

	it('keeps a large exponent where the number ends an array, an object or the answer', () => {
		expect(parseJsonExact('[1,1e400]')).toEqual([1, '1e400']);
		expect(parseJsonExact('{"Value":2E+999 }')).toEqual({ Value: '2E+999' });
		expect(parseJsonExact('-1e-400')).toBe('-1e-400');
	});

	it('throws for text that is not JSON, like JSON.parse', () => {
		expect(() => parseJsonExact('{"Value": 1.2.3}')).toThrow(SyntaxError);
	});

	it.each([
		['0', true],
		['-0', true],
		['123456789012345', true],
		['0.30000000000000004', true],
		['1e400', false],
		['9007199254740993', false],
		['1.0000000000000001', false],
	])('knows whether %s is held exactly: %s', (literal, exact) => {
		expect(isExactNumber(literal)).toBe(exact);
	});
});
