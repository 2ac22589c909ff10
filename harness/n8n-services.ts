/**
 * The few n8n-core services that come from the DI container and cannot be used as-is in
 * a test process:
 *
 * - `Logger` (@n8n/backend-common) is replaced by one that records every line (all levels,
 *   with metadata) into the logs of the runs in progress, so tests can assert that no secret
 *   reaches a log. `LoggerProxy` (n8n-workflow, used by WorkflowExecute) gets the same logger.
 * - `InstanceSettings` would read/create `~/.n8n/config` (with an encryption key) on first
 *   use; every node execution context asks for it, so a fixed in-memory one is registered.
 * - `SSHClientsManager` starts a 60 s cleanup `setInterval` (never unref'd) when the first
 *   execution context is built, which keeps jest from exiting. SSH tunnels are irrelevant
 *   here, so a stub that refuses them is registered instead.
 *
 * Everything else (ErrorReporter, TriggersAndPollers, ...) is n8n's own implementation,
 * constructed by the container on demand.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { InstanceSettings } from 'n8n-core';
// Not re-exported by n8n-core's index; the package has no "exports" map, so the path is stable.
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import type { LogMetadata, Logger as LoggerType } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';
import os from 'node:os';
import path from 'node:path';

/** Log sinks of the runs in progress; overlapping runs each see all lines (a superset). */
const sinks = new Set<string[]>();

function record(level: string, message: string, metadata?: LogMetadata): void {
	const line =
		metadata && Object.keys(metadata).length > 0
			? `${level}: ${message} ${safeStringify(metadata)}`
			: `${level}: ${message}`;
	for (const sink of sinks) sink.push(line);
}

/** JSON that survives cycles and keeps Error fields (message/stack are not enumerable). */
function safeStringify(value: unknown): string {
	const seen = new WeakSet<object>();
	try {
		return JSON.stringify(value, (_key, current: unknown) => {
			if (typeof current === 'bigint') return current.toString();
			if (typeof current !== 'object' || current === null) return current;
			if (seen.has(current)) return '[Circular]';
			seen.add(current);
			if (current instanceof Error) {
				return { ...current, name: current.name, message: current.message, stack: current.stack };
			}
			return current;
		});
	} catch {
		return String(value);
	}
}

const capturingLogger: LoggerType & { scoped(): LoggerType } = {
	error: (message, metadata) => record('error', message, metadata),
	warn: (message, metadata) => record('warn', message, metadata),
	info: (message, metadata) => record('info', message, metadata),
	debug: (message, metadata) => record('debug', message, metadata),
	scoped: () => capturingLogger,
};

const instanceSettings = {
	instanceId: 'engine-harness-instance',
	hmacSignatureSecret: 'engine-harness-hmac-secret',
	encryptionKey: 'engine-harness-encryption-key',
	n8nFolder: path.join(os.tmpdir(), 'n8n-engine-harness'),
	staticCacheDir: path.join(os.tmpdir(), 'n8n-engine-harness', 'cache'),
	instanceType: 'main',
	instanceRole: 'leader',
	isLeader: true,
	isFollower: false,
	isWorker: false,
	isMultiMain: false,
	isSingleMain: true,
};

const sshClientsManager = {
	getClient: async () => {
		throw new Error('SSH tunnels are not supported by the engine test harness');
	},
	updateLastUsed: () => {},
};

/** Idempotent; re-applied before every run in case a test reset the container. */
export function installN8nServices(): void {
	Container.set(Logger, capturingLogger as unknown as Logger);
	Container.set(InstanceSettings, instanceSettings as unknown as InstanceSettings);
	Container.set(SSHClientsManager, sshClientsManager as unknown as SSHClientsManager);
	LoggerProxy.init(capturingLogger);
}

/** Start recording log lines into `into`; call the returned function to stop. */
export function captureLogs(into: string[]): () => void {
	sinks.add(into);
	return () => sinks.delete(into);
}
