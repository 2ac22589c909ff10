/**
 * Runs real n8n workflows in this process (jest, the demo, the benchmark): n8n-workflow's
 * `Workflow` (real expression evaluation) executed by n8n-core's `WorkflowExecute` in 'manual'
 * mode, with real `ExecutionLifecycleHooks` and node execution contexts. Only what n8n's
 * server would provide is supplied here: node/credential type registries, a credentials helper
 * backed by an in-memory store (./credentials.ts) and a few DI services (./n8n-services.ts).
 *
 * Typical use:
 *
 *   const store = createCredentialStore({ crayonApi: { ... } });
 *   const result = await runWorkflow({
 *     nodes: [
 *       { name: 'Trigger', type: 'n8n-nodes-base.manualTrigger' },
 *       { name: 'Data', type: 'test.items', parameters: { items: '[{"tenantId": 1}]' } },
 *       { name: 'Crayon', type: 'n8n-nodes-crayon.crayon', parameters: { ... },
 *         credentials: credentialRef('crayonApi', 'Crayon account') },
 *     ],
 *     connections: chain('Trigger', 'Data', 'Crayon'),
 *     credentialStore: store,
 *     nodeTypes: { 'n8n-nodes-crayon.crayon': new Crayon() },
 *     credentialTypes: [new CrayonApi()],
 *   });
 *   expect(result.error).toBeUndefined();
 *   expect(result.output('Crayon')).toHaveLength(1);
 *
 * Errors while *executing* (a node throws, an expression fails, the workflow has issues)
 * come back in `RunResult.error` / `status: 'error'`. Mistakes in the test setup itself
 * (unknown node type, unknown start node) reject.
 */
import { ExecutionLifecycleHooks, ExternalSecretsProxy, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ExecutionStatus,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
} from 'n8n-workflow';
import { ApplicationError, NodeHelpers, Workflow } from 'n8n-workflow';

import { createCredentialStore, TestCredentialsHelper, type CredentialStore } from './credentials';
import { captureLogs, installN8nServices } from './n8n-services';
import { testNodeTypes } from './test-nodes';

export { createCredentialStore, credentialRef, type CredentialStore } from './credentials';
export { testNodeTypes } from './test-nodes';

/** A node as written in a test: `id`, `typeVersion` (1), `position` and `parameters` are optional. */
export type TestNode = Omit<INode, 'id' | 'typeVersion' | 'position' | 'parameters'> &
	Partial<Pick<INode, 'id' | 'typeVersion' | 'position' | 'parameters'>>;

/**
 * A workflow as exported from n8n, typed loosely so `import wf from '../../examples/x.json'`
 * fits (JSON imports widen tuples and literals). Extra fields (`id`, `meta`, `pinData`, ...)
 * are ignored; pin data is NOT applied.
 */
export interface WorkflowJson {
	nodes: object[];
	connections: object;
	settings?: object;
}

/** Either nodes + connections, or an exported workflow. `settings.executionOrder` defaults to 'v1'. */
type WorkflowSource =
	| {
			nodes: TestNode[];
			connections: IConnections;
			settings?: IWorkflowSettings;
			workflowJson?: never;
	  }
	| { workflowJson: WorkflowJson; nodes?: never; connections?: never; settings?: never };

export type RunWorkflowOptions = WorkflowSource & {
	/** Shared across calls to model n8n's credentials DB (tokens persist between runs). Default: empty. */
	credentialStore?: CredentialStore;
	/** Node types by the type name used in the workflow; merged over `testNodeTypes`. */
	nodeTypes?: Record<string, INodeType | IVersionedNodeType>;
	/** Every credential type the workflow's nodes use, e.g. `[new CrayonApi()]`. */
	credentialTypes?: ICredentialType[];
	/** The node that gets the single empty start item. Default: n8n's own choice (the trigger). */
	startNodeName?: string;
};

export interface RunResult {
	/** The full execution as n8n-core returned it. */
	run: IRun;
	runData: IRunData;
	/** 'success' | 'error' | ... as n8n reports it. */
	status: ExecutionStatus;
	/** The execution's error: the failing node's error (message, description, node, ...), spread into a plain object by n8n-core. */
	error?: ExecutionError;
	/** Node names in the order the engine started them. */
	executionOrder: string[];
	/** Every line the engine and nodes logged during the run, all levels, with metadata. */
	logs: string[];
	/** Items on `outputIndex` of the node's first run; throws if the node did not run. */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error recorded on the node's first run, if any. */
	nodeError(nodeName: string): ExecutionError | undefined;
}

