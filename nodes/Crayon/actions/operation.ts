import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import type { z } from 'zod';

import type { CrayonClient } from '../transport';

/**
 * Output items an operation builds itself, for items that carry files (`binary`). Their JSON is
 * redacted like any output; the files are passed on byte for byte.
 */
export class OutputItems {
	constructor(readonly items: INodeExecutionData[]) {}
}

/**
 * One `<resource>/<operation>.operation.ts` module: its fields, the schema that turns one
 * item's raw parameters into the exact request input, and what it sends.
 */
export interface CrayonOperation<Input = unknown> {
	description: INodeProperties[];
	schema: z.ZodType<Input, z.ZodTypeDef, unknown>;
	/** Buys or changes something at Crayon, so running it twice would buy twice. */
	isPurchase?: boolean;
	/** Raw values to validate; by default the operation's own parameters. */
	readInput?: (this: IExecuteFunctions, itemIndex: number) => unknown;
	/**
	 * Read-only checks with Crayon, run for every item before the first purchase of the run
	 * (e.g. verifying an order), so that Crayon's objection to one row stops the run before
	 * anything is bought. Returns the input `execute` gets.
	 */
	prepare?(this: IExecuteFunctions, input: Input, crayon: CrayonClient): Promise<Input>;
	execute(
		this: IExecuteFunctions,
		input: Input,
		crayon: CrayonClient,
	): Promise<IDataObject | IDataObject[] | OutputItems>;
}

/** Operations of one resource, keyed by the Operation dropdown's value. */
export type ResourceOperations = Record<string, CrayonOperation<unknown>>;
