/**
 * Benchmark: the Crayon node run by n8n-core's WorkflowExecute, a minimal n8n node and a
 * plain axios loop, all creating the same subscriptions in the simulator (which runs in a
 * worker thread of this process). Writes bench/results/latest.{json,md,svg}.
 *
 *   npm run bench             the full plan (a few minutes)
 *   npm run bench -- --quick  100 rows per configuration, to check that it runs
 *   npm run bench -- --n8n    the real-n8n mode (bench/n8n.ts): the packed package in n8n 2.41.1
 *                             from the e2e cache, beside n8n's HTTP Request node, a minimal node
 *                             and the axios loop; writes bench/results/n8n-latest.{json,md,svg}
 *                             (with --quick: 100 rows at 0 and 20 ms, nothing written;
 *                             --profile=<dir>: CPU profiles of the Crayon node's n8n processes at 0 ms, sequential and concurrency 16;
 *                             --latency=0,20 --rows=100 --clients=axios,crayon: part of the plan;
 *                             --expression-engine=legacy: every run with that N8N_EXPRESSION_ENGINE,
 *                             written to bench/results/n8n-<engine>-latest.*)
 *   npm run bench -- --n8n --reads   instead: Get Many with Return All over 1,000 more subscriptions
 *                             and a list search page, each beside axios, at 0 and 20 ms
 *                             (--rows=<N> subscriptions, --latency); writes bench/results/n8n-reads-latest.{json,md}
 *   npm run bench -- --n8n --memory  instead: the heap held beyond the output by Create at N = 100
 *                             and 10,000 (--rows), beside the minimal node; writes bench/results/n8n-memory-latest.{json,md}
 *                             (--expression-engine=legacy: with that engine, to n8n-memory-<engine>-latest.*)
 *                             (--reads and --memory together share one n8n install; with --quick: N = 100, 0 ms, nothing written)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

import { fullPlan, quickPlan } from '../bench/plan';
import {
	checkTargets,
	markdownTable,
	memorySlopes,
	memoryTable,
	summariseAll,
	targetsTable,
	throughputChart,
} from '../bench/report';
import { runN8nBench, type N8nBenchClient } from '../bench/n8n';
import { READ_PAGE_SIZE, runN8nReads } from '../bench/n8n-reads';
import {
	getManyTable,
	listSearchTable,
	memorySlopes as n8nMemorySlopes,
	memoryTable as n8nMemoryTable,
	memoryTargets,
	readTargets,
} from '../bench/n8n-reads-report';
import { n8nChart, n8nSummaryTable, n8nTable, n8nTargets } from '../bench/n8n-report';
import { runPlan, warmUp } from '../bench/run';
import { serveSimulator, startSimulatorWorker } from '../bench/simulator-worker';

const RESULTS_DIR = path.resolve(__dirname, '..', 'bench', 'results');
const CHART_ROWS = 1000;

function machine() {
	const cpus = os.cpus();
	return {
		cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
		node: process.version,
		platform: `${os.platform()} ${os.release()}`,
		loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
	};
}

/** Prints the tables; unless `quick`, writes bench/results/<name>.{md,json} (and .svg when there is a chart). */
function writeResults(
	name: string,
	quick: boolean,
	log: (line: string) => void,
	{ markdown, svg, json }: { markdown: string; svg?: string; json: object },
): void {
	process.stdout.write(`\n${markdown}\n`);
	if (quick) {
		log('quick run: bench/results/ left as it was');
		return;
	}
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	fs.writeFileSync(path.join(RESULTS_DIR, `${name}.md`), markdown);
	if (svg !== undefined) fs.writeFileSync(path.join(RESULTS_DIR, `${name}.svg`), svg);
	fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(json, null, '\t')}\n`);
	log(
		`wrote ${path.relative(process.cwd(), RESULTS_DIR)}/${name}.{md,${svg === undefined ? '' : 'svg,'}json}`,
	);
}

const option = (name: string) =>
	process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const list = (name: string) => option(name)?.split(',');

/** The first line of a real-n8n report: where, when, how loaded and how long. */
function n8nPreamble(
	run: { n8nVersion: string; nodeVersion: string },
	machineAtStart: ReturnType<typeof machine>,
	machineAtEnd: ReturnType<typeof machine>,
	durationSeconds: number,
	how: string,
	command: string,
): string {
	return (
		`Measured ${new Date().toISOString().slice(0, 10)} in n8n ${run.n8nVersion} on Node ${run.nodeVersion} (${how}), ` +
		`${machineAtStart.cpu} (load average ${machineAtStart.loadAverage.join(' ')} at the start, ${machineAtEnd.loadAverage.join(' ')} at the end); ` +
		`the whole benchmark took ${durationSeconds} s. Reproduce with \`${command}\`.`
	);
}

