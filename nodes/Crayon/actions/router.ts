import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readParameters } from '../helpers/parameters';
import { parseItemParameters } from '../helpers/validation';
import { crayonApiRequest } from '../transport';
import { readRequestSettings } from './common.descriptions';
import type { CrayonOperation, ItemApi } from './operation';
import { resources } from './resources';

function findOperation(context: IExecuteFunctions): CrayonOperation<unknown> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const found = resources[resource]?.[operation];
	if (!found) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return found;
}

/** Errors raised by the operations are node errors already; anything else is wrapped with its item. */
function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const { message, description, httpCode } = error as { message?: string; description?: string; httpCode?: string };
	const json: IDataObject = { error: message ?? String(error) };
	if (description) json.description = description;
	if (httpCode) json.httpCode = httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

type Parsed = { input: unknown } | { error: unknown };

/**
 * Runs the selected operation for every input item. All items are validated before
 * the first request, so a bad row never leaves a purchase run half done.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = findOperation(this);
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();

	const parsed: Parsed[] = items.map((_, itemIndex) => {
		try {
			const raw = operation.readInput
				? operation.readInput.call(this, itemIndex)
				: readParameters(this, itemIndex, operation.description);
			return { input: parseItemParameters(this, operation.schema, raw, itemIndex, operation.description) };
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this, error, itemIndex);
			return { error };
		}
	});

	const settings = readRequestSettings(this);
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, item] of parsed.entries()) {
		if ('error' in item) {
			output.push(errorItem(item.error, itemIndex));
			continue;
		}
		const api: ItemApi = {
			itemIndex,
			request: async (request) => await crayonApiRequest.call(this, request, settings, itemIndex),
		};
		try {
			const result = await operation.execute.call(this, item.input, api);
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this, error, itemIndex);
			output.push(errorItem(error, itemIndex));
		}
	}
	return [output];
}
