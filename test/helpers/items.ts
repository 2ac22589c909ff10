/** Reading what a run output and how it failed, the way n8n shows and stores it. */
import type {
	ExecutionError,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import type { CrayonFixture, RunResult } from '../../harness';

export function jsonOf(items: INodeExecutionData[]): unknown[] {
	return items.map((item) => item.json);
}

export function pairedItemsOf(items: INodeExecutionData[]): unknown[] {
	return items.map((item) => item.pairedItem);
}

/** The item index n8n shows with a node error. */
export function itemIndexOf(error: ExecutionError | undefined): unknown {
	return (error as { context?: { itemIndex?: unknown } } | undefined)?.context?.itemIndex;
}

/** One Crayon node run (CrayonFixture.runCrayon) and the JSON of its output items (none if it did not run). */
export async function runForJson(
	crayon: CrayonFixture,
	parameters: INodeParameters,
	rows?: IDataObject[],
	settings?: Parameters<CrayonFixture['runCrayon']>[2],
): Promise<{ result: RunResult; json: IDataObject[] }> {
	const result = await crayon.runCrayon(parameters, rows, settings);
	return {
		result,
		json: result.runData.Crayon ? (jsonOf(result.output('Crayon')) as IDataObject[]) : [],
	};
}

/**
 * The error item a node set to continue on fail outputs for an item (router's error item):
 * its json is `{ error: { message, description, httpCode, purchaseOutcome, itemIndex } }`,
 * returned flat with the message as `error`.
 */
export function errorItemOf(result: RunResult, itemIndex: number): IDataObject {
	const item = result
		.output('Crayon')
		.find((candidate) => (candidate.pairedItem as { item: number }).item === itemIndex);
	if (!item) throw new Error(`No output item for input item ${itemIndex}`);
	expect(Object.keys(item.json)).toEqual(['error']);
	const details = item.json.error as IDataObject;
	expect(details.message).toEqual(expect.any(String));
	expect(details.itemIndex).toBe(itemIndex);
	return { ...details, error: details.message };
}

/** Message and description of the node's error, as one text to match. */
export function errorText(error: ExecutionError | IDataObject | undefined): string {
	const { message, description } = (error ?? {}) as { message?: unknown; description?: unknown };
	const details = (error as IDataObject | undefined)?.error as IDataObject | undefined;
	const text = [message, description, details?.message, details?.description].filter(
		(part) => typeof part === 'string',
	);
	return text.join('\n');
}
