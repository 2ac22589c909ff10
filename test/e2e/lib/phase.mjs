// A phase: one fresh n8n user folder with the packed package installed as n8n installs
// community packages, the simulator credential and some workflows imported, its own
// simulator, and the request log and token of everything run in it (the token must be
// fetched once per user folder and then reused from the stored credential).
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';

import { freePort } from './loopback.mjs';
import { CREDENTIAL, N8nCli, installCommunityPackage } from './n8n.mjs';
import { log } from './report.mjs';
import { bearer } from './requests.mjs';
import { credentialFor, startSimulator } from './simulator.mjs';
import { startSmtpCapture } from './smtp.mjs';

export class Phase {
	constructor({ label, n8n, cli, sim, smtp, userFolder, logDir }) {
		Object.assign(this, { label, n8n, cli, sim, smtp, userFolder, logDir });
		/** Every simulator request of the phase so far (taken out of the simulator's log). */
		this.log = [];
		/** The token the phase's logins fetched last, once known. */
		this.token = undefined;
	}

	/** Moves the simulator's requests since the last call into the phase log and returns them. */
	takeRequests() {
		const requests = [...this.sim.requests];
		this.sim.clearRequests();
		this.log.push(...requests);
		return requests;
	}

	/** The bearer token of the latest API request in the phase's log, if any (then no login is due). */
	tokenSoFar() {
		return this.log.map(bearer).filter(Boolean).at(-1);
	}
}

/**
 * A fresh user folder in the run folder with `run.tarball` installed, the credentials (the
 * Crayon one pointing at a new simulator, an SMTP one at a new loopback SMTP capture) and
 * `workflows` imported. The caller stops `phase.sim` and `phase.smtp` when done.
 */
export async function setUpPhase(label, n8n, run, workflows) {
	const userFolder = await mkdtemp(join(run.runDir, `${label.replace(/[^A-Za-z0-9.]+/g, '-')}-`));
	const logDir = join(userFolder, 'logs');
	await mkdir(logDir, { recursive: true });
	const sim = await startSimulator();
	const smtp = await startSmtpCapture();
	const cli = new N8nCli(n8n, {
		userFolder,
		brokerPort: await freePort(),
		proxyUrl: run.proxyTrap.url,
		logDir,
		filesDir: run.filesDir,
	});
	const installed = await installCommunityPackage(n8n, {
		userFolder,
		tarball: run.tarball,
		logFile: join(logDir, 'install-package.log'),
	});
	log(
		`  installed ${installed.packageDir} (${installed.version}) as n8n does for community packages`,
	);
	await cli.importCredentials([...credentialFor(sim), smtp.credential]);
	log(`  imported credential "${CREDENTIAL.name}" (${CREDENTIAL.type}) → ${sim.baseUrl}`);
	log(
		`  imported credential "${smtp.credential.name}" (smtp) → 127.0.0.1:${smtp.port} (captures, sends nothing)`,
	);
	await cli.importWorkflows(workflows);
	log(
		`  imported ${workflows.length} workflow(s): ${workflows.map((workflow) => workflow.id).join(', ')}`,
	);
	return new Phase({ label, n8n, cli, sim, smtp, userFolder, logDir });
}
