/**
 * The file reader (transport/files.ts) on its own: Crayon's JSON with the file as base64 in
 * `Data`, decoded as it streams in whatever the chunking, and the file itself; every damaged
 * answer is refused with a reason instead of becoming a damaged file.
 */
import { randomBytes } from 'node:crypto';

import { EventEmitter } from 'node:events';

import { exchange } from '../../../../nodes/Crayon/transport/wire';
import {
	fileNameOfDisposition,
	fileReaderFor,
	type FileReader,
} from '../../../../nodes/Crayon/transport/files';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** Feeds `body` in chunks of `size` bytes; the first problem, or the file. */
function read(
	body: string | Buffer,
	size: number,
	headers: Record<string, unknown> = JSON_HEADERS,
): { problem: string } | ReturnType<FileReader['result']> {
	const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
	const reader = fileReaderFor(headers);
	for (let at = 0; at < bytes.length; at += size) {
		const problem = reader.write(bytes.subarray(at, at + size));
		if (problem !== undefined) return { problem };
	}
	const problem = reader.end();
	return problem === undefined ? reader.result() : { problem };
}

function fileOf(result: ReturnType<typeof read>): Buffer {
	if ('problem' in result) throw new Error(`refused: ${result.problem}`);
	return result.data;
}

function problemOf(result: ReturnType<typeof read>): string {
	if (!('problem' in result)) throw new Error('the answer was accepted');
	return result.problem;
}

describe('A JSON file answer ({…, FileName, Data: base64})', () => {
	const file = randomBytes(10_000 + 2); // a length that needs "=" padding
	const answer = JSON.stringify({
		BillingStatement: { Id: 700001, TotalSalesPrice: { Value: 1000.5, CurrencyCode: 'NOK' } },
		FileName: 'customer-billing-records.json',
		Data: file.toString('base64'),
	});

	it.each([1, 3, 7, 64, 4096, answer.length])(
		'is decoded byte for byte in chunks of %i bytes, with the rest of the answer kept',
		(size) => {
			const result = read(answer, size);
			expect(fileOf(result)).toEqual(file);
			// With Content-Length the file goes into one buffer; the bytes are the same.
			const length = { ...JSON_HEADERS, 'content-length': String(Buffer.byteLength(answer)) };
			expect(fileOf(read(answer, size, length))).toEqual(file);
			expect(result).toEqual(
				expect.objectContaining({
					fileName: 'customer-billing-records.json',
					details: {
						BillingStatement: {
							Id: 700001,
							TotalSalesPrice: { Value: 1000.5, CurrencyCode: 'NOK' },
						},
						FileName: 'customer-billing-records.json',
					},
				}),
			);
		},
	);

	it('finds Data and FileName in any casing, anywhere in the object, with escaped slashes', () => {
		const bytes = Buffer.from([0xfb, 0xff, 0xfe, 0x00]); // base64 "+//+AA==" has slashes
		const text = `{ "data" : "${bytes.toString('base64').replace(/\//g, '\\/')}", "fileName": "x.csv", "Nested": {"Data": "not the file"} }`;
		const result = read(text, 5);
		expect(fileOf(result)).toEqual(bytes);
		expect(result).toEqual(
			expect.objectContaining({
				fileName: 'x.csv',
				details: { fileName: 'x.csv', Nested: { Data: 'not the file' } },
			}),
		);
	});

	it('takes \\u escapes of base64 characters and an empty file', () => {
		expect(fileOf(read('{"Data":"\\u0041\\u0041\\u003d\\u003d"}', 3))).toEqual(Buffer.from([0]));
		expect(fileOf(read('{"FileName":"empty.json","Data":""}', 4))).toEqual(Buffer.alloc(0));
	});

	it.each([
		[
			'a character outside base64',
			'{"Data":"AAAA!AAA"}',
			'"Data" is not base64: the character "!" at character 5',
		],
		['a line break (.NET writes none)', '{"Data":"AAAA\\nAAAA"}', 'escaped control character'],
		['data after the padding', '{"Data":"AA==AAAA"}', 'data after the "=" padding'],
		['padding in the middle of a group', '{"Data":"A=AA"}', '"=" in the middle of the data'],
		[
			'a group cut short (truncated or unpadded)',
			'{"Data":"AAAAAA"}',
			'ends in the middle of a group of four',
		],
		['no Data', '{"FileName":"x.json"}', 'has no "Data"'],
		['Data twice', '{"Data":"AAAA","DATA":"AAAA"}', 'holds "Data" twice'],
		['JSON cut off inside Data', '{"FileName":"x.json","Data":"AAAA', 'ended before its JSON did'],
		['JSON cut off after Data', '{"Data":"AAAA","FileName":"x', 'ended before its JSON did'],
		['a JSON array', '[{"Data":"AAAA"}]', 'JSON but not an object'],
		['more after the object', '{"Data":"AAAA"} {"Data":"AAAA"}', 'more after its JSON object'],
	])('refuses %s', (_, text, problem) => {
		expect(problemOf(read(text, 2))).toContain(problem);
		expect(problemOf(read(text, text.length))).toContain(problem);
	});

	it('refuses more than a megabyte besides Data', () => {
		const text = JSON.stringify({ Padding: 'x'.repeat(1024 * 1024 + 1), Data: 'AAAA' });
		expect(problemOf(read(text, 65536))).toContain('more than 1048576 bytes besides "Data"');
	});
});

