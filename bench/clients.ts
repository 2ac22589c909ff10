/**
 * The two clients under comparison, sending the same create-subscription requests:
 * a plain axios loop (log in once, then POST per row) and the Crayon node executed by
 * n8n-core's WorkflowExecute with one input item per row.
 */
import axios, { type AxiosInstance } from 'axios';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CrayonApi } from '../credentials/CrayonApi.credentials';
import { Crayon } from '../nodes/Crayon/Crayon.node';
import { DEFAULT_CREDENTIALS, SEED } from '../simulator';
import {
	chain,
	CRAYON_NODE_TYPE,
	createCredentialStore,
	credentialRef,
	runWorkflow,
	simulatorCredentials,
} from '../harness';

/** One sheet row of a month-end job. */
export interface Row {
	name: string;
	tenantId: number;
	partNumber: string;
	quantity: number;
}

export function makeRows(count: number): Row[] {
	return Array.from({ length: count }, (_, index) => ({
		name: `Month-end licence ${index + 1}`,
		tenantId: SEED.tenantId,
		partNumber: SEED.ncePartNumber,
		quantity: 1 + (index % 10),
	}));
}

/** What all clients send for a row (the node's create operation produces exactly this body). */
function requestBody(row: Row): IDataObject {
	return {
		name: row.name,
		customerTenant: { id: row.tenantId },
		product: { partNumber: row.partNumber },
		quantity: row.quantity,
		billingCycle: 1,
		termDuration: 'P1M',
	};
}

/** Runs `task` for every index with at most `concurrency` at once; results in index order. */
async function inParallel<T>(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const index = next++;
			results[index] = await task(index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	return results;
}

export interface ClientRun {
	/** What the client still holds when it is done; kept alive while memory is measured. */
	held: unknown;
	/** The item data within `held` (inputs and created subscriptions), to tell data from overhead. */
	payload: unknown[];
	/** Rows that did not produce a created subscription. */
	failures: number;
}

/** An axios client with one token: what a developer would write by hand (keep-alive, JSON). */
export async function axiosClient(baseUrl: string): Promise<AxiosInstance> {
	const login = await axios.post<{ AccessToken: string }>(
		`${baseUrl}/api/v1/connect/token`,
		new URLSearchParams({
			grant_type: 'password',
			username: DEFAULT_CREDENTIALS.username,
			password: DEFAULT_CREDENTIALS.password,
			scope: 'CustomerApi',
		}),
		{
			auth: { username: DEFAULT_CREDENTIALS.clientId, password: DEFAULT_CREDENTIALS.clientSecret },
		},
	);
	return axios.create({
		baseURL: baseUrl,
		headers: { Authorization: `Bearer ${login.data.AccessToken}`, Accept: 'application/json' },
	});
}

/** The baseline: logs in once, then one create per row. */
export async function axiosLoop(
	baseUrl: string,
	rows: Row[],
	concurrency: number,
): Promise<ClientRun> {
	const client = await axiosClient(baseUrl);
	const output = await inParallel(rows.length, concurrency, async (index) => {
		const response = await client.post<IDataObject>(
			'/api/v1/subscriptions/',
			requestBody(rows[index]),
		);
		return response.data;
	});
	return {
		held: output,
		payload: output,
		failures: output.filter((subscription) => typeof subscription.Id !== 'number').length,
	};
}

/**
 * The least any n8n node must do for the same requests: read the credential once, read the
 * mapped fields of each item and send them with `httpRequestWithAuthentication`, nothing else
 * (no validation, no retries, no response check). What the Crayon node costs beyond this is
 * its own.
 */
class MinimalNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Minimal Create Subscription',
		name: 'minimalCreateSubscription',
		group: ['transform'],
		version: 1,
		description: 'POST each item as a subscription, nothing else',
		defaults: { name: 'Minimal' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'crayonApi', required: true }],
		properties: ['name', 'customerTenantId', 'partNumber', 'quantity'].map((name) => ({
			displayName: name,
			name,
			type: 'string' as const,
			default: '',
		})),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// Read once and handed to n8n, as the Crayon node does: a read costs what n8n's costs.
		const data = await this.getCredentials('crayonApi');
		const { baseUrl } = data;
		const credentialsDecrypted = { id: '1', name: 'Crayon', type: 'crayonApi', data };
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const row: Row = {
				name: this.getNodeParameter('name', itemIndex) as string,
				tenantId: Number(this.getNodeParameter('customerTenantId', itemIndex)),
				partNumber: this.getNodeParameter('partNumber', itemIndex) as string,
				quantity: Number(this.getNodeParameter('quantity', itemIndex)),
			};
			const created = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				'crayonApi',
				{
					method: 'POST',
					url: `${String(baseUrl)}/api/v1/subscriptions/`,
					body: requestBody(row),
					json: true,
				},
				{ credentialsDecrypted },
			)) as IDataObject;
			output.push({ json: created, pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}

const MINIMAL_NODE_TYPE = 'bench.minimalCreateSubscription';

/** Each row's fields mapped into the node with expressions, as from a spreadsheet. */
const MAPPED_FIELDS: INodeParameters = {
	name: '={{ $json.name }}',
	customerTenantId: '={{ $json.tenantId }}',
	partNumber: '={{ $json.partNumber }}',
	quantity: '={{ $json.quantity }}',
};

/** Manual Trigger → rows as items → the node under test, with a fresh credential (no stored token). */
async function runRowsThrough(
	baseUrl: string,
	rows: Row[],
	nodeType: string,
	parameters: INodeParameters,
): Promise<ClientRun> {
	const credentialStore = createCredentialStore({ crayonApi: simulatorCredentials(baseUrl) });
	const result = await runWorkflow({
		nodes: [
			{ name: 'Trigger', type: 'n8n-nodes-base.manualTrigger' },
			{ name: 'Sheet', type: 'test.items', parameters: { items: JSON.stringify(rows) } },
			{
				name: 'Create',
				type: nodeType,
				credentials: credentialRef('crayonApi', 'Crayon'),
				parameters,
			},
		],
		connections: chain('Trigger', 'Sheet', 'Create'),
		credentialStore,
		nodeTypes: { [CRAYON_NODE_TYPE]: new Crayon(), [MINIMAL_NODE_TYPE]: new MinimalNode() },
		credentialTypes: [new CrayonApi()],
	});
	if (result.error) throw new Error(`The benchmark workflow failed: ${result.error.message}`);
	const output = result.output('Create');
	return {
		// The whole execution (every node's items) is what n8n holds at the end of a run.
		held: result.run,
		payload: [...result.output('Sheet'), ...output].map((item) => item.json),
		failures:
			output.filter((item) => typeof item.json.Id !== 'number').length +
			(rows.length - output.length),
	};
}

/** The Crayon node, Subscription → Create, as a user would wire it. */
export async function crayonNode(
	baseUrl: string,
	rows: Row[],
	concurrency: number,
): Promise<ClientRun> {
	return await runRowsThrough(baseUrl, rows, CRAYON_NODE_TYPE, {
		resource: 'subscription',
		operation: 'create',
		productType: 'nce',
		// One create per row, as the other clients send (Verify All Items First adds a verify per row).
		verifyFirst: false,
		...MAPPED_FIELDS,
		billingCycle: 1,
		termDuration: 'P1M',
		options: concurrency > 1 ? { concurrency } : {},
	});
}

/** The minimal node (one request at a time). */
export async function minimalNode(baseUrl: string, rows: Row[]): Promise<ClientRun> {
	return await runRowsThrough(baseUrl, rows, MINIMAL_NODE_TYPE, MAPPED_FIELDS);
}
