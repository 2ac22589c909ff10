/** Tables and target checks of the real-n8n reads and memory (bench/results/n8n-{reads,memory}-latest). */
import {
	GET_MANY_CLIENTS,
	READ_CLIENTS,
	type GetManyClient,
	type GetManySample,
	type ListSearchSample,
	type MemorySample,
	type ReadClient,
} from './n8n-reads';
import { median, type TargetCheck } from './report';

const GET_MANY_LABELS: Record<GetManyClient, string> = {
	axios: 'axios (the same GETs, page after page)',
	floor: 'minimal node (the same GETs, page after page, nothing else)',
	crayonOneByOne: 'Crayon node, Get Many, Concurrency 1 (page after page)',
	crayon: 'Crayon node, Get Many (reads pages ahead, 8 at once)',
};
const READ_TARGET = 1.2;
const HELD_TARGET_BYTES = 1024;

const latenciesOf = (samples: Array<{ latencyMs: number }>) => [
	...new Set(samples.map((sample) => sample.latencyMs)),
];
/** The same requests, in any order: pages read ahead may arrive out of order. */
const sameRequests = (a: { requestKeys: string[] }, b: { requestKeys: string[] }) => {
	const sorted = (keys: string[]) => [...keys].sort().join('\n');
	return sorted(a.requestKeys) === sorted(b.requestKeys);
};

/** Per latency and client: the median of the runs, and whether each n8n run sent what axios sent. */
function getManySummary(samples: GetManySample[], latencyMs: number) {
	const runsOf = (client: GetManyClient) =>
		samples.filter((sample) => sample.latencyMs === latencyMs && sample.client === client);
	const medianOf = (client: GetManyClient) => median(runsOf(client).map((sample) => sample.ms));
	const axiosRuns = runsOf('axios');
	const sendsWhatAxiosSends = (client: GetManyClient) =>
		runsOf(client).every((sample) => axiosRuns.every((other) => sameRequests(sample, other)));
	return {
		runsOf,
		medianOf,
		ratioOf: (client: GetManyClient) => medianOf(client) / medianOf('axios'),
		sendsWhatAxiosSends,
		ok: samples
			.filter((sample) => sample.latencyMs === latencyMs)
			.every((sample) => sample.error === undefined),
	};
}

export function getManyTable(samples: GetManySample[]): string {
	const lines = [
		'| latency | subscriptions | client | time per run (median) | runs | requests per run | items returned | × axios | same requests as axios |',
		'|---|---|---|---|---|---|---|---|---|',
	];
	for (const latencyMs of latenciesOf(samples)) {
		const summary = getManySummary(samples, latencyMs);
		for (const client of GET_MANY_CLIENTS) {
			const runs = summary.runsOf(client);
			if (runs.length === 0) continue;
			const [first] = runs;
			const errors = runs.flatMap((sample) => (sample.error ? [sample.error] : []));
			const axios = client === 'axios';
			lines.push(
				`| ${latencyMs} ms | ${first.subscriptions.toLocaleString('en-US')} | ${GET_MANY_LABELS[client]} | ` +
					`${summary.medianOf(client).toFixed(0)} ms | ${runs.map((sample) => sample.ms.toFixed(0)).join(' / ')} ms | ` +
					`${first.logins} login + ${first.pageRequests} pages | ${first.itemsReturned.toLocaleString('en-US')}${errors.length ? ` ⚠ ${errors[0]}` : ''} | ` +
					`${axios ? '1' : `${summary.ratioOf(client).toFixed(2)}×`} | ${axios ? '' : summary.sendsWhatAxiosSends(client) ? 'yes' : 'no'} |`,
			);
		}
	}
	return lines.join('\n');
}

const LIST_SEARCH_LABELS: Record<ReadClient, string> = {
	axios: 'axios (the same page from the simulator)',
	floor: "minimal node's list search (n8n REST API, one GET)",
	crayon: "Crayon node's list search (n8n REST API)",
};

