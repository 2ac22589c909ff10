import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { readParameters } from '../helpers/parameters';
import { parseItemParameters } from '../helpers/validation';
import { crayonApiRequest, type RequestSettings } from '../transport';
import { SharedBackoff } from '../transport/pacer';
import { readRunOptions, type Throughput } from './common.descriptions';
import type { CrayonOperation, ItemApi } from './operation';
import { resources } from './resources';

function findOperation(context: IExecuteFunctions): CrayonOperation<unknown> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const found = resources[resource]?.[operation];
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
	operation: CrayonOperation<unknown>,
): void {
	const node = context.getNode();
	if (!operation.buys || !node.retryOnFail || context.continueOnFail()) return;
	throw new NodeOperationError(node, 'Turn off "Retry On Fail" for this node: it would buy twice', {
		description:
			'With Retry On Fail, n8n runs the whole node again after any error, re-sending the purchases of the items that ' +
			'had already succeeded. The node already retries what Crayon provably did not process (see Options → Max Retries). ' +
			'Turn it off in the node\'s Settings, or turn on "On Error: Continue" to handle failed items one by one. Nothing was sent.',
	});
}

/** Errors raised by the operations are node errors already; anything else is wrapped with its item. */
function asNodeError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const { message, description, httpCode } = error as {
		message?: string;
		description?: string;
		httpCode?: string;
	};
	const json: IDataObject = { error: message ?? String(error) };
	if (description) json.description = description;
	if (httpCode) json.httpCode = httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

type Parsed = { input: unknown } | { error: unknown };

interface ItemFailure {
	itemIndex: number;
	error: unknown;
}

/**
 * Calls `processItem` for every item index, starting them in index order: per batch of
 * `batchSize` items with a pause after each batch, at most `concurrency` at a time.
 *
 * Only one item starts until `firstAnswer` settles (the run's first request answered):
 * n8n logs in for every request that finds the credential without a token, so starting
 * all workers at once would log in once per worker.
 *
 * After a failure no further item starts; the items already running finish, because a
 * purchase in flight cannot be called back. Returns the failure of the lowest item index.
 */
async function processAll(
	itemCount: number,
	{ concurrency, batchSize, batchIntervalMs }: Throughput,
	firstAnswer: Promise<void>,
	processItem: (itemIndex: number) => Promise<void>,
): Promise<ItemFailure | undefined> {
	const failures: ItemFailure[] = [];
	for (
		let batchStart = 0;
		batchStart < itemCount && failures.length === 0;
		batchStart += batchSize
	) {
		if (batchStart > 0 && batchIntervalMs > 0) await sleep(batchIntervalMs);
		const batchEnd = Math.min(itemCount, batchStart + batchSize);
		let next = batchStart;
		const worker = async () => {
			while (next < batchEnd && failures.length === 0) {
				const itemIndex = next++;
				try {
					await processItem(itemIndex);
				} catch (error) {
					failures.push({ itemIndex, error });
				}
			}
		};
		const lead = worker();
		const followers = Array.from(
			{ length: Math.min(concurrency, batchEnd - batchStart) - 1 },
			async () => {
				await Promise.race([firstAnswer, lead]);
				await worker();
			},
		);
		await Promise.all([lead, ...followers]);
	}
	return failures.sort((first, second) => first.itemIndex - second.itemIndex)[0];
}

/** With concurrency, items after the failed one may have gone through: say which, as their output is lost. */
function noteCompletedLaterItems(
	error: NodeApiError | NodeOperationError,
	laterItems: number[],
): void {
	if (laterItems.length === 0) return;
	const note =
		`Items ${laterItems.join(', ')} ran at the same time (Concurrency option) and completed, so their requests ` +
		'reached Crayon, but their output is lost with this error. Check them in Cloud-iQ before running the workflow again.';
	error.description = error.description ? `${error.description}\n\n${note}` : note;
}

/**
 * Runs the selected operation for every input item. All items are validated before
 * the first request, so a bad row never leaves a purchase run half done.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = findOperation(this);
	refuseNodeLevelRetryOfPurchases(this, operation);
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const options = readRunOptions(this);

	const parsed: Parsed[] = items.map((_, itemIndex) => {
		try {
			const raw = operation.readInput
				? operation.readInput.call(this, itemIndex)
				: readParameters(this, itemIndex, operation.description);
			return {
				input: parseItemParameters(this, operation.schema, raw, itemIndex, operation.description),
			};
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this, error, itemIndex);
			return { error };
		}
	});

	const settings: RequestSettings = { ...options.request, pacer: new SharedBackoff() };
	let answered = () => {};
	const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
	const outputs: Array<INodeExecutionData[] | undefined> = new Array(items.length);

	const processItem = async (itemIndex: number) => {
		const item = parsed[itemIndex];
		if ('error' in item) {
			outputs[itemIndex] = [errorItem(item.error, itemIndex)];
			return;
		}
		const api: ItemApi = {
			itemIndex,
			request: async (request) => {
				try {
					return await crayonApiRequest.call(this, request, settings, itemIndex);
				} finally {
					answered();
				}
			},
		};
		try {
			const result = await operation.execute.call(this, item.input, api);
			outputs[itemIndex] = this.helpers.constructExecutionMetaData(
				this.helpers.returnJsonArray(result),
				{
					itemData: { item: itemIndex },
				},
			);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this, error, itemIndex);
			outputs[itemIndex] = [errorItem(error, itemIndex)];
		}
	};

	const failure = await processAll(items.length, options.throughput, firstAnswer, processItem);
	if (failure !== undefined) {
		const error = failure.error as NodeApiError | NodeOperationError;
		noteCompletedLaterItems(
			error,
			outputs.flatMap((output, itemIndex) =>
				output !== undefined && itemIndex > failure.itemIndex ? [itemIndex] : [],
			),
		);
		throw error;
	}
	return [outputs.flatMap((output) => output ?? [])];
}
