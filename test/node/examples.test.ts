/**
 * Every importable example workflow (examples/*.json) runs unchanged through the engine
 * against the simulator (n8n-nodes-base nodes by their stand-ins) and buys what its data
 * says. The expected purchases are derived from the rows in each file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { SEED } from '../../simulator';
import { exampleRows } from '../../harness';
import type { RunResult, TestNode, WorkflowJson } from '../../harness';
import { jsonOf, pairedItemsOf, useCrayon } from '../helpers';

const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');

// Processed at once, so the examples' one-second poll never has to wait.
const crayon = useCrayon({ newCommerceOrderProcessingDelayMs: 0 });

type Check = (result: RunResult, workflow: WorkflowJson) => void;

const checks: Record<string, Check> = {
	'nce-orders-with-addons.json': (result, workflow) => {
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
				accepted: true,
				subscriptionId: orders[index].subscriptionId,
				offerId: row.addonOfferId,
				quantity: row.addonQuantity,
				subscriptionTags: { Department: row.department },
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

	'verify-and-checkout.json': (result, workflow) => {
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
			orders.map((order) => ({
				resellerCustomerId: order.customerId,
				countryCode: 'NO',
				orderLines: verifiedLines(order),
			})),
		);
		expect(jsonOf(result.output('Check out order'))).toEqual(
			orders.map((order) =>
				expect.objectContaining({
					checkedOut: true,
					statusCode: 204,
					order: expect.objectContaining({ resellerCustomerId: order.customerId }),
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
};

const exampleFiles = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));

describe('example workflows', () => {
	it('include the main one and the Verify → Checkout one', () => {
		expect(exampleFiles).toEqual(expect.arrayContaining(Object.keys(checks)));
	});

	it.each(exampleFiles)('%s is an n8n export that uses the simulator credential', (file) => {
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

	it.each(exampleFiles)('%s runs through the engine and buys what its rows say', async (file) => {
		const check = checks[file];
		if (check === undefined)
			throw new Error(`examples/${file} has no expectations in ${path.basename(__filename)}`);
		const workflow = JSON.parse(
			readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'),
		) as WorkflowJson;

		const result = await crayon.runWorkflowJson(workflow);

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(crayon.logins()).toHaveLength(1);
		check(result, workflow);
	});
});
