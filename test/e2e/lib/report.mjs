// Failure reports: which workflow, which node, the node's error and the simulator's request log.
import { AssertionError, deepStrictEqual } from 'node:assert';

import { tail } from './proc.mjs';

export const TOKEN_PATH = '/api/v1/connect/token';

/** A failed check, with what is needed to tell where and why. */
export class E2eFailure extends Error {
	constructor(message, context = {}) {
		super(message);
		this.context = context;
	}
}

/** Throws an E2eFailure when `condition` is false. */
export function check(condition, message, context) {
	if (!condition) throw new E2eFailure(message, context);
}

/** Deep equality with node:assert's diff in the message. */
export function checkEqual(actual, expected, message, context) {
	try {
		deepStrictEqual(actual, expected);
	} catch (error) {
		if (!(error instanceof AssertionError)) throw error;
		throw new E2eFailure(`${message}\n${indent(error.message, 4)}`, context);
	}
}

export function indent(text, spaces) {
	const pad = ' '.repeat(spaces);
	return String(text)
		.split('\n')
		.map((line) => pad + line)
		.join('\n');
}

function shorten(text, max) {
	return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** Tokens are long random strings; the log calls them T1, T2, … in order of first use. */
function tokenNamer() {
	const names = new Map();
	return (authorization) => {
		if (!authorization) return 'no auth';
		const [scheme, value] = authorization.split(' ', 2);
		if (scheme !== 'Bearer') return `${scheme} auth`;
		if (!names.has(value)) names.set(value, `T${names.size + 1}`);
		return `Bearer ${names.get(value)}`;
	};
}

export function formatRequestLog(requests, { maxBody = 400 } = {}) {
	if (!requests?.length) return '    (no requests)';
	const nameToken = tokenNamer();
	return requests
		.map((request, index) => {
			const query = Object.keys(request.query ?? {}).length
				? `?${new URLSearchParams(request.query)}`
				: '';
			const auth =
				request.path === TOKEN_PATH
					? 'client Basic auth'
					: nameToken(request.headers?.authorization);
			const body =
				request.body === undefined ? '' : ` ${shorten(JSON.stringify(request.body), maxBody)}`;
			const fault = request.fault ? ` [fault: ${request.fault}]` : '';
			return `    #${index + 1} ${request.method} ${request.path}${query} → ${request.status || 'dropped'} (${auth})${fault}${body}`;
		})
		.join('\n');
}

function describeNodeError(error) {
	if (!error) return undefined;
	const parts = [error.message ?? String(error)];
	if (error.description) parts.push(`description: ${error.description}`);
	if (error.httpCode) parts.push(`httpCode: ${error.httpCode}`);
	return parts.join('\n');
}

/** n8n prints the whole execution as JSON (from a line `{` to a line `}`); the report has it parsed. */
function withoutExecutionJson(output) {
	const kept = [];
	let inside = false;
	for (const line of String(output).split('\n')) {
		if (!inside && line.trimEnd() === '{') inside = true;
		else if (inside && line.trimEnd() === '}') inside = false;
		else if (!inside) kept.push(line);
	}
	return kept.join('\n');
}

/** The block printed for a failed check. */
export function formatFailure(failure) {
	const context = failure.context ?? {};
	const lines = [`FAILED: ${failure.message}`];
	if (context.phase) lines.push(`  phase:    ${context.phase}`);
	if (context.workflow) lines.push(`  workflow: ${context.workflow}`);
	if (context.node) lines.push(`  node:     ${context.node}`);
	const nodeErrors = context.nodeErrors ?? [];
	for (const { node, error } of nodeErrors) {
		lines.push(`  error in node "${node}":`);
		lines.push(indent(describeNodeError(error), 6));
	}
	if (context.exitCode !== undefined) lines.push(`  n8n exit code: ${context.exitCode}`);
	if (context.requests) {
		lines.push(
			`  simulator request log (${context.requests.length} requests${context.requestsNote ? `, ${context.requestsNote}` : ''}):`,
		);
		lines.push(formatRequestLog(context.requests));
	}
	if (context.output) {
		lines.push('  last n8n output (execution JSON left out):');
		lines.push(indent(tail(withoutExecutionJson(context.output), 30), 6));
	}
	if (context.logFile) lines.push(`  full n8n log: ${context.logFile}`);
	// A failed command says what it needs to; for anything else unexpected, show where it came from.
	if (!(failure instanceof E2eFailure) && failure.result === undefined && failure.stack) {
		lines.push(
			indent(
				failure.stack
					.split('\n')
					.filter((line) => /^\s+at /.test(line))
					.join('\n'),
				2,
			),
		);
	}
	return lines.join('\n');
}
