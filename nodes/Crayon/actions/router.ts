import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readRunOptions, type Throughput } from '../fields/options';
import { parseItemParameters, readParameters } from '../fields/parameters';
import { CrayonSession, purchaseLines, type PurchaseOutcome } from '../transport';
import { OutputItems, type CrayonOperation } from './operation';
import { findOperation } from './resources';
import { processAll } from './scheduler';

function operationOf(context: IExecuteFunctions): CrayonOperation {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const found = findOperation(resource, operation);
	if (!found) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return found;
}

/**
 * n8n's "Retry On Fail" re-runs the whole node after an error, which would buy again every
 * item that had already succeeded; the transport's own retries are the safe ones.
 */
function refuseNodeLevelRetryOfPurchases(
	context: IExecuteFunctions,
	operation: CrayonOperation,
): void {
	const node = context.getNode();
	if (!operation.isPurchase || !node.retryOnFail || context.continueOnFail()) return;
	throw new NodeOperationError(node, 'Turn off "Retry On Fail" for this node: it would buy twice', {
		description:
			'With Retry On Fail, n8n runs the whole node again after any error, re-sending the purchases of the items that ' +
			'had already succeeded. The node already retries what Crayon provably did not process (see Options → Max Retries). ' +
			'Turn it off in the node\'s Settings, or turn on "On Error: Continue" to handle failed items one by one. Nothing was sent.',
	});
}

type NodeError = NodeApiError | NodeOperationError;

/** Errors raised by the operations are node errors already; anything else is wrapped with its item. */
function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/** What one item's purchases came to, for a workflow to branch on: the worst case wins. */
function purchaseOutcomeOf(session: CrayonSession, itemIndex: number): PurchaseOutcome {
	const outcomes = session.ledger.madeBy(itemIndex).map((purchase) => purchase.outcome);
	return (
		(['bought', 'likelyBought', 'unknown'] as const).find((outcome) =>
			outcomes.includes(outcome),
		) ?? 'notBought'
	);
}

/**
 * A failed item for "On Error → Continue". Its json holds nothing but `error`: n8n 2.8 and
 * 2.41 send an item to the error output only then (n8n replaces the json of an item that
 * carries an `error` property, losing the details). `error` keeps the message, the
 * description, Crayon's HTTP status and, for purchases, what this item bought.
 */
function errorItem(
	error: NodeError,
	itemIndex: number,
	purchaseOutcome?: PurchaseOutcome,
): INodeExecutionData {
	const details: IDataObject = { message: error.message };
	if (error.description) details.description = error.description;
	const { httpCode } = error as { httpCode?: string | null };
	if (httpCode) details.httpCode = httpCode;
	if (purchaseOutcome) details.purchaseOutcome = purchaseOutcome;
	details.itemIndex = itemIndex;
	return { json: { error: details }, pairedItem: { item: itemIndex } };
}

/** "0–3, 7": item indexes, runs shortened. */
function itemRanges(indexes: number[]): string {
	const ranges: string[] = [];
	for (let start = 0; start < indexes.length; ) {
		let end = start;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		ranges.push(end > start ? `${indexes[start]}–${indexes[end]}` : String(indexes[start]));
		start = end + 1;
	}
	return ranges.join(', ');
}

/**
 * A run that stops at a failed item must not hide what it bought: every item bought or changed
 * before (or beside, with Concurrency) the failure is named with what identifies it at Crayon,
 * then the items never sent, then how to run only the rest.
 */
