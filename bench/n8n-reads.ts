/**
 * The real-n8n mode's reads and memory (`npm run bench -- --n8n --reads --memory`), in the same
 * n8n 2.41.1 install as the Create runs (bench/n8n.ts):
 *
 * - Get Many: Subscription → Get Many with Return All as its own `n8n execute`, over the seed's
 *   subscriptions and N more, against an axios client in this process sending the same requests;
 * - list search: one page of the Subscription "From list" through a running n8n's REST API, as
 *   the editor asks for it, against axios fetching the same page;
 * - memory: the heap after a full collection before and after Subscription → Create (and the
 *   floor node, for n8n's own share), less a copy of the node's output.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { ALL_SUBSCRIPTION_STATUSES, SEED } from '../simulator';
import { axiosClient } from './clients';
import { executeCase, importCases, outputOf, withN8n, type E2eProcess, type N8nSetup } from './n8n';
import {
	credentialReference,
	FLOOR_NODE_TYPE,
	getManyCase,
	memoryCase,
	type HeapReading,
	type MemoryClientName,
} from './n8n-workflows';
import { median } from './report';
import type { RemoteSimulator, RequestSeen } from './simulator-worker';

/** Crayon's default page size, which the node asks for. */
export const READ_PAGE_SIZE = 50;
const TOKEN_PATH = /\/connect\/token\/?$/i;
const LIST_PATH = '/api/v1/subscriptions';

/** The floor: the bench package's node and list search, the same GETs and nothing else. */
export type ReadClient = 'crayon' | 'floor' | 'axios';
export const READ_CLIENTS: ReadClient[] = ['axios', 'floor', 'crayon'];
/**
 * Get Many also runs the Crayon node with Concurrency 1, page after page as axios and the
 * floor read: the node's own cost over n8n's. As it comes, it reads pages ahead.
 */
export type GetManyClient = ReadClient | 'crayonOneByOne';
const N8N_GET_MANY_CLIENTS = ['floor', 'crayonOneByOne', 'crayon'] as const;
export const GET_MANY_CLIENTS: GetManyClient[] = ['axios', ...N8N_GET_MANY_CLIENTS];

export interface GetManySample {
	client: GetManyClient;
	latencyMs: number;
	run: number;
	/** The subscriptions listed (the seed's and the added ones). */
	subscriptions: number;
	/** For n8n, the node's span in the execution data; for axios, its wall time. */
	ms: number;
	itemsReturned: number;
	logins: number;
	/** Requests other than logins: one GET per page. */
	pageRequests: number;
	/** The requests as method, path and sorted query, to compare the clients' requests. */
	requestKeys: string[];
	error?: string;
}

export interface ListSearchSample {
	client: ReadClient;
	latencyMs: number;
	calls: number;
	/** Each timed call's wall time seen from this process. */
	callMs: number[];
	medianMs: number;
	meanMs: number;
	/** Entries of the first timed call's page. */
	entries: number;
	logins: number;
	pageRequests: number;
	requestKeys: string[];
	error?: string;
}

export interface MemorySample extends HeapReading {
	client: MemoryClientName;
	rows: number;
	/** heapAfter − heapBefore − outputBytes: what the run holds beyond the output's data. */
	heldBeyondOutputBytes: number;
	purchases: number;
	nodeMs: number;
	error?: string;
}

export interface ReadsPlan {
	/** Subscriptions added to the seed's for Get Many (and listed by the list search). */
	subscriptions?: number;
	latencies: number[];
	getManyRuns: number;
	listSearchCalls: number;
}

export interface MemoryPlan {
	rows: number[];
	/** `N8N_EXPRESSION_ENGINE` for these runs (as in N8nBenchOptions); unset, n8n's default. */
	expressionEngine?: string;
}

export interface ReadsRun {
	n8nVersion: string;
	nodeVersion: string;
	getMany: GetManySample[];
	listSearch: ListSearchSample[];
	memory: MemorySample[];
}