/** `connections` for a straight line of nodes: chain('A', 'B', 'C') is A → B → C on main output 0. */
export function chain(...nodeNames: string[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i < nodeNames.length - 1; i++) {
		connections[nodeNames[i]] = { main: [[{ node: nodeNames[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/** The node type registry n8n's server would provide, serving the given types by name. */
export class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (type === undefined) {
			throw new ApplicationError(
				`Unknown node type "${nodeType}": add it to runWorkflow({ nodeTypes }) (known: ${Object.keys(this.types).join(', ')})`,
			);
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

let executionCounter = 0;

function withDefaults(nodes: TestNode[]): INode[] {
	return nodes.map((node, index) => ({
		...node,
		id: node.id ?? `node-${index}`,
		typeVersion: node.typeVersion ?? 1,
		position: node.position ?? [index * 200, 0],
		parameters: node.parameters ?? {},
	}));
}

function createAdditionalData(
	executionId: string,
	hooks: ExecutionLifecycleHooks,
	credentialsHelper: TestCredentialsHelper,
): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => async () => {
		throw new ApplicationError(`${what} is not supported by the engine test harness`);
	};
	return {
		executionId,
		hooks,
		credentialsHelper,
		externalSecretsProxy: new ExternalSecretsProxy(),
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		executeWorkflow: unsupported('Executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		startRunnerTask: unsupported('Task runners (Code node)'),
		logAiEvent: () => {},
	};
}

/** Execute a workflow once, as "Execute workflow" in the editor would, and collect the outcome. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<RunResult> {
	installN8nServices();
	const source = (options.workflowJson ?? options) as {
		nodes: TestNode[];
		connections: IConnections;
		settings?: IWorkflowSettings;
	};
	const nodes = withDefaults(source.nodes);
	const settings: IWorkflowSettings = { executionOrder: 'v1', ...source.settings };
	const workflow = new Workflow({
		id: 'engine-harness-workflow',
		name: 'Engine harness workflow',
		nodes,
		connections: source.connections,
		active: false,
		nodeTypes: new TestNodeTypes({ ...testNodeTypes, ...options.nodeTypes }),
		staticData: {},
		settings,
	});

	let startNode: INode | undefined;
	if (options.startNodeName !== undefined) {
		startNode = workflow.getNode(options.startNodeName) ?? undefined;
		if (startNode === undefined) throw new Error(`No node named "${options.startNodeName}"`);
	}

	const executionId = String(++executionCounter);
	const workflowData: IWorkflowBase = {
		id: workflow.id,
		name: workflow.name ?? '',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections: source.connections,
		settings,
	};
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteBefore', (nodeName) => {
		executionOrder.push(nodeName);
	});
	const credentialsHelper = new TestCredentialsHelper(
		options.credentialStore ?? createCredentialStore(),
		options.credentialTypes ?? [],
	);
	const additionalData = createAdditionalData(executionId, hooks, credentialsHelper);

	const logs: string[] = [];
	const stopCapturing = captureLogs(logs);
	const workflowExecute = new WorkflowExecute(additionalData, 'manual');
	let run: IRun;
	try {
		run = await workflowExecute.run({ workflow, startNode });
	} catch (error) {
		// n8n-core throws (synchronously) before running anything when the workflow has
		// issues, e.g. a required parameter is missing. n8n reports that as a failed
		// execution; say which issues, or a test failure would be a riddle.
		const issues = workflowExecute.checkReadyForExecution(workflow, {
			startNode: startNode?.name ?? workflow.getStartNode()?.name,
		});
		const failure = error as ExecutionError;
		if (issues !== null) failure.message += ` Issues: ${JSON.stringify(issues)}`;
		run = {
			data: { resultData: { runData: {}, error: failure } },
			mode: 'manual',
			startedAt: new Date(),
			stoppedAt: new Date(),
			storedAt: 'db',
			status: 'error',
		} as IRun;
	} finally {
		stopCapturing();
	}

	const runData = run.data.resultData.runData;
	return {
		run,
		runData,
		status: run.status,
		error: run.data.resultData.error,
		executionOrder,
		logs,
		output(nodeName, outputIndex = 0) {
			const task = runData[nodeName]?.[0];
			if (task === undefined) {
				const ran = Object.keys(runData).join(', ') || 'none';
				const why = run.data.resultData.error?.message ?? 'no error';
				throw new Error(`Node "${nodeName}" did not run (ran: ${ran}; execution error: ${why})`);
			}
			return task.data?.main?.[outputIndex] ?? [];
		},
		nodeError(nodeName) {
			return runData[nodeName]?.[0]?.error;
		},
	};
}
