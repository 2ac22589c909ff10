/** Turns the samples into the summary table, the target checks, latest.{json,md,svg}. */
import type { Sample } from './measure';
import { CONCURRENCY, LATENCY_MS, type Configuration } from './plan';

export type ClientName = 'axios' | 'minimal' | 'node';

export interface Result {
	configuration: Configuration;
	samples: Partial<Record<ClientName, Sample[]>>;
}

export const CLIENT_LABELS: Record<ClientName, string> = {
	axios: 'axios loop',
	minimal: 'minimal n8n node',
	node: 'Crayon node',
};

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface ClientSummary {
	wallMs: number;
	requestsPerSecond: number;
	/** Token requests of every run of this client (each must be 1). */
	tokenRequests: number[];
	/** Every run bought exactly one subscription per row and none failed. */
	allBought: boolean;
	peakRssMb: number;
	peakHeapGrowthMb: number;
	/** Heap held after the run beyond the item data, per row. */
	overheadBytesPerRow: number;
}

export interface Row {
	configuration: Configuration;
	clients: Partial<Record<ClientName, ClientSummary>>;
	/** Median of the per-repetition ratios (wall time node / wall time axios). */
	nodeToAxios: number;
	nodeToMinimal?: number;
}

function summarise(samples: Sample[], rows: number): ClientSummary {
	const wallMs = median(samples.map((sample) => sample.wallMs));
	return {
		wallMs,
		requestsPerSecond: (rows / wallMs) * 1000,
		tokenRequests: samples.map((sample) => sample.tokenRequests),
		allBought: samples.every((sample) => sample.failures === 0 && sample.purchases === rows),
		peakRssMb: Math.max(...samples.map((sample) => sample.peakRssBytes)) / 2 ** 20,
		peakHeapGrowthMb: Math.max(...samples.map((sample) => sample.peakHeapGrowthBytes)) / 2 ** 20,
		overheadBytesPerRow: median(
			samples.map((sample) => (sample.heldBytes - sample.dataBytes) / rows),
		),
	};
}

function pairedRatio(numerator: Sample[], denominator: Sample[]): number {
	return median(numerator.map((sample, index) => sample.wallMs / denominator[index].wallMs));
}

export function summariseAll(results: Result[]): Row[] {
	return results.map(({ configuration, samples }) => {
		const clients: Row['clients'] = {};
		for (const [name, clientSamples] of Object.entries(samples) as Array<[ClientName, Sample[]]>) {
			clients[name] = summarise(clientSamples, configuration.rows);
		}
		const { axios, minimal, node } = samples as Required<Result['samples']>;
		return {
			configuration,
			clients,
			nodeToAxios: pairedRatio(node, axios),
			nodeToMinimal: minimal ? pairedRatio(node, minimal) : undefined,
		};
	});
}

/** Memory growth per row between the smallest and largest run of a client: linear part only. */
export interface MemorySlope {
	latencyMs: number;
	concurrency: number;
	client: ClientName;
	fromRows: number;
	toRows: number;
	/** Growth per added row of the heap held beyond the item data. */
	overheadBytesPerRow: number;
	/** Growth per added row of the item data itself (inputs and created subscriptions). */
	dataBytesPerRow: number;
}

export function memorySlopes(results: Result[]): MemorySlope[] {
	const slopes: MemorySlope[] = [];
	const groups = new Map<string, Result[]>();
	for (const result of results) {
		const key = `${result.configuration.latencyMs}/${result.configuration.concurrency}`;
		groups.set(key, [...(groups.get(key) ?? []), result]);
	}
	for (const group of groups.values()) {
		if (group.length < 2) continue;
		const sorted = [...group].sort((a, b) => a.configuration.rows - b.configuration.rows);
		const [small, large] = [sorted[0], sorted[sorted.length - 1]];
		const addedRows = large.configuration.rows - small.configuration.rows;
		for (const client of Object.keys(large.samples) as ClientName[]) {
			const before = small.samples[client];
			const after = large.samples[client];
			if (!before || !after) continue;
			const held = (samples: Sample[]) =>
				median(samples.map((sample) => sample.heldBytes - sample.dataBytes));
			const data = (samples: Sample[]) => median(samples.map((sample) => sample.dataBytes));
			slopes.push({
				latencyMs: large.configuration.latencyMs,
				concurrency: large.configuration.concurrency,
				client,
				fromRows: small.configuration.rows,
				toRows: large.configuration.rows,
				overheadBytesPerRow: (held(after) - held(before)) / addedRows,
				dataBytesPerRow: (data(after) - data(before)) / addedRows,
			});
		}
	}
	return slopes;
}

export interface TargetCheck {
	target: string;
	met: boolean;
	measured: string;
}

const format = (value: number, digits = 2) => value.toFixed(digits);

