/**
 * The Crayon node as a whole. n8n's node-level "Retry On Fail" re-runs the whole node, so it
 * is refused for operations that buy. Every importable example workflow (examples/*.json) runs
 * unchanged through the engine against the simulator (n8n-nodes-base nodes by their
 * stand-ins) and buys what its data says; the expected purchases are derived from the rows in
 * each file. As a new node and as an AI agent's tool it opens on a read.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { read as readWorkbook, utils as sheetUtils } from '@e965/xlsx';
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { findOperation, operationValues } from '../../../nodes/Crayon/actions/resources';
import { Crayon } from '../../../nodes/Crayon/Crayon.node';
import { CrayonTrigger } from '../../../nodes/Crayon/CrayonTrigger.node';
import {
	DEFAULT_PURCHASE_CONCURRENCY,
	DEFAULT_READ_CONCURRENCY,
} from '../../../nodes/Crayon/fields/options';

import {
	exampleRows,
	sentEmails,
	type CrayonFixture,
	type RunResult,
	type TestNode,
	type WorkflowJson,
} from '../../../harness';
import { SEED } from '../../../simulator';
import { byId, expectNothingSent, jsonOf, pairedItemsOf, useCrayon } from '../../helpers';

describe('Number fields in the editor', () => {
	/** Every property of a node's description, those inside collections and fixed collections too. */
	function allProperties(properties: INodeProperties[]): INodeProperties[] {
		return properties.flatMap((property) => [
			property,
			...allProperties(
				((property.options ?? []) as Array<INodeProperties | { values?: INodeProperties[] }>)
					.flatMap((option) => ('values' in option ? (option.values ?? []) : [option]))
					.filter((option): option is INodeProperties => 'type' in option),
			),
		]);
	}

	it('never set numberPrecision: n8n 2.41 then drops a typed decimal point and joins the digits, so 1.5 licences become 15', () => {
		const numbers = [new Crayon(), new CrayonTrigger()]
			.flatMap((node) => allProperties(node.description.properties))
			.filter((property) => property.type === 'number');
		// Quantity, Concurrency, IDs …: the schemas refuse a fraction before any request instead.
		expect(numbers.map((property) => property.name)).toEqual(
			expect.arrayContaining(['quantity', 'concurrency', 'timeout', 'maxRetries', 'batchSize']),
		);
		expect(
			numbers
				.filter((property) => property.typeOptions?.numberPrecision !== undefined)
				.map((property) => property.displayName),
		).toEqual([]);
	});
});

describe('The Options collections', () => {
	const collections = new Crayon().description.properties.filter(
		(property) => property.name === 'options',
	);

	it('tell purchases from reads by the operation value alone, which means one kind in every resource', () => {
		const purchases = operationValues(true);
		expect(purchases).toContain('create');
		expect(operationValues(false)).toContain('getMany');
		expect(operationValues(false).filter((value) => purchases.includes(value))).toEqual([]);
	});

	it('offer Concurrency 1 to operations that buy or change and 8 to those that only read', () => {
		expect([DEFAULT_PURCHASE_CONCURRENCY, DEFAULT_READ_CONCURRENCY]).toEqual([1, 8]);
		const concurrencyFor = (operation: string) => {
			const shown = collections.filter((collection) =>
				(collection.displayOptions?.show?.operation as string[]).includes(operation),
			);
			expect(shown).toHaveLength(1);
			return (shown[0].options as INodeProperties[]).find((option) => option.name === 'concurrency')
				?.default;
		};
		expect(operationValues(true).map(concurrencyFor)).toEqual(
			operationValues(true).map(() => DEFAULT_PURCHASE_CONCURRENCY),
		);
		expect(operationValues(false).map(concurrencyFor)).toEqual(
			operationValues(false).map(() => DEFAULT_READ_CONCURRENCY),
		);
	});
});