function describeStoppedRun(
	error: NodeError,
	session: CrayonSession,
	failedItem: number,
	notSent: number[],
): void {
	const made = session.ledger.made().filter((purchase) => purchase.itemIndex !== failedItem);
	// A run of this one item needs no summary.
	if (made.length === 0 && notSent.length === 0) return;
	const lines = [
		made.length === 0
			? 'Nothing else was bought or changed in this run.'
			: `Bought or changed in this run before it stopped (do not buy these again):\n${purchaseLines(
					made,
				)
					.map((line) => `- ${line}`)
					.join('\n')}`,
		notSent.length > 0 ? `Not sent to Crayon: items ${itemRanges(notSent)}.` : '',
		made.length > 0 || notSent.length > 0
			? `To run only the rest, remove item${made.length === 1 ? '' : 's'} ${itemRanges([...new Set(made.map((purchase) => purchase.itemIndex))])} from the input` +
				' and fix this one, or set Settings → On Error to "Continue (using error output)" to handle failed items one by one.'
			: '',
	].filter(Boolean);
	error.description = [error.description, ...lines].filter(Boolean).join('\n\n');
}

/**
 * Runs the selected operation for every input item. All items are validated (and, where the
 * operation can, checked with Crayon) before the first purchase, so a bad row never leaves a
 * purchase run half done.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = operationOf(this);
	refuseNodeLevelRetryOfPurchases(this, operation);
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const options = readRunOptions(this, operation.isPurchase === true);
	const session = new CrayonSession(this, options.request);

	const inputs: unknown[] = new Array(items.length);
	const outputs: Array<INodeExecutionData[] | undefined> = new Array(items.length);
	const fail = (itemIndex: number, error: unknown) => {
		const nodeError = asNodeError(this, error, itemIndex);
		if (!continueOnFail) throw nodeError;
		outputs[itemIndex] = [
			errorItem(
				nodeError,
				itemIndex,
				operation.isPurchase ? purchaseOutcomeOf(session, itemIndex) : undefined,
			),
		];
	};

	items.forEach((_, itemIndex) => {
		try {
			const raw = operation.readInput
				? operation.readInput.call(this, itemIndex)
				: readParameters(this, itemIndex, operation.description);
			inputs[itemIndex] = parseItemParameters(
				this,
				operation.schema,
				raw,
				itemIndex,
				operation.description,
			);
		} catch (error) {
			fail(itemIndex, error);
		}
	});
	const pending = () =>
		items.map((_, itemIndex) => itemIndex).filter((itemIndex) => outputs[itemIndex] === undefined);

	/** Runs `step` for every item still without an output; a failure (without Continue On Fail) stops the run. */
	const run = async (throughput: Throughput, step: (itemIndex: number) => Promise<void>) => {
		const { failure, started } = await processAll(pending(), throughput, async (itemIndex) => {
			try {
				await step(itemIndex);
			} catch (error) {
				fail(itemIndex, error);
			}
		});
		return failure === undefined
			? undefined
			: {
					error: asNodeError(this, failure.error, failure.itemIndex),
					itemIndex: failure.itemIndex,
					notStarted: pending().filter((itemIndex) => !started.has(itemIndex)),
				};
	};

	if (operation.prepare) {
		const stopped = await run(options.checkThroughput, async (itemIndex) => {
			inputs[itemIndex] = await operation.prepare!.call(
				this,
				inputs[itemIndex],
				session.client(itemIndex),
			);
		});
		if (stopped) {
			stopped.error.description = [
				stopped.error.description,
				'Nothing was bought or changed in this run: every item is checked with Crayon before the first purchase.',
			]
				.filter(Boolean)
				.join('\n\n');
			throw stopped.error;
		}
	}
	const stopped = await run(options.throughput, async (itemIndex) => {
		const result = await operation.execute.call(this, inputs[itemIndex], session.client(itemIndex));
		const items =
			result instanceof OutputItems
				? await Promise.all(
						result.items.map(async (item) => ({ ...item, json: await session.redact(item.json) })),
					)
				: this.helpers.returnJsonArray(await session.redact(result));
		outputs[itemIndex] = this.helpers.constructExecutionMetaData(items, {
			itemData: { item: itemIndex },
		});
	});
	if (stopped) {
		if (operation.isPurchase)
			describeStoppedRun(stopped.error, session, stopped.itemIndex, stopped.notStarted);
		throw stopped.error;
	}
	return [outputs.flatMap((output) => output ?? [])];
}
