/**
 * `npm run demo`: starts the Crayon API simulator on a random port, runs the main example
 * workflow (examples/nce-orders-with-addons.json: sheet rows → New Commerce orders → wait for
 * the subscription IDs → add an add-on) through n8n's workflow engine, prints what was bought
 * and exits non-zero if anything was not.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import mainExample from '../examples/nce-orders-with-addons.json';
import { CrayonFixture, exampleRows, type RunResult, type WorkflowJson } from '../harness';

// Long enough that the workflow visibly waits (one poll per second), short enough for a demo.
const NCE_PROCESSING_DELAY_MS = 800;

/** The output item of `nodeName` that came from input row `row`, if that node ran. */
function itemFor(result: RunResult, nodeName: string, row: number): INodeExecutionData | undefined {
	if (result.runData[nodeName] === undefined) return undefined;
	return result
		.output(nodeName)
		.find(
			(item) =>
				!Array.isArray(item.pairedItem) && (item.pairedItem as { item?: number })?.item === row,
		);
}

function addonResult(item: INodeExecutionData | undefined): string {
	if (item === undefined) return 'not run';
	if (item.json.accepted === true)
		return `accepted: ${String(item.json.offerId)} × ${String(item.json.quantity)}`;
	return `failed: ${String(item.json.error ?? 'unknown')}`;
}

function table(header: string[], rows: string[][]): string {
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => row[column].length)),
	);
	const line = (cells: string[]) =>
		cells
			.map((cell, column) => cell.padEnd(widths[column]))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
		'\n',
	);
}

async function main(): Promise<boolean> {
	const workflow: WorkflowJson & { name: string } = mainExample;
	const crayon = new CrayonFixture({ newCommerceOrderProcessingDelayMs: NCE_PROCESSING_DELAY_MS });
	await crayon.start();
	try {
		console.log(`Crayon API simulator listening at ${crayon.sim.baseUrl}`);
		console.log(
			`Running "${workflow.name}" (examples/nce-orders-with-addons.json) through n8n's engine...\n`,
		);
		const result = await crayon.runWorkflowJson(workflow);

		const rows = exampleRows(workflow, 'Sheet rows', 'rows');
		const summary = rows.map((row: IDataObject, index) => {
			const order = itemFor(result, 'Order NCE licences', index)?.json;
			return [
				String(index + 1),
				String(row.tenantId),
				String(row.partNumber),
				String(row.quantity),
				String(order?.NewCommerceOrderId ?? order?.error ?? 'not run'),
				String(order?.SubscriptionId ?? '-'),
				addonResult(itemFor(result, 'Add add-on', index)),
			];
		});
		console.log(
			table(
				['Row', 'Tenant', 'Part number', 'Quantity', 'NCE order ID', 'Subscription ID', 'Add-on'],
				summary,
			),
		);

		const logins = crayon.logins().length;
		console.log(
			`\n${crayon.sim.requests.length} requests to Crayon, of them ${logins} token login${logins === 1 ? '' : 's'}; ` +
				`${crayon.sim.purchaseCount()} purchases recorded by the simulator.`,
		);
		const allBought = summary.every((row) => row[6].startsWith('accepted'));
		if (result.error) console.error(`\nThe workflow failed: ${result.error.message}`);
		console.log(
			allBought && !result.error
				? '\nDemo succeeded.'
				: '\nDemo FAILED: not everything was bought.',
		);
		return allBought && !result.error;
	} finally {
		await crayon.stop();
	}
}

main().then(
	(succeeded) => {
		process.exitCode = succeeded ? 0 : 1;
	},
	(error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	},
);
