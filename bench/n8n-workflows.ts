/**
 * What the real-n8n mode runs: one workflow per client and row count (Manual Trigger → a Code
 * node emitting the rows → the client), each with a credential of its own that has no token
 * yet, so every run logs in exactly once. And the floor: a community package with one node that
 * only calls `httpRequestWithAuthentication` per item.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { SEED } from '../simulator';

export type N8nClientName = 'crayon' | 'crayonVerify' | 'httpDefault' | 'httpLoop' | 'floor';

export const N8N_CLIENT_LABELS: Record<N8nClientName | 'axios', string> = {
	axios: 'axios loop',
	floor: 'minimal node (httpRequestWithAuthentication only)',
	crayon: 'Crayon node',
	crayonVerify: 'Crayon node, Verify All Items First (default: + 1 request per item)',
	httpDefault: 'HTTP Request node, default (all items at once)',
	httpLoop: 'Loop Over Items → HTTP Request (sequential)',
};

export interface N8nWorkflowCase {
	id: string;
	client: N8nClientName;
	rows: number;
	concurrency: number;
	workflow: Record<string, unknown>;
	credentialId: string;
	/** The nodes whose runs make up the client's time (first start to last end). */
	timedNodes: string[];
}

const FLOOR_PACKAGE = 'n8n-nodes-bench-floor';
const FLOOR_NODE_TYPE = `${FLOOR_PACKAGE}.benchFloor`;

/** The rows as the Code node emits them: the same fields the axios loop sends. */
function rowsCode(rows: number): string {
	return [
		`return Array.from({ length: ${rows} }, (_, index) => ({ json: {`,
		'  name: `Month-end licence ${index + 1}`,',
		`  tenantId: ${SEED.tenantId},`,
		`  partNumber: ${JSON.stringify(SEED.ncePartNumber)},`,
		'  quantity: 1 + (index % 10),',
		'} }));',
	].join('\n');
}

/** The body every client sends (bench/clients.ts requestBody), as one n8n expression. */
const BODY_EXPRESSION =
	'={{ { name: $json.name, customerTenant: { id: $json.tenantId }, product: { partNumber: $json.partNumber }, quantity: $json.quantity, billingCycle: 1, termDuration: "P1M" } }}';

function node(name: string, type: string, typeVersion: number, parameters: object, x: number) {
	return { id: `${name}-${x}`, name, type, typeVersion, position: [x, 0], parameters };
}

/** Connections of a chain of nodes, each into the next one's input. */
function chain(...names: string[]) {
	return Object.fromEntries(
		names
			.slice(0, -1)
			.map((from, index) => [
				from,
				{ main: [[{ node: names[index + 1], type: 'main', index: 0 }]] },
			]),
	);
}