describe('A raw file answer', () => {
	const file = randomBytes(5000);

	it('is the file, named by Content-Disposition, with its content type', () => {
		const result = read(file, 999, {
			'content-type': 'application/octet-stream',
			'content-disposition': 'attachment; filename="statement 700001.xlsx"',
			'content-length': String(file.length),
		});
		expect(fileOf(result)).toEqual(file);
		expect(result).toEqual(
			expect.objectContaining({
				fileName: 'statement 700001.xlsx',
				mediaType: 'application/octet-stream',
				details: {},
			}),
		);
	});

	it('refuses an answer shorter than its Content-Length', () => {
		expect(
			problemOf(read(file, 999, { 'content-type': 'text/csv', 'content-length': '5001' })),
		).toBe('the answer ended after 5000 of the 5001 bytes it announced: the file is incomplete');
	});

	it.each([
		[
			{ 'content-type': 'text/html; charset=utf-8' },
			'Content-Type is text/html, which is neither JSON nor a file',
		],
		[{}, 'has no Content-Type'],
	])('refuses an answer that is neither JSON nor a file: %j', (headers, problem) => {
		expect(problemOf(read('<html>Login</html>', 4, headers))).toContain(problem);
	});

	it.each([
		['attachment; filename="a \\"b\\".csv"', 'a "b".csv'],
		['attachment; filename*=UTF-8\'\'R%C3%A4kning.csv; filename="R?kning.csv"', 'Räkning.csv'],
		['attachment; filename=plain.zip', 'plain.zip'],
		['inline', undefined],
		[undefined, undefined],
	])('reads the file name of Content-Disposition %j', (header, name) => {
		expect(fileNameOfDisposition(header)).toBe(name);
	});
});

describe('The wire with a file reader', () => {
	/** A streamed answer body that sends `chunks` and ends. */
	function streamOf(chunks: Buffer[]) {
		const stream = Object.assign(new EventEmitter(), {
			destroyed: false,
			destroy() {
				stream.destroyed = true;
			},
		});
		setImmediate(() => {
			for (const chunk of chunks) if (!stream.destroyed) stream.emit('data', chunk);
			if (!stream.destroyed) stream.emit('end');
		});
		return stream;
	}

	const reading = (chunks: Buffer[], maxBytes: number) =>
		exchange(async () => ({ statusCode: 200, headers: JSON_HEADERS, body: streamOf(chunks) }), {
			timeoutMs: 5000,
			maxBytes: 16,
			reader: { maxBytes, expected: 'a file', open: (_, headers) => fileReaderFor(headers) },
		});

	it('stops reading a file answer longer than the file limit, which is its own', async () => {
		const chunk = Buffer.from(`{"Data":"${'A'.repeat(1000)}`);
		const stream = [chunk, Buffer.from('AAAA'.repeat(300)), Buffer.from('"}')];
		expect(await reading(stream, 1500)).toEqual({
			kind: 'tooLarge',
			status: 200,
			limitBytes: 1500,
		});
		expect(await reading(stream, 4000)).toEqual({
			kind: 'answer',
			status: 200,
			headers: JSON_HEADERS,
			bytes: Buffer.alloc(0),
		});
	});

	it("reports the reader's problem with the answer's status", async () => {
		expect(await reading([Buffer.from('{"Data":"A!')], 4000)).toEqual({
			kind: 'unreadable',
			status: 200,
			problem: '"Data" is not base64: the character "!" at character 2',
		});
	});
});
