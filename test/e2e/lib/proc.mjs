// Child processes of the e2e driver: every one is started in its own process group, tracked,
// time-bounded, and killed (the whole group, by its id) when the driver finishes or dies.
import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, openSync, readFileSync } from 'node:fs';

import { timeout } from './wait.mjs';

/** pid → { name, child } of every process group this driver started and that is still running. */
const live = new Map();

const OUTPUT_LIMIT = 4 * 1024 * 1024;

function appendCapped(current, chunk) {
	const next = current + chunk;
	return next.length > OUTPUT_LIMIT ? next.slice(next.length - OUTPUT_LIMIT) : next;
}

/**
 * Starts a process in its own process group. Its stdout/stderr are kept (last 4 MB) on
 * `child.out` / `child.err` and, if `logFile` is given, written there as well.
 *
 * With `stdoutFile`, stdout goes straight into that file instead (the child writes to the file
 * itself, `child.out` stays empty): output that is parsed must not go through a pipe, because
 * n8n exits before a pipe has drained and several MB of execution JSON lose their end, and
 * the 4 MB cap above would cut their start.
 */
export function startProcess(name, command, args, { env, cwd, logFile, stdin, stdoutFile } = {}) {
	const stdoutFd = stdoutFile === undefined ? undefined : openSync(stdoutFile, 'w');
	let child;
	try {
		child = spawn(command, args, {
			env,
			cwd,
			detached: true,
			stdio: [stdin === undefined ? 'ignore' : 'pipe', stdoutFd ?? 'pipe', 'pipe'],
		});
	} finally {
		// The child has its own copy of the descriptor once spawn() returns.
		if (stdoutFd !== undefined) closeSync(stdoutFd);
	}
	child.displayName = name;
	child.stdoutFile = stdoutFile;
	child.out = '';
	child.err = '';
	const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
	child.stderr.setEncoding('utf8');
	if (child.stdout) {
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk) => {
			child.out = appendCapped(child.out, chunk);
			log?.write(chunk);
		});
	}
	child.stderr.on('data', (chunk) => {
		child.err = appendCapped(child.err, chunk);
		log?.write(chunk);
	});
	if (stdin !== undefined) child.stdin.end(stdin);
	child.exited = new Promise((resolve) => {
		child.on('error', (error) => {
			child.spawnError = error;
			live.delete(child.pid);
			resolve({ code: null, signal: null, error });
		});
		child.on('close', (code, signal) => {
			live.delete(child.pid);
			log?.end();
			resolve({ code, signal });
		});
	});
	if (child.pid !== undefined) live.set(child.pid, { name, child });
	return child;
}

function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

/**
 * SIGKILL to what is left of a child's process group once the child itself may have exited
 * (n8n leaves its task runner behind). An exited child's pid is free again, and pids wrap
 * quickly here (pid_max 32768, several sessions): a new process with that pid would lead a
 * different group, which must not be killed. Linux keeps a pid unallocated while a group of
 * that id has members, so while no process has the pid, the group (if any) is still ours.
 */
function killLeftovers(child) {
	const exited = child.exitCode !== null || child.signalCode !== null;
	if (exited) {
		try {
			process.kill(child.pid, 0);
			return; // the pid belongs to another process now
		} catch (error) {
			if (error.code !== 'ESRCH') return;
		}
	}
	signalGroup(child.pid, 'SIGKILL');
}

/** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once it is gone. */
export async function stopProcess(child, graceMs = 10_000) {
	if (!child || child.pid === undefined) return;
	if (child.exitCode === null && child.signalCode === null) {
		signalGroup(child.pid, 'SIGTERM');
		if ((await Promise.race([child.exited, timeout(graceMs)])) === 'timeout') {
			signalGroup(child.pid, 'SIGKILL');
			await Promise.race([child.exited, timeout(5_000)]);
		}
	}
	// The leader may be gone while the group (e.g. n8n's task runner) is not.
	killLeftovers(child);
	live.delete(child.pid);
}

/** Stops every process group still running, most recently started first. */
export async function stopAll() {
	const entries = [...live.values()].reverse();
	await Promise.all(entries.map(({ child }) => stopProcess(child, 5_000)));
}

/** Last-resort cleanup from an exit handler, where nothing asynchronous can run. */
export function killAllNow() {
	for (const pid of live.keys()) signalGroup(pid, 'SIGKILL');
	live.clear();
}

export class CommandError extends Error {
	constructor(message, result) {
		super(message);
		this.result = result;
	}
}

export function tail(text, lines = 40) {
	const all = String(text ?? '')
		.trimEnd()
		.split('\n');
	return all.slice(-lines).join('\n');
}

/** What the child wrote to stdout: from its file once it has exited, else from the pipe. */
function stdoutOf(child) {
	if (child.stdoutFile === undefined) return child.out;
	try {
		return readFileSync(child.stdoutFile, 'utf8');
	} catch {
		return '';
	}
}

/**
 * Runs a command to completion within `timeoutMs`. Resolves with
 * `{ code, signal, stdout, stderr, ms, stdoutFile }`; rejects on timeout, or on a non-zero exit
 * unless `allowFailure`. With `stdoutFile`, stdout is written there and read after the exit.
 */
export async function runCommand(
	name,
	command,
	args,
	{ env, cwd, timeoutMs, logFile, allowFailure = false, stdin, stdoutFile } = {},
) {
	if (!timeoutMs) throw new Error(`runCommand(${name}) needs a timeout`);
	const started = Date.now();
	const child = startProcess(name, command, args, { env, cwd, logFile, stdin, stdoutFile });
	const outcome = await Promise.race([child.exited, timeout(timeoutMs)]);
	const ms = Date.now() - started;
	if (outcome === 'timeout') {
		await stopProcess(child, 5_000);
		const stdout = stdoutOf(child);
		throw new CommandError(
			`${name} did not finish within ${Math.round(timeoutMs / 1000)} s (killed).\n--- last output ---\n${tail(stdout + child.err)}`,
			{ code: null, stdout, stderr: child.err, ms, stdoutFile },
		);
	}
	// Anything it left behind in its group goes too.
	killLeftovers(child);
	const result = {
		code: outcome.code,
		signal: outcome.signal,
		stdout: stdoutOf(child),
		stderr: child.err,
		ms,
		stdoutFile,
	};
	if (outcome.error)
		throw new CommandError(`${name} could not be started: ${outcome.error.message}`, result);
	if (!allowFailure && outcome.code !== 0) {
		throw new CommandError(
			`${name} failed (exit ${outcome.code ?? outcome.signal}).\n--- last output ---\n${tail(child.err || result.stdout)}`,
			result,
		);
	}
	return result;
}

/** Environment without the npm_* variables `npm run` injects (they would steer nested npm and n8n). */
export function cleanEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (
			/^npm_/i.test(key) &&
			!/^npm_config_(registry|cache|userconfig|globalconfig|strict_ssl|cafile|ca)$/i.test(key)
		)
			continue;
		if (/^(INIT_CWD|NODE_OPTIONS|NODE_PATH|N8N_.*|DB_.*|EXECUTIONS_.*|QUEUE_.*)$/.test(key))
			continue;
		env[key] = value;
	}
	return { ...env, ...extra };
}
