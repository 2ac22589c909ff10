import type { IDataObject } from 'n8n-workflow';

import { parseJsonExact } from './json';
import type { BodyReader } from './wire';

/**
 * File downloads. Crayon answers its file endpoints (billing statement, reconciliation and
 * billing records files) with JSON whose `Data` is the file in base64 (crayon-api-sdk:
 * src/Crayon.Api.Sdk/Domain/Csp/BillingRecordsFile.cs `byte[] Data`; apidocs "The data property
 * contains byte array with the … file"); other endpoints answer with the file itself
 * (crayon-api-sdk: src/Crayon.Api.Sdk/CrayonApiClient.cs `GetFile`: the body as bytes,
 * `Content-Disposition` → file name, `Content-Type`). Both are read here as they arrive: the
 * base64 is decoded chunk by chunk while the answer streams in, so a 50 MB file in a 67 MB
 * answer is held once, as the file, never as the answer text, its parsed string and the file.
 */

/**
 * The largest file answer read (the JSON with the base64 file, or the file itself): far above
 * a month of billing records of a large reseller, and within what n8n can keep in memory.
 */
export const MAX_FILE_ANSWER_BYTES = 256 * 1024 * 1024;

/** What a file answer must be, in errors. */
export const FILE_EXPECTED =
	'a file (JSON with the file as base64 in "Data", or the file itself with a file Content-Type)';

/** The JSON around the file (everything but Data) is small: a statement and a file name. */
const MAX_DETAILS_BYTES = 1024 * 1024;

/** Content types of an answer that is the file itself. */
const FILE_MEDIA_TYPES = new Set([
	'application/octet-stream',
	'application/zip',
	'application/x-zip-compressed',
	'text/csv',
	'application/csv',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'application/vnd.ms-excel',
]);

export interface DownloadedFile {
	/** The file. */
	data: Buffer;
	/** `FileName` of a JSON answer, the `Content-Disposition` file name of a raw one. */
	fileName?: string;
	/** The `Content-Type` of a raw answer; undefined for a JSON answer. */
	mediaType?: string;
	/** A JSON answer without its `Data` (e.g. `{BillingStatement, FileName}`); {} for a raw answer. */
	details: IDataObject;
}

/** "application/json" of "application/json; charset=utf-8", lower case; '' if none. */
export function mediaTypeOf(contentType: unknown): string {
	const value = Array.isArray(contentType) ? contentType[0] : contentType;
	return typeof value === 'string' ? value.split(';')[0].trim().toLowerCase() : '';
}

function isJsonMediaType(mediaType: string): boolean {
	return (
		mediaType === 'application/json' || mediaType === 'text/json' || mediaType.endsWith('+json')
	);
}

/** The file name of a `Content-Disposition` header (`filename*=UTF-8''…` preferred), if any. */
export function fileNameOfDisposition(disposition: unknown): string | undefined {
	if (typeof disposition !== 'string') return undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim());
		} catch {
			return undefined;
		}
	}
	const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/.exec(disposition);
	if (!plain) return undefined;
	return plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2].trim();
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const EQUALS = 0x3d;
/** The padding is complete. */
const PADDED = 3;

/** Base64 digit values; -1 for anything else. */
const BASE64 = new Int8Array(256).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
	.split('')
	.forEach((char, value) => (BASE64[char.charCodeAt(0)] = value));

/**
 * Decodes base64 as it arrives, strictly: only the 64 digits, `=` padding at the very end,
 * whole groups of four (what .NET writes for a byte[]). Node's own decoder skips what it does
 * not understand, which would turn a damaged answer into a damaged file.
 */
class Base64Decoder {
	private readonly chunks: Buffer[] = [];

	private size = 0;

	/**
	 * With the answer's length known, the file goes into one buffer of at most 3/4 of it, so it
	 * is never copied to be joined; otherwise chunk by chunk, joined at the end.
	 */
	constructor(private readonly capacity?: number) {
		if (capacity !== undefined) this.out = Buffer.allocUnsafe(capacity);
	}

	/** Digits read, for error positions. */
	private position = 0;

	private group = 0;

	private inGroup = 0;

	/** `=` seen: 1 or 2, then PADDED: nothing may follow. */
	private padding = 0;

	private out: Buffer = Buffer.alloc(0);

	private used = 0;

	/** Room for the output of `digits` more base64 digits. */
	reserve(digits: number): void {
		if (this.capacity !== undefined) return;
		this.flush();
		this.out = Buffer.allocUnsafe(Math.ceil(digits / 4) * 3 + 3);
		this.used = 0;
	}

