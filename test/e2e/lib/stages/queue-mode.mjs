// Stage 5: queue mode on the main n8n line. redis-server, `n8n worker` and `n8n start` in a
// fresh user folder with two published workflows, then, in this order (each later check
// relies on the token the earlier ones left in the credential): the Crayon Trigger's first
// poll, the list searches, the webhook workflow, one login for all, the credential test.
import { join } from 'node:path';

import { QUEUE_CASE, TRIGGER_CASE } from '../../queue-cases.mjs';
import { setUpPhase } from '../phase.mjs';
import { log, seconds, soft, stage } from '../report.mjs';
import { checkSingleLogin } from '../requests.mjs';
import { ensureRedisServer } from '../redis.mjs';
import { N8nRest } from '../rest.mjs';
import { stopSimulator } from '../simulator.mjs';
import { checkCredentialTest } from './queue/credential-test.mjs';
import { checkListSearches } from './queue/list-searches.mjs';
import { QueueServices } from './queue/services.mjs';
import { checkTriggerFirstPoll } from './queue/trigger.mjs';
import { checkWebhookWorkflow } from './queue/webhook.mjs';
import { readWorkflow } from './workflows.mjs';

export async function runQueueMode(n8n, run) {
	const redisBinary = await stage('queue mode: redis-server', () => ensureRedisServer(run.runDir));
	await stage(
		`queue mode: n8n ${n8n.version} main + worker, Crayon Trigger, list search, webhook workflow, credential test`,
		async () => {
			const workflow = await readWorkflow(join(run.workflowsDir, QUEUE_CASE.file));
			const triggerWorkflow = await readWorkflow(join(run.workflowsDir, TRIGGER_CASE.file));
			const phase = await setUpPhase(`n8n ${n8n.version} queue mode`, n8n, run, [
				workflow,
				triggerWorkflow,
			]);
			const services = new QueueServices(phase, run);
			try {
				for (const published of [workflow, triggerWorkflow]) {
					const started = Date.now();
					await phase.cli.publishWorkflow(published.id);
					log(`  published ${published.id} (${seconds(Date.now() - started)})`);
				}
				await services.startRedis(redisBinary);
				await services.startWorker();
				// Main activates the published trigger workflow at startup, which runs its first poll.
				await services.startMain();
				const url = await services.waitForWebhook(QUEUE_CASE.webhookPath);

				await soft(() => checkTriggerFirstPoll(phase, triggerWorkflow, services));
				// The editor's "From list": n8n's REST API, as an owner, on the main process.
				const rest = new N8nRest(services.baseUrl);
				await soft(() => checkListSearches(phase, rest, services));
				await soft(() => checkWebhookWorkflow(phase, workflow, url, services));
				await soft(() =>
					checkSingleLogin(phase, {
						note: 'main (trigger poll, list searches) and worker (webhook execution) share it',
					}),
				);
				// Last: testing a credential always logs in and saves the new token in the credential.
				await soft(() => checkCredentialTest(phase, rest, services));
			} finally {
				await services.stop();
				await stopSimulator(phase.sim);
				await phase.smtp.stop();
			}
		},
	);
}
