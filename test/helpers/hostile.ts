/**
 * A hostile or broken server in front of the simulator, for the tests that try to break the
 * node's guarantees: it answers a chosen request itself instead of (or after) the simulator —
 * a redirect to another origin, an answer trickled one byte at a time or never finished, an
 * answer of many megabytes, a 503 after the simulator processed the purchase — and records
 * everything it and the "other origin" received.
 */
import {
	createServer,
	request as httpRequest,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export type Misbehaviour =
	/** Answer with a redirect to the other origin (or, with `loop`, to this very URL), without forwarding. */
	| { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; loop?: boolean }
	/** Forward, then send the simulator's status and headers but the body one byte every `intervalMs`. */
	| { kind: 'trickle'; intervalMs: number }
	/** Accept the request and never answer. */
	| { kind: 'hang' }
	/** Answer 200 with a JSON-looking body of `bytes` bytes, without forwarding. */
	| { kind: 'huge'; bytes: number }
	/** Forward (so the simulator processes it), then answer `status` instead of the simulator's answer. */
	| { kind: 'processThenStatus'; status: number }
	/** Answer with this, without forwarding. */
	| { kind: 'raw'; status: number; contentType: string; body: string };

interface Rule {
	method?: string;
	path?: RegExp;
	/** Matched against the query string, without its `?`. */
	query?: RegExp;
	times: number;
	misbehaviour: Misbehaviour;
}

async function listen(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export class HostileServer {
	/** Every request that reached this server, misbehaved on or forwarded. */
	readonly received: Received[] = [];

	/** Every request that reached the other origin a redirect points to. */
	readonly elsewhere: Received[] = [];

	private rules: Rule[] = [];

	/** Requests received and not yet answered (or dropped), now and at most at once. */
	inFlight = 0;
	peakInFlight = 0;

	private readonly sockets = new Set<import('node:net').Socket>();

	private constructor(
		private readonly target: string,
		private readonly server: Server,
		private readonly other: Server,
		readonly url: string,
		readonly otherUrl: string,
	) {}

	static async start(target: string): Promise<HostileServer> {
		let handle: (req: IncomingMessage, res: ServerResponse) => void = () => {};
		const server = createServer((req, res) => handle(req, res));
		const elsewhere: Received[] = [];
		const other = createServer(async (req, res) => {
			elsewhere.push({
				method: req.method ?? '',
				path: req.url ?? '',
				headers: req.headers,
				body: await readBody(req),
			});
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"Id":1,"Items":[],"TotalHits":0,"AccessToken":"stolen-elsewhere"}');
		});
		const [url, otherUrl] = await Promise.all([listen(server), listen(other)]);
		const hostile = new HostileServer(target, server, other, url, otherUrl);
		(hostile as { elsewhere: Received[] }).elsewhere = elsewhere;
		server.on('connection', (socket) => {
			hostile.sockets.add(socket);
			socket.on('close', () => hostile.sockets.delete(socket));
		});
		handle = (req, res) => void hostile.handle(req, res);
		return hostile;
	}

	/** Misbehave on the next `times` requests that match (all by default, the login included). */
	misbehave(
		misbehaviour: Misbehaviour,
		match: { method?: string; path?: RegExp; query?: RegExp; times?: number } = {},
	): void {
		this.rules.push({
			method: match.method,
			path: match.path,
			query: match.query,
			times: match.times ?? 1,
			misbehaviour,
		});
	}

	/** Requests of this method and path that reached this server. */
	requestsTo(method: string, path: RegExp): Received[] {
		return this.received.filter((request) => request.method === method && path.test(request.path));
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await Promise.all([
			new Promise((resolve) => this.server.close(resolve)),
			new Promise((resolve) => {
				this.other.closeAllConnections();
				this.other.close(resolve);
			}),
		]);
	}

	private take(method: string, url: string): Misbehaviour | undefined {
		const [path, query = ''] = url.split('?');
		const rule = this.rules.find(
			(candidate) =>
				(candidate.method === undefined || candidate.method === method) &&
				(candidate.path === undefined || candidate.path.test(path)) &&
				(candidate.query === undefined || candidate.query.test(query)),
		);
		if (rule === undefined) return undefined;
		if (--rule.times <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
		return rule.misbehaviour;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		this.peakInFlight = Math.max(this.peakInFlight, ++this.inFlight);
		res.on('close', () => this.inFlight--);
		const body = await readBody(req);
		const received = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
		this.received.push(received);
		const misbehaviour = this.take(received.method, received.path);
		switch (misbehaviour?.kind) {
			case 'redirect':
				res.writeHead(misbehaviour.status, {
					location: misbehaviour.loop
						? `${this.url}${received.path}`
						: `${this.otherUrl}${received.path}`,
				});
				res.end();
				return;
			case 'hang':
				return;
			case 'huge':
				return this.sendHuge(res, misbehaviour.bytes);
			case 'raw':
				res.writeHead(misbehaviour.status, { 'content-type': misbehaviour.contentType });
				res.end(misbehaviour.body);
				return;
			default:
				break;
		}
		let answer: Awaited<ReturnType<HostileServer['forward']>>;
		try {
			answer = await this.forward(received);
		} catch {
			// Crayon dropped the connection: so does this server.
			res.destroy();
			return;
		}
		if (misbehaviour?.kind === 'processThenStatus') {
			res.writeHead(misbehaviour.status, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({ ErrorCode: `${misbehaviour.status}`, Message: 'Service Unavailable' }),
			);
			return;
		}
		if (misbehaviour?.kind === 'trickle') return this.trickle(res, answer, misbehaviour.intervalMs);
		res.writeHead(answer.status, answer.headers);
		res.end(answer.body);
	}

	private async forward(
		received: Received,
	): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
		const headers = { ...received.headers, host: new URL(this.target).host };
		return await new Promise((resolve, reject) => {
			const upstream = httpRequest(
				`${this.target}${received.path}`,
				{ method: received.method, headers },
				async (answer) => {
					const chunks: Buffer[] = [];
					for await (const chunk of answer) chunks.push(chunk as Buffer);
					// Framing headers belong to the simulator's connection, not to this answer.
					const headers = Object.fromEntries(
						Object.entries(answer.headers).filter(
							([name]) => !['content-length', 'transfer-encoding', 'connection'].includes(name),
						),
					);
					resolve({
						status: answer.statusCode ?? 502,
						headers: headers as Record<string, string | string[]>,
						body: Buffer.concat(chunks),
					});
				},
			);
			upstream.on('error', reject);
			upstream.end(received.body);
		});
	}

	private trickle(
		res: ServerResponse,
		answer: { status: number; headers: Record<string, string | string[]>; body: Buffer },
		intervalMs: number,
	): void {
		res.writeHead(answer.status, answer.headers);
		let sent = 0;
		const timer = setInterval(() => {
			if (res.destroyed || sent >= answer.body.length) {
				clearInterval(timer);
				if (!res.destroyed) res.end();
				return;
			}
			res.write(answer.body.subarray(sent, sent + 1));
			sent++;
		}, intervalMs);
		res.on('close', () => clearInterval(timer));
	}

	private sendHuge(res: ServerResponse, bytes: number): void {
		res.writeHead(200, { 'content-type': 'application/json' });
		const chunk = Buffer.alloc(64 * 1024, 'x');
		let sent = 0;
		const pump = () => {
			while (sent < bytes && !res.destroyed) {
				sent += chunk.length;
				if (!res.write(chunk)) return void res.once('drain', pump);
			}
			if (!res.destroyed) res.end();
		};
		res.on('close', () => {
			sent = bytes;
		});
		pump();
	}
}
