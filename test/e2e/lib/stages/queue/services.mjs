// The queue-mode processes, each in the phase's user folder and started in this order:
// redis-server, `n8n worker` (runs the executions) and `n8n start` (main: triggers, webhooks,
// REST API). Every one is stopped by stop(), also when a later one fails to start.
import { join } from 'node:path';

import { freePort } from '../../loopback.mjs';
import { n8nEnv } from '../../n8n.mjs';
import { cleanEnv, startProcess, stopProcess, tail } from '../../proc.mjs';
import { redisPing, redisServerArgs } from '../../redis.mjs';
import { log, seconds } from '../../report.mjs';
import { httpOk, waitUntil } from '../../wait.mjs';

function exitedReason(child) {
	if (child.exitCode !== null || child.signalCode !== null) {
		return `${child.displayName} exited (${child.exitCode ?? child.signalCode}):\n${tail(child.out + child.err, 30)}`;
	}
	return undefined;
}

export class QueueServices {
	constructor(phase, run) {
		this.phase = phase;
		this.run = run;
		this.processes = [];
	}

	#start(name, command, args, options) {
		const child = startProcess(name, command, args, options);
		this.processes.push(child);
		return child;
	}

	/** The environment of an n8n process in queue mode; each gets its own task-runner port. */
	async #n8nEnv(extra) {
		return n8nEnv(this.phase.n8n, {
			userFolder: this.phase.userFolder,
			brokerPort: await freePort(),
			proxyUrl: this.run.proxyTrap.url,
			extra: {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(this.redisPort),
				// Its background task fetches https://api.n8n.io/api/mcp-servers; nothing here needs it.
				N8N_DISABLED_MODULES: 'mcp-registry',
				...extra,
			},
		});
	}

	async startRedis(binary) {
		const started = Date.now();
		this.redisPort = await freePort();
		const redis = this.#start(
			'redis-server',
			binary,
			redisServerArgs(this.redisPort, this.phase.userFolder),
			{ env: cleanEnv(), logFile: join(this.phase.logDir, 'redis.log') },
		);
		await waitUntil(
			`redis-server on 127.0.0.1:${this.redisPort}`,
			() => redisPing(this.redisPort),
			{
				timeoutMs: 30_000,
				abortIf: () => exitedReason(redis),
			},
		);
		log(`  redis-server on 127.0.0.1:${this.redisPort} (${seconds(Date.now() - started)})`);
	}

	async startWorker() {
		const started = Date.now();
		const n8n = this.phase.n8n;
		const healthPort = await freePort();
		this.worker = this.#start('n8n worker', n8n.node.bin, [n8n.bin, 'worker', '--concurrency=2'], {
			cwd: this.phase.userFolder,
			env: await this.#n8nEnv({
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			}),
			logFile: join(this.phase.logDir, 'worker.log'),
		});
		await waitUntil(
			'the n8n worker to be healthy',
			() => httpOk(`http://127.0.0.1:${healthPort}/healthz`),
			{ timeoutMs: 120_000, intervalMs: 500, abortIf: () => exitedReason(this.worker) },
		);
		log(
			`  n8n worker ready (health check on 127.0.0.1:${healthPort}) (${seconds(Date.now() - started)})`,
		);
	}

	async startMain() {
		const started = Date.now();
		const n8n = this.phase.n8n;
		const port = await freePort();
		const main = this.#start('n8n start', n8n.node.bin, [n8n.bin, 'start'], {
			cwd: this.phase.userFolder,
			env: await this.#n8nEnv({ N8N_PORT: String(port) }),
			logFile: join(this.phase.logDir, 'main.log'),
		});
		this.main = main;
		this.baseUrl = `http://127.0.0.1:${port}`;
		await waitUntil('n8n main to be ready', () => httpOk(`${this.baseUrl}/healthz/readiness`), {
			timeoutMs: 120_000,
			intervalMs: 500,
			abortIf: () => exitedReason(main),
		});
		await waitUntil(
			'n8n main to finish starting (editor URL logged)',
			() => /Editor is now accessible/.test(main.out),
			{ timeoutMs: 60_000, abortIf: () => exitedReason(main) },
		);
		log(`  n8n main ready on ${this.baseUrl} (${seconds(Date.now() - started)})`);
	}

	/**
	 * n8n 2.41 publishes workflows in the background (workflow publication service), so a
	 * webhook appears a little after startup. A GET tells without running anything: once the
	 * POST webhook exists, n8n answers "not registered for GET requests". Resolves with its URL.
	 */
	async waitForWebhook(path) {
		const started = Date.now();
		const url = `${this.baseUrl}/webhook/${path}`;
		await waitUntil(
			`the published workflow's webhook POST /webhook/${path} to be registered`,
			async () => {
				const probe = await fetch(url, { signal: AbortSignal.timeout(5000) });
				const text = await probe.text();
				return probe.status !== 404 || /not registered for GET requests/.test(text);
			},
			{ timeoutMs: 90_000, intervalMs: 500, abortIf: () => exitedReason(this.main) },
		);
		log(`  webhook registered (${seconds(Date.now() - started)})`);
		return url;
	}

	/** The end of main's and the worker's output, for failure reports. */
	processOutput() {
		const { main, worker } = this;
		return `--- main ---\n${tail(main.out + main.err, 25)}\n--- worker ---\n${tail(worker.out + worker.err, 25)}`;
	}

	async stop() {
		for (const child of [...this.processes].reverse()) await stopProcess(child, 15_000);
	}
}
