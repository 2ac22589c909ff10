// Debian's redis-server for queue mode: found on the PATH, or installed with apt-get (the only
// thing the suite installs outside its cache), and a PING to tell when it is up.
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

import { cleanEnv, runCommand, tail } from './proc.mjs';
import { log } from './report.mjs';

function findRedisServer() {
	return [
		...(process.env.PATH ?? '').split(':').filter(Boolean),
		'/usr/bin',
		'/usr/local/bin',
		'/usr/sbin',
	]
		.map((dir) => join(dir, 'redis-server'))
		.find((path) => existsSync(path));
}

/** Resolves with the redis-server binary, installing Debian's package if there is none. */
export async function ensureRedisServer(runDir) {
	let binary = findRedisServer();
	if (binary) {
		log(`  ${binary} is installed`);
		return binary;
	}
	const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
	const apt = async (aptArgs, timeoutMs) => {
		// RUNLEVEL=1: invoke-rc.d must not start Debian's own redis service; the suite runs its own.
		const [command, ...rest] = [
			...sudo,
			'env',
			'DEBIAN_FRONTEND=noninteractive',
			'RUNLEVEL=1',
			'apt-get',
			...aptArgs,
		];
		return await runCommand(`apt-get ${aptArgs.join(' ')}`, command, rest, {
			env: cleanEnv(),
			timeoutMs,
			logFile: join(runDir, 'apt-get.log'),
			allowFailure: true,
		});
	};
	log('  installing Debian redis-server (apt-get install -y --no-install-recommends redis-server)');
	let result = await apt(['install', '-y', '--no-install-recommends', 'redis-server'], 10 * 60_000);
	if (result.code !== 0) {
		log('  apt-get install failed; running apt-get update and trying again');
		await apt(['update'], 10 * 60_000);
		result = await apt(['install', '-y', '--no-install-recommends', 'redis-server'], 10 * 60_000);
	}
	binary = findRedisServer();
	if (!binary)
		throw new Error(
			`Could not install redis-server with apt-get (exit ${result.code}):\n${tail(result.stderr || result.stdout)}`,
		);
	return binary;
}

/** redis-server's arguments: loopback only, nothing saved to disk, in the foreground. */
export function redisServerArgs(port, dir) {
	return [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
		'--daemonize',
		'no',
	];
}

/** Resolves true once redis on 127.0.0.1:`port` answers PING with PONG (false otherwise). */
export async function redisPing(port) {
	return await new Promise((resolveReply) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		let reply = '';
		const done = (value) => {
			socket.destroy();
			resolveReply(value);
		};
		socket.setTimeout(1000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk;
			if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
		});
	});
}