	/** One character of the base64 text; a problem text if it cannot be base64. */
	digit(code: number): string | undefined {
		this.position++;
		if (code === EQUALS) {
			if (this.padding === PADDED) return this.invalid('more "=" than the padding needs');
			if (this.padding === 0 && this.inGroup < 2)
				return this.invalid('"=" in the middle of the data');
			this.padding++;
			if (++this.inGroup === 4) this.finishPadded();
			return undefined;
		}
		const value = BASE64[code];
		if (value < 0)
			return this.invalid(`the character ${JSON.stringify(String.fromCharCode(code))}`);
		if (this.padding > 0) return this.invalid('data after the "=" padding');
		this.group = (this.group << 6) | value;
		if (++this.inGroup === 4) {
			this.out[this.used++] = this.group >> 16;
			this.out[this.used++] = (this.group >> 8) & 0xff;
			this.out[this.used++] = this.group & 0xff;
			this.group = 0;
			this.inGroup = 0;
		}
		return undefined;
	}

	private finishPadded(): void {
		// "xx==" holds one byte, "xxx=" two.
		const bits = this.group << (6 * this.padding);
		this.out[this.used++] = bits >> 16;
		if (this.padding === 1) this.out[this.used++] = (bits >> 8) & 0xff;
		this.inGroup = 0;
		this.padding = PADDED;
	}

	private invalid(what: string): string {
		return `"Data" is not base64: ${what} at character ${this.position}`;
	}

	/** The output so far joins `chunks`. */
	flush(): void {
		if (this.used === 0 || this.capacity !== undefined) return;
		this.chunks.push(this.out.subarray(0, this.used));
		this.size += this.used;
		this.out = this.out.subarray(this.used);
		this.used = 0;
	}

	/** The whole file. */
	data(): Buffer {
		if (this.capacity !== undefined) return this.out.subarray(0, this.used);
		this.flush();
		return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
	}

	/** The data ended: a problem text if it ended inside a group of four. */
	end(): string | undefined {
		this.flush();
		if (this.inGroup !== 0) {
			return `"Data" is not base64: it ends in the middle of a group of four characters (after ${this.position}), so the file is incomplete`;
		}
		return undefined;
	}
}

/**
 * Reads a JSON object answer as it arrives and decodes its top-level `Data` string (found in
 * any casing) into the file, keeping the rest of the object (with `"Data": null`) as text to
 * parse at the end. Only the structure is followed: strings (with escapes) and nesting.
 */
class JsonFileReader implements BodyReader {
	private readonly decoder: Base64Decoder;

	private readonly details: Buffer[] = [];

	private detailsSize = 0;

	private depth = 0;

	private started = false;

	private inString = false;

	private escaped = false;

	/** At depth 1, where a key comes next (after `{` or `,`). */
	private expectKey = false;

	private key: number[] | undefined;

	/** The last top-level key read was Data, and its value has not started. */
	private dataNext = false;

	/** Inside the Data string. */
	private inData = false;

	/** Inside the Data string, after a backslash: `\/` and `\u00XX` stand for base64 characters. */
	private dataEscape: number[] | undefined;

	private dataSeen = false;

	constructor(length: number | undefined) {
		this.decoder = new Base64Decoder(
			length === undefined ? undefined : Math.floor((length * 3) / 4) + 3,
		);
	}