/** `--n8n --reads` / `--memory`: Get Many and a list search page beside axios, the heap around Create. */
async function mainN8nReads(
	quick: boolean,
	log: (line: string) => void,
	machineAtStart: ReturnType<typeof machine>,
): Promise<void> {
	const started = Date.now();
	const rows = list('rows')?.map(Number);
	const latencies = list('latency')?.map(Number) ?? (quick ? [0] : [0, 20]);
	const reads = process.argv.includes('--reads')
		? {
				subscriptions: rows?.[0] ?? (quick ? 100 : 1000),
				latencies,
				getManyRuns: quick ? 1 : 3,
				listSearchCalls: quick ? 10 : 50,
			}
		: undefined;
	const expressionEngine = option('expression-engine');
	const memory = process.argv.includes('--memory')
		? { rows: rows ?? (quick ? [100] : [100, 10_000]), expressionEngine }
		: undefined;
	const simulator = await startSimulatorWorker(__filename);
	let run;
	try {
		run = await runN8nReads(simulator, { reads, memory, log });
	} finally {
		await simulator.stop();
	}
	const durationSeconds = Math.round((Date.now() - started) / 1000);
	const machineAtEnd = machine();
	const json = {
		date: new Date().toISOString(),
		durationSeconds,
		machine: { atStart: machineAtStart, atEnd: machineAtEnd },
		n8n: run.n8nVersion,
		node: run.nodeVersion,
	};
	const preamble = (how: string, flags: string) =>
		n8nPreamble(
			run,
			machineAtStart,
			machineAtEnd,
			durationSeconds,
			how,
			`npm run bench -- --n8n ${flags}`,
		);
	if (reads) {
		const targets = readTargets(run.getMany, run.listSearch);
		const markdown = [
			preamble(
				"Get Many as its own `n8n execute`, node time from the execution data; the list search through a running n8n's REST API, timed from the benchmark process",
				'--reads',
			),
			'',
			`Subscription → Get Many, Return All (page size ${READ_PAGE_SIZE}, every status, Simplify on: the node's defaults):`,
			'',
			getManyTable(run.getMany),
			'',
			'One page of the Subscription "From list" (Subscription → Get, `searchSubscriptions`, first page, no filter), after a warm-up:',
			'',
			listSearchTable(run.listSearch),
			'',
			targetsTable(targets),
			'',
		].join('\n');
		writeResults('n8n-reads-latest', quick, log, {
			markdown,
			json: { ...json, reads, targets, getMany: run.getMany, listSearch: run.listSearch },
		});
	}
	if (memory) {
		const targets = memoryTargets(run.memory);
		const markdown = [
			preamble(
				`\`n8n execute\` with \`--expose-gc\`, a heap probe node before and after the measured node${expressionEngine ? `; N8N_EXPRESSION_ENGINE=${expressionEngine}` : ''}`,
				`--memory${expressionEngine ? ` --expression-engine=${expressionEngine}` : ''}`,
			),
			'',
			"Subscription → Create (three mapped fields, Verify All Items First off) and the minimal node, each between two heap probes (heap after a full collection); the output measured as a structured clone of its items' json:",
			'',
			n8nMemoryTable(run.memory),
			'',
			targetsTable(targets),
			'',
		].join('\n');
		writeResults(
			expressionEngine ? `n8n-memory-${expressionEngine}-latest` : 'n8n-memory-latest',
			quick,
			log,
			{
				markdown,
				json: {
					...json,
					memory,
					targets,
					slopes: n8nMemorySlopes(run.memory),
					samples: run.memory,
				},
			},
		);
	}
}

