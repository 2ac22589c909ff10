// In queue mode the executions are not printed anywhere: they are read back from n8n's
// database, and the worker's log tells that the worker (not main) ran them.
import { check, failsAs } from '../../check.mjs';
import { readExecutions } from '../../n8n-db.mjs';
import { waitUntil } from '../../wait.mjs';

/** Resolves with the first stored execution matching `predicate`, polling n8n's database. */
export async function waitForExecution(phase, what, predicate, { timeoutMs, context }) {
	return await failsAs(context, () =>
		waitUntil(what, async () => (await readExecutions(phase)).find(predicate), {
			timeoutMs,
			intervalMs: 500,
		}),
	);
}

/** The worker logged "Worker started execution N" and "Worker finished execution N". */
export async function checkRanOnWorker(worker, executionId, context) {
	await failsAs(context, () =>
		waitUntil(
			`the worker to log execution ${executionId}`,
			() => worker.out.includes(`Worker finished execution ${executionId} `),
			{ timeoutMs: 15_000 },
		),
	);
	check(
		worker.out.includes(`Worker started execution ${executionId} `),
		`the worker did not log starting execution ${executionId}`,
		context,
	);
}
