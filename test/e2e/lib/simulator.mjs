// The Crayon API simulator, run inside this driver process (a plain node:http server on
// 127.0.0.1), so the suite reads its request log and expires its tokens directly. One
// simulator per n8n user folder: each phase starts with Crayon's seed data and no tokens.
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { CREDENTIAL } from './n8n.mjs';

/** Crayon's login endpoint (the password grant n8n's preAuthentication sends). */
export const TOKEN_PATH = '/api/v1/connect/token';

/** The bundled simulator/index.ts, once loadSimulator() has run. */
let bundle;
const running = new Set();

/** Bundles simulator/index.ts (TypeScript) with the repository's esbuild and loads it. */
export async function loadSimulator(repoRoot, outDir) {
	const require = createRequire(join(repoRoot, 'package.json'));
	const esbuild = require('esbuild');
	const outfile = join(outDir, 'simulator.cjs');
	await esbuild.build({
		entryPoints: [join(repoRoot, 'simulator', 'index.ts')],
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		packages: 'external',
		outfile,
		logLevel: 'warning',
	});
	bundle = require(outfile);
	return bundle;
}

function loaded() {
	if (!bundle) throw new Error('loadSimulator() has not run yet');
	return bundle;
}

/** The simulator's seed data (tenant ids, part numbers, offers) that cases refer to. */
export function seed() {
	return loaded().SEED;
}

/** The login the simulator accepts: client ID and secret, user name, password, scope. */
export function simulatorLogin() {
	return loaded().DEFAULT_CREDENTIALS;
}

export async function startSimulator() {
	// The NCE processing delay is shortened so "wait for subscription ID" polls a few times, fast.
	const sim = await loaded().startSimulator({ newCommerceOrderProcessingDelayMs: 1000 });
	running.add(sim);
	return sim;
}

export async function stopSimulator(sim) {
	if (!sim || !running.has(sim)) return;
	running.delete(sim);
	await sim.stop();
}

export async function stopAllSimulators() {
	for (const sim of [...running]) await stopSimulator(sim);
}

/** The credential `n8n import:credentials` gets: the simulator's login, at its address. */
export function credentialFor(sim) {
	const { clientId, clientSecret, username, password, scope } = simulatorLogin();
	return [
		{
			...CREDENTIAL,
			data: { baseUrl: sim.baseUrl, clientId, clientSecret, username, password, scope },
		},
	];
}
