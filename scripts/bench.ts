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
 *                             --latency=0,20 --rows=100 --clients=axios,crayon: part of the plan)
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

/** Prints the tables; unless `quick`, writes bench/results/<name>.{md,svg,json}. */
function writeResults(
	name: string,
	quick: boolean,
	log: (line: string) => void,
	{ markdown, svg, json }: { markdown: string; svg: string; json: object },
): void {
	process.stdout.write(`\n${markdown}\n`);
	if (quick) {
		log('quick run: bench/results/ left as it was');
		return;
	}
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	fs.writeFileSync(path.join(RESULTS_DIR, `${name}.md`), markdown);
	fs.writeFileSync(path.join(RESULTS_DIR, `${name}.svg`), svg);
	fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(json, null, '\t')}\n`);
	log(`wrote ${path.relative(process.cwd(), RESULTS_DIR)}/${name}.{md,svg,json}`);
}

async function mainN8n(
	quick: boolean,
	log: (line: string) => void,
	machineAtStart: ReturnType<typeof machine>,
): Promise<void> {
	const started = Date.now();
	const option = (name: string) =>
		process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
	const list = (name: string) => option(name)?.split(',');
	const profileDir = option('profile') ? path.resolve(option('profile') as string) : undefined;
	const only = {
		latencies: list('latency')?.map(Number),
		rows: list('rows')?.map(Number),
		clients: list('clients') as N8nBenchClient[] | undefined,
	};
	const simulator = await startSimulatorWorker(__filename);
	let run;
	try {
		run = await runN8nBench(simulator, { quick, only, profileDir, log });
	} finally {
		await simulator.stop();
	}
	const targets = n8nTargets(run.samples);
	const durationSeconds = Math.round((Date.now() - started) / 1000);
	const machineAtEnd = machine();
	const chartRows = Math.max(...run.samples.map((sample) => sample.rows));
	const markdown = [
		`Measured ${new Date().toISOString().slice(0, 10)} in n8n ${run.n8nVersion} on Node ${run.nodeVersion} (the packed tarball as a community package, \`n8n execute\` per run, node time from the execution data), ` +
			`${machineAtStart.cpu} (load average ${machineAtStart.loadAverage[0]} at the start, ${machineAtEnd.loadAverage[0]} at the end); ` +
			`the whole benchmark took ${durationSeconds} s, one run per row. Reproduce with \`npm run bench -- --n8n\`.`,
		'',
		n8nSummaryTable(run.samples),
		'',
		n8nTable(run.samples),
		'',
		targetsTable(targets),
		'',
	].join('\n');
	writeResults('n8n-latest', quick, log, {
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
		await mainN8n(quick, log, machineAtStart);
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
