// Runs one workflow case: `n8n execute` in a phase's user folder, then the checks every run
// gets (execution printed, exit code, logins, headers of every API call), the case's own
// `verify(ctx)` and its purchase count. A failure carries the whole run's context.
import { check, withContext } from './check.mjs';
import { caseContext } from './case-context.mjs';
import { executionErrors } from './execution.mjs';
import { log, seconds } from './report.mjs';
import { bearer, checkApiRequestHeaders, checkLoginRequest, splitLogins } from './requests.mjs';
import { TOKEN_PATH } from './simulator.mjs';

const CASE_KEYS = ['file', 'source', 'crayonNodes', 'exitCode', 'purchases', 'verify'];

/** The names of a workflow's Crayon nodes (action and trigger). */
export function crayonNodesOf(workflow) {
	return workflow.nodes
		.filter((node) => node.type.startsWith('n8n-nodes-crayon.'))
		.map((node) => node.name);
}

/**
 * A case as written in cases.mjs, checked and completed: a misspelt key or a node name that
 * is not in the workflow fails at load time instead of silently checking nothing.
 */
export function completeCase(testCase, workflow) {
	const where = `case ${testCase.file ?? testCase.source}`;
	const unknown = Object.keys(testCase).filter((key) => !CASE_KEYS.includes(key));
	check(
		unknown.length === 0,
		`${where}: unknown key(s) ${unknown.join(', ')} (known: ${CASE_KEYS.join(', ')})`,
	);
	check(typeof testCase.verify === 'function', `${where} has no verify(ctx) function`);
	const names = workflow.nodes.map((node) => node.name);
	const missing = (testCase.crayonNodes ?? []).filter((name) => !names.includes(name));
	check(missing.length === 0, `${where}: no node named ${missing.join(', ')} in the workflow`);
	return { exitCode: 0, crayonNodes: crayonNodesOf(workflow), ...testCase };
}

/**
 * The logins expected in a run in a user folder where nothing expired: one, first, in a fresh
 * folder; none once a token is stored in the credential. Returns the API requests.
 */
export function firstLoginThenReuse(phase, requests, context) {
	const { logins, api } = splitLogins(requests);
	if (phase.token === undefined) {
		check(
			logins.length === 1,
			`expected one login on the first run in a fresh n8n, saw ${logins.length}`,
			context,
		);
		check(requests[0]?.path === TOKEN_PATH, 'the login was not the first request', context);
		checkLoginRequest(logins[0], context);
		phase.token = bearer(api[0]);
	} else {
		check(
			logins.length === 0,
			`n8n logged in again (${logins.length}×) although the token from an earlier execution is still valid: it was not reused from the stored credential`,
			context,
		);
	}
	return api;
}

/**
 * Runs `workflow` with `n8n execute` and checks it against `testCase`. `checkLogins(phase,
 * requests, context)` checks the logins of the run and returns the API requests to check
 * further (the token-expiry stage passes its own).
 */
export async function runWorkflowCase(
	phase,
	workflow,
	testCase,
	{ checkLogins = firstLoginThenReuse } = {},
) {
	const purchasesBefore = phase.sim.purchaseCount();
	phase.sim.clearRequests();
	const started = Date.now();
	const result = await phase.cli.execute(workflow.id);
	const exitCode = effectiveExitCode(result);
	const requests = phase.takeRequests();
	const nodeErrors = executionErrors(result.execution);
	const output = `${result.stdout}\n${result.stderr}`;
	const context = {
		phase: phase.label,
		workflow: `${workflow.name} (${testCase.source ?? testCase.file}, id ${workflow.id})`,
		node: testCase.crayonNodes?.join(', '),
		requests,
		// Killed by a signal, n8n has no exit code; the signal says by what (SIGKILL, SIGSEGV…).
		exitCode: result.code ?? `none (signal ${result.signal})`,
		nodeErrors,
		output,
		logFile: result.logFile,
		stdoutFile: result.stdoutFile,
	};
	await withContext(
		context,
		() => {
			check(result.execution !== undefined, 'n8n printed no execution data', context);
			check(
				exitCode === testCase.exitCode,
				`n8n execute exited with ${result.code ?? `signal ${result.signal}`}, expected ${testCase.exitCode}${nodeErrors.length ? '' : ' (and no node reported an error)'}`,
				context,
			);
			if (testCase.exitCode === 0) check(nodeErrors.length === 0, 'a node failed', context);
			const apiRequests = checkLogins(phase, requests, context);
			checkApiRequestHeaders(apiRequests, phase.token, context);
			testCase.verify(
				caseContext({ phase, execution: result.execution, nodeErrors, apiRequests, output }),
			);
			if (testCase.purchases !== undefined) {
				const purchases = phase.sim.purchaseCount() - purchasesBefore;
				check(
					purchases === testCase.purchases,
					`the simulator processed ${purchases} purchase(s), expected ${testCase.purchases}`,
					context,
				);
			}
		},
		{ requests, nodeErrors },
	);
	log(
		`  ✓ ${workflow.name}: exit ${exitCode}, ${requests.length} request(s) (${seconds(Date.now() - started)})`,
	);
}

/** Signals of a process that crashed rather than being stopped. */
const CRASH_SIGNALS = new Set(['SIGSEGV', 'SIGBUS', 'SIGABRT']);

/**
 * n8n's exit code, or, when n8n crashed while shutting down after it had printed the whole
 * execution (seen once with n8n 2.41.1 on Node 24: SIGSEGV after a finished, stored execution),
 * the code it exits with for that execution: 0 for a success, 1 otherwise. A crash before the
 * execution was printed stays a failure. The crash is logged either way.
 */
function effectiveExitCode(result) {
	if (result.code !== null || !CRASH_SIGNALS.has(result.signal) || !result.execution?.stoppedAt) {
		return result.code;
	}
	log(
		`  note: n8n crashed with ${result.signal} while shutting down, after printing the finished execution (status ${result.execution.status})`,
	);
	return result.execution.status === 'success' ? 0 : 1;
}

/** Checks that apply to any workflow: it succeeds and every Crayon node outputs clean items. */
export function genericCase(source, workflow) {
	const crayonNodes = workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-crayon.crayon')
		.map((node) => node.name);
	return {
		source,
		crayonNodes,
		exitCode: 0,
		verify({ items, apiRequests, expectNoSecrets }) {
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
			expectNoSecrets();
		},
	};
}
