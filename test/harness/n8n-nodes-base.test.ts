/** The Edit Fields, Split Out and Convert to File stand-ins behave like n8n's nodes in the covered mode and refuse the rest. */
import { read as readWorkbook, utils as sheetUtils } from '@e965/xlsx';
import type { INodeParameters } from 'n8n-workflow';

import { chain, runWorkflow } from '../../harness/engine';
import { n8nNodesBaseStandIns, sentEmails } from '../../harness/n8n-nodes-base';

async function run(
	setParameters: INodeParameters,
	splitParameters: INodeParameters = { fieldToSplitOut: 'rows', options: {} },
	setVersion = 3.4,
) {
	return await runWorkflow({
		nodes: [
			{ name: 'Trigger', type: 'n8n-nodes-base.manualTrigger' },
			{
				name: 'Data',
				type: 'test.items',
				parameters: { items: '[{ "region": "north", "extra": [1, 2] }]' },
			},
			{
				name: 'Edit Fields',
				type: 'n8n-nodes-base.set',
				typeVersion: setVersion,
				parameters: setParameters,
			},
			{ name: 'Split Out', type: 'n8n-nodes-base.splitOut', parameters: splitParameters },
		],
		connections: chain('Trigger', 'Data', 'Edit Fields', 'Split Out'),
		nodeTypes: n8nNodesBaseStandIns,
	});
}

const rawJson = { mode: 'raw', jsonOutput: '{ "rows": [{ "a": 1 }, { "a": 2 }, 3] }', options: {} };

describe('The n8n-nodes-base stand-ins', () => {
	it('run Edit Fields (JSON), which outputs only the parsed object, and Split Out, which makes one item per element', async () => {
		const result = await run(rawJson);

		expect(result.error).toBeUndefined();
		expect(result.output('Edit Fields')).toEqual([
			{ json: { rows: [{ a: 1 }, { a: 2 }, 3] }, pairedItem: { item: 0 } },
		]);
		expect(result.output('Split Out')).toEqual([
			{ json: { a: 1 }, pairedItem: { item: 0 } },
			{ json: { a: 2 }, pairedItem: { item: 0 } },
			{ json: { rows: 3 }, pairedItem: { item: 0 } },
		]);
	});

	it('resolve the {{ }} parts of an Edit Fields expression, objects as JSON', async () => {
		const result = await run({
			mode: 'raw',
			jsonOutput: '={ "rows": {{ $json.extra }}, "region": "{{ $json.region.toUpperCase() }}" }',
		});

		expect(result.error).toBeUndefined();
		expect(result.output('Edit Fields').map((item) => item.json)).toEqual([
			{ rows: [1, 2], region: 'NORTH' },
		]);
		expect(result.output('Split Out').map((item) => item.json)).toEqual([{ rows: 1 }, { rows: 2 }]);
	});

	it.each([
		[
			'a mode other than JSON',
			{ mode: 'manual' },
			undefined,
			3.4,
			/does not implement mode = "manual"/,
		],
		[
			'other versions',
			rawJson,
			undefined,
			3.3,
			/does not implement typeVersion = 3.3 \(it implements version 3.4 only\)/,
		],
		[
			'keeping the input fields',
			{ ...rawJson, includeOtherFields: true },
			undefined,
			3.4,
			/does not implement includeOtherFields = true/,
		],
		[
			'dot notation keys',
			{ ...rawJson, jsonOutput: '{ "a.b": 1, "rows": [] }' },
			undefined,
			3.4,
			/does not implement a JSON key = "a.b"/,
		],
		[
			'Split Out of several fields',
			rawJson,
			{ fieldToSplitOut: 'rows, other' },
			3.4,
			/does not implement fieldToSplitOut = "rows, other"/,
		],
		[
			'Split Out with other fields',
			rawJson,
			{ fieldToSplitOut: 'rows', include: 'allOtherFields' },
			3.4,
			/does not implement include = "allOtherFields"/,
		],
	])(
		'refuse %s with a clear error',
		async (_, setParameters, splitParameters, version, message) => {
			const result = await run(setParameters, splitParameters, version);

			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(
				/^The test stand-in for n8n-nodes-base\.(set|splitOut) /,
			);
			expect(result.error?.message).toMatch(message);
		},
	);

	describe('Schedule Trigger, Filter and Send Email', () => {
		const filterOn = (leftValue: string) => ({
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
				conditions: [
					{
						id: 'c1',
						leftValue,
						rightValue: '',
						operator: { type: 'boolean', operation: 'true', singleValue: true },
					},
				],
				combinator: 'and',
			},
			options: {},
		});
		const email = (extra: INodeParameters = {}) => ({
			fromEmail: 'a@example.com',
			toEmail: 'b@example.com',
			subject: '={{ "n=" + $json.n }}',
			emailFormat: 'text',
			text: 'hello',
			options: {},
			...extra,
		});
		const runChain = async (filter: INodeParameters, send: INodeParameters = email()) =>
			await runWorkflow({
				nodes: [
					{
						name: 'Schedule',
						type: 'n8n-nodes-base.scheduleTrigger',
						typeVersion: 1.2,
						parameters: { rule: { interval: [{ field: 'days' }] } },
					},
					{
						name: 'Data',
						type: 'test.items',
						parameters: { items: '[{ "n": 1 }, { "n": 2 }, { "n": 3 }]' },
					},
					{ name: 'Filter', type: 'n8n-nodes-base.filter', typeVersion: 2.2, parameters: filter },
					{ name: 'Send', type: 'n8n-nodes-base.emailSend', typeVersion: 2.1, parameters: send },
				],
				connections: chain('Schedule', 'Data', 'Filter', 'Send'),
				nodeTypes: n8nNodesBaseStandIns,
			});

		beforeEach(() => {
			sentEmails.length = 0;
		});

		it('start from the schedule, keep what the conditions (evaluated by n8n-core) keep, and record mail instead of sending it', async () => {
			const result = await runChain(filterOn('={{ $json.n !== 2 }}'));
			expect(result.error).toBeUndefined();
			expect(Object.keys(result.output('Schedule')[0].json)).toEqual(
				expect.arrayContaining(['timestamp', 'Day of week', 'Hour', 'Timezone']),
			);
			expect(result.output('Filter').map((item) => item.json)).toEqual([{ n: 1 }, { n: 3 }]);
			expect(result.output('Filter', 1).map((item) => item.json)).toEqual([{ n: 2 }]);
			expect(sentEmails.map((message) => message.subject)).toEqual(['n=1', 'n=3']);
			expect(result.output('Send')[0].json).toEqual({
				accepted: ['b@example.com'],
				rejected: [],
			});
		});

		it('refuse a condition that is not a boolean (strict type validation) and an HTML e-mail', async () => {
			const notBoolean = await runChain(filterOn('={{ $json.n }}'));
			expect(notBoolean.error?.message).toMatch(/wrong type/i);
			const html = await runChain(filterOn('={{ true }}'), email({ emailFormat: 'html' }));
			expect(html.error?.message).toContain('does not implement emailFormat = "html"');
			expect(sentEmails).toEqual([]);
		});
	});
});

