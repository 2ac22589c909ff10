// Stage 6: the `n8n execute` stages again (workflow cases, one login, token expiry; no
// examples, no queue mode) on the compat line: the oldest n8n 2.x line still in wide use,
// on Node 20, so the package keeps working for users who have not upgraded.
import { runExecuteStages } from './workflows.mjs';
import { COMPAT } from './toolchains.mjs';

export async function runCompat(n8n, run, fixtures) {
	await runExecuteStages(`n8n ${COMPAT.n8n} / Node ${COMPAT.node}`, n8n, run, { fixtures });
}