export function checkTargets(rows: Row[], slopes: MemorySlope[]): TargetCheck[] {
	const sequential = (latencyMs: number) =>
		rows.filter(
			(row) => row.configuration.latencyMs === latencyMs && row.configuration.concurrency === 1,
		);
	const ratioCheck = (latencyMs: number, limit: number): TargetCheck => {
		const measured = sequential(latencyMs);
		return {
			target: `sequential node ≤ ${limit}× axios at ${latencyMs} ms latency`,
			met: measured.every((row) => row.nodeToAxios <= limit),
			measured: measured
				.map((row) => `N=${row.configuration.rows}: ${format(row.nodeToAxios)}×`)
				.join(', '),
		};
	};
	const nodeTokens = rows.flatMap((row) => row.clients.node?.tokenRequests ?? []);
	const nodeSlopes = slopes.filter((slope) => slope.client === 'node');
	const speedups = rows
		.filter(
			(row) =>
				row.configuration.latencyMs === LATENCY_MS && row.configuration.concurrency === CONCURRENCY,
		)
		.flatMap((row) => {
			const base = sequential(LATENCY_MS).find(
				(candidate) => candidate.configuration.rows === row.configuration.rows,
			);
			const [parallel, single] = [row.clients.node, base?.clients.node];
			return parallel && single
				? [
						{
							rows: row.configuration.rows,
							speedup: parallel.requestsPerSecond / single.requestsPerSecond,
						},
					]
				: [];
		});
	return [
		ratioCheck(LATENCY_MS, 1.1),
		ratioCheck(0, 1.5),
		{
			target: 'exactly one token request per node run',
			met: nodeTokens.every((count) => count === 1),
			measured: `${nodeTokens.filter((count) => count === 1).length} of ${nodeTokens.length} runs`,
		},
		{
			target: 'memory growth ≤ ~2 KB per item beyond the item data',
			met: nodeSlopes.length > 0 && nodeSlopes.every((slope) => slope.overheadBytesPerRow <= 2048),
			measured: nodeSlopes
				.map(
					(slope) =>
						`${slope.latencyMs} ms, concurrency ${slope.concurrency}: ${format(slope.overheadBytesPerRow / 1024)} KB`,
				)
				.join('; '),
		},
		{
			target: `concurrency ${CONCURRENCY} at ${LATENCY_MS} ms ≥ 6× sequential throughput`,
			met: speedups.length > 0 && speedups.every(({ speedup }) => speedup >= 6),
			measured: speedups
				.map(({ rows: count, speedup }) => `N=${count}: ${format(speedup, 1)}×`)
				.join(', '),
		},
	];
}

const CLIENT_ORDER: ClientName[] = ['axios', 'minimal', 'node'];

export function markdownTable(rows: Row[]): string {
	const lines = [
		'| latency | concurrency | N | client | wall time | requests/s | token requests | peak RSS | peak heap growth | held beyond data | node / axios | node / minimal |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const row of rows) {
		const { latencyMs, concurrency, rows: count, repetitions } = row.configuration;
		for (const client of CLIENT_ORDER) {
			const summary = row.clients[client];
			if (!summary) continue;
			const first = client === 'axios';
			lines.push(
				[
					first ? `${latencyMs} ms` : '',
					first ? String(concurrency) : '',
					first
						? `${count.toLocaleString('en-US')}${repetitions > 1 ? ` (median of ${repetitions})` : ''}`
						: '',
					CLIENT_LABELS[client],
					`${(summary.wallMs / 1000).toFixed(2)} s`,
					summary.requestsPerSecond.toFixed(0),
					[...new Set(summary.tokenRequests)].join('/') +
						(summary.allBought ? '' : ' ⚠ not all bought'),
					`${summary.peakRssMb.toFixed(0)} MB`,
					`${summary.peakHeapGrowthMb.toFixed(0)} MB`,
					`${(summary.overheadBytesPerRow / 1024).toFixed(2)} KB/item`,
					client === 'node' ? `${format(row.nodeToAxios)}×` : '',
					client === 'node' && row.nodeToMinimal !== undefined
						? `${format(row.nodeToMinimal)}×`
						: '',
				]
					.join(' | ')
					.replace(/^/, '| ')
					.replace(/$/, ' |'),
			);
		}
	}
	return lines.join('\n');
}

export function memoryTable(slopes: MemorySlope[]): string {
	const lines = [
		'| latency | concurrency | client | rows | data per added item | held beyond data per added item |',
		'|---|---|---|---|---|---|',
	];
	for (const slope of slopes) {
		lines.push(
			`| ${slope.latencyMs} ms | ${slope.concurrency} | ${CLIENT_LABELS[slope.client]} | ${slope.fromRows.toLocaleString('en-US')} → ${slope.toRows.toLocaleString('en-US')} | ${(slope.dataBytesPerRow / 1024).toFixed(2)} KB | ${(slope.overheadBytesPerRow / 1024).toFixed(2)} KB |`,
		);
	}
	return lines.join('\n');
}

