/**
 * What the real-n8n mode runs: one workflow per client and row count (Manual Trigger → a Code
 * node emitting the rows → the client), each with a credential of its own that has no token
 * yet, so every run logs in exactly once; Get Many with Return All; the Create runs between two
 * heap probes. And the bench package: the floor, a node that only calls
 * `httpRequestWithAuthentication` per item, and the heap probe.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ALL_SUBSCRIPTION_STATUSES, SEED } from '../simulator';

export type N8nClientName = 'crayon' | 'crayonVerify' | 'httpDefault' | 'httpLoop' | 'floor';

/** The Create clients whose memory is probed: the Crayon node and the floor beside it. */
export type MemoryClientName = 'crayon' | 'floor';

export const N8N_CLIENT_LABELS: Record<N8nClientName | 'axios', string> = {
	axios: 'axios loop',
	floor: 'minimal node (the three mapped fields, httpRequestWithAuthentication)',
	crayon: 'Crayon node',
	crayonVerify: 'Crayon node, Verify All Items First (default: + 1 request per item)',
	httpDefault: 'HTTP Request node, default (all items at once)',
	httpLoop: 'Loop Over Items → HTTP Request (sequential)',
};

export interface N8nWorkflowCase {
	id: string;
	workflow: Record<string, unknown>;
	credentialId: string;
	/** The nodes whose runs make up the client's time (first start to last end). */
	timedNodes: string[];
}

const BENCH_PACKAGE = 'n8n-nodes-bench';
export const FLOOR_NODE_TYPE = `${BENCH_PACKAGE}.benchFloor`;
const PROBE_NODE_TYPE = `${BENCH_PACKAGE}.benchHeapProbe`;

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

/** A workflow with a credential of its own (no token yet) for every node that has `credentials`. */
function caseOf(
	id: string,
	title: string,
	nodes: object[],
	connections: Record<string, unknown>,
	timedNodes: string[],
): N8nWorkflowCase {
	return {
		id,
		credentialId: credentialIdOf(id),
		timedNodes,
		workflow: {
			id,
			name: `bench: ${title}`,
			active: false,
			nodes,
			connections,
			settings: { executionOrder: 'v1' },
			pinData: {},
		},
	};
}

const credentialIdOf = (id: string) => `cred-${id}`;
/** A node's reference to a credential, named as importCases (bench/n8n.ts) names it. */
export const credentialReference = (credentialId: string) => ({
	id: credentialId,
	name: `Crayon ${credentialId}`,
});
const credentialsOf = (id: string) => ({ crayonApi: credentialReference(credentialIdOf(id)) });

const trigger = () => node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0);
const sheetOf = (rows: number) =>
	node('Rows', 'n8n-nodes-base.code', 2, { jsCode: rowsCode(rows) }, 200);

/** Subscription → Create with three fields mapped by expressions. */
function crayonCreate(
	id: string,
	{ verifyFirst, concurrency }: { verifyFirst: boolean; concurrency: number },
	x: number,
) {
	return {
		...node(
			'Crayon',
			'n8n-nodes-crayon.crayon',
			1,
			{
				resource: 'subscription',
				operation: 'create',
				productType: 'nce',
				...MAPPED_FIELDS,
				billingCycle: 1,
				termDuration: 'P1M',
				verifyFirst,
				options: concurrency > 1 ? { concurrency } : {},
			},
			x,
		),
		credentials: credentialsOf(id),
	};
}

/** The three fields the Crayon node's Create maps from each row (crayonCreate), mapped the same way. */
const MAPPED_FIELDS = {
	customerTenantId: '={{ $json.tenantId }}',
	partNumber: '={{ $json.partNumber }}',
	quantity: '={{ $json.quantity }}',
};

const floor = (id: string, x: number, concurrency = 1) => ({
	...node('Floor', FLOOR_NODE_TYPE, 1, { ...MAPPED_FIELDS, concurrency }, x),
	credentials: credentialsOf(id),
});