export function workflowCase(
	client: N8nClientName,
	rows: number,
	concurrency: number,
	baseUrl: string,
): N8nWorkflowCase {
	const id = `bench${client}${rows}c${concurrency}`.slice(0, 36);
	const credentialId = `cred-${id}`;
	const credentials = { crayonApi: { id: credentialId, name: `Crayon ${id}` } };
	const trigger = node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0);
	const sheet = node('Rows', 'n8n-nodes-base.code', 2, { jsCode: rowsCode(rows) }, 200);
	const http = {
		...node(
			'HTTP Request',
			'n8n-nodes-base.httpRequest',
			4.2,
			{
				method: 'POST',
				url: `${baseUrl}/api/v1/subscriptions/`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'crayonApi',
				sendBody: true,
				specifyBody: 'json',
				jsonBody: BODY_EXPRESSION,
				options: {},
			},
			600,
		),
		credentials,
	};
	let nodes: object[];
	let connections: Record<string, unknown>;
	let timedNodes: string[];
	if (client === 'crayon' || client === 'crayonVerify') {
		const crayon = {
			...node(
				'Crayon',
				'n8n-nodes-crayon.crayon',
				1,
				{
					resource: 'subscription',
					operation: 'create',
					productType: 'nce',
					customerTenantId: '={{ $json.tenantId }}',
					partNumber: '={{ $json.partNumber }}',
					quantity: '={{ $json.quantity }}',
					billingCycle: 1,
					termDuration: 'P1M',
					// Off, the node sends what the other clients send: one create per row.
					verifyFirst: client === 'crayonVerify',
					options: concurrency > 1 ? { concurrency } : {},
				},
				400,
			),
			credentials,
		};
		nodes = [trigger, sheet, crayon];
		connections = chain('Start', 'Rows', 'Crayon');
		timedNodes = ['Crayon'];
	} else if (client === 'floor') {
		nodes = [
			trigger,
			sheet,
			{ ...node('Floor', FLOOR_NODE_TYPE, 1, { body: BODY_EXPRESSION }, 400), credentials },
		];
		connections = chain('Start', 'Rows', 'Floor');
		timedNodes = ['Floor'];
	} else if (client === 'httpDefault') {
		nodes = [trigger, sheet, http];
		connections = chain('Start', 'Rows', 'HTTP Request');
		timedNodes = ['HTTP Request'];
	} else {
		const loop = node(
			'Loop',
			'n8n-nodes-base.splitInBatches',
			3,
			{ batchSize: 1, options: {} },
			400,
		);
		nodes = [trigger, sheet, loop, http];
		// The loop's "loop" output is its second: Loop → HTTP Request → Loop.
		connections = {
			...chain('Start', 'Rows', 'Loop'),
			Loop: { main: [[], [{ node: 'HTTP Request', type: 'main', index: 0 }]] },
			'HTTP Request': { main: [[{ node: 'Loop', type: 'main', index: 0 }]] },
		};
		timedNodes = ['Loop', 'HTTP Request'];
	}
	return {
		id,
		client,
		rows,
		concurrency,
		credentialId,
		timedNodes,
		workflow: {
			id,
			name: `bench: ${N8N_CLIENT_LABELS[client]}, ${rows} rows, concurrency ${concurrency}`,
			active: false,
			nodes,
			connections,
			settings: { executionOrder: 'v1' },
			pinData: {},
		},
	};
}

/**
 * The floor node: per item, the body expression and one `httpRequestWithAuthentication`, with
 * the credential read once for the execution (as the Crayon node reads it), nothing else.
 */
const FLOOR_NODE_SOURCE = `'use strict';
class BenchFloor {
	constructor() {
		this.description = {
			displayName: 'Bench Floor',
			name: 'benchFloor',
			group: ['transform'],
			version: 1,
			description: 'POST each item, nothing else',
			defaults: { name: 'Floor' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'crayonApi', required: true }],
			properties: [{ displayName: 'Body', name: 'body', type: 'json', default: '{}' }],
		};
	}
	async execute() {
		const data = await this.getCredentials('crayonApi');
		const reference = this.getNode().credentials.crayonApi;
		const credentialsDecrypted = { id: reference.id, name: reference.name, type: 'crayonApi', data };
		const baseUrl = String(data.baseUrl).replace(/\\/+$/, '');
		const output = [];
		const count = this.getInputData().length;
		for (let itemIndex = 0; itemIndex < count; itemIndex++) {
			const body = this.getNodeParameter('body', itemIndex);
			const created = await this.helpers.httpRequestWithAuthentication.call(
				this,
				'crayonApi',
				{ method: 'POST', url: baseUrl + '/api/v1/subscriptions/', body, json: true },
				{ credentialsDecrypted },
			);
			output.push({ json: created, pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}
module.exports = { BenchFloor };
`;

/** Installs the floor package next to the Crayon package, as n8n finds community packages. */
export async function installFloorPackage(userFolder: string): Promise<void> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', FLOOR_PACKAGE);
	await mkdir(join(packageDir, 'dist'), { recursive: true });
	await writeFile(
		join(packageDir, 'package.json'),
		JSON.stringify({
			name: FLOOR_PACKAGE,
			version: '0.0.1',
			keywords: ['n8n-community-node-package'],
			n8n: { n8nNodesApiVersion: 1, nodes: ['dist/BenchFloor.node.js'] },
		}),
	);
	await writeFile(join(packageDir, 'dist', 'BenchFloor.node.js'), FLOOR_NODE_SOURCE);
}
