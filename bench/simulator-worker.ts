/**
 * The benchmark's simulator runs in a worker thread of the benchmark process: its
 * request handling then neither competes with the measured client for the main thread's
 * event loop nor counts towards the client's heap.
 */
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

import { startSimulator } from '../simulator';

const TOKEN_PATH = /\/connect\/token\/?$/i;

export interface SimulatorStats {
	requests: number;
	tokenRequests: number;
	purchases: number;
}

type Command =
	| { id: number; command: 'reset'; latencyMs: number }
	| { id: number; command: 'stats' | 'stop' };

type CommandWithoutId = Command extends infer Each
	? Each extends Command
		? Omit<Each, 'id'>
		: never
	: never;

type Reply = { id: number; stats?: SimulatorStats };

export interface RemoteSimulator {
	readonly baseUrl: string;
	/** Seed state, no requests recorded, every earlier token invalid, fixed latency per request. */
	reset(latencyMs: number): Promise<void>;
	stats(): Promise<SimulatorStats>;
	stop(): Promise<void>;
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
		reset: async (latencyMs) => {
			await send({ command: 'reset', latencyMs });
		},
		stats: async () => (await send({ command: 'stats' })).stats as SimulatorStats,
		stop: async () => {
			await send({ command: 'stop' });
			await worker.terminate();
		},
	};
}
