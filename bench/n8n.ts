/**
 * The real-n8n mode (`npm run bench -- --n8n`): the packed package installed in n8n 2.41.1
 * from the e2e suite's cache (test/e2e/lib does the installing, packing and `n8n execute`),
 * every client run as its own `n8n execute` against the simulator in this process's worker
 * thread. A client's time is read from the execution data (its nodes' first start to their
 * last end), so n8n's start-up is left out; the execution JSON is read from a file.
 */
import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { DEFAULT_CREDENTIALS } from '../simulator';
import { axiosLoop, makeRows } from './clients';
import {
	credentialReference,
	installBenchPackage,
	workflowCase,
	type N8nClientName,
	type N8nWorkflowCase,
} from './n8n-workflows';
import type { RemoteSimulator } from './simulator-worker';

const REPO = resolve(__dirname, '..');

/** What this mode uses of the e2e suite's library (test/e2e/lib, plain ES modules). */
export interface N8nInstall {
	version: string;
	bin: string;
	node: { version: string; bin: string };
}
interface CliResult {
	code: number | null;
	stdout: string;
	logFile: string;
}
interface N8nCliLike {
	run(
		args: string[],
		options: {
			timeoutMs: number;
			allowFailure: boolean;
			label: string;
			stdoutToFile: boolean;
			extraEnv?: Record<string, string>;
		},
	): Promise<CliResult>;
	importCredentials(credentials: object[]): Promise<void>;
	importWorkflows(workflows: object[]): Promise<void>;
}
/** A process started by the e2e library: its output so far, and a promise of its end. */
export interface E2eProcess {
	out: string;
	exited: Promise<unknown>;
}
interface N8nRestLike {
	setUpOwner(): Promise<unknown>;
	resourceLocatorResults(request: {
		nodeType: string;
		path: string;
		methodName: string;
		currentNodeParameters: object;
		credentials: object;
		filter?: string;
		paginationToken?: unknown;
	}): Promise<{ status: number; json?: { data?: { results?: unknown[] } }; text: string }>;
}
export interface E2eLib {
	MAIN: { n8n: string; node: string };
	installToolchain(
		toolchain: { n8n: string; node: string },
		options: { installLog: string },
	): Promise<N8nInstall>;
	pack(options: { repo: string; runDir: string; build: boolean }): Promise<string>;
	installCommunityPackage(
		n8n: N8nInstall,
		options: { userFolder: string; tarball: string; logFile: string },
	): Promise<unknown>;
	N8nCli: new (
		n8n: N8nInstall,
		options: { userFolder: string; brokerPort: number; proxyUrl?: string; logDir: string },
	) => N8nCliLike;
	n8nEnv(
		n8n: N8nInstall,
		options: { userFolder: string; brokerPort: number; extra?: Record<string, string> },
	): Record<string, string>;
	N8nRest: new (baseUrl: string) => N8nRestLike;
	freePort(): Promise<number>;
	parseExecution(output: string): Execution | undefined;
	startProcess(
		name: string,
		command: string,
		args: string[],
		options: { env: Record<string, string>; cwd: string; logFile: string },
	): E2eProcess;
	stopProcess(child: E2eProcess): Promise<void>;
	waitUntil<T>(
		what: string,
		probe: () => Promise<T> | T,
		options: { timeoutMs: number; intervalMs?: number },
	): Promise<T>;
	httpOk(url: string): Promise<boolean>;
	stopAll(): Promise<void>;
}

interface NodeRun {
	startTime: number;
	executionTime: number;
	error?: { message?: string };
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}
export interface Execution {
	data: { resultData: { runData: Record<string, NodeRun[]>; error?: { message?: string } } };
}

async function loadE2eLib(): Promise<E2eLib> {
	const load = async (file: string) =>
		(await import(pathToFileURL(join(REPO, 'test', 'e2e', 'lib', file)).href)) as object;
	return Object.assign(
		{},
		...(await Promise.all(
			[
				'stages/toolchains.mjs',
				'stages/pack.mjs',
				'n8n.mjs',
				'loopback.mjs',
				'execution.mjs',
				'proc.mjs',
				'rest.mjs',
				'wait.mjs',
			].map(load),
		)),
	) as E2eLib;
}