function listSearchPair(samples: ListSearchSample[], latencyMs: number) {
	const find = (client: ReadClient) =>
		samples.find((sample) => sample.latencyMs === latencyMs && sample.client === client);
	const clients = { axios: find('axios'), floor: find('floor'), crayon: find('crayon') };
	const { axios, crayon } = clients;
	const ratio = (sample?: ListSearchSample) =>
		sample && axios ? sample.medianMs / axios.medianMs : undefined;
	return {
		...clients,
		ratio: ratio(crayon),
		ratioOf: ratio,
		sameRequests:
			axios !== undefined &&
			crayon !== undefined &&
			new Set([...axios.requestKeys, ...crayon.requestKeys]).size === 1 &&
			axios.pageRequests === crayon.pageRequests,
	};
}

export function listSearchTable(samples: ListSearchSample[]): string {
	const lines = [
		'| latency | client | per call (median) | per call (mean) | calls | requests to Crayon | entries | × axios (median) | same requests as axios |',
		'|---|---|---|---|---|---|---|---|---|',
	];
	for (const latencyMs of latenciesOf(samples)) {
		const pair = listSearchPair(samples, latencyMs);
		for (const client of READ_CLIENTS) {
			const sample = pair[client];
			if (!sample) continue;
			lines.push(
				`| ${latencyMs} ms | ${LIST_SEARCH_LABELS[client]} | ` +
					`${sample.medianMs.toFixed(2)} ms | ${sample.meanMs.toFixed(2)} ms | ${sample.calls} | ` +
					`${sample.logins} logins + ${sample.pageRequests} pages | ${sample.entries}${sample.error ? ` ⚠ ${sample.error}` : ''} | ` +
					`${client === 'axios' ? '1' : `${pair.ratioOf(sample)?.toFixed(2)}×`} | ${client === 'crayon' ? (pair.sameRequests ? 'yes' : 'no') : ''} |`,
			);
		}
	}
	return lines.join('\n');
}

export function readTargets(
	getMany: GetManySample[],
	listSearch: ListSearchSample[],
): TargetCheck[] {
	const getManyLatencies = latenciesOf(getMany);
	const listLatencies = latenciesOf(listSearch);
	const getManySummaries = getManyLatencies.map((latencyMs) => ({
		latencyMs,
		...getManySummary(getMany, latencyMs),
	}));
	const getManyRatios = (client: GetManyClient) =>
		getManySummaries
			.map(
				(summary) =>
					`${summary.latencyMs} ms: ${summary.ratioOf(client).toFixed(2)}×${summary.sendsWhatAxiosSends(client) ? '' : ' (other requests)'}`,
			)
			.join(', ');
	const listPairs = listLatencies.map((latencyMs) => ({
		latencyMs,
		...listSearchPair(listSearch, latencyMs),
	}));
	const subscriptions = getMany[0]?.subscriptions.toLocaleString('en-US') ?? '?';
	return [
		{
			target: `Get Many, Return All over ${subscriptions} subscriptions ≤ ${READ_TARGET}× axios (same requests)`,
			met:
				getManySummaries.length > 0 &&
				getManySummaries.every(
					(summary) =>
						summary.ok &&
						summary.sendsWhatAxiosSends('crayon') &&
						summary.ratioOf('crayon') <= READ_TARGET,
				),
			measured: getManyRatios('crayon'),
		},
		{
			target:
				'(no target, reported) the minimal node reading the same pages: the floor an `n8n execute` sets',
			met: true,
			measured: getManyRatios('floor'),
		},
		{
			target:
				'(no target, reported) the Crayon node with Concurrency 1, page after page like axios: its own cost over that floor',
			met: true,
			measured: getManyRatios('crayonOneByOne'),
		},
		{
			target: `a list search page (through n8n's REST API) ≤ ${READ_TARGET}× axios fetching the page`,
			met:
				listPairs.length > 0 &&
				listPairs.every(
					(pair) =>
						pair.ratio !== undefined &&
						pair.ratio <= READ_TARGET &&
						pair.sameRequests &&
						pair.crayon?.error === undefined,
				),
			measured: listPairs
				.map(
					(pair) =>
						`${pair.latencyMs} ms: ${pair.ratio?.toFixed(2)}×${pair.sameRequests ? '' : ' (other requests)'}`,
				)
				.join(', '),
		},
		{
			target:
				"(no target, reported) the minimal node's list search through the same REST API: n8n's own floor for a page",
			met: true,
			measured: listPairs
				.map((pair) => `${pair.latencyMs} ms: ${pair.ratioOf(pair.floor)?.toFixed(2)}× axios`)
				.join(', '),
		},
	];
}

