/**
 * Runs the Crayon node and the Crayon Trigger against an in-process Crayon simulator: the
 * simulator, a credential store pointing at it (n8n's credentials database: the token
 * fetched by the first request is persisted and reused), `trigger → data → Crayon`
 * workflows through the engine (./engine.ts), the trigger's polls and the node's list
 * searches through n8n-core's contexts (./contexts.ts), and views of the requests the
 * simulator received.
 *
 *   const crayon = new CrayonFixture({ newCommerceOrderProcessingDelayMs: 50 });
 *   await crayon.start();
 *   const result = await crayon.runCrayon(
 *     { resource: 'subscription', operation: 'addAddon', subscriptionId: '={{ $json.id }}', ... },
 *     [{ id: 5001 }],
 *   );
 *   expect(crayon.apiCalls()).toEqual([{ method: 'POST', path: ..., body: ..., authorization: crayon.bearer() }]);
 *
 * Used by the tests (test/), the demo (scripts/demo.ts) and the benchmark (bench/).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeParameters,
	INodeType,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import type { LoadOptionsContext } from 'n8n-core';

import { CrayonApi } from '../credentials/CrayonApi.credentials';
import { LOGIN_PATH } from '../nodes/Crayon/transport/login';
import { Crayon } from '../nodes/Crayon/Crayon.node';
import { CrayonTrigger } from '../nodes/Crayon/CrayonTrigger.node';
import {
	DEFAULT_CREDENTIALS,
	startSimulator,
	type CrayonSimulator,
	type RecordedRequest,
	type SimulatorOptions,
} from '../simulator';
import { loadOptionsContext, pollOnce, type NodeContextOptions } from './contexts';
import {
	chain,
	createCredentialStore,
	runWorkflow,
	type CredentialStore,
	type RunResult,
	type TestNode,
	type WorkflowJson,
} from './engine';
import { n8nNodesBaseStandIns } from './n8n-nodes-base';

/** The Crayon node's type name in workflows (package name + node name). */
export const CRAYON_NODE_TYPE = 'n8n-nodes-crayon.crayon';

/** The Crayon Trigger's type name in workflows. */
export const CRAYON_TRIGGER_NODE_TYPE = 'n8n-nodes-crayon.crayonTrigger';

/** How the example workflows (examples/*.json) refer to the credential. */
export const SIMULATOR_CREDENTIAL = {
	crayonApi: { id: 'crayon-simulator', name: 'Crayon (simulator)' },
};

/** The credential's fields for the simulator's accepted login; `overrides` e.g. a wrong secret. */
export function simulatorCredentials(
	baseUrl: string,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		baseUrl,
		clientId: DEFAULT_CREDENTIALS.clientId,
		clientSecret: DEFAULT_CREDENTIALS.clientSecret,
		username: DEFAULT_CREDENTIALS.username,
		password: DEFAULT_CREDENTIALS.password,
		scope: DEFAULT_CREDENTIALS.scope,
		...overrides,
	};
}

/** One Crayon node of a test workflow. */
export interface CrayonStep {
	name: string;
	parameters: INodeParameters;
	/** Node settings: `onError: 'continueRegularOutput'` or the older `continueOnFail: true`. */
	onError?: TestNode['onError'];
	continueOnFail?: boolean;
	/** Node setting "Retry On Fail" (n8n re-runs the whole node after an error). */
	retryOnFail?: boolean;
}

/** A request the node sent, reduced to what the tests compare. */
export interface ApiCall {
	method: string;
	path: string;
	body: unknown;
	authorization: string | undefined;
}

/** A path as the simulator routes it: case and a trailing slash do not matter. */
function route(path: string): string {
	return path.replace(/\/+$/, '').toLowerCase();
}

/** Whether the simulator recorded `request` as a login (a token request). */
export function isLogin(request: RecordedRequest): boolean {
	return route(request.path) === route(LOGIN_PATH);
}