export type N8nBenchClient = N8nClientName | 'axios';

export interface N8nSample {
	client: N8nBenchClient;
	latencyMs: number;
	rows: number;
	concurrency: number;
	/** The client's own time: for n8n, from its nodes' execution data (start-up excluded). */
	nodeMs: number;
	/** The whole `n8n execute` process (start-up and shutdown included); the axios loop's wall time. */
	processMs: number;
	tokenRequests: number;
	purchases: number;
	/** Every row bought exactly once and the execution without an error. */
	ok: boolean;
	error?: string;
}

export interface N8nPlanEntry {
	latencyMs: number;
	rows: number;
	runs: Array<{ client: N8nBenchClient; concurrency: number }>;
}

export const N8N_CONCURRENCIES = [4, 8, 16];
export const FLOOR_CONCURRENCY = 16;

/** Which part of the plan to run (`--latency=0,20 --rows=100 --clients=axios,crayon`); all when unset. */
export interface N8nPlanFilter {
	latencies?: number[];
	rows?: number[];
	clients?: N8nBenchClient[];
}

export function n8nPlan({ quick = false, only = {} as N8nPlanFilter } = {}): N8nPlanEntry[] {
	const plan: N8nPlanEntry[] = [];
	for (const latencyMs of only.latencies ?? (quick ? [0, 20] : [0, 20, 100])) {
		for (const rows of only.rows ?? (quick ? [100] : [100, 1000])) {
			const runs: N8nPlanEntry['runs'] = [
				{ client: 'axios', concurrency: 1 },
				{ client: 'floor', concurrency: 1 },
				{ client: 'crayon', concurrency: 1 },
				{ client: 'httpDefault', concurrency: 1 },
				{ client: 'httpLoop', concurrency: 1 },
			];
			// The node as it comes (verifying each row first) costs a round trip more per row.
			if (rows <= 100) runs.push({ client: 'crayonVerify', concurrency: 1 });
			for (const concurrency of N8N_CONCURRENCIES) {
				runs.push({ client: 'crayon', concurrency }, { client: 'axios', concurrency });
			}
			// n8n's floor for the scaling: every body evaluated before the first request, then 16 at once.
			runs.push({ client: 'floor', concurrency: FLOOR_CONCURRENCY });
			const { clients } = only;
			plan.push({
				latencyMs,
				rows,
				runs: clients ? runs.filter(({ client }) => clients.includes(client)) : runs,
			});
		}
	}
	return plan;
}

/** From the first start to the last end of the timed nodes' runs. */
function spanOf(execution: Execution, nodes: string[]): number {
	const runs = nodes.flatMap((name) => execution.data.resultData.runData[name] ?? []);
	if (runs.length === 0) return NaN;
	const start = Math.min(...runs.map((run) => run.startTime));
	const end = Math.max(...runs.map((run) => run.startTime + run.executionTime));
	return end - start;
}

export interface N8nBenchOptions {
	quick: boolean;
	only?: N8nPlanFilter;
	/** Folder for CPU profiles of the n8n processes of the Crayon node at 0 ms (node --cpu-prof). */
	profileDir?: string;
	/**
	 * n8n's expression engine for every run (`N8N_EXPRESSION_ENGINE`: 2.41 offers `vm`, its
	 * default, `legacy` and `quickjs`): what the node's scaling is once evaluating its mapped
	 * fields costs less. Unset, n8n's default.
	 */
	expressionEngine?: string;
	log: (line: string) => void;
}

export interface N8nBenchRun {
	n8nVersion: string;
	nodeVersion: string;
	samples: N8nSample[];
	profiles: Array<{ rows: number; concurrency: number; files: string[] }>;
}