export function workflowCase(
	client: N8nClientName,
	rows: number,
	concurrency: number,
	baseUrl: string,
): N8nWorkflowCase {
	const id = `bench${client}${rows}c${concurrency}`.slice(0, 36);
	const title = `${N8N_CLIENT_LABELS[client]}, ${rows} rows, concurrency ${concurrency}`;
	const start = trigger();
	const sheet = sheetOf(rows);
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
		credentials: credentialsOf(id),
	};
	if (client === 'crayon' || client === 'crayonVerify') {
		// Verify off, the node sends what the other clients send: one create per row.
		const crayon = crayonCreate(id, { verifyFirst: client === 'crayonVerify', concurrency }, 400);
		return caseOf(id, title, [start, sheet, crayon], chain('Start', 'Rows', 'Crayon'), ['Crayon']);
	}
	if (client === 'floor') {
		return caseOf(
			id,
			title,
			[start, sheet, floor(id, 400, concurrency)],
			chain('Start', 'Rows', 'Floor'),
			['Floor'],
		);
	}
	if (client === 'httpDefault') {
		return caseOf(id, title, [start, sheet, http], chain('Start', 'Rows', 'HTTP Request'), [
			'HTTP Request',
		]);
	}
	const loop = node('Loop', 'n8n-nodes-base.splitInBatches', 3, { batchSize: 1, options: {} }, 400);
	// The loop's "loop" output is its second: Loop → HTTP Request → Loop.
	return caseOf(
		id,
		title,
		[start, sheet, loop, http],
		{
			...chain('Start', 'Rows', 'Loop'),
			Loop: { main: [[], [{ node: 'HTTP Request', type: 'main', index: 0 }]] },
			'HTTP Request': { main: [[{ node: 'Loop', type: 'main', index: 0 }]] },
		},
		['Loop', 'HTTP Request'],
	);
}

/**
 * Subscription → Get Many with Return All and every other parameter as the node offers it, or
 * the floor listing every page the same way.
 */
export function getManyCase(
	client: 'crayon' | 'crayonOneByOne' | 'floor',
	label: string,
): N8nWorkflowCase {
	const id = `benchGetMany${client}${label}`;
	const lister =
		client === 'floor'
			? node('Floor', FLOOR_NODE_TYPE, 1, { operation: 'listAll' }, 200)
			: node(
					'Crayon',
					'n8n-nodes-crayon.crayon',
					1,
					{
						resource: 'subscription',
						operation: 'getMany',
						returnAll: true,
						options: client === 'crayonOneByOne' ? { concurrency: 1 } : {},
					},
					200,
				);
	return caseOf(
		id,
		`${client === 'floor' ? 'minimal node, every page' : `Crayon node, Subscription → Get Many, Return All${client === 'crayonOneByOne' ? ', Concurrency 1' : ''}`} (${label})`,
		[trigger(), { ...lister, credentials: credentialsOf(id) }],
		chain('Start', lister.name),
		[lister.name],
	);
}

/**
 * Manual Trigger → Rows → heap probe → the client → heap probe: the second probe outputs the
 * heap before and after the client and the size of a copy of the client's output (its items'
 * `json`), each after a full collection.
 */
export function memoryCase(client: MemoryClientName, rows: number): N8nWorkflowCase {
	const id = `benchMemory${client}${rows}`;
	const measured =
		client === 'crayon'
			? crayonCreate(id, { verifyFirst: false, concurrency: 1 }, 600)
			: floor(id, 600);
	const probe = (name: string, reading: 'before' | 'after', x: number) =>
		node(name, PROBE_NODE_TYPE, 1, { reading }, x);
	return caseOf(
		id,
		`heap around ${N8N_CLIENT_LABELS[client]}, ${rows} rows`,
		[
			trigger(),
			sheetOf(rows),
			probe('Heap Before', 'before', 400),
			measured,
			probe('Heap After', 'after', 800),
		],
		chain('Start', 'Rows', 'Heap Before', measured.name, 'Heap After'),
		[measured.name],
	);
}