describe('The Crayon node with "Retry On Fail"', () => {
	const crayon = useCrayon();

	const createSubscription: INodeParameters = {
		resource: 'subscription',
		operation: 'create',
		productType: 'legacy',
		name: 'Retry test',
		customerTenantId: byId(SEED.legacyTenantId),
		partNumber: SEED.legacyPartNumber,
		quantity: 1,
	};

	it('refuses a purchase operation before sending anything, naming the setting', async () => {
		const result = await crayon.runCrayon(createSubscription, [{}, {}], { retryOnFail: true });

		expectNothingSent(crayon, result);
		expect(result.nodeError('Crayon')?.message).toBe(
			'Turn off "Retry On Fail" for this node: it would buy twice',
		);
	});

	it('lets a purchase run when failed items continue as error items (the node is never re-run)', async () => {
		const result = await crayon.runCrayon(createSubscription, [{}], {
			retryOnFail: true,
			onError: 'continueRegularOutput',
		});

		expect(result.error).toBeUndefined();
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('runs read-only operations as usual', async () => {
		const result = await crayon.runCrayon(
			{
				resource: 'subscription',
				operation: 'get',
				subscriptionId: byId(SEED.addonCapableSubscriptionId),
			},
			[{}],
			{ retryOnFail: true },
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result.output('Crayon'))).toEqual([
			expect.objectContaining({ Id: SEED.addonCapableSubscriptionId }),
		]);
	});
});

const EXAMPLES_DIR = path.join(__dirname, '..', '..', '..', 'examples');

type Check = (crayon: CrayonFixture, result: RunResult, workflow: WorkflowJson) => void;

const checks: Record<string, Check> = {
	'nce-orders-with-addons.json': (crayon, result, workflow) => {
		const rows = exampleRows(workflow, 'Sheet rows', 'rows');
		expect(result.executionOrder).toEqual([
			'When clicking ‘Execute workflow’',
			'Sheet rows',
			'One item per row',
			'Order NCE licences',
			'Add add-on',
		]);
		const orders = [...crayon.sim.state.nceOrders.values()];
		expect(
			orders.map(({ tenantId, partNumber, quantity, billingCycle, termDuration }) => ({
				tenantId,
				partNumber,
				quantity,
				billingCycle,
				termDuration,
			})),
		).toEqual(
			rows.map(({ tenantId, partNumber, quantity, billingCycle, termDuration }) => ({
				tenantId,
				partNumber,
				quantity,
				billingCycle,
				termDuration,
			})),
		);
		const calls = crayon.apiCalls();
		expect(
			calls
				.filter((call) => call.path === '/api/v1/subscriptions/new-commerce-orders')
				.map((call) => call.body),
		).toEqual(
			rows.map(({ tenantId, billingCycle, partNumber, quantity, termDuration }) => ({
				customerTenantId: tenantId,
				billingCycle,
				partNumber,
				quantity,
				termDuration,
			})),
		);
		expect(
			calls
				.filter((call) => call.path.endsWith('/addons'))
				.map(({ path: addonPath, body }) => [addonPath, body]),
		).toEqual(
			rows.map((row, index) => [
				`/api/v1/subscriptions/${String(orders[index].subscriptionId)}/addons`,
				{
					Quantity: row.addonQuantity,
					OfferId: row.addonOfferId,
					SubscriptionTags: { Department: row.department },
				},
			]),
		);
		const addons = result.output('Add add-on');
		expect(pairedItemsOf(addons)).toEqual(rows.map((_, item) => ({ item })));
		expect(jsonOf(addons)).toEqual(
			rows.map((row, index) => ({
				Accepted: true,
				SubscriptionId: orders[index].subscriptionId,
				OfferId: row.addonOfferId,
				Quantity: row.addonQuantity,
				SubscriptionTags: { Department: row.department },
			})),
		);
		for (const [index, order] of orders.entries()) {
			expect(
				crayon.sim.state.subscriptions.get(order.subscriptionId as number)?.addonIds,
			).toHaveLength(1);
			expect(result.output('Order NCE licences')[index].json.SubscriptionId).toBe(
				order.subscriptionId,
			);
		}
		expect(crayon.sim.purchaseCount()).toBe(rows.length * 2);
	},

	'verify-and-checkout.json': (crayon, result, workflow) => {
		const orders = exampleRows(workflow, 'Orders', 'orders');
		expect(result.executionOrder).toEqual([
			'When clicking ‘Execute workflow’',
			'Orders',
			'One item per order',
			'Verify order',
			'Check out order',
		]);
		const verifiedLines = (order: IDataObject) =>
			(order.orderLines as IDataObject[]).map((line) => {
				const productId = line.productId as string;
				const second = productId === SEED.secondNceProductId;
				return {
					...line,
					productVariantId: second ? SEED.secondNceProductVariantId : SEED.nceProductVariantId,
					catalogItemId: second ? SEED.secondNceCatalogItemId : SEED.nceCatalogItemId,
				};
			});
		const calls = crayon.apiCalls();
		expect(
			calls.filter((call) => call.path.endsWith('/checkout')).map((call) => call.body),
		).toEqual(
			// Crayon's verified order as it answered it, key for key.
			orders.map((order) => ({
				resellerCustomerId: order.customerId,
				externalOrderId: null,
				countryCode: 'NO',
				scheduledPurchaseDate: null,
				errors: [],
				orderLines: verifiedLines(order).map((line) => ({
					...line,
					customTermEndDate: null,
					errors: [],
				})),
			})),
		);
		expect(jsonOf(result.output('Check out order'))).toEqual(
			orders.map((order) =>
				expect.objectContaining({
					CheckedOut: true,
					VerifiedBeforeCheckout: true,
					// Simplified by default: the order's enumerations named.
					Order: expect.objectContaining({
						CustomerTenantId: order.customerId,
						OrderLines: expect.arrayContaining([expect.objectContaining({ Type: 'Subscription' })]),
					}),
				}),
			),
		);
		expect(
			crayon.sim.state.purchases.map(({ kind, tenantId, lines }) => ({
				kind,
				tenantId,
				quantities: lines.map((line) => line.quantity),
			})),
		).toEqual(
			orders.map((order) => ({
				kind: 'checkout',
				tenantId: order.customerId,
				quantities: (order.orderLines as IDataObject[]).map((line) => line.quantity),
			})),
		);
	},

	'price-list-export.json': (crayon, result) => {
		expect(result.executionOrder).toEqual([
			'When clicking ‘Execute workflow’',
			'Catalogue with prices',
			'Price list file',
		]);
		// Return All: every page of the tenant's catalogue, one after the other.
		const pages = crayon.requestsTo('GET', '/api/v1/agreementproducts').map(({ query }) => query);
		expect(pages.length).toBeGreaterThan(1);
		expect(pages).toEqual(
			pages.map((_, index) => ({
				customerTenantId: String(SEED.tenantId),
				'Include.ProgramNames': 'CSP',
				page: String(index + 1),
				pageSize: '50',
			})),
		);
		const products = jsonOf(result.output('Catalogue with prices')) as IDataObject[];
		expect(products.length).toBeGreaterThan(50);
		const [file] = result.output('Price list file');
		expect(file.pairedItem).toEqual(products.map((_, item) => ({ item })));
		const binary = file.binary?.data;
		expect(binary).toMatchObject({
			fileName: 'price-list-contoso.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		});
		// The spreadsheet holds every product with Crayon's prices to the last decimal (nulls as empty cells).
		const workbook = readWorkbook(Buffer.from(binary?.data ?? '', 'base64'), { type: 'buffer' });
		expect(workbook.SheetNames).toEqual(['Prices']);
		const rows = sheetUtils.sheet_to_json<IDataObject>(workbook.Sheets.Prices);
		expect(rows).toEqual(
			products.map((product) =>
				Object.fromEntries(Object.entries(product).filter(([, value]) => value !== null)),
			),
		);
		const e3Year = rows.find(
			(row) => row.PartNumber === SEED.ncePartNumber && row.TermDuration === 'P1Y',
		);
		expect(e3Year).toMatchObject({ SalesPrice: 220.59, SalesPriceCurrency: 'NOK' });
		expect(crayon.sim.purchaseCount()).toBe(0);
	},
};

checks['monthly-billing-records.json'] = (crayon) => {
	const now = new Date();
	const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
	const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 1;
	const statements = crayon.sim.state.billing.statements.filter(
		(statement) => statement.organizationId === SEED.organizationId && statement.start === start,
	);
	expect(statements.map((statement) => statement.provisionType)).toEqual([1, 2, 3]);
	expect(crayon.apiRequests().map(({ path: sent, query }) => [sent, query])).toEqual([
		[
			'/api/v1/billingstatements',
			{
				organizationId: String(SEED.organizationId),
				from: new Date(start).toISOString(),
				to: new Date(end).toISOString(),
				page: '1',
				pageSize: '50',
			},
		],
		...statements.map((statement) => [
			`/api/v1/billingstatements/${statement.id}/billingrecordsfile`,
			{},
		]),
	]);
	// One message, with every billing line of last month in one workbook, nothing rounded.
	const month = new Date(start).toISOString().slice(0, 7);
	expect(sentEmails).toHaveLength(1);
	const [email] = sentEmails;
	expect(email).toMatchObject({
		to: 'finance@reseller.example',
		subject: `Crayon billing records ${month}`,
	});
	expect(email.attachments.map((attachment) => attachment.fileName)).toEqual([
		`crayon-billing-${month}.xlsx`,
	]);
	const workbook = readWorkbook(email.attachments[0].content, { type: 'buffer' });
	expect(workbook.SheetNames).toEqual(['Billing records']);
	expect(sheetUtils.sheet_to_json<IDataObject>(workbook.Sheets['Billing records'])).toEqual(
		statements
			.flatMap((statement) => statement.records)
			.map((record) =>
				Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null)),
			),
	);
};

checks['cancel-unassigned-nce-seats.json'] = (crayon, result, workflow) => {
	const seats = exampleRows(workflow, 'Assigned seats (sheet)', 'seats');
	expect(result.executionOrder).toEqual([
		'Every morning at 07:00',
		'Assigned seats (sheet)',
		'Active subscriptions',
		'Cancellable, no seat assigned',
		'Cancel subscription',
		'Summary',
		'Send summary',
	]);
	// The sheet's rows with no seat assigned, whose cancellation window is still open.
	const open = (id: number) =>
		Date.parse(crayon.sim.state.subscriptions.get(id)?.cancellationAllowedUntilDate ?? '') >
		Date.now();
	const unassigned = seats
		.filter((seat) => seat.assignedSeats === 0)
		.map((seat) => seat.subscriptionId as number);
	expect(unassigned).toEqual([SEED.closingWindowSubscriptionId]);
	expect(
		crayon.requestsTo('PUT', /^\/api\/v1\/subscriptions\/\d+$/).map((request) => request.path),
	).toEqual(unassigned.map((id) => `/api/v1/subscriptions/${id}`));
	for (const id of unassigned) expect(crayon.sim.state.subscriptions.get(id)?.status).toBe(4);
	// Still cancellable but with seats in use: kept.
	expect(open(SEED.cancellableSubscriptionId)).toBe(true);
	expect(crayon.sim.state.subscriptions.get(SEED.cancellableSubscriptionId)?.status).toBe(1);
	expect(jsonOf(result.output('Cancel subscription'))).toEqual([
		expect.objectContaining({
			Id: SEED.closingWindowSubscriptionId,
			Status: 'Deleted',
			StatusChanged: true,
		}),
	]);
	expect(sentEmails).toEqual([
		{
			from: 'licences@reseller.example',
			to: 'licence-desk@reseller.example',
			subject: '1 unassigned New Commerce subscription(s) cancelled',
			text: expect.stringMatching(
				new RegExp(
					`^Cancelled subscription ${SEED.closingWindowSubscriptionId} \\(Microsoft 365 E3, \\d+ licences, customer tenant 123\\) with \\d+ hours left to cancel$`,
				),
			),
			attachments: [],
		},
	]);
	expect(crayon.sim.purchaseCount()).toBe(0);
};

/** Where the examples read their files in n8n's Docker image (the default allowed folder, ~/.n8n-files). */
const N8N_FILES = '/home/node/.n8n-files/';

/** The workflow with every Read/Write Files from Disk node reading the file of that name in examples/. */
function readingFilesFromExamples(workflow: WorkflowJson): WorkflowJson {
	return {
		...workflow,
		nodes: (workflow.nodes as TestNode[]).map((node) => {
			if (node.type !== 'n8n-nodes-base.readWriteFile') return node;
			const fileSelector = String(node.parameters?.fileSelector);
			if (!fileSelector.startsWith(N8N_FILES))
				throw new Error(`"${node.name}" reads ${fileSelector}, not a file in ${N8N_FILES}`);
			return {
				...node,
				parameters: {
					...node.parameters,
					fileSelector: path.join(EXAMPLES_DIR, fileSelector.slice(N8N_FILES.length)),
				},
			};
		}),
	};
}

/** The e-mail "Email the receipt" sends for the seat reconciliation, as the sections the check compares. */
function seatReceipt(changed: string[], bought: string[], notApplied: string[], unchanged: number) {
	const day = new Date().toISOString().slice(0, 10);
	const list = (lines: string[]) => lines.join('\n') || '(none)';
	return {
		from: 'n8n@reseller.example',
		to: 'licensing@reseller.example',
		subject: `Seat reconciliation ${day}: ${changed.length} changed, ${bought.length} bought, ${notApplied.length} not applied`,
		text:
			`Wanted seats (crayon-wanted-seats.csv) compared with Crayon's active subscriptions on ${day}.\n\n` +
			`Changed:\n${list(changed)}\n\nBought:\n${list(bought)}\n\n` +
			`Not applied (nothing bought or changed for these rows):\n${list(notApplied)}\n\n` +
			`Already right: ${unchanged} subscription(s).`,
		attachments: [],
	};
}

checks['seat-reconciliation.json'] = (crayon, result) => {
	expect(result.executionOrder).toEqual([
		'Every Monday at 07:00',
		'Active subscriptions',
		'Read wanted seats',
		'One item per CSV row',
		'Compare with Crayon',
		'Plan',
		'Seats to change',
		'Change seats',
		'Subscriptions to buy',
		'Buy subscriptions',
		'Email the receipt',
	]);
	const activeSeats = (id: number) => crayon.sim.state.subscriptions.get(id)?.quantity;
	const calls = crayon.apiRequests().map(({ method, path: sent, query, body }) => ({
		method,
		path: sent,
		query,
		body,
	}));
	// Reads first (every page of the active subscriptions), then only the differences: two seat
	// changes (each read, then written whole) and two New Commerce purchases, each verified first.
	expect(calls.map(({ method, path: sent }) => `${method} ${sent}`)).toEqual([
		'GET /api/v1/subscriptions',
		'GET /api/v1/subscriptions',
		'GET /api/v1/subscriptions/5003',
		'PUT /api/v1/subscriptions/5003',
		'GET /api/v1/subscriptions/5041',
		'PUT /api/v1/subscriptions/5041',
		'POST /api/v1/purchaserequest/verify',
		'POST /api/v1/purchaserequest/verify',
		'POST /api/v1/subscriptions/',
		'POST /api/v1/subscriptions/',
	]);
	expect(calls.slice(0, 2).map(({ query }) => query)).toEqual([
		{ statuses: '1', page: '1', pageSize: '50' },
		{ statuses: '1', page: '2', pageSize: '50' },
	]);
	expect(calls.filter(({ method }) => method === 'PUT').map(({ body }) => body)).toEqual([
		expect.objectContaining({ Id: 5003, Quantity: 12 }),
		expect.objectContaining({ Id: 5041, Quantity: 30 }),
	]);
	expect(
		calls.filter(({ path: sent }) => sent === '/api/v1/subscriptions/').map(({ body }) => body),
	).toEqual([
		{
			name: SEED.secondNcePartNumber,
			customerTenant: { id: SEED.tenantId },
			product: { partNumber: SEED.secondNcePartNumber },
			quantity: 3,
			billingCycle: 2,
			termDuration: 'P1Y',
		},
		{
			name: SEED.secondNcePartNumber,
			customerTenant: { id: SEED.legacyTenantId },
			product: { partNumber: SEED.secondNcePartNumber },
			quantity: 4,
			billingCycle: 1,
			termDuration: 'P1M',
		},
	]);
	// Nothing bought twice; the rows already right (5001) and the ambiguous one (three M365 E3
	// P3Y subscriptions of tenant 123) left alone.
	expect(crayon.sim.purchaseCount()).toBe(2);
	expect([5003, 5041, 5001, 5009, 5033, 5057, 5081].map(activeSeats)).toEqual([
		12, 30, 25, 7, 25, 43, 11,
	]);
	expect(
		(jsonOf(result.output('Change seats')) as IDataObject[]).map(
			({ Id, PreviousQuantity, Quantity }) => ({
				Id,
				PreviousQuantity,
				Quantity,
			}),
		),
	).toEqual([
		{ Id: 5003, PreviousQuantity: 10, Quantity: 12 },
		{ Id: 5041, PreviousQuantity: 31, Quantity: 30 },
	]);
	expect(result.output('Change seats', 1)).toEqual([]);
	expect(jsonOf(result.output('Buy subscriptions'))).toEqual([
		expect.objectContaining({ Id: 5121, Quantity: 3, CustomerTenantId: SEED.tenantId }),
		expect.objectContaining({ Id: 5122, Quantity: 4, CustomerTenantId: SEED.legacyTenantId }),
	]);
	expect(result.output('Buy subscriptions', 1)).toEqual([]);
	expect(sentEmails).toEqual([
		seatReceipt(
			[
				'- subscription 5003 (Office 365 E3, customer tenant 123): 10 -> 12 seats',
				'- subscription 5041 (Microsoft 365 Business Basic, customer tenant 123): 31 -> 30 seats',
			],
			[
				'- subscription 5121: 3 x Visio Plan 1 (CFQ7TTC0HD33:0003, P1Y Annual) for customer tenant 123',
				'- subscription 5122: 4 x Visio Plan 1 (CFQ7TTC0HD33:0003, P1M Monthly) for customer tenant 486',
			],
			[
				'- customer tenant 123, CFQ7TTC0LFLX:0001 (P3Y Triennial): 3 active subscriptions match (5009, 5057, 5081); put the one to change in the subscriptionId column',
			],
			1,
		),
	]);
};

const exampleFiles = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));

