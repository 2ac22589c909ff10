// Driving a real n8n installation through its CLI: environment, community package install,
// imports, publishing and `n8n execute`.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { nodeEnv, npm } from './cache.mjs';
import { parseExecution } from './execution.mjs';
import { runCommand } from './proc.mjs';

export const ENCRYPTION_KEY = 'n8n-nodes-crayon-e2e-fixed-encryption-key';
export const CREDENTIAL = { id: 'crayon-simulator', name: 'Crayon (simulator)', type: 'crayonApi' };
export const PACKAGE_NAME = 'n8n-nodes-crayon';

/**
 * Environment for one n8n process. Everything n8n would fetch from the internet is switched
 * off, and any HTTP(S) that is left goes to `proxyUrl` (a recording trap on loopback).
 */
export function n8nEnv(n8n, { userFolder, brokerPort, proxyUrl, filesDir, extra = {} }) {
	const proxy = proxyUrl
		? {
				HTTP_PROXY: proxyUrl,
				HTTPS_PROXY: proxyUrl,
				ALL_PROXY: proxyUrl,
				http_proxy: proxyUrl,
				https_proxy: proxyUrl,
				all_proxy: proxyUrl,
				NO_PROXY: '127.0.0.1,localhost,::1',
				no_proxy: '127.0.0.1,localhost,::1',
			}
		: {};
	return nodeEnv(n8n.node, {
		...proxy,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		N8N_LOG_LEVEL: 'info',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_SECURE_COOKIE: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		// The only folder Read/Write Files from Disk may read (n8n 2.x default: ~/.n8n-files).
		...(filesDir ? { N8N_RESTRICT_FILE_ACCESS_TO: filesDir } : {}),
		...extra,
	});
}

async function readJson(file) {
	return JSON.parse(await readFile(file, 'utf8'));
}

/**
 * Installs the packed tarball into `<userFolder>/.n8n/nodes` with the steps n8n 2.x's
 * CommunityPackagesService.downloadPackage takes after its `npm pack <name>@<version>`:
 * extract into nodes/node_modules/<name>, drop dev/peer/optional dependencies from its
 * package.json, `npm install` there with n8n's flags, and record it in nodes/package.json.
 * (n8n finds it by scanning nodes/node_modules; the installed_packages table only feeds the UI.)
 */
export async function installCommunityPackage(n8n, { userFolder, tarball, logFile }) {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	await rm(packageDir, { recursive: true, force: true });
	await mkdir(packageDir, { recursive: true });
	await runCommand('tar -xzf', 'tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], {
		timeoutMs: 60_000,
	});
	const packageJsonPath = join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...packageJson } =
		await readJson(packageJsonPath);
	await writeFile(packageJsonPath, JSON.stringify(packageJson, null, 2));
	await npm(
		n8n.node,
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageDir, timeoutMs: 5 * 60_000, logFile },
	);
	const ledgerPath = join(nodesDir, 'package.json');
	const ledger = existsSync(ledgerPath)
		? await readJson(ledgerPath)
		: { name: 'installed-nodes', private: true, dependencies: {} };
	ledger.dependencies = { ...ledger.dependencies, [PACKAGE_NAME]: packageJson.version };
	await writeFile(ledgerPath, JSON.stringify(ledger, null, 2));
	return { packageDir, version: packageJson.version };
}

export class N8nCli {
	constructor(n8n, { userFolder, brokerPort, proxyUrl, logDir, filesDir }) {
		this.n8n = n8n;
		this.filesDir = filesDir;
		this.userFolder = userFolder;
		this.brokerPort = brokerPort;
		this.proxyUrl = proxyUrl;
		this.logDir = logDir;
		this.counter = 0;
	}

	env(extra) {
		return n8nEnv(this.n8n, {
			userFolder: this.userFolder,
			brokerPort: this.brokerPort,
			proxyUrl: this.proxyUrl,
			filesDir: this.filesDir,
			extra,
		});
	}

	/** NN-<label>.<ext> in the log folder, numbered in the order the commands ran. */
	logFile(label, ext = 'log') {
		this.counter += 1;
		return join(
			this.logDir,
			`${String(this.counter).padStart(2, '0')}-${label.replace(/[^A-Za-z0-9_.-]+/g, '_')}.${ext}`,
		);
	}

	/**
	 * Runs `n8n <args>` to completion, its output in NN-<label>.log. With `stdoutToFile`, stdout
	 * goes to NN-<label>.stdout instead and stderr to NN-<label>.stderr, and stdout is read from
	 * its file once n8n has exited: use it for every command whose output is parsed. Resolves
	 * with runCommand's result plus `logFile` (the .log or .stderr file).
	 */
	async run(
		args,
		{ timeoutMs = 180_000, allowFailure = false, label = args[0], extraEnv, stdoutToFile } = {},
	) {
		const logFile = this.logFile(label, stdoutToFile ? 'stderr' : 'log');
		const result = await runCommand(
			`n8n ${args.join(' ')}`,
			this.n8n.node.bin,
			[this.n8n.bin, ...args],
			{
				env: this.env(extraEnv),
				cwd: this.userFolder,
				timeoutMs,
				allowFailure,
				logFile,
				stdoutFile: stdoutToFile ? logFile.replace(/\.stderr$/, '.stdout') : undefined,
			},
		);
		return { ...result, logFile };
	}

	async importCredentials(credentials) {
		const file = join(this.userFolder, 'e2e-credentials.json');
		await writeFile(file, JSON.stringify(credentials, null, 2));
		await this.run(['import:credentials', `--input=${file}`], { label: 'import-credentials' });
	}

	async importWorkflows(workflows) {
		const file = join(this.userFolder, 'e2e-workflows.json');
		await writeFile(file, JSON.stringify(workflows, null, 2));
		await this.run(['import:workflow', `--input=${file}`], { label: 'import-workflows' });
	}

	/** Makes a workflow active for the next `n8n start` (its triggers and webhooks). */
	async publishWorkflow(workflowId) {
		await this.run(['publish:workflow', `--id=${workflowId}`], {
			label: `publish-${workflowId}`,
			timeoutMs: 120_000,
		});
	}

	/**
	 * `n8n execute --id --rawOutput`. Resolves with the exit code, the parsed execution (printed
	 * on success, and logged on failure), the raw output for the failure report, and the files.
	 */
	async execute(workflowId, { timeoutMs = 180_000 } = {}) {
		const result = await this.run(['execute', `--id=${workflowId}`, '--rawOutput'], {
			timeoutMs,
			allowFailure: true,
			label: `execute-${workflowId}`,
			stdoutToFile: true,
		});
		return { ...result, execution: parseExecution(result.stdout) ?? parseExecution(result.stderr) };
	}
}
