#!/usr/bin/env node
// Screenshots of the node in a real n8n editor for the README: `npm run screenshots`.
//
// Starts n8n 2.41.1 (the e2e suite's cached toolchain) with the packed package installed as
// n8n installs community packages, the simulator credential and the workflows in
// screenshots/ imported, then drives Debian's Chromium headless through playwright-core and
// writes docs/images/*.png. Needs `apt-get install chromium` and `npm install --no-save
// playwright-core` (neither is a dependency of the project: CI never takes screenshots).
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startProxyTrap, freePort } from './lib/loopback.mjs';
import { n8nEnv } from './lib/n8n.mjs';
import { setUpPhase } from './lib/phase.mjs';
import { startProcess, stopAll } from './lib/proc.mjs';
import { log } from './lib/report.mjs';
import { N8nRest, OWNER } from './lib/rest.mjs';
import { loadSimulator, stopAllSimulators } from './lib/simulator.mjs';
import { pack } from './lib/stages/pack.mjs';
import { MAIN, installToolchain } from './lib/stages/toolchains.mjs';
import { httpOk, waitUntil } from './lib/wait.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const IMAGES = join(REPO, 'docs', 'images');
const VIEWPORT = { width: 1600, height: 1000 };

async function loadPlaywright() {
	try {
		return await import('playwright-core');
	} catch {
		throw new Error('playwright-core is missing: npm install --no-save playwright-core');
	}
}

async function workflows() {
	const dir = join(HERE, 'screenshots');
	const files = (await readdir(dir)).filter((file) => file.endsWith('.json'));
	return await Promise.all(
		files.map(async (file) => JSON.parse(await readFile(join(dir, file), 'utf8'))),
	);
}

async function startEditor(phase, run) {
	const port = await freePort();
	const main = startProcess('n8n start', phase.n8n.node.bin, [phase.n8n.bin, 'start'], {
		cwd: phase.userFolder,
		env: n8nEnv(phase.n8n, {
			userFolder: phase.userFolder,
			brokerPort: await freePort(),
			proxyUrl: run.proxyTrap.url,
			extra: { N8N_PORT: String(port) },
		}),
		logFile: join(phase.logDir, 'main.log'),
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	await waitUntil('n8n to be ready', () => httpOk(`${baseUrl}/healthz/readiness`), {
		timeoutMs: 180_000,
		intervalMs: 500,
	});
	await waitUntil('the editor', () => /Editor is now accessible/.test(main.out), {
		timeoutMs: 60_000,
	});
	await new N8nRest(baseUrl).setUpOwner();
	return baseUrl;
}

/** The editor's sign-in form, as a user fills it in. */
async function signIn(page, baseUrl) {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').fill(OWNER.email);
	await page.locator('input[type="password"]').fill(OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
}

async function openWorkflow(page, baseUrl, id) {
	await page.goto(`${baseUrl}/workflow/${id}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
}

async function openNode(page, name) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor({ timeout: 30_000 });
	await page.waitForTimeout(800);
}

async function closeNode(page) {
	await page.keyboard.press('Escape');
	await page.waitForTimeout(500);
}

async function shoot(page, name) {
	const file = join(IMAGES, `${name}.png`);
	await page.screenshot({ path: file });
	log(`  ${file}`);
}

async function takeScreenshots(baseUrl) {
	const { chromium } = await loadPlaywright();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--no-sandbox'],
	});
	try {
		const page = await browser.newPage({ viewport: VIEWPORT });
		await signIn(page, baseUrl);

		await openWorkflow(page, baseUrl, 'shotBuyFromSheet');
		await page.locator('[data-test-id="execute-workflow-button"]').first().click();
		await page.getByText('Workflow executed successfully').first().waitFor({ timeout: 120_000 });
		await page.waitForTimeout(1000);
		await shoot(page, 'workflow');

		await openNode(page, 'Create subscription');
		await shoot(page, 'create-subscription');
		await page.getByText('Error Branch').first().click();
		// The output panel's JSON view (the input panel has one too, further left).
		await page.getByText('JSON', { exact: true }).last().click();
		await page.waitForTimeout(800);
		await shoot(page, 'error-output');
		await closeNode(page);

		await openWorkflow(page, baseUrl, 'shotSubscriptionList');
		await openNode(page, 'Update quantity');
		await page.locator('[data-test-id="rlc-input"]').first().click();
		await page.locator('[data-test-id="rlc-item"]').first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(800);
		await shoot(page, 'subscription-list');
		await closeNode(page);

		await openWorkflow(page, baseUrl, 'shotTrigger');
		await openNode(page, 'Crayon Trigger');
		await page.getByText('Fetch Test Event').first().click();
		await page
			.getByText('Success Branch')
			.or(page.getByText('1 item'))
			.first()
			.waitFor({ timeout: 60_000 })
			.catch(() => {});
		await page.waitForTimeout(2000);
		await shoot(page, 'trigger');
	} finally {
		await browser.close();
	}
}

async function main() {
	await mkdir(IMAGES, { recursive: true });
	const run = { repo: REPO, runDir: await mkdtemp(join(tmpdir(), 'n8n-nodes-crayon-shots-')) };
	log(`run folder: ${run.runDir}`);
	const n8n = await installToolchain(MAIN, { installLog: join(run.runDir, 'install.log') });
	run.tarball = await pack({ repo: REPO, runDir: run.runDir, build: true });
	await loadSimulator(REPO, run.runDir);
	run.proxyTrap = await startProxyTrap();
	const phase = await setUpPhase('screenshots', n8n, run, await workflows());
	const baseUrl = await startEditor(phase, run);
	log(`  editor on ${baseUrl}`);
	await takeScreenshots(baseUrl);
}

try {
	await main();
} finally {
	await stopAll();
	await stopAllSimulators();
}
process.exit(0);
