/** The real-n8n mode's table, target checks and chart (bench/results/n8n-latest.{md,json,svg}). */
import { N8N_CLIENT_LABELS } from './n8n-workflows';
import type { N8nBenchClient, N8nSample } from './n8n';
import { barChart, type TargetCheck } from './report';

const CLIENT_ORDER: N8nBenchClient[] = [
	'axios',
	'floor',
	'crayon',
	'crayonVerify',
	'httpDefault',
	'httpLoop',
];

const COLOURS: Record<N8nBenchClient, string> = {
	axios: '#8c8c8c',
	floor: '#6fa8dc',
	crayon: '#e06c00',
	crayonVerify: '#f6b26b',
	httpDefault: '#93c47d',
	httpLoop: '#38761d',
};

function find(
	samples: N8nSample[],
	client: N8nBenchClient,
	latencyMs: number,
	rows: number,
	concurrency = 1,
): N8nSample | undefined {
	return samples.find(
		(sample) =>
			sample.client === client &&
			sample.latencyMs === latencyMs &&
			sample.rows === rows &&
			sample.concurrency === concurrency,
	);
}

const perItem = (sample: N8nSample) => sample.nodeMs / sample.rows;
const ratio = (a?: N8nSample, b?: N8nSample) =>
	a && b && b.nodeMs > 0 ? a.nodeMs / b.nodeMs : undefined;
const times = (value?: number, digits = 2) =>
	value === undefined ? '' : `${value.toFixed(digits)}×`;

function configurations(samples: N8nSample[]): Array<{ latencyMs: number; rows: number }> {
	const seen = new Map<string, { latencyMs: number; rows: number }>();
	for (const { latencyMs, rows } of samples) seen.set(`${latencyMs}/${rows}`, { latencyMs, rows });
	return [...seen.values()];
}

export function n8nTable(samples: N8nSample[]): string {
	const lines = [
		'| latency | N | client | concurrency | node time | per item | × axios (same concurrency) | × sequential throughput | token requests |',
		'|---|---|---|---|---|---|---|---|---|',
	];
	for (const { latencyMs, rows } of configurations(samples)) {
		let first = true;
		const ordered = CLIENT_ORDER.flatMap((client) =>
			samples
				.filter(
					(sample) =>
						sample.client === client && sample.latencyMs === latencyMs && sample.rows === rows,
				)
				.sort((a, b) => a.concurrency - b.concurrency),
		);
		for (const sample of ordered) {
			const axios = find(samples, 'axios', latencyMs, rows, sample.concurrency);
			const sequential = find(samples, sample.client, latencyMs, rows, 1);
			const concurrent = sample.concurrency > 1;
			lines.push(
				`| ${first ? `${latencyMs} ms` : ''} | ${first ? rows.toLocaleString('en-US') : ''} | ${N8N_CLIENT_LABELS[sample.client]} | ${sample.concurrency} | ${(sample.nodeMs / 1000).toFixed(2)} s | ${perItem(sample).toFixed(2)} ms | ${sample.client === 'axios' ? '1' : times(ratio(sample, axios))} | ${concurrent ? times(ratio(sequential, sample), 1) : ''} | ${sample.client === 'axios' ? '' : sample.tokenRequests}${sample.ok ? '' : ` ⚠ ${sample.error ?? `${sample.purchases} of ${rows} bought`}`} |`,
			);
			first = false;
		}
	}
	return lines.join('\n');
}