/** What the probe after the client outputs (one item). */
export interface HeapReading {
	/** Heap after a full collection when the first probe ran (the rows held, the client not run yet). */
	heapBefore: number;
	/** The same when the second probe ran: the client's output and whatever else its run left. */
	heapAfter: number;
	/** Heap a structured clone of the output items' `json` takes (bench/measure.ts dataSize). */
	outputBytes: number;
	items: number;
}

/**
 * The floor node: per item, the three mapped fields the Crayon node's Create maps, and one `httpRequestWithAuthentication`, with
 * the credential read once for the execution (as the Crayon node reads it), nothing else: every
 * body before the first request and then Concurrency requests at a time, as the Crayon node; or
 * (List All) the pages of 50 the Crayon node's Get Many reads, one GET each. Its list search is the floor of a "From list" page: the credential read once, one GET of the page
 * the Crayon node's subscription search asks for, each item named by its Name and ID.
 */
const FLOOR_NODE_SOURCE = `'use strict';
async function credentialOf(context) {
	const data = await context.getCredentials('crayonApi');
	const reference = context.getNode().credentials.crayonApi;
	const credentialsDecrypted = { id: reference.id, name: reference.name, type: 'crayonApi', data };
	return { baseUrl: String(data.baseUrl).replace(/\\/+$/, ''), credentialsDecrypted };
}
function listRequest(baseUrl, page) {
	return {
		method: 'GET',
		url: baseUrl + '/api/v1/subscriptions',
		qs: { statuses: ${ALL_SUBSCRIPTION_STATUSES}, page, pageSize: 50 },
		json: true,
	};
}
async function searchFloor() {
	const { baseUrl, credentialsDecrypted } = await credentialOf(this);
	const page = await this.helpers.httpRequestWithAuthentication.call(
		this,
		'crayonApi',
		listRequest(baseUrl, 1),
		{ credentialsDecrypted },
	);
	return {
		results: page.Items.map((item) => ({ name: item.Name + ' (' + item.Id + ')', value: String(item.Id) })),
		paginationToken: 2,
	};
}
class BenchFloor {
	constructor() {
		this.description = {
			displayName: 'Bench Floor',
			name: 'benchFloor',
			group: ['transform'],
			version: 1,
			description: 'POST each item, or read every page of the subscriptions, nothing else',
			defaults: { name: 'Floor' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'crayonApi', required: true }],
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'options',
					options: [
						{ name: 'Create Each Item', value: 'create' },
						{ name: 'List All Subscriptions', value: 'listAll' },
					],
					default: 'create',
				},
				{ displayName: 'Customer Tenant ID', name: 'customerTenantId', type: 'number', default: 0 },
				{ displayName: 'Part Number', name: 'partNumber', type: 'string', default: '' },
				{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1 },
				{ displayName: 'Concurrency', name: 'concurrency', type: 'number', default: 1 },
				{
					displayName: 'Subscription',
					name: 'subscriptionId',
					type: 'resourceLocator',
					default: { mode: 'list', value: '' },
					modes: [{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchFloor' } }],
				},
			],
		};
		this.methods = { listSearch: { searchFloor } };
	}
	async execute() {
		const { baseUrl, credentialsDecrypted } = await credentialOf(this);
		if (this.getNodeParameter('operation', 0) === 'listAll') {
			const items = [];
			for (let page = 1; ; page++) {
				const answer = await this.helpers.httpRequestWithAuthentication.call(
					this,
					'crayonApi',
					listRequest(baseUrl, page),
					{ credentialsDecrypted },
				);
				items.push(...answer.Items.map((json) => ({ json, pairedItem: { item: 0 } })));
				if (answer.Items.length === 0 || items.length >= answer.TotalHits) return [items];
			}
		}
		// Every item's body first, then the requests, Concurrency at a time: the order of work
		// the Crayon node keeps (nothing is sent until every item is valid). The first goes alone,
		// as the Crayon node's: n8n logs in with it, once.
		// The body the Crayon node sends for a New Commerce row (its name is the part number).
		const bodies = this.getInputData().map((_, itemIndex) => {
			const partNumber = this.getNodeParameter('partNumber', itemIndex);
			return {
				name: partNumber,
				customerTenant: { id: this.getNodeParameter('customerTenantId', itemIndex) },
				product: { partNumber },
				quantity: this.getNodeParameter('quantity', itemIndex),
				billingCycle: 1,
				termDuration: 'P1M',
			};
		});
		const output = new Array(bodies.length);
		const send = async (itemIndex) => {
			const created = await this.helpers.httpRequestWithAuthentication.call(
				this,
				'crayonApi',
				{ method: 'POST', url: baseUrl + '/api/v1/subscriptions/', body: bodies[itemIndex], json: true },
				{ credentialsDecrypted },
			);
			output[itemIndex] = { json: created, pairedItem: { item: itemIndex } };
		};
		if (bodies.length > 0) await send(0);
		let next = 1;
		const worker = async () => {
			while (next < bodies.length) await send(next++);
		};
		const concurrency = this.getNodeParameter('concurrency', 0);
		await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, worker));
		return [output];
	}
}
module.exports = { BenchFloor };
`;

