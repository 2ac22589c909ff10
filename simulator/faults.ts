import type { FaultSpec } from './types';

const TOKEN_PATH = '/api/v1/connect/token';

export function normalisePath(path: string): string {
	const trimmed = path.replace(/\/+$/, '').toLowerCase();
	return trimmed === '' ? '/' : trimmed;
}

export function isTokenPath(path: string): boolean {
	return normalisePath(path) === TOKEN_PATH;
}

interface ActiveFault {
	spec: FaultSpec;
	remaining: number;
}

/** Injected faults; matching faults are consumed in the order they were injected. */
export class FaultManager {
	private faults: ActiveFault[] = [];

	add(spec: FaultSpec): void {
		const times = spec.times ?? 1;
		if (!(times > 0)) throw new Error('FaultSpec.times must be a positive number (or Infinity).');
		const effects = [
			spec.status !== undefined,
			spec.dropConnection !== undefined,
			spec.rawResponse !== undefined,
		].filter(Boolean).length;
		if (effects > 1)
			throw new Error('FaultSpec: use only one of status, dropConnection and rawResponse.');
		if (effects === 0 && spec.latencyMs === undefined) {
			throw new Error(
				'FaultSpec needs an effect: latencyMs, status, dropConnection or rawResponse.',
			);
		}
		if (
			spec.status !== undefined &&
			(!Number.isInteger(spec.status) || spec.status < 100 || spec.status > 599)
		) {
			throw new Error(`FaultSpec.status ${spec.status} is not an HTTP status.`);
		}
		this.faults.push({ spec: { ...spec }, remaining: times });
	}

	clear(): void {
		this.faults = [];
	}

	/** The first fault matching the request, consumed once; undefined if none. */
	take(method: string, path: string): FaultSpec | undefined {
		if (this.faults.length === 0) return undefined;
		for (let i = 0; i < this.faults.length; i++) {
			const fault = this.faults[i];
			if (!matches(fault.spec, method, path)) continue;
			fault.remaining--;
			if (fault.remaining <= 0) this.faults.splice(i, 1);
			return fault.spec;
		}
		return undefined;
	}
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
	if (spec.method !== undefined && spec.method.toUpperCase() !== method) return false;
	if (spec.path === undefined) return !isTokenPath(path);
	if (typeof spec.path === 'string') return normalisePath(spec.path) === normalisePath(path);
	spec.path.lastIndex = 0;
	return spec.path.test(path);
}

/** Short description recorded in RecordedRequest.fault. */
export function describeFault(spec: FaultSpec): string {
	const parts: string[] = [];
	if (spec.latencyMs !== undefined) parts.push(`latency:${spec.latencyMs}ms`);
	if (spec.status !== undefined) parts.push(`status:${spec.status}`);
	if (spec.dropConnection !== undefined) parts.push(`drop:${spec.dropConnection}`);
	if (spec.rawResponse !== undefined) parts.push(`raw:${spec.rawResponse.status}`);
	return parts.join(',');
}
