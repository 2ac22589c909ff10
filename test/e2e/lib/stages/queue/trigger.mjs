// Queue mode, the Crayon Trigger. `n8n execute` cannot run a polling trigger, so it runs as in
// production: n8n polls once when it activates the published workflow at startup. Checked:
// the stored execution (mode trigger, run by the worker), its items, the cursor in the
// workflow's static data, and the requests (the stage's first login, then the poll).
import { TRIGGER_CASE } from '../../../queue-cases.mjs';
import { check, withContext } from '../../check.mjs';
import { nodeRun } from '../../execution.mjs';
import { readStaticData } from '../../n8n-db.mjs';
import { log, seconds } from '../../report.mjs';
import {
	bearer,
	checkApiRequestHeaders,
	checkLoginRequest,
	matchRequests,
	splitLogins,
} from '../../requests.mjs';
import { TOKEN_PATH, seed } from '../../simulator.mjs';
import { checkRanOnWorker, waitForExecution } from './executions.mjs';

/**
 * A scheduled poll of the published trigger. Polls come at a random second of every minute,
 * so the later checks of the stage leave them out of the requests they compare.
 */
export function isTriggerPoll(request) {
	const poll = TRIGGER_CASE.pollRequest;
	return (
		request.method === poll.method &&
		request.path === poll.path &&
		request.query?.customerTenantId === poll.query.customerTenantId
	);
}

export async function checkTriggerFirstPoll(phase, workflow, services) {
	const node = TRIGGER_CASE.node;
	const context = (extra = {}) => ({
		phase: phase.label,
		workflow: `${workflow.name} (${TRIGGER_CASE.file}, id ${workflow.id})`,
		node,
		requests: [...phase.log, ...phase.sim.requests],
		output: services.processOutput(),
		logFile: phase.logDir,
		...extra,
	});
	const started = Date.now();
	const execution = await waitForExecution(
		phase,
		`an execution of ${workflow.id} (the trigger's first poll, run on activation) to be stored as finished`,
		(candidate) => candidate.workflowId === workflow.id && candidate.stoppedAt,
		{ timeoutMs: 60_000, context },
	);
	const run = nodeRun(execution.runData, node);
	const errorContext = context({
		nodeErrors: [run?.error ?? execution.error].filter(Boolean).map((error) => ({ node, error })),
	});
	check(
		execution.status === 'success' && execution.mode === 'trigger',
		`execution ${execution.id} is ${execution.status} (mode ${execution.mode})`,
		errorContext,
	);
	const items = run?.data?.main?.[0];
	check(Array.isArray(items), `"${node}" has no output in execution ${execution.id}`, errorContext);
	// What the poll read: the tenant's subscriptions as they were (nothing else changes them yet).
	const subscriptions = [...phase.sim.state.subscriptionsOfTenant(TRIGGER_CASE.customerTenantId)];
	const staticData = await readStaticData(phase, workflow.id);
	await withContext(errorContext, () =>
		TRIGGER_CASE.verify({ items, subscriptions, staticData, SEED: seed() }),
	);
	await checkRanOnWorker(services.worker, execution.id, errorContext);

	// Main logged in for the poll (the stage's first login); any later scheduled poll reuses it.
	const requests = phase.takeRequests();
	const requestContext = { ...errorContext, requests };
	const { logins, api } = splitLogins(requests);
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
		`  ✓ Crayon Trigger: execution ${execution.id} (mode trigger, on the worker) output customer tenant ${TRIGGER_CASE.customerTenantId}'s ${items.length} subscriptions as "new", cursor in static data; simulator: 1 login, ${api.length} poll(s) (${seconds(Date.now() - started)})`,
	);
}