/** Whether `request` is `method path`; a string `path` matches as the simulator's routes do. */
export function isRequestTo(
	request: RecordedRequest,
	method: string,
	path: string | RegExp,
): boolean {
	if (request.method !== method) return false;
	return typeof path === 'string' ? route(request.path) === route(path) : path.test(request.path);
}

const crayonNode = new Crayon();
const nodeTypes: Record<string, INodeType> = {
	[CRAYON_NODE_TYPE]: crayonNode,
	[CRAYON_TRIGGER_NODE_TYPE]: new CrayonTrigger(),
	...n8nNodesBaseStandIns,
};
const credentialTypes = [new CrayonApi()];

/** The Crayon node's list searches (`methods.listSearch`), to call with `listSearchContext()`. */
export const { listSearch } = crayonNode.methods;

export class CrayonFixture {
	private started?: { sim: CrayonSimulator; store: CredentialStore };

	constructor(private readonly options: SimulatorOptions = {}) {}

	async start(): Promise<void> {
		const sim = await startSimulator(this.options);
		this.started = {
			sim,
			store: createCredentialStore({ crayonApi: simulatorCredentials(sim.baseUrl) }),
		};
	}

	async stop(): Promise<void> {
		await this.started?.sim.stop();
		this.started = undefined;
	}

	get sim(): CrayonSimulator {
		return this.running().sim;
	}

	/** The credentials "database" the runs share until `reset()`. */
	get store(): CredentialStore {
		return this.running().store;
	}

	/** Simulator back to its seed with an empty request log; a fresh store that has no token yet. */
	reset(credentialOverrides: ICredentialDataDecryptedObject = {}): void {
		const { sim } = this.running();
		sim.reset();
		this.started = {
			sim,
			store: createCredentialStore({
				crayonApi: simulatorCredentials(sim.baseUrl, credentialOverrides),
			}),
		};
	}

	private running(): { sim: CrayonSimulator; store: CredentialStore } {
		if (!this.started) throw new Error('The Crayon fixture is not started: call start() first');
		return this.started;
	}

	/** Manual Trigger → "Data" (one item per row) → the Crayon nodes, in that order. */
	async run(rows: IDataObject[], ...steps: CrayonStep[]): Promise<RunResult> {
		const crayonNodes: TestNode[] = steps.map(
			({ name, parameters, onError, continueOnFail, retryOnFail }) => ({
				name,
				type: CRAYON_NODE_TYPE,
				parameters,
				credentials: SIMULATOR_CREDENTIAL,
				...(onError ? { onError } : {}),
				...(continueOnFail ? { continueOnFail } : {}),
				...(retryOnFail ? { retryOnFail, maxTries: 2, waitBetweenTries: 0 } : {}),
			}),
		);
		return await runWorkflow({
			nodes: [
				{ name: 'Trigger', type: 'n8n-nodes-base.manualTrigger' },
				{ name: 'Data', type: 'test.items', parameters: { items: JSON.stringify(rows) } },
				...crayonNodes,
			],
			connections: chain('Trigger', 'Data', ...steps.map((step) => step.name)),
			credentialStore: this.store,
			nodeTypes,
			credentialTypes,
		});
	}

	/** One Crayon node named "Crayon" after the rows. */
	async runCrayon(
		parameters: INodeParameters,
		rows: IDataObject[] = [{}],
		settings: Omit<CrayonStep, 'name' | 'parameters'> = {},
	): Promise<RunResult> {
		return await this.run(rows, { name: 'Crayon', parameters, ...settings });
	}

	/** A workflow as exported from n8n (examples/*.json), with its credential pointing at the simulator. */
	async runWorkflowJson(workflowJson: WorkflowJson): Promise<RunResult> {
		return await runWorkflow({
			workflowJson,
			credentialStore: this.store,
			nodeTypes,
			credentialTypes,
		});
	}

