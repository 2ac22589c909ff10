/** Wall time, throughput and memory of one client run (needs `node --expose-gc`). */
import { performance } from 'node:perf_hooks';

import type { ClientRun } from './clients';
import type { RemoteSimulator } from './simulator-worker';

export interface Sample {
	wallMs: number;
	requestsPerSecond: number;
	/** Logins seen by the simulator during the run. */
	tokenRequests: number;
	/** Rows that did not produce a subscription (must be 0). */
	failures: number;
	/** Subscriptions the simulator created (must equal the row count). */
	purchases: number;
	/** Largest resident set size of the whole process (client, simulator worker, everything) during the run. */
	peakRssBytes: number;
	/** Largest heap of the client's thread during the run, above the heap before it. */
	peakHeapGrowthBytes: number;
	/** Heap the client still holds after the run (after a full GC), above the heap before it. */
	heldBytes: number;
	/** The part of `heldBytes` that is item data: inputs and created subscriptions. */
	dataBytes: number;
}

function collectGarbage(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc === undefined) throw new Error('Run the benchmark with node --expose-gc');
	gc();
}

/** Heap after a full collection: what is actually kept alive. */
function liveHeap(): number {
	collectGarbage();
	return process.memoryUsage().heapUsed;
}

/** The heap that a copy of `payload` occupies: plain item data without any client around it. */
function dataSize(payload: unknown[]): number {
	const holder: { copy?: unknown[] } = { copy: structuredClone(payload) };
	const withCopy = liveHeap();
	delete holder.copy;
	return withCopy - liveHeap();
}

const SAMPLE_INTERVAL_MS = 5;

export async function measure(
	simulator: RemoteSimulator,
	latencyMs: number,
	rowCount: number,
	run: () => Promise<ClientRun>,
): Promise<Sample> {
	await simulator.reset(latencyMs);
	const heapBefore = liveHeap();
	let peakRss = process.memoryUsage.rss();
	let peakHeap = heapBefore;
	const sampler = setInterval(() => {
		const usage = process.memoryUsage();
		peakRss = Math.max(peakRss, usage.rss);
		peakHeap = Math.max(peakHeap, usage.heapUsed);
	}, SAMPLE_INTERVAL_MS);

	const started = performance.now();
	let result: ClientRun | undefined = await run();
	const wallMs = performance.now() - started;
	clearInterval(sampler);
	const usage = process.memoryUsage();
	peakRss = Math.max(peakRss, usage.rss);
	peakHeap = Math.max(peakHeap, usage.heapUsed);

	const heldBytes = liveHeap() - heapBefore;
	const dataBytes = dataSize(result.payload);
	const failures = result.failures;
	result = undefined;
	const stats = await simulator.stats();
	return {
		wallMs,
		requestsPerSecond: (rowCount / wallMs) * 1000,
		tokenRequests: stats.tokenRequests,
		failures,
		purchases: stats.purchases,
		peakRssBytes: peakRss,
		peakHeapGrowthBytes: peakHeap - heapBefore,
		heldBytes,
		dataBytes,
	};
}
