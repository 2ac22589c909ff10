import type { Handler } from './context';

type Segment = { literal: string } | { param: string; int: boolean };

export interface Route {
	method: string;
	pattern: string;
	segments: Segment[];
	handler: Handler;
	/** Requires a bearer token. */
	auth: boolean;
}

export type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'method-not-allowed'; allowed: string[] }
	| { kind: 'not-found' };

/** Splits a path into segments; empty segments (trailing or double slashes) are ignored. */
export function pathSegments(path: string): string[] {
	return path.split('/').filter((s) => s !== '');
}

/**
 * Tiny ASP.NET-style router: case-insensitive literals, {name} and {name:int} parameters,
 * trailing slashes ignored. Routes are bucketed by segment count, literal routes tried first.
 */
export class Router {
	private readonly buckets = new Map<number, Route[]>();

	add(method: string, pattern: string, handler: Handler, options: { auth?: boolean } = {}): this {
		const segments: Segment[] = pathSegments(pattern).map((s) => {
			const m = /^\{(\w+)(:int)?\}$/.exec(s);
			return m ? { param: m[1], int: m[2] !== undefined } : { literal: s.toLowerCase() };
		});
		const route: Route = {
			method: method.toUpperCase(),
			pattern,
			segments,
			handler,
			auth: options.auth ?? true,
		};
		const bucket = this.buckets.get(segments.length) ?? [];
		bucket.push(route);
		// Routes with more literal segments win (e.g. new-commerce-orders before {id:int}).
		bucket.sort((a, b) => literalCount(b) - literalCount(a));
		this.buckets.set(segments.length, bucket);
		return this;
	}

	match(method: string, path: string): RouteMatch {
		const parts = pathSegments(path);
		const bucket = this.buckets.get(parts.length);
		if (!bucket) return { kind: 'not-found' };
		const allowed: string[] = [];
		for (const route of bucket) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			if (route.method === method) return { kind: 'found', route, params };
			allowed.push(route.method);
		}
		return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
	}
}

function literalCount(route: Route): number {
	return route.segments.filter((s) => 'literal' in s).length;
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
	const params: Record<string, string> = {};
	for (let i = 0; i < segments.length; i++) {
		const segment = segments[i];
		const part = parts[i];
		if ('literal' in segment) {
			if (part.toLowerCase() !== segment.literal) return undefined;
			continue;
		}
		let value: string;
		try {
			value = decodeURIComponent(part);
		} catch {
			return undefined;
		}
		if (segment.int && !/^\d{1,10}$/.test(value)) return undefined;
		params[segment.param] = value;
	}
	return params;
}
