#!/usr/bin/env node
// End-to-end suite in a real n8n: `npm run test:e2e` (what it does: README.md here).
//
// This file only reads the options and runs the stages in order; each stage lives in
// lib/stages/, the shared helpers in lib/. Stages: toolchains (n8n 2.41.1 on Node 24, n8n
// 2.8.4 on Node 20, cached outside the repository), pack, the workflow cases with `n8n execute`
// and token expiry, queue mode, and the workflow cases again on the compat line.
//
// Options: --skip-compat (no n8n 2.8.4), --skip-queue, --skip-examples, --keep (keep the run
// folder), --no-build (pack the existing dist/; for iterating on the suite only).
// Env: CRAYON_E2E_CACHE (cache folder), CRAYON_E2E_TIMEOUT_MIN (whole-run limit, default 60),
// CRAYON_E2E_TARBALL (test this .tgz instead of building and packing the working tree),
// CRAYON_E2E_EXAMPLES (folder of example workflows to run instead of examples/).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { CACHE_ROOT } from './lib/cache.mjs';
import { startProxyTrap } from './lib/loopback.mjs';
import { killAllNow, stopAll } from './lib/proc.mjs';
import {
	failures,
	formatFailure,
	log,
	printFailures,
	printSummary,
	soft,
	stage,
} from './lib/report.mjs';
import { loadSimulator, stopAllSimulators } from './lib/simulator.mjs';
import { runCompat } from './lib/stages/compat.mjs';
import { pack } from './lib/stages/pack.mjs';
import { runQueueMode } from './lib/stages/queue-mode.mjs';
import { COMPAT, MAIN, installToolchain } from './lib/stages/toolchains.mjs';
import { loadExamples, loadFixtures, runExecuteStages } from './lib/stages/workflows.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');

const KNOWN_ARGS = ['--skip-compat', '--skip-queue', '--skip-examples', '--keep', '--no-build'];
const args = new Set(process.argv.slice(2));
for (const arg of args) {
	if (!KNOWN_ARGS.includes(arg)) {
		process.stderr.write(
			`Unknown option ${arg}. Options: ${KNOWN_ARGS.join(' ')} (see test/e2e/README.md)\n`,
		);
		process.exit(2);
	}
}
const OPTIONS = {
	compat: !args.has('--skip-compat'),
	queue: !args.has('--skip-queue'),
	examples: !args.has('--skip-examples'),
	keep: args.has('--keep'),
	build: !args.has('--no-build'),
};
const RUN_LIMIT_MS = Number(process.env.CRAYON_E2E_TIMEOUT_MIN || 60) * 60_000;

/** What the stages share: paths, the run folder, the tarball, the proxy trap. */
const run = {
	repo: REPO,
	workflowsDir: join(HERE, 'workflows'),
	examplesDir: process.env.CRAYON_E2E_EXAMPLES
		? resolve(process.env.CRAYON_E2E_EXAMPLES)
		: join(REPO, 'examples'),
	runDir: undefined,
	tarball: undefined,
	proxyTrap: undefined,
};

async function main() {
	run.runDir = await mkdtemp(join(tmpdir(), 'n8n-nodes-crayon-e2e-'));
	log(`e2e run folder: ${run.runDir}`);
	run.filesDir = join(run.runDir, 'n8n-files');
	log(`cache: ${CACHE_ROOT}`);
	const installLog = join(run.runDir, 'install.log');

	const n8nMain = await installToolchain(MAIN, { installLog });
	const n8nCompat = OPTIONS.compat ? await installToolchain(COMPAT, { installLog }) : undefined;

	run.tarball = await stage('pack (npm run build && npm pack)', () =>
		pack({ repo: REPO, runDir: run.runDir, build: OPTIONS.build }),
	);
	await loadSimulator(REPO, run.runDir);
	run.proxyTrap = await startProxyTrap();

	const fixtures = await loadFixtures(run.workflowsDir);
	const examples = OPTIONS.examples ? await loadExamples(run) : undefined;

	await runExecuteStages(`n8n ${MAIN.n8n} / Node ${MAIN.node}`, n8nMain, run, {
		fixtures,
		examples,
	});
	if (OPTIONS.queue) await soft(() => runQueueMode(n8nMain, run));
	if (OPTIONS.compat) await runCompat(n8nCompat, run, fixtures);
}

async function cleanup() {
	await stopAll();
	await stopAllSimulators();
	await run.proxyTrap?.stop();
}

const summary = () => ({ cacheRoot: CACHE_ROOT, proxyTrap: run.proxyTrap });

process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		log(`\n${signal}: stopping every process the suite started`);
		printSummary(false, summary());
		if (run.runDir) log(`run folder (kept): ${run.runDir}`);
		cleanup().finally(() => process.exit(130));
	});
}
const watchdog = setTimeout(() => {
	log(
		`\nFAILED: the suite exceeded its ${RUN_LIMIT_MS / 60_000}-minute limit (CRAYON_E2E_TIMEOUT_MIN); stopping everything`,
	);
	printSummary(false, summary());
	cleanup().finally(() => process.exit(1));
}, RUN_LIMIT_MS);
watchdog.unref();

let ok = false;
try {
	await main();
	ok = failures.length === 0;
	if (!ok) printFailures(run.runDir);
} catch (error) {
	log('');
	log(formatFailure(error));
	if (run.runDir) log(`  run folder (kept, with every n8n log): ${run.runDir}`);
} finally {
	await cleanup();
	printSummary(ok, summary());
	if (ok && run.runDir && !OPTIONS.keep) await rm(run.runDir, { recursive: true, force: true });
	else if (ok && run.runDir) log(`run folder kept: ${run.runDir}`);
}
process.exit(ok ? 0 : 1);