/**
 * The heap probe (needs `node --expose-gc`): "before" keeps the heap after a full collection and
 * passes its items on untouched; "after" outputs that reading, its own and the heap a copy of
 * its input items' json takes, measured as bench/measure.ts measures a client's data.
 */
const PROBE_NODE_SOURCE = `'use strict';
const READING = Symbol.for('n8n-nodes-bench.heapBefore');
function liveHeap() {
	global.gc();
	return process.memoryUsage().heapUsed;
}
function dataSize(payload) {
	const holder = { copy: structuredClone(payload) };
	const withCopy = liveHeap();
	delete holder.copy;
	return withCopy - liveHeap();
}
class BenchHeapProbe {
	constructor() {
		this.description = {
			displayName: 'Bench Heap Probe',
			name: 'benchHeapProbe',
			group: ['transform'],
			version: 1,
			description: 'Heap after a full collection, before and after a node',
			defaults: { name: 'Heap' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [
				{
					displayName: 'Reading',
					name: 'reading',
					type: 'options',
					options: [
						{ name: 'Before', value: 'before' },
						{ name: 'After', value: 'after' },
					],
					default: 'before',
				},
			],
		};
	}
	async execute() {
		const items = this.getInputData();
		const heap = liveHeap();
		if (this.getNodeParameter('reading', 0) === 'before') {
			globalThis[READING] = heap;
			return [items];
		}
		const outputBytes = dataSize(items.map((item) => item.json));
		return [[{ json: { heapBefore: globalThis[READING], heapAfter: heap, outputBytes, items: items.length } }]];
	}
}
module.exports = { BenchHeapProbe };
`;

/** Installs the bench package (floor and heap probe) next to the Crayon package, as n8n finds community packages. */
export async function installBenchPackage(userFolder: string): Promise<void> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', BENCH_PACKAGE);
	await mkdir(join(packageDir, 'dist'), { recursive: true });
	const sources = {
		'dist/BenchFloor.node.js': FLOOR_NODE_SOURCE,
		'dist/BenchHeapProbe.node.js': PROBE_NODE_SOURCE,
	};
	await writeFile(
		join(packageDir, 'package.json'),
		JSON.stringify({
			name: BENCH_PACKAGE,
			version: '0.0.1',
			keywords: ['n8n-community-node-package'],
			n8n: { n8nNodesApiVersion: 1, nodes: Object.keys(sources) },
		}),
	);
	for (const [file, source] of Object.entries(sources)) {
		await writeFile(join(packageDir, file), source);
	}
}