	/** The Crayon Trigger alone (a node named "Crayon Trigger"), as "Fetch test event" runs it (manual mode). */
	async runTrigger(parameters: INodeParameters): Promise<RunResult> {
		return await runWorkflow({
			nodes: [
				{
					name: 'Crayon Trigger',
					type: CRAYON_TRIGGER_NODE_TYPE,
					parameters,
					credentials: SIMULATOR_CREDENTIAL,
				},
			],
			connections: {},
			credentialStore: this.store,
			nodeTypes,
			credentialTypes,
		});
	}

	/**
	 * One poll of an active Crayon Trigger (named "Crayon Trigger"), as n8n's scheduler runs it,
	 * from the static data the previous poll left (as JSON; `'{}'` for the first poll).
	 */
	async poll(
		parameters: INodeParameters,
		storedStaticData: string,
		mode: WorkflowExecuteMode = 'trigger',
	): Promise<{ items: IDataObject[] | null; staticData: string }> {
		return await pollOnce({
			...this.nodeContext(CRAYON_TRIGGER_NODE_TYPE, 'Crayon Trigger', parameters),
			staticData: storedStaticData,
			mode,
		});
	}

	/** The context of a list search (`listSearch.x.call(context)`) while the editor shows the Crayon node with `parameters`. */
	listSearchContext(parameters: INodeParameters = {}): LoadOptionsContext {
		return loadOptionsContext(this.nodeContext(CRAYON_NODE_TYPE, 'Crayon', parameters));
	}

	private nodeContext(type: string, name: string, parameters: INodeParameters): NodeContextOptions {
		return {
			type,
			name,
			parameters,
			credentials: SIMULATOR_CREDENTIAL,
			nodeTypes,
			credentialStore: this.store,
			credentialTypes,
		};
	}

	/** Logins (token requests) the simulator received. */
	logins(): RecordedRequest[] {
		return this.sim.requests.filter(isLogin);
	}

	/** Every other request, in arrival order, as the simulator recorded it (query string included). */
	apiRequests(): RecordedRequest[] {
		return this.sim.requests.filter((request) => !isLogin(request));
	}

	/** The requests to `method path`, in arrival order (see `isRequestTo`). */
	requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
		return this.sim.requests.filter((request) => isRequestTo(request, method, path));
	}

	/** Every request other than logins, in arrival order, reduced to what the tests compare. */
	apiCalls(): ApiCall[] {
		return this.apiRequests().map(({ method, path, body, headers }) => ({
			method,
			path,
			body,
			authorization: headers.authorization,
		}));
	}

	/** A request as `apiCalls()` lists it, sent with the token the credential holds. */
	call(method: string, path: string, body?: unknown): ApiCall {
		return { method, path, body, authorization: this.bearer() };
	}

	/**
	 * `Bearer <token>` for the token the credential holds. The credential only stores what
	 * Crayon's token endpoint answered, so with one login this is the token it issued.
	 */
	bearer(): string {
		const token = this.store.data('crayonApi').accessToken;
		if (typeof token !== 'string' || token === '')
			throw new Error('The credential holds no access token: no login succeeded');
		return `Bearer ${token}`;
	}
}

/** The list in field `field` of a Set node's JSON output: the rows an example workflow starts from. */
export function exampleRows(
	workflow: WorkflowJson,
	setNodeName: string,
	field: string,
): IDataObject[] {
	const nodes = workflow.nodes as TestNode[];
	const jsonOutput = nodes.find((node) => node.name === setNodeName)?.parameters?.jsonOutput;
	if (typeof jsonOutput !== 'string')
		throw new Error(`The workflow has no Set node "${setNodeName}" with a JSON output`);
	const rows = (JSON.parse(jsonOutput) as IDataObject)[field];
	if (!Array.isArray(rows))
		throw new Error(`"${field}" in the JSON output of "${setNodeName}" is not a list`);
	return rows as IDataObject[];
}
