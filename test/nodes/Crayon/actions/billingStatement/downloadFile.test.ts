/**
 * Billing Statement → Download File: GET …/billingrecordsfile, …/reconciliationfile and
 * …/file/{id}, Crayon's JSON with the file as base64 in Data, output as n8n binary data byte
 * for byte, or as one item per billing line (JSON and CSV). Damaged answers are errors.
 */
import type { INodeParameters } from 'n8n-workflow';

import { BILLING_SEED } from '../../../../../simulator';
import {
	errorItemOf,
	errorText,
	expectNothingSent,
	runForJson,
	useCrayon,
} from '../../../../helpers';

const crayon = useCrayon();

const statementId = BILLING_SEED.firstStatementId;
const DOWNLOAD: INodeParameters = {
	resource: 'billingStatement',
	operation: 'downloadFile',
	billingStatementId: '={{ $json.id }}',
	options: { maxRetries: 0 },
};

/** The file the simulator serves for the statement. */
function served(
	kind: 'records' | 'reconciliation' | 'statement',
	id: number = statementId,
): Buffer {
	const billing = crayon.sim.state.billing;
	return billing.file(billing.statement(id)!, kind).bytes;
}

function fileOf(result: Awaited<ReturnType<typeof crayon.runCrayon>>, index = 0, field = 'data') {
	const binary = result.output('Crayon')[index].binary?.[field];
	if (!binary) throw new Error('no binary output');
	return { binary, bytes: Buffer.from(binary.data, 'base64') };
}

const path = (kind: string, id: number = statementId) =>
	kind === 'statement'
		? `/api/v1/billingstatements/file/${id}`
		: `/api/v1/billingstatements/${id}/${kind === 'records' ? 'billingrecordsfile' : 'reconciliationfile'}`;

describe('Billing Statement → Download File as a file', () => {
	it.each([
		['records', 'customer-billing-records.json', 'application/json'],
		['reconciliation', 'customer-reconciliation.csv', 'text/csv'],
		[
			'statement',
			'customer-billings-statement.xlsx',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		],
	] as const)(
		'outputs the %s file byte for byte as Crayon served it',
		async (file, fileName, mimeType) => {
			const result = await crayon.runCrayon({ ...DOWNLOAD, file }, [{ id: statementId }]);
			expect(result.error).toBeUndefined();
			expect(crayon.apiCalls()).toEqual([crayon.call('GET', path(file))]);
			expect(crayon.apiRequests()[0].headers.accept).toBe('application/json');
			const { binary, bytes } = fileOf(result);
			expect(bytes.equals(served(file))).toBe(true);
			expect(binary).toMatchObject({ fileName, mimeType });
			expect(result.output('Crayon')[0]).toMatchObject({
				json: {
					BillingStatementId: statementId,
					File: file,
					FileName: fileName,
					MimeType: mimeType,
					FileSize: served(file).length,
					BillingStatement: expect.objectContaining({ Id: statementId }),
				},
				pairedItem: { item: 0 },
			});
		},
	);

	it('names the file and its field as asked, one file per input item', async () => {
		const ids = [statementId, statementId + 2];
		const result = await crayon.runCrayon(
			{ ...DOWNLOAD, binaryPropertyName: 'records', fileName: '=records-{{ $json.id }}.json' },
			ids.map((id) => ({ id })),
		);
		for (const [index, id] of ids.entries()) {
			const { binary, bytes } = fileOf(result, index, 'records');
			expect(binary.fileName).toBe(`records-${id}.json`);
			expect(bytes.equals(served('records', id))).toBe(true);
		}
	});

	it('outputs a split records file as the zip Crayon sent', async () => {
		const result = await crayon.runCrayon(DOWNLOAD, [{ id: BILLING_SEED.splitRecordsStatementId }]);
		const { binary, bytes } = fileOf(result);
		expect(binary).toMatchObject({
			fileName: 'customer-billing-records.zip',
			mimeType: 'application/zip',
		});
		expect(bytes.equals(served('records', BILLING_SEED.splitRecordsStatementId))).toBe(true);
	});

	it('gets the whole file again after a connection lost while it arrived (a read is safe to repeat)', async () => {
		crayon.sim.injectFault({
			method: 'GET',
			path: path('records'),
			dropConnection: 'before-processing',
		});
		const result = await crayon.runCrayon({ ...DOWNLOAD, options: { maxRetries: 1 } }, [
			{ id: statementId },
		]);
		expect(result.error).toBeUndefined();
		expect(fileOf(result).bytes.equals(served('records'))).toBe(true);
		expect(crayon.requestsTo('GET', path('records'))).toHaveLength(2);
	});
});

