import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { wholeNumber } from '../domain/values';
import { DEFAULT_REQUEST_SETTINGS, type RequestSettings } from '../transport';
import { parseItemParameters } from './parameters';

/** Crayon publishes no rate limit; a cap keeps a typo from opening hundreds of purchases at once. */
const MAX_CONCURRENCY = 16;

const DEFAULT_BATCH_SIZE = 50;
const DEFAULT_BATCH_INTERVAL_MS = 1000;
const DEFAULT_MAX_RETRIES = DEFAULT_REQUEST_SETTINGS.maxRetries;
const DEFAULT_TIMEOUT_MS = DEFAULT_REQUEST_SETTINGS.timeoutMs;
/** One hour: longer than any Crayon answer takes, and within what a timer can wait (2^31 − 1 ms). */
const MAX_TIMEOUT_MS = 3_600_000;

/** Options every operation offers, read once per execution. */
export const requestOptionsDescription: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batching',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{
							displayName: 'Items per Batch',
							name: 'batchSize',
							type: 'number',
							typeOptions: { minValue: 1 },
							default: DEFAULT_BATCH_SIZE,
							description: 'How many items to process before each pause',
						},
						{
							displayName: 'Batch Interval',
							name: 'batchInterval',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: DEFAULT_BATCH_INTERVAL_MS,
							hint: 'In milliseconds',
							description:
								'How long to wait after a batch has finished before the next batch starts',
						},
					],
				},
			],
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
			default: 1,
			description:
				'How many items to process at the same time, each with at most one request in flight. Output order stays the same. Crayon publishes no rate limit, so raise this gradually; a 429 answer pauses all items.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: DEFAULT_MAX_RETRIES,
			description:
				'How often to retry a request that Crayon provably did not process (connection refused, 429, 503). Purchases are never repeated after a timeout or a lost connection.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_MS },
			default: DEFAULT_TIMEOUT_MS,
			hint: 'In milliseconds, at most 3600000 (one hour)',
			description: 'How long one request may take, from sending it to the last byte of the answer',
		},
	],
};

const optionsSchema = z
	.object({
		timeout: wholeNumber(1, MAX_TIMEOUT_MS).default(DEFAULT_TIMEOUT_MS),
		maxRetries: wholeNumber(0, 10).default(DEFAULT_MAX_RETRIES),
		concurrency: wholeNumber(1, MAX_CONCURRENCY).default(1),
		batching: z
			.object({
				batchSize: wholeNumber(1).default(DEFAULT_BATCH_SIZE),
				batchInterval: wholeNumber(0, MAX_TIMEOUT_MS).default(DEFAULT_BATCH_INTERVAL_MS),
			})
			.optional(),
	})
	.transform((options) => ({
		request: {
			...DEFAULT_REQUEST_SETTINGS,
			timeoutMs: options.timeout,
			maxRetries: options.maxRetries,
		},
		throughput: {
			concurrency: options.concurrency,
			batchSize: options.batching?.batchSize ?? Infinity,
			batchIntervalMs: options.batching?.batchInterval ?? 0,
		},
	}));

/** How items are scheduled: at most `concurrency` at once, `batchSize` per batch with a pause between batches. */
export interface Throughput {
	concurrency: number;
	batchSize: number;
	batchIntervalMs: number;
}

export interface RunOptions {
	request: RequestSettings;
	throughput: Throughput;
}

/** The Options collection, validated like item parameters (it may hold expressions). */
export function readRunOptions(context: IExecuteFunctions): RunOptions {
	const { batching, ...options } = context.getNodeParameter('options', 0, {}) as IDataObject;
	// The fixed collection's single group ("batch") is not a field of its own: leaving it
	// out of the path makes a problem read "Options → Batching → Items per Batch".
	const raw = { ...options, batching: (batching as IDataObject | undefined)?.batch };
	return parseItemParameters(context, z.object({ options: optionsSchema }), { options: raw }, 0, [
		requestOptionsDescription,
	]).options;
}
