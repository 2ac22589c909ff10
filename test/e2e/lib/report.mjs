// What the run prints: progress lines, each stage with its duration, failed checks (which
// workflow, which node, the node's error and the simulator's request log) and the summary.
import { E2eFailure, indent } from './check.mjs';
import { tail } from './proc.mjs';
import { TOKEN_PATH } from './simulator.mjs';

const suiteStarted = Date.now();
/** { name, ms, ok, note } of every stage, in order, for the summary table. */
const stages = [];
/** Failed checks; the suite goes on with the next workflow and reports them all. */
export const failures = [];

export function log(message = '') {
	process.stdout.write(`${message}\n`);
}

export function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Runs one stage, printing its name and duration. It counts as failed if it threw or a check
 * inside it failed softly; a result with `cached` notes "from cache" / "installed".
 */
export async function stage(name, fn) {
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

/** Runs a check; a failed one is printed and recorded, and the suite carries on. */
export async function soft(fn) {
	try {
		await fn();
	} catch (error) {
		failures.push(error);
		log('');
		log(formatFailure(error));
		log('');
	}
}

function shorten(text, max) {
	return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** Tokens are long random strings; the log calls them T1, T2, … in order of first use. */
function tokenNamer() {
	const names = new Map();
	return (authorization) => {
		if (!authorization) return 'no auth';
		const [scheme, value] = authorization.split(' ', 2);
		if (scheme !== 'Bearer') return `${scheme} auth`;
		if (!names.has(value)) names.set(value, `T${names.size + 1}`);
		return `Bearer ${names.get(value)}`;
	};
}

export function formatRequestLog(requests, { maxBody = 400 } = {}) {
	if (!requests?.length) return '    (no requests)';
	const nameToken = tokenNamer();
	return requests
		.map((request, index) => {
			const query = Object.keys(request.query ?? {}).length
				? `?${new URLSearchParams(request.query)}`
				: '';
			const auth =
				request.path === TOKEN_PATH
					? 'client Basic auth'
					: nameToken(request.headers?.authorization);
			const body =
				request.body === undefined ? '' : ` ${shorten(JSON.stringify(request.body), maxBody)}`;
			const fault = request.fault ? ` [fault: ${request.fault}]` : '';
			return `    #${index + 1} ${request.method} ${request.path}${query} → ${request.status || 'dropped'} (${auth})${fault}${body}`;
		})
		.join('\n');
}

function describeNodeError(error) {
	if (!error) return undefined;
	const parts = [error.message ?? String(error)];
	if (error.description) parts.push(`description: ${error.description}`);
	if (error.httpCode) parts.push(`httpCode: ${error.httpCode}`);
	return parts.join('\n');
}

/** n8n prints the whole execution as JSON (from a line `{` to a line `}`); the report has it parsed. */
function withoutExecutionJson(output) {
	const kept = [];
	let inside = false;
	for (const line of String(output).split('\n')) {
		if (!inside && line.trimEnd() === '{') inside = true;
		else if (inside && line.trimEnd() === '}') inside = false;
		else if (!inside) kept.push(line);
	}
	return kept.join('\n');
}

/** The block printed for a failed check. */
export function formatFailure(failure) {
	const context = failure.context ?? {};
	const lines = [`FAILED: ${failure.message}`];
	if (context.phase) lines.push(`  phase:    ${context.phase}`);
	if (context.workflow) lines.push(`  workflow: ${context.workflow}`);
	if (context.node) lines.push(`  node:     ${context.node}`);
	const nodeErrors = context.nodeErrors ?? [];
	for (const { node, error } of nodeErrors) {
		lines.push(`  error in node "${node}":`);
		lines.push(indent(describeNodeError(error), 6));
	}
	if (context.exitCode !== undefined) lines.push(`  n8n exit code: ${context.exitCode}`);
	if (context.requests) {
		lines.push(
			`  simulator request log (${context.requests.length} requests${context.requestsNote ? `, ${context.requestsNote}` : ''}):`,
		);
		lines.push(formatRequestLog(context.requests));
	}
	if (context.output) {
		lines.push('  last n8n output (execution JSON left out):');
		lines.push(indent(tail(withoutExecutionJson(context.output), 30), 6));
	}
	if (context.stdoutFile) {
		lines.push(`  n8n stdout (with the execution JSON): ${context.stdoutFile}`);
		lines.push(`  n8n stderr: ${context.logFile}`);
	} else if (context.logFile) lines.push(`  full n8n log: ${context.logFile}`);
	// A failed command says what it needs to; for anything else unexpected, show where it came from.
	if (!(failure instanceof E2eFailure) && failure.result === undefined && failure.stack) {
		lines.push(
			indent(
				failure.stack
					.split('\n')
					.filter((line) => /^\s+at /.test(line))
					.join('\n'),
				2,
			),
		);
	}
	return lines.join('\n');
}

/** One line per failed check, after the run (the full reports were printed as they failed). */
export function printFailures(runDir) {
	log(`\n${failures.length} check(s) failed:`);
	for (const failure of failures)
		log(
			`  - ${failure.context?.workflow ?? failure.context?.phase ?? ''}: ${failure.message.split('\n')[0]}`,
		);
	log(`  run folder (kept, with every n8n log): ${runDir}`);
}

/** The summary table: every stage with its duration, the total, and outbound attempts. */
export function printSummary(ok, { cacheRoot, proxyTrap }) {
	log('\n=== summary');
	const width = Math.max(...stages.map((entry) => entry.name.length));
	for (const entry of stages) {
		log(
			`  ${entry.name.padEnd(width)}  ${seconds(entry.ms).padStart(9)}${entry.ok ? '' : '  FAILED'}${entry.note ? `  (${entry.note})` : ''}`,
		);
	}
	log(`  ${'total'.padEnd(width)}  ${seconds(Date.now() - suiteStarted).padStart(9)}`);
	log(`  cache: ${cacheRoot}`);
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