describe('Billing Statement → Download File as billing lines', () => {
	it('outputs one item per record of the JSON records file, exactly as in the file', async () => {
		const { result, json } = await runForJson(crayon, { ...DOWNLOAD, output: 'items' }, [
			{ id: statementId },
		]);
		expect(result.error).toBeUndefined();
		expect(json).toEqual(JSON.parse(served('records').toString('utf8')));
		expect(result.output('Crayon').every((item) => item.binary === undefined)).toBe(true);
	});

	it('outputs the reconciliation CSV as items whose values are the exact text of the file', async () => {
		const { json } = await runForJson(
			crayon,
			{ ...DOWNLOAD, file: 'reconciliation', output: 'items' },
			[{ id: statementId }],
		);
		const records = crayon.sim.state.billing.statement(statementId)!.records;
		expect(json).toHaveLength(records.length);
		expect(json[0]).toEqual(
			Object.fromEntries(Object.entries(records[0]).map(([key, value]) => [key, String(value)])),
		);
	});

	it('refuses the Excel statement as billing lines before sending anything', async () => {
		const result = await crayon.runCrayon({ ...DOWNLOAD, file: 'statement', output: 'items' }, [
			{ id: statementId },
		]);
		expectNothingSent(crayon, result);
		expect(errorText(result.nodeError('Crayon'))).toContain(
			'"Output" cannot be billing lines for the Excel statement',
		);
	});

	it('fails an item whose file came as a zip, and carries on with the next', async () => {
		const result = await crayon.runCrayon(
			{ ...DOWNLOAD, output: 'items' },
			[{ id: BILLING_SEED.splitRecordsStatementId }, { id: statementId }],
			{ onError: 'continueRegularOutput' },
		);
		expect(errorItemOf(result, 0).message).toBe(
			`The Billing Records (JSON) file of billing statement ${BILLING_SEED.splitRecordsStatementId} cannot be split into billing lines: Crayon sent a zip archive (a workbook, or a file split into several), which the node outputs as a file only [item 0]`,
		);
		expect(result.output('Crayon').slice(1)).toHaveLength(
			crayon.sim.state.billing.statement(statementId)!.records.length,
		);
	});
});

describe('Billing Statement → Download File against a broken or hostile answer', () => {
	const answering = (contentType: string, body: string) =>
		crayon.sim.injectFault({
			method: 'GET',
			path: path('records'),
			rawResponse: { status: 200, contentType, body },
		});

	it.each([
		[
			'base64 that does not decode',
			'application/json',
			'{"FileName":"x.json","Data":"AAAA*AAA"}',
			'"Data" is not base64: the character "*" at character 5',
		],
		[
			'a truncated answer',
			'application/json',
			'{"FileName":"x.json","Data":"AAAAAAAA',
			'the answer ended before its JSON did: it is incomplete (truncated)',
		],
		[
			'an answer without Data',
			'application/json',
			'{"FileName":"x.json"}',
			'the answer has no "Data"',
		],
		[
			'an HTML page',
			'text/html',
			'<html><body>Sign in</body></html>',
			"the answer's Content-Type is text/html, which is neither JSON nor a file",
		],
	])('refuses %s instead of outputting a damaged file', async (_, contentType, body, problem) => {
		answering(contentType, body);
		const result = await crayon.runCrayon(DOWNLOAD, [{ id: statementId }]);
		const error = result.nodeError('Crayon');
		expect(error?.message).toBe(
			`Crayon's answer to GET ${path('records')} could not be understood: expected a file (JSON with the file as base64 in "Data", or the file itself with a file Content-Type) [item 0]`,
		);
		expect(errorText(error)).toContain(problem);
		expect(errorText(error)).toContain(
			'This request only reads, so running the item again is safe.',
		);
	});

	it('takes the file itself when Crayon answers with it, named by Content-Disposition', async () => {
		crayon.sim.injectFault({
			method: 'GET',
			path: path('reconciliation'),
			rawResponse: { status: 200, contentType: 'text/csv', body: 'A,B\r\n1.10,x\r\n' },
		});
		const result = await crayon.runCrayon({ ...DOWNLOAD, file: 'reconciliation' }, [
			{ id: statementId },
		]);
		const { binary, bytes } = fileOf(result);
		expect(bytes.toString()).toBe('A,B\r\n1.10,x\r\n');
		expect(binary.mimeType).toBe('text/csv');
		expect(binary.fileName).toBe(`billing-statement-${statementId}-reconciliation.csv`);
	});
});