describe('The Convert to File stand-in', () => {
	async function convert(parameters: INodeParameters, typeVersion = 1.1) {
		return await runWorkflow({
			nodes: [
				{ name: 'Trigger', type: 'n8n-nodes-base.manualTrigger' },
				{
					name: 'Data',
					type: 'test.items',
					parameters: {
						items: JSON.stringify([
							{ name: 'Office 365 E3', price: 1234.56789012345, tags: { term: 'P1Y' }, none: null },
							{ name: 'Visio, Plan 1', price: 0.0125, extra: true },
						]),
					},
				},
				{ name: 'Convert to File', type: 'n8n-nodes-base.convertToFile', typeVersion, parameters },
			],
			connections: chain('Trigger', 'Data', 'Convert to File'),
			nodeTypes: n8nNodesBaseStandIns,
		});
	}

	it('writes the items as one XLSX file, nested fields as "a.b" columns and numbers as they are, paired to every item', async () => {
		const result = await convert({ operation: 'xlsx', binaryPropertyName: 'sheet', options: {} });

		expect(result.error).toBeUndefined();
		const [item] = result.output('Convert to File');
		expect(item.json).toEqual({});
		expect(item.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(item.binary?.sheet).toMatchObject({ fileName: 'File.xlsx', fileExtension: 'xlsx' });
		const workbook = readWorkbook(Buffer.from(item.binary?.sheet.data ?? '', 'base64'));
		expect(workbook.SheetNames).toEqual(['Sheet']);
		expect(sheetUtils.sheet_to_json(workbook.Sheets.Sheet)).toEqual([
			{ name: 'Office 365 E3', price: 1234.56789012345, 'tags.term': 'P1Y' },
			{ name: 'Visio, Plan 1', price: 0.0125, extra: true },
		]);
	});

	it.each([
		['another operation', { operation: 'csv' }, 1.1, /does not implement operation = "csv"/],
		['another version', { operation: 'xlsx' }, 1, /does not implement typeVersion = 1 /],
	])('refuses %s with a clear error', async (_, parameters, version, message) => {
		const result = await convert(parameters, version);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^The test stand-in for n8n-nodes-base\.convertToFile /);
		expect(result.error?.message).toMatch(message);
	});
});