export function n8nTargets(samples: N8nSample[]): TargetCheck[] {
	const rowCounts = [...new Set(samples.map((sample) => sample.rows))];
	const each = (
		latencyMs: number,
		measure: (rows: number) => number | undefined,
		met: (value: number) => boolean,
		digits = 2,
	) => {
		const values = rowCounts
			.map((rows) => ({ rows, value: measure(rows) }))
			.filter((entry): entry is { rows: number; value: number } => entry.value !== undefined);
		return {
			met: values.length > 0 && values.every(({ value }) => met(value)),
			measured:
				values.map(({ rows, value }) => `N=${rows}: ${value.toFixed(digits)}×`).join(', ') ||
				`not run (${latencyMs} ms)`,
		};
	};
	const speedup = (latencyMs: number, rows: number, client: N8nBenchClient = 'crayon') =>
		ratio(find(samples, client, latencyMs, rows), find(samples, client, latencyMs, rows, 16));
	const crayonRuns = samples.filter((sample) => sample.client === 'crayon');
	return [
		{
			target: 'sequential Crayon node ≤ 1.15× the axios loop at 20 ms',
			...each(
				20,
				(rows) => ratio(find(samples, 'crayon', 20, rows), find(samples, 'axios', 20, rows)),
				(value) => value <= 1.15,
			),
		},
		{
			target: 'sequential Crayon node ≤ 2× the minimal node at 0 ms',
			...each(
				0,
				(rows) => ratio(find(samples, 'crayon', 0, rows), find(samples, 'floor', 0, rows)),
				(value) => value <= 2,
			),
		},
		{
			target:
				"(no target, reported) the minimal node's own ratio to axios at 0 ms: the floor n8n sets",
			met: true,
			measured: each(
				0,
				(rows) => ratio(find(samples, 'floor', 0, rows), find(samples, 'axios', 0, rows)),
				() => true,
			).measured,
		},
		...[100, 20].map((latencyMs) => ({
			target: `(no target, reported) the minimal node at concurrency 16 at ${latencyMs} ms, every body evaluated before the first request as the node validates: the floor n8n sets for the scaling`,
			met: true,
			measured: each(
				latencyMs,
				(rows) => speedup(latencyMs, rows, 'floor'),
				() => true,
				1,
			).measured,
		})),
		{
			target: 'Crayon node, concurrency 16 at 100 ms ≥ 13× sequential throughput',
			...each(
				100,
				(rows) => speedup(100, rows),
				(value) => value >= 13,
				1,
			),
		},
		{
			target: 'Crayon node, concurrency 16 at 20 ms ≥ 8× sequential throughput',
			...each(
				20,
				(rows) => speedup(20, rows),
				(value) => value >= 8,
				1,
			),
		},
		{
			target: 'exactly one token request per Crayon node run',
			met: crayonRuns.every((sample) => sample.tokenRequests === 1),
			measured: `${crayonRuns.filter((sample) => sample.tokenRequests === 1).length} of ${crayonRuns.length} runs`,
		},
	];
}

export function n8nChart(samples: N8nSample[], rows: number): string {
	const groups = samples
		.filter((sample) => sample.rows === rows)
		.reduce<Map<string, { labels: [string, string]; values: Record<string, number> }>>(
			(byGroup, sample) => {
				// Sequential runs of every client side by side, then each concurrency of the node vs axios.
				const key = `${sample.latencyMs}/${sample.concurrency}`;
				const group = byGroup.get(key) ?? {
					labels: [
						`${sample.latencyMs} ms`,
						sample.concurrency === 1 ? 'sequential*' : `concurrency ${sample.concurrency}`,
					],
					values: {},
				};
				group.values[sample.client] = (rows / sample.nodeMs) * 1000;
				byGroup.set(key, group);
				return byGroup;
			},
			new Map(),
		);
	return barChart(
		`Real n8n, create subscription, ${rows.toLocaleString('en-US')} items: requests per second (log scale; * HTTP Request default runs all at once)`,
		[...groups.values()],
		CLIENT_ORDER.map((key) => ({
			key,
			label: N8N_CLIENT_LABELS[key].replace(/ \(.*\)$/, ''),
			colour: COLOURS[key],
		})),
		{ width: 1400, legendWidth: 260 },
	);
}

/** One line per latency and row count: the ratios the README quotes. */
export function n8nSummaryTable(samples: N8nSample[]): string {
	const lines = [
		'| latency | N | axios loop, per item | minimal node / axios | Crayon node / axios | Crayon / minimal node | Crayon, concurrency 16: × sequential throughput (minimal node: ×; axios: ×) | HTTP Request default / axios | Loop → HTTP Request / axios | Crayon token requests per run |',
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const { latencyMs, rows } of configurations(samples)) {
		const get = (client: N8nBenchClient, concurrency = 1) =>
			find(samples, client, latencyMs, rows, concurrency);
		const axios = get('axios');
		const logins = samples
			.filter(
				(sample) =>
					sample.client === 'crayon' && sample.latencyMs === latencyMs && sample.rows === rows,
			)
			.map((sample) => sample.tokenRequests);
		lines.push(
			[
				`${latencyMs} ms`,
				rows.toLocaleString('en-US'),
				axios ? `${perItem(axios).toFixed(2)} ms` : '',
				times(ratio(get('floor'), axios)),
				times(ratio(get('crayon'), axios)),
				times(ratio(get('crayon'), get('floor'))),
				`${times(ratio(get('crayon'), get('crayon', 16)), 1)} (${times(ratio(get('floor'), get('floor', 16)), 1) || '–'}; ${times(ratio(axios, get('axios', 16)), 1)})`,
				times(ratio(get('httpDefault'), axios)),
				times(ratio(get('httpLoop'), axios)),
				[...new Set(logins)].join('/'),
			]
				.join(' | ')
				.replace(/^/, '| ')
				.replace(/$/, ' |'),
		);
	}
	return lines.join('\n');
}