describe('The example workflows', () => {
	// Processed at once, so the examples' one-second poll never has to wait.
	const crayon = useCrayon({ newCommerceOrderProcessingDelayMs: 0 });

	it('include the main one, the Verify → Checkout one and the monthly billing one', () => {
		expect(exampleFiles).toEqual(expect.arrayContaining(Object.keys(checks)));
	});

	it.each(exampleFiles)('include %s, an n8n export that uses the simulator credential', (file) => {
		const workflow = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as {
			name?: unknown;
			nodes: TestNode[];
			settings?: unknown;
		};
		expect(typeof workflow.name).toBe('string');
		expect(workflow.settings).toEqual({ executionOrder: 'v1' });
		for (const node of workflow.nodes) {
			expect(node).toEqual(
				expect.objectContaining({
					id: expect.any(String),
					name: expect.any(String),
					type: expect.any(String),
					typeVersion: expect.any(Number),
					position: expect.any(Array),
					parameters: expect.any(Object),
				}),
			);
			if (node.type === 'n8n-nodes-crayon.crayon') {
				expect(node.credentials).toEqual({
					crayonApi: { id: 'crayon-simulator', name: 'Crayon (simulator)' },
				});
			}
		}
	});

	it.each(exampleFiles)('run through the engine and buy what their rows say: %s', async (file) => {
		sentEmails.length = 0;
		const check = checks[file];
		if (check === undefined)
			throw new Error(`examples/${file} has no expectations in ${path.basename(__filename)}`);
		const workflow = JSON.parse(
			readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'),
		) as WorkflowJson;

		sentEmails.length = 0;
		const result = await crayon.runWorkflowJson(readingFilesFromExamples(workflow));

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(crayon.logins()).toHaveLength(1);
		check(crayon, result, workflow);
	});

	it('report in the seat reconciliation receipt the rows Crayon refused, buying and changing only the rest', async () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'seat-reconciliation-'));
		const csv = path.join(folder, 'crayon-wanted-seats.csv');
		writeFileSync(
			csv,
			[
				'customerTenantId,partNumber,termDuration,billingCycle,seats,subscriptionId',
				'123,CFQ7TTC0LF8R:0001,P1Y,Annual,301,',
				`${SEED.nceIneligibleTenantId},CFQ7TTC0HD33:0003,P1M,Monthly,2,`,
				'486,1eda119b-65b0-429d-a063-4d2f9840a83f,P1Y,Monthly,6,5002',
				'123,CFQ7TTC0HD33:0003,P1Y,Annual,3,',
				'',
			].join('\n'),
		);
		const workflow = readingFilesFromExamples(
			JSON.parse(
				readFileSync(path.join(EXAMPLES_DIR, 'seat-reconciliation.json'), 'utf8'),
			) as WorkflowJson,
		);
		for (const node of workflow.nodes as TestNode[])
			if (node.type === 'n8n-nodes-base.readWriteFile')
				node.parameters = { ...node.parameters, fileSelector: csv };

		sentEmails.length = 0;
		const result = await crayon.runWorkflowJson(workflow);

		expect(result.error).toBeUndefined();
		rmSync(folder, { recursive: true });
		// The 301 seats Crayon refused (Office 365 E3 has at most 300) and the ineligible tenant's
		// purchase (refused at verification) are on the error outputs; subscription 5002 is
		// suspended, so its row is not sent at all; only the good row is bought.
		expect(
			crayon.apiRequests().map(({ method, path: sent, status }) => `${method} ${sent} ${status}`),
		).toEqual([
			'GET /api/v1/subscriptions 200',
			'GET /api/v1/subscriptions 200',
			'GET /api/v1/subscriptions/5003 200',
			'PUT /api/v1/subscriptions/5003 400',
			'POST /api/v1/purchaserequest/verify 200',
			'POST /api/v1/purchaserequest/verify 200',
			'POST /api/v1/subscriptions/ 200',
		]);
		expect(crayon.sim.purchaseCount()).toBe(1);
		expect(crayon.sim.state.subscriptions.get(SEED.nceSubscriptionId)?.quantity).toBe(10);
		expect(jsonOf(result.output('Change seats', 1))).toEqual([
			expect.objectContaining({ wantedSeats: 301, error: expect.anything() }),
		]);
		expect(jsonOf(result.output('Buy subscriptions', 1))).toEqual([
			expect.objectContaining({
				customerTenantId: SEED.nceIneligibleTenantId,
				error: expect.anything(),
			}),
		]);
		expect(sentEmails).toEqual([
			seatReceipt(
				[],
				[
					'- subscription 5121: 3 x Visio Plan 1 (CFQ7TTC0HD33:0003, P1Y Annual) for customer tenant 123',
				],
				[
					'- subscription 5003, 301 seats wanted: Crayon refused to change subscription 5003 from 10 to 301 licences: Quantity 301 exceeds the maximum of 300 for Office 365 E3 (CFQ7TTC0LF8R:0001). [item 0]',
					"- customer tenant 505, 2 x CFQ7TTC0HD33:0003 (P1M Monthly): Crayon's verification found 1 problem so nothing was bought: Line 1 (CFQ7TTC0HD33:0003): Customer tenant 505 (Litware Inc) is not eligible for New Commerce purchases. (CustomerNotEligible) [item 0]",
					'- customer tenant 486, 1eda119b-65b0-429d-a063-4d2f9840a83f (P1Y Monthly): subscription 5002 is not an active subscription',
				],
				0,
			),
		]);
	});
});

