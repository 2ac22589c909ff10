// Assertions. A failed check throws an E2eFailure that carries its context (phase, workflow,
// node, request log, n8n output); the report prints that context, so a message only has to
// say what was expected and what happened.
import { AssertionError, deepStrictEqual } from 'node:assert';

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

/**
 * Runs `fn`; a failed check it throws gets `context` underneath its own (more specific) one,
 * and `override` on top. Other errors pass unchanged, so a bug keeps its stack trace.
 */
export async function withContext(context, fn, override = {}) {
	try {
		return await fn();
	} catch (error) {
		if (error instanceof E2eFailure) error.context = { ...context, ...error.context, ...override };
		throw error;
	}
}

/**
 * Runs `fn` (a wait, a request to n8n); whatever it throws becomes a failed check with
 * `context`, or with `context()` taken at the moment of failure (e.g. the request log by then).
 */
export async function failsAs(context, fn) {
	try {
		return await fn();
	} catch (error) {
		if (error instanceof E2eFailure) throw error;
		throw new E2eFailure(error.message, typeof context === 'function' ? context() : context);
	}
}

/** The `keys` of `object` (undefined where missing): the part of an item a check compares. */
export function pick(object, keys) {
	return Object.fromEntries(keys.map((key) => [key, object?.[key]]));
}

export function indent(text, spaces) {
	const pad = ' '.repeat(spaces);
	return String(text)
		.split('\n')
		.map((line) => pad + line)
		.join('\n');
}
