/**
 * One HTTP exchange with hard limits. n8n's request helpers only know an idle timeout (an
 * answer trickled one byte a second never ends) and read answers of any size, so requests are
 * made with `encoding: 'stream'` and the answer is read here: within `timeoutMs` from the start
 * of the request, and at most `maxBytes` of it.
 */

export interface Limits {
	/** The whole exchange, from sending to the last byte of the answer. */
	timeoutMs: number;
	/** The largest answer read; a larger one is abandoned. */
	maxBytes: number;
	/** Reads a success answer as it arrives instead of collecting it (file downloads, files.ts). */
	reader?: ReaderChoice;
}

/** Takes an answer's body chunk by chunk; a returned text says why it cannot be read. */
export interface BodyReader {
	write(chunk: Buffer): string | undefined;
	/** The body ended. */
	end(): string | undefined;
}

export interface ReaderChoice {
	/** The largest answer this reader takes, instead of `Limits.maxBytes`. */
	maxBytes: number;
	/** What the answer must be, for errors: "a file (…)". */
	expected: string;
	/** The reader for an answer with this status and these headers; undefined to collect it as usual. */
	open(status: number, headers: Record<string, unknown>): BodyReader | undefined;
}

/** The largest JSON answer the node reads: far above a 100-item page of any Crayon list. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** What n8n's request helpers return with `returnFullResponse` and `encoding: 'stream'`. */
export interface StreamedResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

export type WireResult =
	| { kind: 'answer'; status: number; headers: Record<string, unknown>; bytes: Buffer }
	/** No complete answer within the limit. */
	| { kind: 'timeout' }
	/** The answer (with this status) was longer than the limit. */
	| { kind: 'tooLarge'; status: number; limitBytes: number }
	/** A reader refused the answer (with this status): `problem` says why. */
	| { kind: 'unreadable'; status: number; problem: string }
	/** The request failed before an answer arrived, or the answer broke off. */
	| { kind: 'failed'; error: unknown };

const TIMED_OUT = Symbol('timed out');

interface DeadlineWaiter {
	deadline: number;
	expire: () => void;
}

/**
 * The deadlines of the requests in flight, watched by one timer at a time. `AbortSignal.timeout`
 * is the only timer a community node may use (n8n's lint forbids setTimeout; n8n-workflow 2.41
 * has no cancellable sleep), and one that cannot be cleared lives on until it fires: a timer
 * per request kept two timers with their closures, contexts and weak references alive for the
 * whole Timeout after the answer had come (in n8n 2.41, Create of 10,000 items held 3.3 KB per
 * item beyond its output that way, 1.6 KB with this watch). The timer does not keep n8n's process
 * alive once the work is done.
 */
class DeadlineWatch {
	private readonly waiters = new Set<DeadlineWaiter>();
	/** The deadline the earliest armed timer fires for (Infinity: none armed). */
	private armedFor = Infinity;

	watch(waiter: DeadlineWaiter): void {
		this.waiters.add(waiter);
		this.arm(waiter.deadline);
	}

	unwatch(waiter: DeadlineWaiter): void {
		this.waiters.delete(waiter);
	}

	private arm(deadline: number): void {
		if (deadline >= this.armedFor) return;
		this.armedFor = deadline;
		AbortSignal.timeout(Math.max(0, deadline - Date.now())).addEventListener(
			'abort',
			() => this.fired(deadline),
			{ once: true },
		);
	}

	private fired(deadline: number): void {
		if (deadline === this.armedFor) this.armedFor = Infinity;
		const now = Date.now();
		let next = Infinity;
		// Deleting the entry being visited is safe while iterating a Set.
		for (const waiter of this.waiters) {
			if (waiter.deadline <= now) {
				this.waiters.delete(waiter);
				waiter.expire();
			} else {
				next = Math.min(next, waiter.deadline);
			}
		}
		if (next !== Infinity) this.arm(next);
	}
}

const deadlines = new DeadlineWatch();

/** `work`, or TIMED_OUT if `deadline` (a `Date.now()` time) comes first. */
async function beforeDeadline<T>(
	work: Promise<T>,
	deadline: number,
): Promise<T | typeof TIMED_OUT> {
	let expire = () => {};
	const expiry = new Promise<typeof TIMED_OUT>((resolve) => (expire = () => resolve(TIMED_OUT)));
	const waiter = { deadline, expire };
	deadlines.watch(waiter);
	try {
		return await Promise.race([work, expiry]);
	} finally {
		deadlines.unwatch(waiter);
	}
}