/** n8n 2.41.1 with the packed package and the bench package installed, and its CLI. */
export interface N8nSetup {
	e2e: E2eLib;
	n8n: N8nInstall;
	cli: N8nCliLike;
	userFolder: string;
	logDir: string;
}

/** Installs n8n and the packages in a new run folder, hands them to `use`, then stops every process left. */
export async function withN8n<T>(
	log: (line: string) => void,
	use: (setup: N8nSetup) => Promise<T>,
): Promise<T> {
	const e2e = await loadE2eLib();
	const runDir = await mkdtemp(join(tmpdir(), 'n8n-nodes-crayon-bench-'));
	log(`run folder: ${runDir}`);
	try {
		const n8n = await e2e.installToolchain(e2e.MAIN, { installLog: join(runDir, 'install.log') });
		const tarball = await e2e.pack({ repo: REPO, runDir, build: true });
		const userFolder = join(runDir, 'n8n');
		const logDir = join(userFolder, 'logs');
		await mkdir(logDir, { recursive: true });
		await e2e.installCommunityPackage(n8n, {
			userFolder,
			tarball,
			logFile: join(logDir, 'install-package.log'),
		});
		await installBenchPackage(userFolder);
		// No proxy: n8n's request path as users run it.
		const cli = new e2e.N8nCli(n8n, { userFolder, brokerPort: await e2e.freePort(), logDir });
		return await use({ e2e, n8n, cli, userFolder, logDir });
	} finally {
		await e2e.stopAll();
	}
}

/**
 * Imports the workflows, each with a credential of its own without a token (every run logs in
 * once), and `moreCredentialIds` for what runs outside a workflow.
 */
export async function importCases(
	{ cli }: N8nSetup,
	cases: N8nWorkflowCase[],
	baseUrl: string,
	moreCredentialIds: string[] = [],
): Promise<void> {
	const { clientId, clientSecret, username, password, scope } = DEFAULT_CREDENTIALS;
	await cli.importCredentials(
		[...cases.map((found) => found.credentialId), ...moreCredentialIds].map((id) => ({
			...credentialReference(id),
			type: 'crayonApi',
			data: { baseUrl, clientId, clientSecret, username, password, scope },
		})),
	);
	await cli.importWorkflows(cases.map((found) => found.workflow));
}

export interface CaseRun {
	execution?: Execution;
	/** The timed nodes' span in the execution data (NaN without an execution). */
	nodeMs: number;
	processMs: number;
	/** The execution's error and its timed nodes' errors, or why there is no execution. */
	errors: string[];
}

/** One `n8n execute` of the case's workflow, its execution read from a file. */
export async function executeCase(
	{ e2e, cli }: N8nSetup,
	found: N8nWorkflowCase,
	label: string,
	extraEnv?: Record<string, string>,
): Promise<CaseRun> {
	const started = performance.now();
	const result = await cli.run(['execute', `--id=${found.id}`, '--rawOutput'], {
		timeoutMs: 15 * 60_000,
		allowFailure: true,
		label: `execute-${found.id}-${label}`,
		stdoutToFile: true,
		extraEnv,
	});
	const processMs = performance.now() - started;
	const execution = e2e.parseExecution(result.stdout);
	if (!execution) {
		return {
			nodeMs: NaN,
			processMs,
			errors: [`no execution printed (exit ${result.code}); see ${result.logFile}`],
		};
	}
	const { runData, error } = execution.data.resultData;
	const errors = [
		error?.message,
		...found.timedNodes.flatMap((name) => (runData[name] ?? []).map((run) => run.error?.message)),
	].filter((message): message is string => Boolean(message));
	return { execution, nodeMs: spanOf(execution, found.timedNodes), processMs, errors };
}

/** The items of a node's first output in its last run. */
export function outputOf(execution: Execution, nodeName: string): Array<Record<string, unknown>> {
	const runs = execution.data.resultData.runData[nodeName] ?? [];
	return (runs.at(-1)?.data?.main?.[0] ?? []).map((item) => item.json);
}