export function targetsTable(checks: TargetCheck[]): string {
	return [
		'| target | met | measured |',
		'|---|---|---|',
		...checks.map(
			(check) => `| ${check.target} | ${check.met ? 'yes' : '**no**'} | ${check.measured} |`,
		),
	].join('\n');
}

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One group of bars in a chart: two label lines under it, one bar per series present. */
export interface BarGroup {
	labels: [string, string];
	values: Partial<Record<string, number>>;
}

/** Grouped bars on a log scale; `series` gives each bar's key, legend label and colour, in order. */
export function barChart(
	title: string,
	groups: BarGroup[],
	series: Array<{ key: string; label: string; colour: string }>,
	{ width = 780, legendWidth = 170 } = {},
): string {
	const [height, left, top, bottom] = [340, 70, 40, 70];
	const plotHeight = height - top - bottom;
	const values = groups.flatMap((group) => Object.values(group.values) as number[]);
	const decades = {
		low: 10 ** Math.floor(Math.log10(Math.min(...values))),
		high: 10 ** Math.ceil(Math.log10(Math.max(...values))),
	};
	const y = (value: number) =>
		top +
		plotHeight *
			(1 -
				(Math.log10(value) - Math.log10(decades.low)) /
					(Math.log10(decades.high) - Math.log10(decades.low)));
	const groupWidth = (width - left - 20) / Math.max(groups.length, 1);
	const barWidth = Math.min(40, (groupWidth - 30) / series.length);
	const parts: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
		`<rect width="${width}" height="${height}" fill="#ffffff"/>`,
		`<text x="${left}" y="22" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
	];
	for (let decade = decades.low; decade <= decades.high; decade *= 10) {
		parts.push(
			`<line x1="${left}" x2="${width - 20}" y1="${y(decade)}" y2="${y(decade)}" stroke="#e0e0e0"/>`,
			`<text x="${left - 8}" y="${y(decade) + 4}" text-anchor="end">${decade.toLocaleString('en-US')}</text>`,
		);
	}
	groups.forEach((group, groupIndex) => {
		const x0 = left + groupIndex * groupWidth + 15;
		const present = series.filter(({ key }) => group.values[key] !== undefined);
		present.forEach(({ key, colour }, barIndex) => {
			const value = group.values[key] as number;
			const x = x0 + barIndex * barWidth;
			parts.push(
				`<rect x="${x}" y="${y(value)}" width="${barWidth - 4}" height="${top + plotHeight - y(value)}" fill="${colour}"/>`,
				`<text x="${x + (barWidth - 4) / 2}" y="${y(value) - 4}" text-anchor="middle" font-size="10">${value.toFixed(0)}</text>`,
			);
		});
		const middle = x0 + (present.length * barWidth) / 2;
		parts.push(
			`<text x="${middle}" y="${top + plotHeight + 18}" text-anchor="middle">${escapeXml(group.labels[0])}</text>`,
			`<text x="${middle}" y="${top + plotHeight + 34}" text-anchor="middle">${escapeXml(group.labels[1])}</text>`,
		);
	});
	series.forEach(({ label, colour }, index) => {
		const x = left + index * legendWidth;
		parts.push(
			`<rect x="${x}" y="${height - 20}" width="12" height="12" fill="${colour}"/>`,
			`<text x="${x + 18}" y="${height - 10}">${escapeXml(label)}</text>`,
		);
	});
	parts.push('</svg>');
	return `${parts.join('\n')}\n`;
}

/** Grouped bars of requests/s per configuration at one row count, on a log scale. */
export function throughputChart(rows: Row[], rowCount: number): string {
	const colours: Record<ClientName, string> = {
		axios: '#8c8c8c',
		minimal: '#6fa8dc',
		node: '#e06c00',
	};
	const groups = rows
		.filter((row) => row.configuration.rows === rowCount)
		.map(({ configuration: { latencyMs, concurrency }, clients }) => ({
			labels: [
				`${latencyMs} ms latency`,
				concurrency === 1 ? 'sequential' : `concurrency ${concurrency}`,
			] as [string, string],
			values: Object.fromEntries(
				Object.entries(clients).map(([name, summary]) => [name, summary.requestsPerSecond]),
			),
		}));
	return barChart(
		`Create subscription, ${rowCount.toLocaleString('en-US')} items: requests per second (log scale, higher is better)`,
		groups,
		CLIENT_ORDER.map((key) => ({ key, label: CLIENT_LABELS[key], colour: colours[key] })),
	);
}