/** The part of a Node.js readable stream (n8n's streamed answer body) that is used here. */
interface Readable {
	on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
	on(event: 'end' | 'close', listener: () => void): unknown;
	on(event: 'error', listener: (error: Error) => void): unknown;
	destroy(): unknown;
}

function isReadable(value: unknown): value is Readable {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as Readable).on === 'function' &&
		typeof (value as Readable).destroy === 'function'
	);
}

function discard(body: unknown): void {
	if (isReadable(body)) body.destroy();
}

type BodyRead =
	| { kind: 'body'; bytes: Buffer }
	| { kind: 'tooLarge' }
	| { kind: 'unreadable'; problem: string }
	| { kind: 'failed'; error: unknown };

/** Collects the body, or hands it to `reader` (then `bytes` is empty). */
async function readStream(
	stream: Readable,
	maxBytes: number,
	reader?: BodyReader,
): Promise<BodyRead> {
	return await new Promise<BodyRead>((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		stream.on('data', (chunk: Buffer | string) => {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			size += bytes.length;
			if (size > maxBytes) {
				stream.destroy();
				resolve({ kind: 'tooLarge' });
				return;
			}
			const problem = reader ? reader.write(bytes) : (chunks.push(bytes), undefined);
			if (problem !== undefined) {
				stream.destroy();
				resolve({ kind: 'unreadable', problem });
			}
		});
		stream.on('end', () => {
			const problem = reader?.end();
			resolve(
				problem === undefined
					? { kind: 'body', bytes: Buffer.concat(chunks, reader ? 0 : size) }
					: { kind: 'unreadable', problem },
			);
		});
		stream.on('error', (error) => resolve({ kind: 'failed', error }));
		// A socket closed before the answer ended: no 'end', maybe no 'error'.
		stream.on('close', () =>
			resolve({
				kind: 'failed',
				error: Object.assign(new Error('The answer broke off'), { code: 'ECONNRESET' }),
			}),
		);
	});
}

async function readBody(body: unknown, maxBytes: number, reader?: BodyReader): Promise<BodyRead> {
	if (isReadable(body)) return await readStream(body, maxBytes, reader);
	// Test doubles and older helpers may hand over the body already read.
	const bytes =
		body === undefined || body === null
			? Buffer.alloc(0)
			: Buffer.isBuffer(body)
				? body
				: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	if (bytes.length > maxBytes) return { kind: 'tooLarge' };
	if (reader === undefined) return { kind: 'body', bytes };
	const problem = reader.write(bytes) ?? reader.end();
	return problem === undefined
		? { kind: 'body', bytes: Buffer.alloc(0) }
		: { kind: 'unreadable', problem };
}

/** Sends with `send` (which must ask n8n for a streamed, full response) and reads the answer within the limits. */
export async function exchange(
	send: () => Promise<StreamedResponse>,
	limits: Limits,
): Promise<WireResult> {
	const deadline = Date.now() + limits.timeoutMs;
	const sending = send().then(
		(response) => ({ response }),
		(error: unknown) => ({ error }),
	);
	const sent = await beforeDeadline(sending, deadline);
	if (sent === TIMED_OUT) {
		// The answer may still arrive; nobody will read it.
		void sending.then((late) => 'response' in late && discard(late.response.body));
		return { kind: 'timeout' };
	}
	if ('error' in sent) return { kind: 'failed', error: sent.error };

	const { response } = sent;
	const headers = response.headers ?? {};
	const reader = limits.reader?.open(response.statusCode, headers);
	const maxBytes = reader ? (limits.reader?.maxBytes ?? limits.maxBytes) : limits.maxBytes;
	const reading = readBody(response.body, maxBytes, reader);
	const read = await beforeDeadline(reading, deadline);
	if (read === TIMED_OUT) {
		discard(response.body);
		return { kind: 'timeout' };
	}
	if (read.kind === 'tooLarge') {
		return { kind: 'tooLarge', status: response.statusCode, limitBytes: maxBytes };
	}
	if (read.kind === 'unreadable') {
		return { kind: 'unreadable', status: response.statusCode, problem: read.problem };
	}
	if (read.kind === 'failed') return { kind: 'failed', error: read.error };
	return { kind: 'answer', status: response.statusCode, headers, bytes: read.bytes };
}