const { description } = new Crayon();

/** Every resource's Operation dropdown, with the resource it belongs to. */
const operationDropdowns = description.properties
	.filter((property) => property.name === 'operation')
	.map((dropdown: INodeProperties) => ({
		resource: String(dropdown.displayOptions?.show?.resource?.[0]),
		dropdown,
	}));

describe('The Crayon node as an AI agent tool', () => {
	const crayon = useCrayon();

	it('can be used as a tool', () => {
		expect(description.usableAsTool).toBe(true);
	});

	it.each(operationDropdowns.map(({ resource, dropdown }) => [resource, dropdown.default]))(
		'opens %s on an operation that buys nothing (%s)',
		(resource, operation) => {
			const defaultOperation = findOperation(resource, String(operation));
			expect(defaultOperation).toBeDefined();
			expect(defaultOperation?.isPurchase).toBeFalsy();
		},
	);

	it('opens on Subscription → Get Many', () => {
		const resource = description.properties.find((property) => property.name === 'resource');
		expect(resource?.default).toBe('subscription');
		expect(
			operationDropdowns.find((entry) => entry.resource === 'subscription')?.dropdown.default,
		).toBe('getMany');
	});

	it('with the parameters n8n gives a new node, only reads', async () => {
		const parameters = NodeHelpers.getNodeParameters(
			description.properties,
			{},
			true,
			false,
			{ typeVersion: 1 },
			description,
		) as INodeParameters;

		const result = await crayon.runCrayon(parameters, [{}]);

		expect(result.error).toBeUndefined();
		expect(crayon.apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
			'GET /api/v1/subscriptions',
		]);
		expect(crayon.sim.purchaseCount()).toBe(0);
	});
});
