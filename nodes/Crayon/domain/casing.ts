/**
 * Crayon answers in PascalCase but documents request bodies in camelCase, and a
 * verified order travels from one node to the next through user data in either.
 * This turns any of those into the documented camelCase keys.
 */
export function camelizeKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(camelizeKeys);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, nested]) => [
			key.charAt(0).toLowerCase() + key.slice(1),
			camelizeKeys(nested),
		]),
	);
}
