import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { parseJsonExact } from './json';

/**
 * Reading Crayon's answers. They are PascalCase ("Id", "Items", "TotalHits"), but the public
 * OpenAPI descriptions show camelCase, so every field the node relies on is found whatever its
 * casing: a casing change must not turn a successful purchase into "outcome unknown".
 */

/**
 * An answer's body: parsed JSON (numbers too long for a JavaScript number kept as their exact
 * text, see json.ts), the text itself when it is not JSON, undefined when empty.
 */
export function parseBody(bytes: Buffer): unknown {
	const text = bytes.toString('utf8');
	if (text.trim() === '') return undefined;
	try {
		return parseJsonExact(text);
	} catch {
		return text;
	}
}

function keyLike(object: object, name: string): string | undefined {
	if (name in object) return name;
	const lower = name.toLowerCase();
	return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

/** `value[name]` for an object answer, whatever the casing of the key. */
export function fieldOf(value: unknown, name: string): unknown {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const key = keyLike(value, name);
	return key === undefined ? undefined : (value as Record<string, unknown>)[key];
}

/** The object with the named keys in the given casing (a key in another casing is renamed), the rest as it was. */
function withKeys(value: unknown, names: string[]): unknown {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
	let renamed: Record<string, unknown> | undefined;
	for (const name of names) {
		const key = keyLike(value, name);
		if (key === undefined || key === name) continue;
		renamed ??= { ...(value as Record<string, unknown>) };
		renamed[name] = renamed[key];
		delete renamed[key];
	}
	return renamed ?? value;
}

/**
 * A Crayon answer object: the listed fields are checked (found in any casing), every other
 * field is kept as Crayon sent it. `expected` says in an error what should have come back.
 */
export function answerObject<T extends z.ZodRawShape>(shape: T, expected: string) {
	return z
		.preprocess((value) => withKeys(value, Object.keys(shape)), z.object(shape).passthrough())
		.transform((value) => value as z.infer<z.ZodObject<T>> & IDataObject)
		.describe(expected);
}

/**
 * Any JSON object, kept as Crayon sent it. Checked, not copied: a page of 50 subscriptions of
 * 30 fields each is read for every page of a long list.
 */
export const jsonObject = z.custom<IDataObject>(
	(value) => value !== null && typeof value === 'object' && !Array.isArray(value),
);

/** A schema for an answer that says in errors what was expected. */
export function answer<T extends z.ZodTypeAny>(schema: T, expected: string): T {
	return schema.describe(expected);
}

/** What an answer schema says was expected, for errors. */
export function expectedOf(schema: z.ZodTypeAny): string {
	return schema.description ?? 'a readable answer';
}
