/**
 * Proves the engine harness (harness/engine.ts) against a local HTTP server, using a
 * tiny probe node and credential defined here (independent of the Crayon node): the
 * assertions are about what n8n-core does with them, which the Crayon tests rely on.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IDataObject,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	chain,
	createCredentialStore,
	credentialRef,
	runWorkflow,
	type CredentialStore,
	type RunWorkflowOptions,
	type TestNode,
} from '../../harness/engine';

// ---------------------------------------------------------------------------------------
// Local API: POST /token issues a new token for the right client secret; GET /echo answers
// 200 with what it received for a currently valid Bearer token (or the right x-api-key),
// 401 otherwise. `revokeTokens()` makes every issued token invalid.

interface FakeApi {
	url: string;
	tokensIssued: number;
	/** When set, /echo answers 401 whatever the credentials. */
	rejectEverything: boolean;
	echoes: Array<{ status: number; authorization?: string; tenantId: string | null }>;
	revokeTokens(): void;
	close(): Promise<void>;
}

async function startFakeApi(): Promise<FakeApi> {
	const validTokens = new Set<string>();
	const api = {
		url: '',
		tokensIssued: 0,
		rejectEverything: false,
		echoes: [] as FakeApi['echoes'],
		revokeTokens: () => validTokens.clear(),
		close: async () => {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	const reply = (res: http.ServerResponse, status: number, body: unknown) => {
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(body));
	};
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			if (req.method === 'POST' && url.pathname === '/token') {
				const body = JSON.parse(raw || '{}') as { clientSecret?: string };
				if (body.clientSecret !== 'top-secret') return reply(res, 400, { error: 'invalid_client' });
				const token = `token-${++api.tokensIssued}`;
				validTokens.add(token);
				return reply(res, 200, { access_token: token });
			}
			if (req.method === 'GET' && url.pathname === '/echo') {
				const authorization = req.headers.authorization;
				const bearerOk = validTokens.has(authorization?.replace(/^Bearer /, '') ?? '');
				const keyOk = req.headers['x-api-key'] === 'key-123';
				const status = (bearerOk || keyOk) && !api.rejectEverything ? 200 : 401;
				const tenantId = url.searchParams.get('tenantId');
				api.echoes.push({ status, authorization, tenantId });
				if (status === 401) return reply(res, 401, { message: 'Unauthorized' });
				return reply(res, 200, { tenantId, authorization: authorization ?? null });
			}
			reply(res, 404, { message: 'Not found' });
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return api;
}

// ---------------------------------------------------------------------------------------
// Test credential types: a fetched, expirable Bearer token (like crayonApi), and a static
// API key with function-style authenticate.

class HarnessTokenApi implements ICredentialType {
	name = 'harnessTokenApi';
	displayName = 'Harness Token API';
	properties: INodeProperties[] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${credentials.baseUrl as string}/token`,
			body: { clientSecret: credentials.clientSecret },
			json: true,
		})) as { access_token: string };
		return { accessToken: response.access_token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};
}

class HarnessKeyApi implements ICredentialType {
	name = 'harnessKeyApi';
	displayName = 'Harness Key API';
	properties: INodeProperties[] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'API Key', name: 'apiKey', type: 'string', default: '' },
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions) {
		return {
			...options,
			headers: { ...options.headers, 'x-api-key': credentials.apiKey as string },
		};
	}
}

// ---------------------------------------------------------------------------------------
// Probe node: per item, GET /echo?tenantId=<tenantId> with httpRequestWithAuthentication, or
// throw a NodeOperationError in 'fail' mode; honours continueOnFail like a real node.

class Probe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'Calls the fake API once per item',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'harnessTokenApi' }, { name: 'harnessKeyApi' }],
		properties: [
			{
				displayName: 'Credential Type',
				name: 'credentialType',
				type: 'options',
				options: [
					{ name: 'Token', value: 'harnessTokenApi' },
					{ name: 'Key', value: 'harnessKeyApi' },
				],
				default: 'harnessTokenApi',
			},
			{ displayName: 'Tenant ID', name: 'tenantId', type: 'string', required: true, default: '' },
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{ name: 'Request', value: 'request' },
					{ name: 'Fail', value: 'fail' },
				],
				default: 'request',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentialType = this.getNodeParameter('credentialType', 0) as string;
		const returnData: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let i = 0; i < items.length; i++) {
			try {
				const tenantId = this.getNodeParameter('tenantId', i) as string;
				if (this.getNodeParameter('mode', i) === 'fail') {
					throw new NodeOperationError(this.getNode(), `Tenant ${tenantId} was refused`, {
						itemIndex: i,
					});
				}
				const { baseUrl } = await this.getCredentials(credentialType);
				const body = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
					method: 'GET',
					url: `${baseUrl as string}/echo`,
					qs: { tenantId },
					json: true,
				})) as IDataObject;
				returnData.push({ json: body, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw error;
			}
		}
		return [returnData];
	}
}

// ---------------------------------------------------------------------------------------

let api: FakeApi;
beforeEach(async () => {
	api = await startFakeApi();
});
afterEach(async () => {
	await api.close();
});

const tokenStore = () =>
	createCredentialStore({ harnessTokenApi: { baseUrl: api.url, clientSecret: 'top-secret' } });

/** Manual Trigger → Data (two tenants) → Probe, with the Probe's parameters overridable. */
function probeWorkflow(
	store: CredentialStore,
	probe: Partial<TestNode> = {},
	tenants: IDataObject[] = [{ tenantId: 'alpha' }, { tenantId: 'beta' }],
): RunWorkflowOptions {
	return {
		nodes: [
			{ name: 'Trigger', type: 'n8n-nodes-base.manualTrigger' },
			{ name: 'Data', type: 'test.items', parameters: { items: JSON.stringify(tenants) } },
			{
				name: 'Probe',
				type: 'test.probe',
				parameters: { tenantId: '={{ $json.tenantId }}' },
				credentials: credentialRef('harnessTokenApi', 'Harness account'),
				...probe,
			},
		],
		connections: chain('Trigger', 'Data', 'Probe'),
		credentialStore: store,
		nodeTypes: { 'test.probe': new Probe() },
		credentialTypes: [new HarnessTokenApi(), new HarnessKeyApi()],
	};
}

describe('The engine harness', () => {
	it('flows items trigger → data → node and resolves expressions per item', async () => {
		const result = await runWorkflow(probeWorkflow(tokenStore()));

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.executionOrder).toEqual(['Trigger', 'Data', 'Probe']);
		expect(result.output('Trigger')).toEqual([expect.objectContaining({ json: {} })]);
		expect(result.output('Data').map((item) => item.json)).toEqual([
			{ tenantId: 'alpha' },
			{ tenantId: 'beta' },
		]);
		expect(api.echoes.map((echo) => echo.tenantId)).toEqual(['alpha', 'beta']);
		expect(result.output('Probe').map((item) => item.json.tenantId)).toEqual(['alpha', 'beta']);
		expect(result.output('Probe').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});

	it('fetches a token via preAuthentication, sends it as Bearer and persists it', async () => {
		const store = tokenStore();
		const result = await runWorkflow(probeWorkflow(store));

		expect(result.error).toBeUndefined();
		expect(api.tokensIssued).toBe(1);
		expect(api.echoes).toEqual([
			{ status: 200, authorization: 'Bearer token-1', tenantId: 'alpha' },
			{ status: 200, authorization: 'Bearer token-1', tenantId: 'beta' },
		]);
		expect(store.preAuthenticationCalls).toBe(1);
		expect(store.updates).toBe(1);
		expect(store.data('harnessTokenApi')).toEqual({
			baseUrl: api.url,
			clientSecret: 'top-secret',
			accessToken: 'token-1',
		});
	});

	it('reuses the stored token across executions with the same store', async () => {
		const store = tokenStore();
		await runWorkflow(probeWorkflow(store));
		const second = await runWorkflow(probeWorkflow(store));

		expect(second.error).toBeUndefined();
		expect(api.tokensIssued).toBe(1);
		expect(store.preAuthenticationCalls).toBe(1);
		expect(api.echoes.map((echo) => echo.authorization)).toEqual(Array(4).fill('Bearer token-1'));

		// A fresh store is a fresh database: it has to log in again.
		await runWorkflow(probeWorkflow(tokenStore()));
		expect(api.tokensIssued).toBe(2);
	});

	it('logs in again exactly once after a 401 and retries the request', async () => {
		const store = tokenStore();
		await runWorkflow(probeWorkflow(store));
		api.revokeTokens();
		api.echoes = [];

		const result = await runWorkflow(probeWorkflow(store));

		expect(result.error).toBeUndefined();
		expect(api.tokensIssued).toBe(2);
		expect(store.preAuthenticationCalls).toBe(2);
		expect(store.data('harnessTokenApi').accessToken).toBe('token-2');
		expect(api.echoes).toEqual([
			{ status: 401, authorization: 'Bearer token-1', tenantId: 'alpha' },
			{ status: 200, authorization: 'Bearer token-2', tenantId: 'alpha' },
			{ status: 200, authorization: 'Bearer token-2', tenantId: 'beta' },
		]);
		expect(result.output('Probe').map((item) => item.json.authorization)).toEqual([
			'Bearer token-2',
			'Bearer token-2',
		]);
	});

	it('gives up after one re-login when the API keeps answering 401', async () => {
		const store = tokenStore();
		store.set('harnessTokenApi', { ...store.data('harnessTokenApi'), accessToken: 'stale' });
		api.rejectEverything = true;

		const result = await runWorkflow(probeWorkflow(store, {}, [{ tenantId: 'alpha' }]));

		expect(result.status).toBe('error');
		expect(store.preAuthenticationCalls).toBe(1);
		expect(api.echoes.map((echo) => [echo.status, echo.authorization])).toEqual([
			[401, 'Bearer stale'],
			[401, 'Bearer token-1'],
		]);
		expect(result.nodeError('Probe')).toMatchObject({ httpCode: '401' });
	});

	it('applies function-style authenticate', async () => {
		const store = createCredentialStore({ harnessKeyApi: { baseUrl: api.url, apiKey: 'key-123' } });
		const result = await runWorkflow(
			probeWorkflow(store, {
				parameters: { credentialType: 'harnessKeyApi', tenantId: '={{ $json.tenantId }}' },
				credentials: credentialRef('harnessKeyApi'),
			}),
		);

		expect(result.error).toBeUndefined();
		expect(api.echoes.map((echo) => echo.status)).toEqual([200, 200]);
		expect(store.preAuthenticationCalls).toBe(0);
	});

	it('turns failures into error items with pairedItem when continueOnFail is on', async () => {
		const result = await runWorkflow(
			probeWorkflow(tokenStore(), {
				parameters: { tenantId: '={{ $json.tenantId }}', mode: 'fail' },
				onError: 'continueRegularOutput',
			}),
		);

		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		expect(result.output('Probe')).toEqual([
			{ json: { error: 'Tenant alpha was refused' }, pairedItem: { item: 0 } },
			{ json: { error: 'Tenant beta was refused' }, pairedItem: { item: 1 } },
		]);
	});

	it('returns a thrown NodeOperationError in RunResult instead of rejecting', async () => {
		const result = await runWorkflow(
			probeWorkflow(tokenStore(), {
				parameters: { tenantId: '={{ $json.tenantId }}', mode: 'fail' },
			}),
		);

		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'Tenant alpha was refused',
			node: { name: 'Probe' },
		});
		expect(result.nodeError('Probe')?.message).toBe('Tenant alpha was refused');
		expect(result.nodeError('Data')).toBeUndefined();
		expect(() => result.output('Nowhere')).toThrow(/did not run/);
	});

	it('reports workflow issues (missing required parameter) as an error result', async () => {
		const result = await runWorkflow(probeWorkflow(tokenStore(), { parameters: { tenantId: '' } }));

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/issues.*Probe.*tenantId/i);
		expect(api.echoes).toHaveLength(0);
	});

	it('runs a workflow exported from n8n as JSON, with the no-op node', async () => {
		const exported = {
			name: 'Exported',
			nodes: [
				{
					parameters: {},
					id: '0b9d7c52-1f1d-4a8e-9c1e-000000000001',
					name: "When clicking 'Execute workflow'",
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
				},
				{
					parameters: { items: '=[{ "n": {{ 1 + 1 }} }]' },
					id: '0b9d7c52-1f1d-4a8e-9c1e-000000000002',
					name: 'Data',
					type: 'test.items',
					typeVersion: 1,
					position: [200, 0],
				},
				{
					parameters: {},
					id: '0b9d7c52-1f1d-4a8e-9c1e-000000000003',
					name: 'Done',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [400, 0],
				},
			],
			connections: chain("When clicking 'Execute workflow'", 'Data', 'Done'),
			settings: { executionOrder: 'v1' },
			pinData: {},
		};
		const result = await runWorkflow({ workflowJson: exported });

		expect(result.error).toBeUndefined();
		expect(result.output('Done').map((item) => item.json)).toEqual([{ n: 2 }]);
	});

	it('captures what the engine logs during the run', async () => {
		const result = await runWorkflow(probeWorkflow(tokenStore()));

		expect(result.logs).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^debug: Workflow execution started/),
				expect.stringMatching(/^debug: Running node "Probe" finished successfully/),
			]),
		);
	});
});
