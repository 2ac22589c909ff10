/**
 * Memory of a large file download: a 50 MB billing records file (67 MB of base64 in Crayon's
 * JSON answer) through Billing Statement → Download File in n8n-core's engine, against the
 * simulator in this process (its answer serialised before measuring). Prints the peak of
 * heap + external memory above the baseline while the node runs, and the same for reading the
 * answer the plain way (whole body, JSON.parse, Buffer.from(base64)) for comparison.
 *
 *   npx esbuild bench/file-memory.ts --bundle --platform=node --packages=external --outfile=build/file-memory.js
 *   node --expose-gc build/file-memory.js
 */
import { randomBytes } from 'node:crypto';

import { CrayonFixture } from '../harness';
import { BILLING_SEED } from '../simulator';

const MB = 1024 * 1024;
const SIZE = 50 * MB;

function used(): number {
	const { heapUsed, external } = process.memoryUsage();
	return heapUsed + external;
}

async function peakDuring(work: () => Promise<unknown>): Promise<number> {
	(globalThis as { gc?: () => void }).gc?.();
	const baseline = used();
	let peak = baseline;
	const timer = setInterval(() => (peak = Math.max(peak, used())), 2);
	try {
		await work();
	} finally {
		clearInterval(timer);
	}
	peak = Math.max(peak, used());
	return (peak - baseline) / MB;
}

async function main(): Promise<void> {
	const crayon = new CrayonFixture();
	await crayon.start();
	const file = randomBytes(SIZE);
	const id = BILLING_SEED.firstStatementId;
	crayon.sim.state.billing.replaceFile(id, 'records', {
		fileName: 'customer-billing-records.json',
		bytes: file,
	});
	const path = `/api/v1/billingstatements/${id}/billingrecordsfile`;
	// Warm-up: logs in and makes the simulator serialise its answer once (cached), before measuring.
	const warm = await crayon.runCrayon({
		resource: 'billingStatement',
		operation: 'downloadFile',
		billingStatementId: id,
	});
	if (warm.error) throw new Error(warm.error.message);
	const answerBytes = Buffer.byteLength(JSON.stringify({ Data: file.toString('base64') }));

	let ok = false;
	const node = await peakDuring(async () => {
		const result = await crayon.runCrayon({
			resource: 'billingStatement',
			operation: 'downloadFile',
			billingStatementId: id,
		});
		const data = result.output('Crayon')[0].binary?.data.data ?? '';
		ok = Buffer.from(data, 'base64').equals(file);
	});

	const token = String(crayon.store.data('crayonApi').accessToken);
	const plain = await peakDuring(async () => {
		const response = await fetch(`${crayon.sim.baseUrl}${path}`, {
			headers: { Authorization: `Bearer ${token}` },
		});
		const body = Buffer.from(await response.arrayBuffer());
		const parsed = JSON.parse(body.toString('utf8')) as { Data: string };
		const bytes = Buffer.from(parsed.Data, 'base64');
		if (!bytes.equals(file)) throw new Error('plain read differs');
	});
	process.stdout.write(
		[
			`file ${SIZE / MB} MB, answer ${(answerBytes / MB).toFixed(1)} MB`,
			`node run in the engine (n8n in-memory binary mode, base64 in the item): peak +${node.toFixed(0)} MB, byte for byte: ${ok}`,
			`plain read (body, JSON.parse, Buffer.from): peak +${plain.toFixed(0)} MB`,
		].join('\n') + '\n',
	);
	await crayon.stop();
}

void main();