const requestKey = ({ method, path, query }: RequestSeen) =>
	`${method} ${path}?${new URLSearchParams(Object.entries(query).sort()).toString()}`;

/** Logins and the other requests among `requests`. */
function splitRequests(requests: RequestSeen[]) {
	const logins = requests.filter((request) => TOKEN_PATH.test(request.path));
	const pages = requests.filter((request) => !TOKEN_PATH.test(request.path));
	return { logins: logins.length, pageRequests: pages.length, requestKeys: pages.map(requestKey) };
}

/** Get Many with Return All by hand: one login, page after page of 50 until TotalHits is reached. */
async function axiosGetMany(baseUrl: string): Promise<unknown[]> {
	const client = await axiosClient(baseUrl);
	const items: unknown[] = [];
	for (let page = 1; ; page++) {
		const { data } = await client.get<{ Items: unknown[]; TotalHits: number }>(LIST_PATH, {
			params: { statuses: ALL_SUBSCRIPTION_STATUSES, page, pageSize: READ_PAGE_SIZE },
		});
		items.push(...data.Items);
		if (data.Items.length === 0 || items.length >= data.TotalHits) return items;
	}
}

async function measureGetMany(
	setup: N8nSetup,
	simulator: RemoteSimulator,
	{ subscriptions = 0, latencies, getManyRuns }: ReadsPlan,
	log: (line: string) => void,
): Promise<GetManySample[]> {
	const listed = SEED.subscriptionCount + subscriptions;
	// Compiled and warm before it is timed, as the Create mode's axios loop.
	await simulator.reset(0, subscriptions);
	await axiosGetMany(simulator.baseUrl);
	const samples: GetManySample[] = [];
	for (const latencyMs of latencies) {
		for (let run = 1; run <= getManyRuns; run++) {
			// Alternating order, so a machine that speeds up or slows down favours none.
			const clients = run % 2 ? GET_MANY_CLIENTS : [...GET_MANY_CLIENTS].reverse();
			for (const client of clients) {
				await simulator.reset(latencyMs, subscriptions);
				let ms: number;
				let itemsReturned: number;
				let error: string | undefined;
				if (client === 'axios') {
					const started = performance.now();
					itemsReturned = (await axiosGetMany(simulator.baseUrl)).length;
					ms = performance.now() - started;
				} else {
					const found = getManyCase(client, `${latencyMs}ms${run}`);
					const result = await executeCase(setup, found, `${latencyMs}ms`);
					ms = result.nodeMs;
					itemsReturned = result.execution
						? outputOf(result.execution, found.timedNodes[0]).length
						: 0;
					error = result.errors[0];
				}
				const sample: GetManySample = {
					client,
					latencyMs,
					run,
					subscriptions: listed,
					ms,
					itemsReturned,
					...splitRequests(await simulator.requests()),
					error:
						error ??
						(itemsReturned === listed ? undefined : `${itemsReturned} of ${listed} returned`),
				};
				samples.push(sample);
				log(
					`Get Many, ${latencyMs} ms, ${listed} subscriptions, ${client} run ${run}: ${ms.toFixed(0)} ms, ` +
						`${sample.logins} login(s) + ${sample.pageRequests} pages, ${itemsReturned} items${sample.error ? ` ⚠ ${sample.error}` : ''}`,
				);
			}
		}
	}
	return samples;
}