const perItem = (bytes: number, rows: number) => `${(bytes / rows).toFixed(0)} B`;

export function memoryTable(samples: MemorySample[]): string {
	const lines = [
		'| N | client | heap before | heap after | output (copy of its json) | held beyond the output | per item: output | per item: held beyond it |',
		'|---|---|---|---|---|---|---|---|',
	];
	const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
	for (const sample of samples) {
		lines.push(
			`| ${sample.rows.toLocaleString('en-US')} | ${sample.client === 'crayon' ? 'Crayon node (Create)' : 'minimal node'} | ${mb(sample.heapBefore)} | ${mb(sample.heapAfter)} | ` +
				`${mb(sample.outputBytes)} | ${mb(sample.heldBeyondOutputBytes)} | ${perItem(sample.outputBytes, sample.rows)} | ` +
				`${perItem(sample.heldBeyondOutputBytes, sample.rows)}${sample.error ? ` ⚠ ${sample.error}` : ''} |`,
		);
	}
	return lines.join('\n');
}

/** Held beyond the output per added item, between the smallest and largest run of a client: one-time costs cancel out. */
export function memorySlopes(samples: MemorySample[]) {
	return (['floor', 'crayon'] as const).flatMap((client) => {
		const runs = samples
			.filter((sample) => sample.client === client)
			.sort((a, b) => a.rows - b.rows);
		const [smallest, largest] = [runs[0], runs.at(-1)];
		if (!smallest || !largest || smallest === largest) return [];
		return [
			{
				client,
				fromRows: smallest.rows,
				toRows: largest.rows,
				bytesPerItem:
					(largest.heldBeyondOutputBytes - smallest.heldBeyondOutputBytes) /
					(largest.rows - smallest.rows),
			},
		];
	});
}

export function memoryTargets(samples: MemorySample[]): TargetCheck[] {
	const largest = Math.max(...samples.map((sample) => sample.rows));
	const at = (client: 'crayon' | 'floor') =>
		samples.find((sample) => sample.client === client && sample.rows === largest);
	const crayon = at('crayon');
	const floor = at('floor');
	const slopes = memorySlopes(samples);
	return [
		{
			target: `Crayon node (Create): memory held beyond the output ≤ 1 KB per item at N = ${largest.toLocaleString('en-US')}`,
			met:
				crayon !== undefined &&
				crayon.error === undefined &&
				crayon.heldBeyondOutputBytes / largest <= HELD_TARGET_BYTES,
			measured: crayon ? `${perItem(crayon.heldBeyondOutputBytes, largest)} per item` : 'not run',
		},
		{
			target:
				"(no target, reported) the same for the minimal node: n8n's own share per item, and the Crayon node's beyond it",
			met: true,
			measured:
				crayon && floor
					? `minimal node ${perItem(floor.heldBeyondOutputBytes, largest)}, Crayon − minimal ${perItem(crayon.heldBeyondOutputBytes - floor.heldBeyondOutputBytes, largest)} per item`
					: 'not run',
		},
		{
			target: '(no target, reported) per added item between the smallest and largest N',
			met: true,
			measured:
				slopes
					.map(
						(slope) =>
							`${slope.client === 'crayon' ? 'Crayon' : 'minimal'} ${slope.bytesPerItem.toFixed(0)} B (N = ${slope.fromRows} → ${slope.toRows})`,
					)
					.join(', ') || 'one N only',
		},
	];
}
