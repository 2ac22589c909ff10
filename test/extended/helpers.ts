/**
 * What the extended engine tests add to the Crayon fixture (../helpers/crayon.ts): the Crayon
 * Trigger, query strings of the requests, and n8n-core's own LoadOptionsContext / PollContext
 * for the list searches and the trigger (the contexts n8n builds when the editor opens a list
 * or a poll fires), backed by the fixture's credential store.
 */
import { LoadOptionsContext, PollContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { CrayonApi, LOGIN_PATH } from '../../credentials/CrayonApi.credentials';
import { Crayon } from '../../nodes/Crayon/Crayon.node';
import { CrayonTrigger } from '../../nodes/CrayonTrigger/CrayonTrigger.node';
import type { RecordedRequest } from '../../simulator';
import { CRAYON_NODE_TYPE, SIMULATOR_CREDENTIAL, type CrayonFixture } from '../../harness/crayon';
import { TestCredentialsHelper } from '../../harness/credentials';
import { runWorkflow, type RunResult } from '../../harness/engine';
import { installN8nServices } from '../../harness/n8n-services';
import { jsonOf } from '../node/fixture';

export const CRAYON_TRIGGER_NODE_TYPE = 'n8n-nodes-crayon.crayonTrigger';

const crayonNode = new Crayon();
const triggerNode = new CrayonTrigger();
const nodeTypes: Record<string, INodeType> = {
	[CRAYON_NODE_TYPE]: crayonNode,
	[CRAYON_TRIGGER_NODE_TYPE]: triggerNode,
};

export const { listSearch } = crayonNode.methods;

/** Requests other than logins, in arrival order, with their query strings. */
export function apiRequests(crayon: CrayonFixture): RecordedRequest[] {
	return crayon.sim.requests.filter(
		(request) => request.path.replace(/\/+$/, '').toLowerCase() !== LOGIN_PATH,
	);
}

/** One Crayon node run (see CrayonFixture.runCrayon) and the JSON of its output items. */
export async function runCrayon(
	crayon: CrayonFixture,
	parameters: INodeParameters,
	rows?: IDataObject[],
	settings?: Parameters<CrayonFixture['runCrayon']>[2],
): Promise<{ result: RunResult; json: IDataObject[] }> {
	const result = await crayon.runCrayon(parameters, rows, settings);
	return {
		result,
		json: result.runData.Crayon ? (jsonOf(result.output('Crayon')) as IDataObject[]) : [],
	};
}

/** Runs the trigger alone, as "Fetch test event" does (manual mode). */
export async function runTriggerManually(
	crayon: CrayonFixture,
	parameters: INodeParameters,
): Promise<RunResult> {
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
		credentialStore: crayon.store,
		nodeTypes,
		credentialTypes: [new CrayonApi()],
	});
}

const registry: INodeTypes = {
	getByName: (type) => nodeTypes[type],
	getByNameAndVersion: (type, version) =>
		NodeHelpers.getVersionedNodeType(nodeTypes[type], version),
	getKnownTypes: () => ({}),
};

function nodeOf(type: string, name: string, parameters: INodeParameters): INode {
	return {
		id: 'node-under-test',
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: SIMULATOR_CREDENTIAL,
	};
}

function workflowWith(node: INode, staticData: IDataObject = {}): Workflow {
	return new Workflow({
		id: 'extended-tests',
		name: 'Extended tests',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: registry,
		staticData,
	});
}

/** What n8n's server hands node contexts outside an execution; the nodes only use the credentials. */
function additionalData(
	crayon: CrayonFixture,
	currentNodeParameters?: INodeParameters,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(crayon.store, [new CrayonApi()]),
		currentNodeParameters,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** The context of a list search while the editor shows the Crayon node with `parameters`. */
export function loadOptionsContext(
	crayon: CrayonFixture,
	parameters: INodeParameters = {},
): LoadOptionsContext {
	installN8nServices();
	const node = nodeOf(CRAYON_NODE_TYPE, 'Crayon', parameters);
	return new LoadOptionsContext(
		workflowWith(node),
		node,
		additionalData(crayon, parameters),
		'parameters',
	);
}

/**
 * One poll of an active Crayon Trigger, as n8n's scheduler runs it. The static data goes in and
 * comes out as JSON, the way n8n stores it in its database between polls (and hands it to
 * whichever main instance polls next in queue mode), so nothing can survive in memory.
 */
export async function pollTrigger(
	crayon: CrayonFixture,
	parameters: INodeParameters,
	storedStaticData: string,
	mode: WorkflowExecuteMode = 'trigger',
): Promise<{ items: IDataObject[] | null; staticData: string }> {
	installN8nServices();
	const node = nodeOf(CRAYON_TRIGGER_NODE_TYPE, 'Crayon Trigger', parameters);
	const workflow = workflowWith(node, JSON.parse(storedStaticData) as IDataObject);
	const context = new PollContext(workflow, node, additionalData(crayon), mode, 'activate');
	const output = await triggerNode.poll.call(context);
	return {
		items: output ? output[0].map((item) => item.json) : null,
		staticData: JSON.stringify(workflow.staticData),
	};
}
