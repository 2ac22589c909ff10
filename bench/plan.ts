/**
 * What the benchmark runs. Sequential runs at 20 ms latency stop at 1,000 rows: 10,000
 * would take 2 × 200 s on its own (latency × rows, for each client) and push the whole
 * benchmark past its 10-minute budget, while the per-request overhead it measures is
 * already stable between 100 and 1,000 rows. Small runs are repeated and their
 * node/axios ratios taken pair by pair, because a single 100-row run is over in
 * milliseconds and at the mercy of the machine's noise.
 */
export interface Configuration {
	latencyMs: number;
	rows: number;
	concurrency: number;
	/** Pairs (axios run, node run) measured; medians are reported. */
	repetitions: number;
}

export const CONCURRENCY = 8;
export const LATENCY_MS = 20;

function repetitionsFor(rows: number): number {
	if (rows <= 100) return 5;
	return rows <= 1000 ? 3 : 1;
}

export function fullPlan(): Configuration[] {
	const plan: Configuration[] = [];
	for (const latencyMs of [0, LATENCY_MS]) {
		for (const concurrency of [1, CONCURRENCY]) {
			for (const rows of [100, 1000, 10_000]) {
				if (latencyMs > 0 && concurrency === 1 && rows > 1000) continue;
				const repetitions = latencyMs > 0 && rows >= 1000 ? 1 : repetitionsFor(rows);
				plan.push({ latencyMs, rows, concurrency, repetitions });
			}
		}
	}
	return plan;
}

/** A few seconds' check that everything runs (`--quick`). */
export function quickPlan(): Configuration[] {
	return fullPlan()
		.filter((configuration) => configuration.rows === 100)
		.map((configuration) => ({ ...configuration, repetitions: 1 }));
}
