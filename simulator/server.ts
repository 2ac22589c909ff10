import {
	createServer,
	type IncomingMessage,
	type OutgoingHttpHeaders,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenStore, bearerToken } from './auth';
import type {
	HandlerResult,
	ParsedJson,
	RequestContext,
	ResolvedOptions,
	SimulatorContext,
} from './context';
import { ApiError, INVALID_TOKEN_BODY, crayonErrorBody } from './errors';
import { FaultManager, describeFault } from './faults';
import type { Router } from './router';
import { createRouter } from './routes';
import { SimulatorState } from './state';
import type { FaultSpec, RecordedRequest } from './types';
import { QueryParams, numericStrings } from './validation';

const MAX_BODY_BYTES = 1024 * 1024;

function recordQuery(search: URLSearchParams): Record<string, string> {
	const query: Record<string, string> = {};
	for (const [key, value] of search) query[key] = key in query ? `${query[key]},${value}` : value;
	return query;
}

function recordHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

/** The HTTP server: recording, latency, faults, authentication, routing, error bodies. */
export class SimulatorServer implements SimulatorContext {
	readonly requests: RecordedRequest[] = [];
	readonly state: SimulatorState;
	readonly tokens = new TokenStore();
	readonly faults = new FaultManager();
	private readonly router: Router = createRouter();
	private readonly server: Server;
	private readonly timers = new Set<NodeJS.Timeout>();
	private latencyMs: number;
	private stopped = false;
	private boundPort = 0;

	constructor(readonly options: ResolvedOptions) {
		this.state = new SimulatorState({
			newCommerceOrderProcessingDelayMs: options.newCommerceOrderProcessingDelayMs,
			username: options.credentials.username,
			cancellationWindowHours: options.cancellationWindowHours,
		});
		this.latencyMs = options.latencyMs;
		this.server = createServer((req, res) => this.onRequest(req, res));
		this.server.keepAliveTimeout = 30_000;
		this.server.headersTimeout = 35_000;
	}

	get port(): number {
		return this.boundPort;
	}

	get baseUrl(): string {
		const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
		return `http://${host}:${this.boundPort}`;
	}

	listen(): Promise<void> {
		return new Promise((resolve, reject) => {
			const onError = (error: Error): void => reject(error);
			this.server.once('error', onError);
			this.server.listen(this.options.port, this.options.host, () => {
				this.server.off('error', onError);
				this.boundPort = (this.server.address() as AddressInfo).port;
				resolve();
			});
		});
	}

	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		this.state.dispose();
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	setLatency(ms: number): void {
		if (!(ms >= 0) || !Number.isFinite(ms))
			throw new Error(`Latency must be a finite number >= 0, got ${ms}.`);
		this.latencyMs = ms;
	}

	injectFault(fault: FaultSpec): void {
		this.faults.add(fault);
	}

	reset(): void {
		this.state.reset();
		this.requests.length = 0;
		this.faults.clear();
		this.tokens.expireAll();
		this.latencyMs = this.options.latencyMs;
	}

	private onRequest(req: IncomingMessage, res: ServerResponse): void {
		const at = Date.now();
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		const path = q < 0 ? url : url.slice(0, q);
		const search = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
		const method = (req.method ?? 'GET').toUpperCase();
		const record: RecordedRequest = {
			method,
			path,
			query: recordQuery(search),
			headers: recordHeaders(req),
			body: undefined,
			rawBody: '',
			status: 0,
			at,
		};
		this.requests.push(record);
		// Faults are matched in arrival order.
		const fault = this.faults.take(method, path);
		if (fault) record.fault = describeFault(fault);

		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		req.on('error', () => undefined);
		req.on('end', () => {
			this.process(
				req,
				res,
				record,
				search,
				fault,
				Buffer.concat(chunks).toString('utf8'),
				size > MAX_BODY_BYTES,
			).catch((error: unknown) => {
				this.log(`simulator: unexpected error: ${String(error)}`, true);
				if (!res.headersSent && !res.destroyed)
					this.send(res, record, {
						status: 500,
						body: crayonErrorBody(500, 'Internal simulator error.'),
					});
			});
		});
	}

