/** Runs the plan: per configuration and repetition, each client once, in alternating order. */
import {
	axiosLoop,
	crayonNode,
	makeRows,
	minimalNode,
	type ClientRun,
	type Row as SheetRow,
} from './clients';
import { measure } from './measure';
import type { Configuration } from './plan';
import type { ClientName, Result } from './report';
import type { RemoteSimulator } from './simulator-worker';

type Client = (baseUrl: string, rows: SheetRow[], concurrency: number) => Promise<ClientRun>;

const CLIENTS: Record<ClientName, Client> = {
	axios: axiosLoop,
	minimal: async (baseUrl, rows) => await minimalNode(baseUrl, rows),
	node: crayonNode,
};

/** The minimal node sends one request at a time, so it is only compared without concurrency. */
function clientsFor(configuration: Configuration): ClientName[] {
	return configuration.concurrency === 1 ? ['axios', 'minimal', 'node'] : ['axios', 'node'];
}

/** Enough rows for the JIT to settle and lazily grown caches to reach their size. */
const WARM_UP_ROWS = 1000;

export async function warmUp(simulator: RemoteSimulator): Promise<void> {
	const rows = makeRows(WARM_UP_ROWS);
	for (const name of Object.keys(CLIENTS) as ClientName[]) {
		await measure(simulator, 0, rows.length, () => CLIENTS[name](simulator.baseUrl, rows, 1));
	}
}

export async function runPlan(
	simulator: RemoteSimulator,
	plan: Configuration[],
	progress: (line: string) => void,
): Promise<Result[]> {
	const results: Result[] = [];
	for (const configuration of plan) {
		const { latencyMs, rows: rowCount, concurrency, repetitions } = configuration;
		const rows = makeRows(rowCount);
		const result: Result = { configuration, samples: {} };
		const names = clientsFor(configuration);
		for (let repetition = 0; repetition < repetitions; repetition++) {
			// Alternate the order, so a machine that speeds up or slows down favours nobody.
			for (const name of repetition % 2 === 0 ? names : [...names].reverse()) {
				const sample = await measure(simulator, latencyMs, rowCount, () =>
					CLIENTS[name](simulator.baseUrl, rows, concurrency),
				);
				(result.samples[name] ??= []).push(sample);
			}
		}
		results.push(result);
		const walls = names
			.map(
				(name) =>
					`${name} ${(result.samples[name] ?? []).map((sample) => sample.wallMs.toFixed(0)).join('/')} ms`,
			)
			.join(', ');
		progress(`${latencyMs} ms latency, concurrency ${concurrency}, N=${rowCount}: ${walls}`);
	}
	return results;
}