	write(chunk: Buffer): string | undefined {
		this.decoder.reserve(chunk.length);
		let segment = 0;
		for (let index = 0; index < chunk.length; index++) {
			const code = chunk[index];
			if (this.inData) {
				const problem = this.dataByte(code);
				if (problem !== undefined) return problem;
				if (!this.inData) segment = index + 1;
				continue;
			}
			if (this.inString) {
				if (this.escaped) this.escaped = false;
				else if (code === BACKSLASH) this.escaped = true;
				else if (code === QUOTE) this.inString = false;
				if (this.key !== undefined) {
					if (this.inString) {
						if (this.key.length > 1000) return 'a key of the JSON answer is too long';
						this.key.push(code);
					} else this.endKey();
				}
				continue;
			}
			if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) continue;
			if (!this.started) {
				if (code !== 0x7b) return 'the answer is JSON but not an object';
				this.started = true;
			} else if (this.depth === 0) {
				return 'the answer holds more after its JSON object';
			}
			if (this.dataNext && code === 0x3a) continue;
			if (this.dataNext) {
				this.dataNext = false;
				if (code === QUOTE) {
					if (this.dataSeen) return 'the answer holds "Data" twice';
					this.dataSeen = true;
					this.inData = true;
					const problem = this.keep(chunk.subarray(segment, index));
					if (problem !== undefined) return problem;
					this.keep(Buffer.from('null'));
					continue;
				}
			}
			if (code === QUOTE) {
				this.inString = true;
				if (this.depth === 1 && this.expectKey) {
					this.key = [];
					this.expectKey = false;
				}
			} else if (code === 0x7b || code === 0x5b) {
				this.depth++;
				if (this.depth === 1) this.expectKey = true;
			} else if (code === 0x7d || code === 0x5d) {
				this.depth--;
			} else if (code === 0x2c && this.depth === 1) {
				this.expectKey = true;
			}
		}
		if (!this.inData) {
			const problem = this.keep(chunk.subarray(segment));
			if (problem !== undefined) return problem;
		}
		this.decoder.flush();
		return undefined;
	}

	private endKey(): void {
		const raw = Buffer.from(this.key ?? []).toString('utf8');
		this.key = undefined;
		let name: string;
		try {
			name = JSON.parse(`"${raw}"`) as string;
		} catch {
			name = raw;
		}
		this.dataNext = name.toLowerCase() === 'data';
	}

	private dataByte(code: number): string | undefined {
		if (this.dataEscape !== undefined) return this.escapeByte(code);
		if (code === QUOTE) {
			this.inData = false;
			return this.decoder.end();
		}
		if (code === BACKSLASH) {
			this.dataEscape = [];
			return undefined;
		}
		return this.decoder.digit(code);
	}

	private escapeByte(code: number): string | undefined {
		const escape = this.dataEscape ?? [];
		escape.push(code);
		if (escape.length === 1 && code === 0x2f) {
			this.dataEscape = undefined;
			return this.decoder.digit(code);
		}
		if (escape[0] !== 0x75) return '"Data" is not base64: it holds an escaped control character';
		if (escape.length < 5) return undefined;
		this.dataEscape = undefined;
		const unit = Number.parseInt(Buffer.from(escape.slice(1)).toString('latin1'), 16);
		return this.decoder.digit(Number.isNaN(unit) || unit > 0xff ? 0 : unit);
	}

	private keep(bytes: Buffer): string | undefined {
		if (bytes.length === 0) return undefined;
		this.detailsSize += bytes.length;
		if (this.detailsSize > MAX_DETAILS_BYTES) {
			return `the answer holds more than ${MAX_DETAILS_BYTES} bytes besides "Data"`;
		}
		this.details.push(Buffer.from(bytes));
		return undefined;
	}

	end(): string | undefined {
		if (this.inData || this.inString || this.depth !== 0 || !this.started) {
			return 'the answer ended before its JSON did: it is incomplete (truncated)';
		}
		if (!this.dataSeen) return 'the answer has no "Data" (the file\'s content)';
		return undefined;
	}

	result(): DownloadedFile {
		const details = parseJsonExact(Buffer.concat(this.details).toString('utf8')) as IDataObject;
		const dataKey = Object.keys(details).find((key) => key.toLowerCase() === 'data');
		if (dataKey !== undefined) delete details[dataKey];
		const nameKey = Object.keys(details).find((key) => key.toLowerCase() === 'filename');
		const fileName = nameKey === undefined ? undefined : details[nameKey];
		return {
			data: this.decoder.data(),
			fileName: typeof fileName === 'string' ? fileName : undefined,
			details,
		};
	}
}

/** An answer that is the file itself. */
class RawFileReader implements BodyReader {
	private readonly chunks: Buffer[] = [];

	private size = 0;

	/** With the length known, one buffer the chunks are copied into (never joined at the end). */
	private readonly whole?: Buffer;

	constructor(
		private readonly headers: Record<string, unknown>,
		private readonly mediaType: string,
		private readonly length: number | undefined,
	) {
		if (length !== undefined) this.whole = Buffer.allocUnsafe(length);
	}

	write(chunk: Buffer): string | undefined {
		if (this.whole !== undefined) {
			if (this.size + chunk.length > this.whole.length) {
				return `the answer is longer than the ${this.whole.length} bytes it announced`;
			}
			chunk.copy(this.whole, this.size);
		} else {
			this.chunks.push(chunk);
		}
		this.size += chunk.length;
		return undefined;
	}

	end(): string | undefined {
		const { length } = this;
		if (length !== undefined && length !== this.size) {
			return `the answer ended after ${this.size} of the ${length} bytes it announced: the file is incomplete`;
		}
		return undefined;
	}

	result(): DownloadedFile {
		return {
			data: this.whole ?? Buffer.concat(this.chunks, this.size),
			fileName: fileNameOfDisposition(this.headers['content-disposition']),
			mediaType: this.mediaType,
			details: {},
		};
	}
}

/** The reader of one attempt's success answer, chosen by its Content-Type. */
export type FileReader = BodyReader & { result(): DownloadedFile };

/** An answer whose Content-Type is neither JSON nor a file: refused at its first byte. */
class RefusingReader implements BodyReader {
	constructor(private readonly problem: string) {}

	write(): string {
		return this.problem;
	}

	end(): string {
		return this.problem;
	}

	result(): DownloadedFile {
		throw new Error(this.problem);
	}
}

export function fileReaderFor(headers: Record<string, unknown>): FileReader {
	const mediaType = mediaTypeOf(headers['content-type']);
	const announced = Number(headers['content-length']);
	// A length beyond the limit is not trusted with memory: the answer is abandoned at the limit anyway.
	const length =
		Number.isInteger(announced) && announced >= 0 && announced <= MAX_FILE_ANSWER_BYTES
			? announced
			: undefined;
	if (isJsonMediaType(mediaType)) return new JsonFileReader(length);
	if (FILE_MEDIA_TYPES.has(mediaType)) return new RawFileReader(headers, mediaType, length);
	return new RefusingReader(
		mediaType === ''
			? 'the answer has no Content-Type, so it is neither JSON nor a file'
			: `the answer's Content-Type is ${mediaType}, which is neither JSON nor a file`,
	);
}