export async function runN8nBench(
	simulator: RemoteSimulator,
	{ quick, only, profileDir, expressionEngine, log }: N8nBenchOptions,
): Promise<N8nBenchRun> {
	const engineEnv: Record<string, string> = expressionEngine
		? { N8N_EXPRESSION_ENGINE: expressionEngine }
		: {};
	return await withN8n(log, async (setup) => {
		const plan = n8nPlan({ quick, only });
		const cases = new Map<string, N8nWorkflowCase>();
		for (const { rows, runs } of plan) {
			for (const { client, concurrency } of runs) {
				if (client === 'axios') continue;
				const found = workflowCase(client, rows, concurrency, simulator.baseUrl);
				cases.set(found.id, found);
			}
		}
		await importCases(setup, [...cases.values()], simulator.baseUrl);
		log(
			`n8n ${setup.n8n.version} on Node ${setup.n8n.node.version}: ${cases.size} workflows imported`,
		);

		// The axios loop runs in this process: its code is compiled and its caches warm before it is timed.
		await simulator.reset(0);
		await axiosLoop(simulator.baseUrl, makeRows(1000), 1);

		const samples: N8nSample[] = [];
		const profiles: N8nBenchRun['profiles'] = [];
		for (const { latencyMs, rows, runs } of plan) {
			const sheet = makeRows(rows);
			for (const { client, concurrency } of runs) {
				await simulator.reset(latencyMs);
				let sample: Omit<N8nSample, 'tokenRequests' | 'purchases' | 'ok'> & { failed?: boolean };
				if (client === 'axios') {
					const started = performance.now();
					const result = await axiosLoop(simulator.baseUrl, sheet, concurrency);
					const wallMs = performance.now() - started;
					sample = {
						client,
						latencyMs,
						rows,
						concurrency,
						nodeMs: wallMs,
						processMs: wallMs,
						failed: result.failures > 0,
					};
				} else {
					const found = workflowCase(client, rows, concurrency, simulator.baseUrl);
					const profile =
						profileDir !== undefined &&
						client === 'crayon' &&
						latencyMs === 0 &&
						[1, 16].includes(concurrency);
					const profileFolder = profile
						? join(profileDir, `crayon-${rows}-c${concurrency}`)
						: undefined;
					if (profileFolder) await mkdir(profileFolder, { recursive: true });
					const { nodeMs, processMs, errors } = await executeCase(
						setup,
						found,
						`${latencyMs}ms`,
						profileFolder
							? { ...engineEnv, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileFolder}` }
							: engineEnv,
					);
					sample = {
						client,
						latencyMs,
						rows,
						concurrency,
						nodeMs,
						processMs,
						failed: errors.length > 0,
						error: errors.length > 0 ? errors[0].slice(0, 300) : undefined,
					};
					if (profileFolder) {
						profiles.push({
							rows,
							concurrency,
							files: (await readdir(profileFolder)).map((file) => join(profileFolder, file)),
						});
					}
				}
				const stats = await simulator.stats();
				const { failed, ...rest } = sample;
				const done: N8nSample = {
					...rest,
					tokenRequests: stats.tokenRequests,
					purchases: stats.purchases,
					ok: !failed && stats.purchases === rows,
				};
				samples.push(done);
				log(
					`${latencyMs} ms, N=${rows}, ${client} c${concurrency}: ${done.nodeMs.toFixed(0)} ms ` +
						`(${(done.nodeMs / rows).toFixed(2)} ms/item; process ${(done.processMs / 1000).toFixed(1)} s), ` +
						`${done.tokenRequests} login(s), ${done.purchases} bought${done.ok ? '' : ` ⚠ ${done.error ?? 'not all bought'}`}`,
				);
			}
		}
		if (profileDir !== undefined) log(`${profiles.length} CPU profile run(s) in ${profileDir}`);
		return {
			n8nVersion: setup.n8n.version,
			nodeVersion: setup.n8n.node.version,
			samples,
			profiles,
		};
	});
}
