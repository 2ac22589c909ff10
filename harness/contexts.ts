/**
 * n8n-core's own contexts for what a node does outside a workflow execution, backed by the
 * harness's credential store (./credentials.ts):
 *
 * - `loadOptionsContext`: the LoadOptionsContext n8n builds when the editor opens a list
 *   (list searches of resource locators, option loaders) while it shows the node.
 * - `pollOnce`: one poll of an active polling trigger, as n8n's scheduler runs it. The static
 *   data goes in and comes out as JSON, the way n8n stores it in its database between polls
 *   (and hands it to whichever main instance polls next in queue mode), so nothing can survive
 *   in memory.
 */
import { LoadOptionsContext, PollContext } from 'n8n-core';
import type {
	ICredentialType,
	IDataObject,
	INode,
	INodeCredentials,
	INodeParameters,
	INodeType,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper, type CredentialStore } from './credentials';
import { TestNodeTypes } from './engine';
import { installN8nServices } from './n8n-services';

export interface NodeContextOptions {
	/** The node's type name, as in workflows. */
	type: string;
	/** The node's name (the trigger's static data is kept under it). */
	name: string;
	parameters: INodeParameters;
	credentials: INodeCredentials;
	/** Node types by type name; must include `type`. */
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentialStore: CredentialStore;
	credentialTypes: ICredentialType[];
}

function nodeOf({ type, name, parameters, credentials }: NodeContextOptions): INode {
	return {
		id: 'node-under-test',
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials,
	};
}

function workflowWith(
	node: INode,
	options: NodeContextOptions,
	staticData: IDataObject = {},
): Workflow {
	return new Workflow({
		id: 'node-context-workflow',
		name: 'Node context workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new TestNodeTypes(options.nodeTypes),
		staticData,
	});
}

/** What n8n's server hands node contexts outside an execution; the nodes only use the credentials. */
function additionalData(
	options: NodeContextOptions,
	currentNodeParameters?: INodeParameters,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(options.credentialStore, options.credentialTypes),
		currentNodeParameters,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** The context of a list search or option loader while the editor shows the node with its `parameters`. */
export function loadOptionsContext(options: NodeContextOptions): LoadOptionsContext {
	installN8nServices();
	const node = nodeOf(options);
	return new LoadOptionsContext(
		workflowWith(node, options),
		node,
		additionalData(options, options.parameters),
		'parameters',
	);
}

/** One poll of the (polling trigger) node with the static data the previous poll left, as JSON. */
export async function pollOnce(
	options: NodeContextOptions & { staticData: string; mode: WorkflowExecuteMode },
): Promise<{ items: IDataObject[] | null; staticData: string }> {
	installN8nServices();
	const node = nodeOf(options);
	const workflow = workflowWith(node, options, JSON.parse(options.staticData) as IDataObject);
	const nodeType = NodeHelpers.getVersionedNodeType(options.nodeTypes[options.type], 1);
	if (nodeType.poll === undefined) throw new Error(`${options.type} is not a polling trigger`);
	const context = new PollContext(
		workflow,
		node,
		additionalData(options),
		options.mode,
		'activate',
	);
	const output = await nodeType.poll.call(context);
	return {
		items: output ? output[0].map((item) => item.json) : null,
		staticData: JSON.stringify(workflow.staticData),
	};
}
