import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import {
	DEFAULT_CREDENTIALS,
	startSimulator,
	type CrayonSimulator,
	type SimulatorOptions,
} from '../../simulator';

/** Starts a simulator with a short NCE processing delay (tests override as needed). */
export function startTestSimulator(options: SimulatorOptions = {}): Promise<CrayonSimulator> {
	return startSimulator({ newCommerceOrderProcessingDelayMs: 300, ...options });
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
