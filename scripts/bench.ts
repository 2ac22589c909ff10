/**
 * Benchmark: the Crayon node run by n8n-core's WorkflowExecute, a minimal n8n node and a
 * plain axios loop, all creating the same subscriptions in the simulator (which runs in a
 * worker thread of this process). Writes bench/results/latest.{json,md,svg}.
 *
 *   npm run bench             the full plan (a few minutes)
 *   npm run bench -- --quick  100 rows per configuration, to check that it runs
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

	process.stdout.write(`\n${markdown}\n`);
	if (quick) {
		log('quick run: bench/results/ left as it was');
		return;
	}
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	fs.writeFileSync(path.join(RESULTS_DIR, 'latest.md'), markdown);
	fs.writeFileSync(path.join(RESULTS_DIR, 'latest.svg'), throughputChart(rows, chartRows));
	fs.writeFileSync(
		path.join(RESULTS_DIR, 'latest.json'),
		`${JSON.stringify({ date: new Date().toISOString(), durationSeconds, machine: { atStart: machineAtStart, atEnd: machineAtEnd }, summary: rows, memory: slopes, targets, samples: results }, null, '\t')}\n`,
	);
	log(`wrote ${path.relative(process.cwd(), RESULTS_DIR)}/latest.{md,svg,json}`);
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