const LIST_SEARCH_CREDENTIAL = 'cred-benchListSearch';
const emptyLocator = { __rl: true, mode: 'list', value: '' };
const credentials = { crayonApi: credentialReference(LIST_SEARCH_CREDENTIAL) };
/** The first page of a "From list", as the editor asks for it: the Crayon node's Subscription (Subscription → Get) and the floor's. */
const LIST_SEARCH_REQUESTS = {
	crayon: {
		nodeType: 'n8n-nodes-crayon.crayon',
		path: 'parameters.subscriptionId',
		methodName: 'searchSubscriptions',
		currentNodeParameters: {
			resource: 'subscription',
			operation: 'get',
			subscriptionId: emptyLocator,
			simplify: true,
		},
		credentials,
	},
	floor: {
		nodeType: FLOOR_NODE_TYPE,
		path: 'parameters.subscriptionId',
		methodName: 'searchFloor',
		currentNodeParameters: { operation: 'listAll', subscriptionId: emptyLocator },
		credentials,
	},
};
/** Calls before the timed ones: the first logs in, the rest warm n8n's and this process's code. */
const LIST_SEARCH_WARM_UP = 5;

/** `n8n start` on a free port with the owner set up; resolves once the editor's REST API answers. */
async function startN8nServer({ e2e, n8n, userFolder, logDir }: N8nSetup) {
	const port = await e2e.freePort();
	const main: E2eProcess = e2e.startProcess('n8n start', n8n.node.bin, [n8n.bin, 'start'], {
		cwd: userFolder,
		env: e2e.n8nEnv(n8n, {
			userFolder,
			brokerPort: await e2e.freePort(),
			extra: { N8N_PORT: String(port) },
		}),
		logFile: join(logDir, 'n8n-start.log'),
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	await e2e.waitUntil('n8n to be ready', () => e2e.httpOk(`${baseUrl}/healthz/readiness`), {
		timeoutMs: 180_000,
		intervalMs: 500,
	});
	await e2e.waitUntil('the editor', () => /Editor is now accessible/.test(main.out), {
		timeoutMs: 60_000,
	});
	const rest = new e2e.N8nRest(baseUrl);
	await rest.setUpOwner();
	return { main, rest };
}

async function measureListSearch(
	setup: N8nSetup,
	simulator: RemoteSimulator,
	{ subscriptions = 0, latencies, listSearchCalls }: ReadsPlan,
	log: (line: string) => void,
): Promise<ListSearchSample[]> {
	const { main, rest } = await startN8nServer(setup);
	try {
		const page = {
			params: { statuses: ALL_SUBSCRIPTION_STATUSES, page: 1, pageSize: READ_PAGE_SIZE },
		};
		const samples: ListSearchSample[] = [];
		for (const latencyMs of latencies) {
			await simulator.reset(latencyMs, subscriptions);
			const axios = await axiosClient(simulator.baseUrl);
			const listSearch = async (client: keyof typeof LIST_SEARCH_REQUESTS) => {
				const answer = await rest.resourceLocatorResults(LIST_SEARCH_REQUESTS[client]);
				if (answer.status !== 200)
					throw new Error(
						`the ${client} list search answered ${answer.status}: ${answer.text.slice(0, 300)}`,
					);
				return answer.json?.data?.results?.length ?? 0;
			};
			const call: Record<ReadClient, () => Promise<number>> = {
				crayon: () => listSearch('crayon'),
				floor: () => listSearch('floor'),
				axios: async () =>
					(await axios.get<{ Items: unknown[] }>(LIST_PATH, page)).data.Items.length,
			};
			for (const client of READ_CLIENTS) {
				for (let warm = 0; warm < LIST_SEARCH_WARM_UP; warm++) await call[client]();
			}
			for (const client of READ_CLIENTS) {
				const before = (await simulator.requests()).length;
				const callMs: number[] = [];
				let entries = 0;
				for (let index = 0; index < listSearchCalls; index++) {
					const started = performance.now();
					const count = await call[client]();
					callMs.push(performance.now() - started);
					if (index === 0) entries = count;
				}
				const requests = splitRequests((await simulator.requests()).slice(before));
				const sample: ListSearchSample = {
					client,
					latencyMs,
					calls: listSearchCalls,
					callMs,
					medianMs: median(callMs),
					meanMs: callMs.reduce((sum, ms) => sum + ms, 0) / callMs.length,
					entries,
					...requests,
					error:
						entries === READ_PAGE_SIZE
							? undefined
							: `${entries} entries, ${READ_PAGE_SIZE} expected`,
				};
				samples.push(sample);
				log(
					`list search, ${latencyMs} ms, ${client}: median ${sample.medianMs.toFixed(1)} ms, mean ${sample.meanMs.toFixed(1)} ms per call, ` +
						`${sample.logins} login(s) + ${sample.pageRequests} page requests for ${listSearchCalls} calls`,
				);
			}
		}
		return samples;
	} finally {
		await setup.e2e.stopProcess(main);
	}
}

async function measureMemory(
	setup: N8nSetup,
	simulator: RemoteSimulator,
	{ rows: rowCounts, expressionEngine }: MemoryPlan,
	log: (line: string) => void,
): Promise<MemorySample[]> {
	const samples: MemorySample[] = [];
	for (const rows of rowCounts) {
		for (const client of ['floor', 'crayon'] as const) {
			await simulator.reset(0);
			const found = memoryCase(client, rows);
			const result = await executeCase(setup, found, 'memory', {
				NODE_OPTIONS: '--expose-gc',
				...(expressionEngine ? { N8N_EXPRESSION_ENGINE: expressionEngine } : {}),
			});
			const [reading] = result.execution ? outputOf(result.execution, 'Heap After') : [];
			const heap = (reading ?? {
				heapBefore: NaN,
				heapAfter: NaN,
				outputBytes: NaN,
				items: 0,
			}) as unknown as HeapReading;
			const { purchases } = await simulator.stats();
			const sample: MemorySample = {
				client,
				rows,
				...heap,
				heldBeyondOutputBytes: heap.heapAfter - heap.heapBefore - heap.outputBytes,
				purchases,
				nodeMs: result.nodeMs,
				error:
					result.errors[0] ??
					(purchases === rows && heap.items === rows
						? undefined
						: `${purchases} bought, ${heap.items} items out, ${rows} expected`),
			};
			samples.push(sample);
			log(
				`memory, N=${rows}, ${client}: output ${(sample.outputBytes / rows).toFixed(0)} B/item, ` +
					`held beyond it ${(sample.heldBeyondOutputBytes / rows).toFixed(0)} B/item${sample.error ? ` ⚠ ${sample.error}` : ''}`,
			);
		}
	}
	return samples;
}

export async function runN8nReads(
	simulator: RemoteSimulator,
	{ reads, memory, log }: { reads?: ReadsPlan; memory?: MemoryPlan; log: (line: string) => void },
): Promise<ReadsRun> {
	return await withN8n(log, async (setup) => {
		const cases = [
			...(reads
				? reads.latencies.flatMap((latencyMs) =>
						Array.from({ length: reads.getManyRuns }, (_, run) =>
							N8N_GET_MANY_CLIENTS.map((client) => getManyCase(client, `${latencyMs}ms${run + 1}`)),
						).flat(),
					)
				: []),
			...(memory?.rows.flatMap((rows) =>
				(['floor', 'crayon'] as const).map((client) => memoryCase(client, rows)),
			) ?? []),
		];
		await importCases(setup, cases, simulator.baseUrl, reads ? [LIST_SEARCH_CREDENTIAL] : []);
		log(
			`n8n ${setup.n8n.version} on Node ${setup.n8n.node.version}: ${cases.length} workflows imported`,
		);
		// `n8n execute` and `n8n start` share the database: every execute runs before the server starts.
		const memorySamples = memory ? await measureMemory(setup, simulator, memory, log) : [];
		const getMany = reads ? await measureGetMany(setup, simulator, reads, log) : [];
		const listSearch = reads ? await measureListSearch(setup, simulator, reads, log) : [];
		return {
			n8nVersion: setup.n8n.version,
			nodeVersion: setup.n8n.node.version,
			getMany,
			listSearch,
			memory: memorySamples,
		};
	});
}