	private async process(
		req: IncomingMessage,
		res: ServerResponse,
		record: RecordedRequest,
		search: URLSearchParams,
		fault: FaultSpec | undefined,
		rawBody: string,
		tooLarge: boolean,
	): Promise<void> {
		record.rawBody = rawBody;
		const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
		let json: ParsedJson | undefined;
		if (rawBody.trim() !== '') {
			if (contentType === 'application/x-www-form-urlencoded') {
				record.body = Object.fromEntries(new URLSearchParams(rawBody));
			} else {
				try {
					json = { ok: true, value: JSON.parse(rawBody) };
					record.body = json.value;
				} catch (error) {
					json = { ok: false, error: error instanceof Error ? error.message : String(error) };
				}
			}
		}

		const delay = this.latencyMs + (fault?.latencyMs ?? 0);
		if (delay > 0) await this.sleep(delay);
		if (this.stopped || res.destroyed) return;

		if (fault?.dropConnection === 'before-processing') {
			this.drop(req, record);
			return;
		}
		if (fault?.status !== undefined) {
			const headers: Record<string, string> = {};
			if (fault.retryAfterSeconds !== undefined)
				headers['retry-after'] = String(fault.retryAfterSeconds);
			const message = `Injected fault: the service answered ${fault.status}.`;
			this.send(res, record, {
				status: fault.status,
				body: crayonErrorBody(fault.status, message),
				headers,
			});
			return;
		}
		if (fault?.rawResponse) {
			const raw = fault.rawResponse;
			res.writeHead(raw.status, {
				'content-type': raw.contentType,
				'content-length': Buffer.byteLength(raw.body),
			});
			res.end(raw.body);
			record.status = raw.status;
			this.logRequest(record);
			return;
		}

		const ctx: RequestContext = {
			method: record.method,
			path: record.path,
			params: {},
			query: new QueryParams(search),
			headers: req.headers,
			rawBody,
			contentType,
			json,
			now: Date.now(),
		};
		const result = tooLarge
			? {
					status: 413,
					body: crayonErrorBody(413, `The request body exceeds ${MAX_BODY_BYTES} bytes.`),
				}
			: this.dispatch(ctx);

		if (fault?.dropConnection === 'after-processing') {
			this.drop(req, record);
			return;
		}
		this.send(res, record, result);
	}

	private dispatch(ctx: RequestContext): HandlerResult {
		const match = this.router.match(ctx.method, ctx.path);
		if (match.kind === 'not-found') {
			return {
				status: 404,
				body: crayonErrorBody(
					404,
					`No HTTP resource was found that matches the request URI '${ctx.path}'.`,
				),
			};
		}
		if (match.kind === 'method-not-allowed') {
			return {
				status: 405,
				body: crayonErrorBody(
					405,
					`The requested resource does not support http method '${ctx.method}'.`,
				),
				headers: { allow: match.allowed.join(', ') },
			};
		}
		if (match.route.auth) {
			const token = bearerToken(ctx);
			if (token === undefined || !this.tokens.isValid(token, ctx.now)) {
				return {
					status: 401,
					body: INVALID_TOKEN_BODY,
					headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
				};
			}
		}
		ctx.params = match.params;
		this.state.processDueNceOrders(ctx.now);
		numericStrings.accepted = this.options.acceptNumericStrings;
		try {
			return match.route.handler(ctx, this);
		} catch (error) {
			if (error instanceof ApiError)
				return { status: error.status, body: error.body(), headers: error.headers };
			this.log(
				`simulator: handler for ${ctx.method} ${ctx.path} failed: ${error instanceof Error ? error.stack : String(error)}`,
				true,
			);
			return {
				status: 500,
				body: crayonErrorBody(500, 'An unexpected error occurred in the simulator.'),
			};
		} finally {
			numericStrings.accepted = false;
		}
	}

	private send(res: ServerResponse, record: RecordedRequest, result: HandlerResult): void {
		const headers: OutgoingHttpHeaders = { ...result.headers };
		let payload: string | Buffer = '';
		if (result.raw !== undefined) {
			payload = result.raw;
		} else if (result.body !== undefined && result.status !== 204) {
			payload = JSON.stringify(result.body);
			headers['content-type'] = 'application/json; charset=utf-8';
		}
		headers['content-length'] = Buffer.byteLength(payload);
		res.writeHead(result.status, headers);
		res.end(payload);
		record.status = result.status;
		this.logRequest(record);
	}

	private drop(req: IncomingMessage, record: RecordedRequest): void {
		record.status = 0;
		req.socket.destroy();
		this.logRequest(record);
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}

	private logRequest(record: RecordedRequest): void {
		if (!this.options.log) return;
		const fault = record.fault ? ` [fault ${record.fault}]` : '';
		this.log(
			`${record.method} ${record.path} -> ${record.status || 'dropped'} (${Date.now() - record.at} ms)${fault}`,
		);
	}

	/** Per-request lines only with the log option; simulator bugs (500s) always. */
	private log(line: string, always = false): void {
		if (always || this.options.log) process.stderr.write(`${line}\n`);
	}
}