async function mainN8n(
	quick: boolean,
	log: (line: string) => void,
	machineAtStart: ReturnType<typeof machine>,
): Promise<void> {
	const started = Date.now();
	const profileDir = option('profile') ? path.resolve(option('profile') as string) : undefined;
	// Another engine than n8n's default is a comparison, written beside the reference results.
	const expressionEngine = option('expression-engine');
	const only = {
		latencies: list('latency')?.map(Number),
		rows: list('rows')?.map(Number),
		clients: list('clients') as N8nBenchClient[] | undefined,
	};
	const simulator = await startSimulatorWorker(__filename);
	let run;
	try {
		run = await runN8nBench(simulator, { quick, only, profileDir, expressionEngine, log });
	} finally {
		await simulator.stop();
	}
	const targets = n8nTargets(run.samples);
	const durationSeconds = Math.round((Date.now() - started) / 1000);
	const machineAtEnd = machine();
	const chartRows = Math.max(...run.samples.map((sample) => sample.rows));
	const markdown = [
		n8nPreamble(
			run,
			machineAtStart,
			machineAtEnd,
			durationSeconds,
			`the packed tarball as a community package, \`n8n execute\` per run, node time from the execution data, one run per row${expressionEngine ? `; N8N_EXPRESSION_ENGINE=${expressionEngine}` : ''}`,
			`npm run bench -- --n8n${expressionEngine ? ` --expression-engine=${expressionEngine}` : ''}`,
		),
		'',
		n8nSummaryTable(run.samples),
		'',
		n8nTable(run.samples),
		'',
		targetsTable(targets),
		'',
	].join('\n');
	writeResults(expressionEngine ? `n8n-${expressionEngine}-latest` : 'n8n-latest', quick, log, {
		markdown,
		svg: n8nChart(run.samples, chartRows),
		json: {
			date: new Date().toISOString(),
			durationSeconds,
			machine: { atStart: machineAtStart, atEnd: machineAtEnd },
			n8n: run.n8nVersion,
			node: run.nodeVersion,
			targets,
			samples: run.samples,
			profiles: run.profiles,
		},
	});
}

async function main(): Promise<void> {
	const quick = process.argv.includes('--quick');
	const plan = quick ? quickPlan() : fullPlan();
	const started = Date.now();
	const machineAtStart = machine();
	const log = (line: string) =>
		process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
	log(
		`${machineAtStart.cpu}, Node ${machineAtStart.node}, load average ${machineAtStart.loadAverage.join(' ')}`,
	);
	if (process.argv.includes('--n8n')) {
		const readsOrMemory = ['--reads', '--memory'].some((flag) => process.argv.includes(flag));
		await (readsOrMemory ? mainN8nReads : mainN8n)(quick, log, machineAtStart);
		return;
	}

	const simulator = await startSimulatorWorker(__filename);
	let results;
	try {
		log('warming up');
		await warmUp(simulator);
		results = await runPlan(simulator, plan, log);
	} finally {
		await simulator.stop();
	}

	const rows = summariseAll(results);
	const slopes = memorySlopes(results);
	const targets = checkTargets(rows, slopes);
	const durationSeconds = Math.round((Date.now() - started) / 1000);
	const machineAtEnd = machine();
	const chartRows = rows.some((row) => row.configuration.rows === CHART_ROWS)
		? CHART_ROWS
		: rows[0].configuration.rows;
	const markdown = [
		`Measured ${new Date().toISOString().slice(0, 10)} on ${machineAtStart.cpu}, Node ${machineAtStart.node} ` +
			`(load average ${machineAtStart.loadAverage[0]} at the start, ${machineAtEnd.loadAverage[0]} at the end); ` +
			`the whole benchmark took ${durationSeconds} s. Reproduce with \`npm run bench\`.`,
		'',
		markdownTable(rows),
		'',
		'Memory held after a run beyond the item data, per added item (heap after a full GC, between the smallest and the largest run):',
		'',
		memoryTable(slopes),
		'',
		targetsTable(targets),
		'',
	].join('\n');

	writeResults('latest', quick, log, {
		markdown,
		svg: throughputChart(rows, chartRows),
		json: {
			date: new Date().toISOString(),
			durationSeconds,
			machine: { atStart: machineAtStart, atEnd: machineAtEnd },
			summary: rows,
			memory: slopes,
			targets,
			samples: results,
		},
	});
}

if (isMainThread) {
	main().catch((error: unknown) => {
		process.stderr.write(
			`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exitCode = 1;
	});
} else {
	void serveSimulator();
}
