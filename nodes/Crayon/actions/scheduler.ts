import { sleep } from 'n8n-workflow';

import type { Throughput } from '../fields/options';

export interface ItemFailure {
	itemIndex: number;
	error: unknown;
}

/**
 * Calls `processItem` for every item index, starting them in index order: per batch of
 * `batchSize` items with a pause after each batch, at most `concurrency` at a time.
 *
 * After a failure no further item starts; the items already running finish, because a
 * purchase in flight cannot be called back. Returns the failure of the lowest item index
 * and which items were started.
 */
export async function processAll(
	itemIndexes: number[],
	{ concurrency, batchSize, batchIntervalMs }: Throughput,
	processItem: (itemIndex: number) => Promise<void>,
): Promise<{ failure?: ItemFailure; started: Set<number> }> {
	const failures: ItemFailure[] = [];
	const started = new Set<number>();
	for (
		let batchStart = 0;
		batchStart < itemIndexes.length && failures.length === 0;
		batchStart += batchSize
	) {
		if (batchStart > 0 && batchIntervalMs > 0) await sleep(batchIntervalMs);
		const batch = itemIndexes.slice(batchStart, batchStart + batchSize);
		let next = 0;
		const worker = async () => {
			while (next < batch.length && failures.length === 0) {
				const itemIndex = batch[next++];
				started.add(itemIndex);
				try {
					await processItem(itemIndex);
				} catch (error) {
					failures.push({ itemIndex, error });
				}
			}
		};
		await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
	}
	const [failure] = failures.sort((first, second) => first.itemIndex - second.itemIndex);
	return { failure, started };
}
