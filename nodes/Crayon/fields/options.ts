import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { wholeNumber } from '../domain/values';
import { DEFAULT_REQUEST_SETTINGS, type RequestSettings } from '../transport';
import { parseItemParameters } from './parameters';

/** Crayon publishes no rate limit; a cap keeps a typo from opening hundreds of purchases at once. */
const MAX_CONCURRENCY = 16;
const MIN_CONCURRENCY = 1;
/**
 * Purchases and changes go one at a time unless the user asks for more: a run stopped by an
 * error then has at most one purchase in flight. Reads, and the read-only checks of "Verify All
 * Items First", have no such reason and go several at once, as n8n's HTTP Request node sends
 * all items at once; 8 stays well inside the cap while a 429 pauses every item.
 */
export const DEFAULT_PURCHASE_CONCURRENCY = 1;
export const DEFAULT_READ_CONCURRENCY = 8;

const DEFAULT_BATCH_SIZE = 50;
const DEFAULT_BATCH_INTERVAL_MS = 1000;
const DEFAULT_MAX_RETRIES = DEFAULT_REQUEST_SETTINGS.maxRetries;
const DEFAULT_TIMEOUT_MS = DEFAULT_REQUEST_SETTINGS.timeoutMs;
/** One hour: longer than any Crayon answer takes, and within what a timer can wait (2^31 − 1 ms). */
const MAX_TIMEOUT_MS = 3_600_000;

/** Concurrency as offered to operations that buy or change, and to those that only read. */
const CONCURRENCY_OPTIONS: Record<'purchase' | 'read', INodeProperties> = {
	purchase: {
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: MIN_CONCURRENCY, maxValue: MAX_CONCURRENCY },
		default: 1, // DEFAULT_PURCHASE_CONCURRENCY: n8n's lint wants the literal here
		description: `How many items to buy or change at the same time (${MIN_CONCURRENCY} to ${MAX_CONCURRENCY}); each item sends its requests one after another. Output order stays the same. Crayon publishes no rate limit, so raise this gradually. A 429 answer pauses every request of the run. Where Verify All Items First is offered, its read-only checks run ${DEFAULT_READ_CONCURRENCY} at once, or this many if more.`,
	},
	read: {
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: MIN_CONCURRENCY, maxValue: MAX_CONCURRENCY },
		default: 8, // DEFAULT_READ_CONCURRENCY
		description: `How many items to read at the same time (${MIN_CONCURRENCY} to ${MAX_CONCURRENCY}); the pages of a long list (Return All) are read up to this many at once, for all items together. Output order stays the same. A 429 answer pauses every request of the run, and the read is retried.`,
	},
};

/**
 * Options every operation offers, read once per execution; only the default and the wording of
 * Concurrency differ between operations that buy or change and those that only read.
 */
function requestOptionsFor(kind: 'purchase' | 'read', operations: string[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: operations } },
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
			CONCURRENCY_OPTIONS[kind],
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
				description:
					'How long one request may take, from sending it to the last byte of the answer',
			},
		],
	};
}

const optionsSchema = z
	.object({
		timeout: wholeNumber(1, MAX_TIMEOUT_MS).default(DEFAULT_TIMEOUT_MS),
		maxRetries: wholeNumber(0, 10).default(DEFAULT_MAX_RETRIES),
		concurrency: wholeNumber(MIN_CONCURRENCY, MAX_CONCURRENCY).optional(),
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
		concurrency: options.concurrency,
		batchSize: options.batching?.batchSize ?? Infinity,
		batchIntervalMs: options.batching?.batchInterval ?? 0,
	}));

/** How items are scheduled: at most `concurrency` at once, `batchSize` per batch with a pause between batches. */
export interface Throughput {
	concurrency: number;
	batchSize: number;
	batchIntervalMs: number;
}

export interface RunOptions {
	request: RequestSettings;
	/** How the operation's items are scheduled. */
	throughput: Throughput;
	/** How the read-only checks before a purchase run's first purchase are scheduled. */
	checkThroughput: Throughput;
}

/**
 * The Options collection, validated like item parameters (it may hold expressions), for an
 * operation that buys or changes (`isPurchase`) or one that only reads.
 */
export function readRunOptions(context: IExecuteFunctions, isPurchase: boolean): RunOptions {
	const { batching, ...options } = context.getNodeParameter('options', 0, {}) as IDataObject;
	// The fixed collection's single group ("batch") is not a field of its own: leaving it
	// out of the path makes a problem read "Options → Batching → Items per Batch".
	const raw = { ...options, batching: (batching as IDataObject | undefined)?.batch };
	const { concurrency, request, ...batches } = parseItemParameters(
		context,
		z.object({ options: optionsSchema }),
		{ options: raw },
		0,
		[requestOptionsFor(isPurchase ? 'purchase' : 'read', [])],
	).options;
	const ownConcurrency =
		concurrency ?? (isPurchase ? DEFAULT_PURCHASE_CONCURRENCY : DEFAULT_READ_CONCURRENCY);
	return {
		// A purchase run reads lists only to look a purchase up: page after page, so that each
		// item keeps to one request in flight, as Concurrency promises there.
		request: { ...request, readAhead: isPurchase ? 0 : ownConcurrency - 1 },
		throughput: { ...batches, concurrency: ownConcurrency },
		checkThroughput: {
			...batches,
			concurrency: Math.max(ownConcurrency, DEFAULT_READ_CONCURRENCY),
		},
	};
}

/**
 * The Options collections of the node: one for the operations that buy or change, one for
 * those that only read. They are told apart by the operation's value alone, so an operation
 * value must mean the same kind in every resource (a test holds the node to that).
 */
export function requestOptionsDescriptions(
	purchaseOperations: string[],
	readOperations: string[],
): INodeProperties[] {
	return [
		requestOptionsFor('purchase', purchaseOperations),
		requestOptionsFor('read', readOperations),
	];
}
