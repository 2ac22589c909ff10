// Reads what n8n stored in its SQLite database (executions, a workflow's static data) while it
// runs. The readers are separate scripts run with n8n's own Node (node:sqlite, n8n's flatted);
// their stdout, the whole execution history as JSON, goes to a file and is parsed from there.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { nodeEnv } from './cache.mjs';
import { runCommand } from './proc.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

async function runReader(phase, name, script, args, outputName) {
	const { stdout } = await runCommand(
		name,
		phase.n8n.node.bin,
		[
			'--no-warnings',
			join(HERE, script),
			join(phase.userFolder, '.n8n', 'database.sqlite'),
			...args,
		],
		{ env: nodeEnv(phase.n8n.node), timeoutMs: 30_000, stdoutFile: join(phase.logDir, outputName) },
	);
	return JSON.parse(stdout);
}

/** Every stored execution: `{ id, workflowId, mode, status, finished, stoppedAt, runData, error }`. */
export async function readExecutions(phase) {
	return await runReader(
		phase,
		'read executions',
		'read-executions.mjs',
		[join(phase.n8n.dir, 'node_modules', 'n8n')],
		'executions.json',
	);
}

/** A workflow's static data (where polling triggers keep their cursor), or null. */
export async function readStaticData(phase, workflowId) {
	return await runReader(
		phase,
		'read static data',
		'read-static-data.mjs',
		[workflowId],
		`static-data-${workflowId}.json`,
	);
}
