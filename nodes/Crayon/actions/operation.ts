import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';

import type { CrayonRequest, CrayonResponse } from '../transport';

/** What an operation may do for one item: send requests through the shared transport. */
export interface ItemApi {
	readonly itemIndex: number;
	request(request: CrayonRequest): Promise<CrayonResponse>;
}

/**
 * One `<operation>.operation.ts` module: its fields, the schema that turns one item's
 * raw parameters into the exact request input, and what it sends.
 */
export interface CrayonOperation<Input = unknown> {
	description: INodeProperties[];
	schema: z.ZodType<Input, z.ZodTypeDef, unknown>;
	/** Buys or changes something at Crayon, so running it twice would buy twice. */
	buys?: boolean;
	/** Raw values to validate; by default the operation's own parameters. */
	readInput?: (this: IExecuteFunctions, itemIndex: number) => unknown;
	execute(
		this: IExecuteFunctions,
		input: Input,
		api: ItemApi,
	): Promise<IDataObject | IDataObject[]>;
}

/** Operations of one resource, keyed by the Operation dropdown's value. */
export type ResourceOperations = Record<string, CrayonOperation<unknown>>;
