// Queue mode, the webhook workflow (QUEUE_CASE): called over HTTP on main, run by the worker.
// Checked: the HTTP answer, the execution stored in SQLite (mode webhook, status success, the
// Crayon node's output), the worker's log lines, and the simulator's requests: the worker
// reuses the token main fetched earlier and saved in the credential.
import { QUEUE_CASE } from '../../../queue-cases.mjs';
import { E2eFailure, check, checkEqual } from '../../check.mjs';
import { nodeRun } from '../../execution.mjs';
import { log, seconds } from '../../report.mjs';
import {
	bearer,
	checkApiRequestHeaders,
	checkLoginRequest,
	matchRequests,
	splitLogins,
} from '../../requests.mjs';
import { TOKEN_PATH } from '../../simulator.mjs';
import { checkRanOnWorker, waitForExecution } from './executions.mjs';
import { isTriggerPoll } from './trigger.mjs';

/** POSTs QUEUE_CASE.body to `url`; resolves with the parsed JSON answer. */
async function callWebhook(url, context) {
	let response;
	let responseBody;
	const started = Date.now();
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
		`  POST /webhook/${QUEUE_CASE.webhookPath} → ${response.status} ${responseBody.slice(0, 200)} (${seconds(Date.now() - started)})`,
	);
	check(
		response.status === 200,
		`the webhook answered HTTP ${response.status}: ${responseBody.slice(0, 500)}`,
		context(),
	);
	try {
		return JSON.parse(responseBody);
	} catch {
		throw new E2eFailure(
			`the webhook did not answer JSON: ${responseBody.slice(0, 500)}`,
			context(),
		);
	}
}

export async function checkWebhookWorkflow(phase, workflow, url, services) {
	const context = () => ({
		phase: phase.label,
		workflow: `${workflow.name} (${QUEUE_CASE.file}, id ${workflow.id})`,
		node: QUEUE_CASE.node,
		requests: [...phase.log, ...phase.sim.requests],
		output: services.processOutput(),
		logFile: phase.logDir,
	});
	phase.takeRequests(); // everything before: the trigger's polls, the list searches
	const earlierToken = phase.tokenSoFar();
	const answer = await callWebhook(url, context);
	check(
		answer.IsSuccessful === true && Number.isInteger(answer.SubscriptionId),
		'the webhook response is not the placed order with its subscription ID',
		context(),
	);

	// The execution as stored by the worker.
	const execution = await waitForExecution(
		phase,
		'the execution to be stored as finished',
		(candidate) => candidate.workflowId === workflow.id && candidate.finished,
		{ timeoutMs: 30_000, context },
	);
	const run = nodeRun(execution.runData, QUEUE_CASE.node);
	const errorContext = {
		...context(),
		nodeErrors: run?.error ? [{ node: QUEUE_CASE.node, error: run.error }] : [],
	};
	check(
		execution.status === 'success' && execution.mode === 'webhook',
		`execution ${execution.id} is ${execution.status} (mode ${execution.mode})`,
		errorContext,
	);
	check(
		run?.executionStatus === 'success',
		`the Crayon node's run in execution ${execution.id} is not successful`,
		errorContext,
	);
	const [item] = run.data?.main?.[0] ?? [];
	checkEqual(
		{
			SubscriptionId: item?.json?.SubscriptionId,
			NewCommerceOrderId: item?.json?.NewCommerceOrderId,
		},
		{ SubscriptionId: answer.SubscriptionId, NewCommerceOrderId: answer.NewCommerceOrderId },
		'the stored execution data does not hold the order the webhook returned',
		errorContext,
	);
	await checkRanOnWorker(services.worker, execution.id, errorContext);
	log(
		`  ✓ execution ${execution.id} (mode webhook) ran on the worker: "Worker started/finished execution ${execution.id}", status success`,
	);

	// What the simulator saw (besides the trigger's scheduled polls): the order and its polls,
	// with the token main fetched earlier and saved in the credential (no login), or, if main
	// never logged in, one login by the worker.
	const requests = phase.takeRequests().filter((request) => !isTriggerPoll(request));
	const { logins, api } = splitLogins(requests);
	const requestContext = { ...errorContext, requests };
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
	const [productId, skuId] = QUEUE_CASE.body.partNumber.split(':');
	const { customerTenantId, quantity, billingCycle, termDuration } = QUEUE_CASE.body;
	matchRequests(
		api,
		[
			// Verify All Items First (on by default): the purchase as a one-line order, then the order.
			{
				method: 'POST',
				path: '/api/v1/purchaserequest/verify',
				status: 200,
				body: {
					resellerCustomerId: customerTenantId,
					orderLines: [{ productId, skuId, quantity, billingCycle, termDuration, type: 3 }],
				},
			},
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
		`  ✓ simulator: ${logins.length} login(s), verify and POST new-commerce-orders with the webhook's body, ${api.length - 2} poll(s)`,
	);
}
