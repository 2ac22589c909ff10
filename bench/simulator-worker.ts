/**
 * The benchmark's simulator runs in a worker thread of the benchmark process: its
 * request handling then neither competes with the measured client for the main thread's
 * event loop nor counts towards the client's heap.
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

import { BillingCycleEnum, SEED, startSimulator, type CrayonSimulator } from '../simulator';

const TOKEN_PATH = /\/connect\/token\/?$/i;

export interface SimulatorStats {
	requests: number;
	tokenRequests: number;
	purchases: number;
}

/** What tells two clients' requests apart: method, path and query (no headers, no token). */
export interface RequestSeen {
	method: string;
	path: string;
	query: Record<string, string>;
}

type Command =
	| { id: number; command: 'reset'; latencyMs: number; extraSubscriptions: number }
	| { id: number; command: 'stats' | 'requests' | 'stop' };

type CommandWithoutId = Command extends infer Each
	? Each extends Command
		? Omit<Each, 'id'>
		: never
	: never;

type Reply = { id: number; stats?: SimulatorStats; requests?: RequestSeen[] };

export interface RemoteSimulator {
	readonly baseUrl: string;
	/**
	 * Seed state, no requests recorded, every earlier token invalid, fixed latency per request;
	 * with `extraSubscriptions`, that many more active subscriptions (a long list to read).
	 */
	reset(latencyMs: number, extraSubscriptions?: number): Promise<void>;
	stats(): Promise<SimulatorStats>;
	/** Every request since the reset, in arrival order. */
	requests(): Promise<RequestSeen[]>;
	stop(): Promise<void>;
}

/** Active New Commerce subscriptions of the seed's tenant, as bought through the API (no purchase recorded). */
function addSubscriptions(simulator: CrayonSimulator, count: number): void {
	const { state } = simulator;
	const tenant = state.tenants.get(SEED.tenantId);
	const product = state.findProduct(SEED.ncePartNumber);
	if (tenant === undefined || product === undefined)
		throw new Error("The seed has no tenant or product for the benchmark's subscriptions");
	const now = Date.now();
	for (let index = 0; index < count; index++) {
		state.createSubscription({
			tenant,
			product,
			quantity: 1 + (index % 10),
			name: `Benchmark licence ${index + 1}`,
			billingCycle: BillingCycleEnum.Monthly,
			termDuration: 'P1M',
			origin: 'create-subscription',
			now,
		});
	}
}

/** Worker side: serves the simulator until told to stop. */
export async function serveSimulator(): Promise<void> {
	if (isMainThread || parentPort === null)
		throw new Error('serveSimulator() runs in a worker thread');
	const port = parentPort;
	const simulator = await startSimulator({ newCommerceOrderProcessingDelayMs: 0 });
	port.on('message', async (message: Command) => {
		const reply: Reply = { id: message.id };
		if (message.command === 'reset') {
			simulator.reset();
			simulator.expireTokens();
			simulator.setLatency(message.latencyMs);
			addSubscriptions(simulator, message.extraSubscriptions);
		} else if (message.command === 'requests') {
			reply.requests = simulator.requests.map(({ method, path, query }) => ({
				method,
				path,
				query,
			}));
		} else if (message.command === 'stats') {
			reply.stats = {
				requests: simulator.requests.length,
				tokenRequests: simulator.requests.filter((request) => TOKEN_PATH.test(request.path)).length,
				purchases: simulator.purchaseCount(),
			};
		} else {
			await simulator.stop();
		}
		port.postMessage(reply);
	});
	port.postMessage({ baseUrl: simulator.baseUrl });
}

/** Main-thread side: starts `workerScript` (which must call serveSimulator() when not on the main thread). */
export async function startSimulatorWorker(workerScript: string): Promise<RemoteSimulator> {
	const worker = new Worker(workerScript);
	const pending = new Map<number, (reply: Reply) => void>();
	let nextId = 0;
	const baseUrl = await new Promise<string>((resolve, reject) => {
		worker.once('error', reject);
		worker.once('message', (message: { baseUrl: string }) => resolve(message.baseUrl));
	});
	worker.on('message', (reply: Reply) => {
		pending.get(reply.id)?.(reply);
		pending.delete(reply.id);
	});
	const send = (command: CommandWithoutId) =>
		new Promise<Reply>((resolve) => {
			const id = nextId++;
			pending.set(id, resolve);
			worker.postMessage({ ...command, id });
		});
	return {
		baseUrl,
		reset: async (latencyMs, extraSubscriptions = 0) => {
			await send({ command: 'reset', latencyMs, extraSubscriptions });
		},
		stats: async () => (await send({ command: 'stats' })).stats as SimulatorStats,
		requests: async () => (await send({ command: 'requests' })).requests as RequestSeen[],
		stop: async () => {
			await send({ command: 'stop' });
			await worker.terminate();
		},
	};
}
