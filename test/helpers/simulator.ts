/**
 * Jest wiring and HTTP helpers for the simulator's own tests (test/simulator), which talk to it
 * over HTTP as any Crayon client would.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';

import {
	DEFAULT_CREDENTIALS,
	startSimulator,
	type CrayonSimulator,
	type SimulatorOptions,
} from '../../simulator';

export interface SimulatorWiring {
	/** Back to the seed (requests, faults and tokens cleared) before every test. */
	reset?: 'beforeEach';
	/** Log in once, or before every test (after the reset): `api` is then a client with that token. */
	login?: 'beforeAll' | 'beforeEach';
}

/**
 * One simulator per test file or `describe`: started before its tests (NCE orders processed
 * after 300 ms unless `options` say otherwise), stopped after them, with the `wiring` asked
 * for. `sim` and `api` stand for the simulator and the logged-in client the hooks set up, so
 * tests use them as if they were those objects.
 */
export function useSimulator(
	options: SimulatorOptions = {},
	wiring: SimulatorWiring = {},
): { sim: CrayonSimulator; api: AxiosInstance } {
	let sim: CrayonSimulator | undefined;
	let api: AxiosInstance | undefined;
	beforeAll(async () => {
		sim = await startSimulator({ newCommerceOrderProcessingDelayMs: 300, ...options });
		if (wiring.login === 'beforeAll') api = await apiClient(sim);
	});
	afterAll(async () => await sim?.stop());
	if (wiring.reset === 'beforeEach') beforeEach(() => sim?.reset());
	if (wiring.login === 'beforeEach') {
		beforeEach(async () => {
			if (sim) api = await apiClient(sim);
		});
	}
	return {
		sim: standIn(() => sim, 'The simulator'),
		api: standIn(() => api, 'The logged-in client (useSimulator wiring.login)'),
	};
}

/** Forwards every use to what `current()` returns at that moment: the object a jest hook set up. */
function standIn<T extends object>(current: () => T | undefined, what: string): T {
	const target = (): T => {
		const value = current();
		if (value === undefined) throw new Error(`${what} is not set up (yet)`);
		return value;
	};
	// A function as the proxy's target, so that an axios instance (callable) can stand behind it.
	return new Proxy(function standInTarget() {} as unknown as T, {
		get(_, key) {
			const value = Reflect.get(target(), key) as unknown;
			return typeof value === 'function' ? (value as () => unknown).bind(target()) : value;
		},
		set: (_, key, value) => Reflect.set(target(), key, value),
		has: (_, key) => Reflect.has(target(), key),
	});
}

export function tokenForm(overrides: Record<string, string | undefined> = {}): string {
	const fields: Record<string, string | undefined> = {
		grant_type: 'password',
		username: DEFAULT_CREDENTIALS.username,
		password: DEFAULT_CREDENTIALS.password,
		scope: DEFAULT_CREDENTIALS.scope,
		...overrides,
	};
	const form = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.set(k, v);
	return form.toString();
}

export function basicAuth(
	clientId: string = DEFAULT_CREDENTIALS.clientId,
	secret: string = DEFAULT_CREDENTIALS.clientSecret,
): string {
	return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

/** A client that never throws on HTTP status. */
export function rawClient(sim: CrayonSimulator, token?: string): AxiosInstance {
	return axios.create({
		baseURL: sim.baseUrl,
		validateStatus: () => true,
		headers: token ? { Authorization: `Bearer ${token}` } : {},
	});
}

export async function requestToken(
	sim: CrayonSimulator,
	form = tokenForm(),
	authorization = basicAuth(),
): Promise<AxiosResponse> {
	return rawClient(sim).post('/api/v1/connect/token', form, {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: authorization },
	});
}

export async function getToken(sim: CrayonSimulator): Promise<string> {
	const res = await requestToken(sim);
	if (res.status !== 200)
		throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.data)}`);
	return (res.data as { AccessToken: string }).AccessToken;
}

/** An authenticated client that never throws on HTTP status. */
export async function apiClient(sim: CrayonSimulator): Promise<AxiosInstance> {
	return rawClient(sim, await getToken(sim));
}

export interface CrayonError {
	ErrorCode: string;
	Message: string;
	Parameters: Record<string, string>;
	ObjectErrors: { ErrorCode: string; Message: string; Parameters: Record<string, string> }[];
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
