/**
 * Stand-ins for the n8n-nodes-base nodes the example workflows (examples/*.json) use,
 * registered under their real type names so those files run unchanged through the engine
 * harness. n8n-nodes-base itself is not installed here (too big); the real nodes run in the
 * end-to-end suite against n8n 2.41.
 *
 * Each stand-in implements exactly the version and mode the examples use, with the real
 * node's behaviour for that mode (packages/nodes-base/nodes/Set/v2 and
 * packages/nodes-base/nodes/Transform/SplitOut in n8n's sources), and refuses anything
 * else with an error that says what is not implemented, so an example that drifts from
 * what is covered here fails loudly instead of running differently than in n8n.
 *
 * - `n8n-nodes-base.set` (Edit Fields) version 3.4, mode "JSON" (`mode: 'raw'`): per item,
 *   `jsonOutput` with its `{{ }}` parts resolved, parsed as a JSON object; the item is that
 *   object only ("Include Other Input Fields" off), paired to its input item.
 * - `n8n-nodes-base.splitOut` version 1: one field (`fieldToSplitOut`, "Include: No Other
 *   Fields"); each element of that field becomes an item (objects as they are, other values
 *   under the field's name), paired to the input item it came from.
 * - `n8n-nodes-base.scheduleTrigger` version 1.2: in manual mode (the editor's "Execute
 *   workflow", the only mode the engine runs) one item with the time fields the real node
 *   emits; the schedule itself (`rule`) is not run.
 * - `n8n-nodes-base.filter` version 2.2 with no options: the Conditions parameter (type
 *   `filter`) is evaluated by n8n-core itself, as in the real node (packages/nodes-base/nodes/Filter/V2);
 *   kept items on output 0, discarded ones on output 1.
 * - `n8n-nodes-base.emailSend` version 2.1, operation "send", text format: sends nothing; the
 *   message (from, to, subject, text, the attachments' names and bytes) is recorded in
 *   `sentEmails`, one output item per message as the real node gives (`accepted`).
 * - `n8n-nodes-base.convertToFile` (Convert to File) version 1.1, operation "Convert to XLSX":
 *   every input item flattened (`a.b` columns for nested objects, as n8n's flattenObject),
 *   written with the library n8n uses (@e965/xlsx: json_to_sheet, then write as xlsx) into one
 *   item whose binary field (Put Output File in Field, default `data`) holds the file, paired
 *   to every input item (packages/nodes-base/nodes/Files/ConvertToFile and utils/binary.ts).
 * - `n8n-nodes-base.readWriteFile` (Read/Write Files from Disk) version 1.1, operation "read" of
 *   one file by its absolute path (no patterns), into binary field `data`, with the JSON fields
 *   the real node adds. n8n's file access restriction (N8N_RESTRICT_FILE_ACCESS_TO, by default
 *   ~/.n8n-files) lives in n8n-core, not in the node, and is not modelled: the e2e suite reads
 *   the examples' files through it.
 * - `n8n-nodes-base.extractFromFile` (Extract From File) version 1.1, operation "csv" with no
 *   options: the first line names the columns, every later non-empty line becomes an item of
 *   its values as text, empty cells left out, paired to the file's item (packages/nodes-base/
 *   nodes/SpreadsheetFile/v2/fromFile.operation.ts, csv-parse with `columns: true`); a line with
 *   another number of values than the header, or a stray quote, fails as csv-parse does.
 * - `n8n-nodes-base.stickyNote` version 1: the real node's description (no inputs or outputs),
 *   so workflows with notes load; n8n never runs it.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { utils as sheetUtils, write as writeWorkbook, type WritingOptions } from '@e965/xlsx';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { csvRows } from '../nodes/Crayon/domain/billing';
import { jsonParse, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Refuses a parameter value the stand-in does not implement. */
function requireSupported(
	context: IExecuteFunctions,
	what: string,
	value: unknown,
	supported: (value: unknown) => boolean,
	implemented: string,
): void {
	if (supported(value)) return;
	const node = context.getNode();
	throw new NodeOperationError(
		node,
		`The test stand-in for ${node.type} does not implement ${what} = ${JSON.stringify(value)} (it implements ${implemented})`,
	);
}

function requireVersion(context: IExecuteFunctions, version: number): void {
	requireSupported(
		context,
		'typeVersion',
		context.getNode().typeVersion,
		(value) => value === version,
		`version ${version} only`,
	);
}

const noOptions = (value: unknown) => isPlainObject(value) && Object.keys(value).length === 0;

/** Refuses every operation but the one the stand-in implements. */
function requireOperation(
	context: IExecuteFunctions,
	operation: string,
	implemented = `"${operation}" only`,
): void {
	requireSupported(
		context,
		'operation',
		context.getNodeParameter('operation', 0),
		(value) => value === operation,
		implemented,
	);
}

/** Refuses any option set on the item: the stand-in implements none. */
function requireNoOptions(context: IExecuteFunctions, itemIndex: number): void {
	requireSupported(
		context,
		'options',
		context.getNodeParameter('options', itemIndex, {}),
		noOptions,
		'no options',
	);
}

/** Every `{{ … }}` part of a raw expression, as n8n's Set node finds them (getResolvables). */
function resolvables(expression: string): string[] {
	return expression.match(/{{[\s\S]*?}}/g) ?? [];
}

const EDIT_FIELDS_VERSION = 3.4;

class EditFields implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Edit Fields (Set)',
		name: 'set',
		group: ['input'],
		version: EDIT_FIELDS_VERSION,
		description: 'Test stand-in: JSON mode of Edit Fields (Set) 3.4',
		defaults: { name: 'Edit Fields' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Manual Mapping', value: 'manual' },
					{ name: 'JSON', value: 'raw' },
				],
				default: 'manual',
			},
			{
				displayName: 'JSON',
				name: 'jsonOutput',
				type: 'json',
				default: '{\n  "my_field_1": "value",\n  "my_field_2": 1\n}\n',
				displayOptions: { show: { mode: ['raw'] } },
			},
			{
				displayName: 'Include Other Input Fields',
				name: 'includeOtherFields',
				type: 'boolean',
				default: false,
			},
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		requireVersion(this, EDIT_FIELDS_VERSION);
		const parameters = this.getNode().parameters;
		requireSupported(
			this,
			'mode',
			parameters.mode,
			(value) => value === 'raw',
			'mode "raw" (JSON) only',
		);
		requireSupported(
			this,
			'includeOtherFields',
			parameters.includeOtherFields ?? false,
			(value) => value === false,
			'false only',
		);
		requireSupported(this, 'options', parameters.options ?? {}, noOptions, 'no options');
		// Like the real node, an expression is resolved part by part on the raw text, so that
		// objects land in the JSON as JSON.
		const rawJson = String(parameters.jsonOutput ?? '');
		const isExpression = rawJson.startsWith('=');

		return [
			this.getInputData().map((_, itemIndex) => {
				let text = rawJson;
				if (isExpression) {
					text = rawJson.replace(/^=+/, '');
					for (const part of resolvables(text)) {
						const value = this.evaluateExpression(part, itemIndex);
						const resolved =
							isPlainObject(value) || Array.isArray(value) ? JSON.stringify(value) : String(value);
						// A function, as in n8n (2.8 and 2.41): a "$&" in the value stays as it is.
						text = text.replace(part, () => resolved);
					}
				}
				let parsed: unknown;
				try {
					parsed = jsonParse(text);
				} catch {
					throw new NodeOperationError(
						this.getNode(),
						`The 'JSON Output' in item ${itemIndex} contains invalid JSON`,
						{
							itemIndex,
							description: text,
						},
					);
				}
				if (!isPlainObject(parsed)) {
					throw new NodeOperationError(
						this.getNode(),
						`The 'JSON Output' in item ${itemIndex} does not contain a valid JSON object`,
						{
							itemIndex,
						},
					);
				}
				for (const key of Object.keys(parsed)) {
					// The real node sets keys with dot notation (`a.b` → { a: { b } }): not implemented here.
					requireSupported(
						this,
						'a JSON key',
						key,
						(value) => !/[.[\]]/.test(String(value)),
						'plain top-level keys only',
					);
				}
				return { json: parsed, pairedItem: { item: itemIndex } };
			}),
		];
	}
}

class SplitOut implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Split Out',
		name: 'splitOut',
		group: ['transform'],
		version: 1,
		description: 'Test stand-in: Split Out 1 of one field, no other fields',
		defaults: { name: 'Split Out' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Fields To Split Out',
				name: 'fieldToSplitOut',
				type: 'string',
				default: '',
				required: true,
			},
			{
				displayName: 'Include',
				name: 'include',
				type: 'options',
				options: [
					{ name: 'No Other Fields', value: 'noOtherFields' },
					{ name: 'All Other Fields', value: 'allOtherFields' },
					{ name: 'Selected Other Fields', value: 'selectedOtherFields' },
				],
				default: 'noOtherFields',
			},
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		requireVersion(this, 1);
		const output: INodeExecutionData[] = [];
		for (const [itemIndex, item] of this.getInputData().entries()) {
			const field = String(this.getNodeParameter('fieldToSplitOut', itemIndex))
				.trim()
				.replace(/^\$json\./, '');
			requireSupported(
				this,
				'fieldToSplitOut',
				field,
				(value) => /^[^.,[\]$]+$/.test(String(value)),
				'one plain field name only',
			);
			requireSupported(
				this,
				'include',
				this.getNodeParameter('include', itemIndex),
				(value) => value === 'noOtherFields',
				'"noOtherFields" only',
			);
			requireNoOptions(this, itemIndex);

			const value = item.json[field];
			// As in n8n: a missing field gives no items, a scalar one item, an object its values.
			const elements =
				value === undefined
					? []
					: typeof value !== 'object' || value === null
						? [value]
						: Array.isArray(value)
							? value
							: Object.values(value);
			for (const element of elements) {
				output.push({
					json: isPlainObject(element) ? { ...element } : { [field]: element },
					pairedItem: { item: itemIndex },
				});
			}
		}
		return [output];
	}
}

const pad = (value: number) => String(value).padStart(2, '0');

class ScheduleTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Schedule Trigger',
		name: 'scheduleTrigger',
		group: ['trigger', 'schedule'],
		version: 1.2,
		description: 'Test stand-in: Schedule Trigger 1.2, manual mode',
		defaults: { name: 'Schedule Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Trigger Rules',
				name: 'rule',
				type: 'fixedCollection',
				default: {},
				options: [],
			},
		],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		requireSupported(
			this as unknown as IExecuteFunctions,
			'typeVersion',
			this.getNode().typeVersion,
			(value) => value === 1.2,
			'version 1.2 only',
		);
		if (this.getMode() !== 'manual') {
			throw new NodeOperationError(
				this.getNode(),
				'The test stand-in runs the Schedule Trigger in manual mode only',
			);
		}
		const manualTriggerFunction = async () => {
			const now = new Date();
			this.emit([
				this.helpers.returnJsonArray([
					{
						timestamp: now.toISOString(),
						'Day of week': now.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }),
						Year: String(now.getUTCFullYear()),
						Month: now.toLocaleString('en', { month: 'long', timeZone: 'UTC' }),
						'Day of month': pad(now.getUTCDate()),
						Hour: pad(now.getUTCHours()),
						Minute: pad(now.getUTCMinutes()),
						Second: pad(now.getUTCSeconds()),
						Timezone: 'UTC (UTC+00:00)',
					},
				]),
			]);
		};
		return { manualTriggerFunction };
	}
}

/** n8n's flattenObject (packages/nodes-base/utils/utilities.ts): nested keys joined with ".". */
function flattenObject(data: IDataObject): IDataObject {
	const flat: IDataObject = {};
	for (const key of Object.keys(data)) {
		const value = data[key];
		if (value !== null && typeof value === 'object') {
			if (value instanceof Date) {
				flat[key] = value.toString();
				continue;
			}
			const nested = flattenObject(value as IDataObject);
			for (const inner in nested) {
				if (nested[inner] !== undefined) flat[`${key}.${inner}`] = nested[inner];
			}
		} else {
			flat[key] = value;
		}
	}
	return flat;
}

const CONVERT_TO_FILE_VERSION = 1.1;

class ConvertToFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Convert to File',
		name: 'convertToFile',
		group: ['input'],
		version: [1, CONVERT_TO_FILE_VERSION],
		description: 'Test stand-in: Convert to XLSX of Convert to File 1.1',
		defaults: { name: 'Convert to File' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Convert to CSV', value: 'csv' },
					{ name: 'Convert to XLSX', value: 'xlsx' },
				],
				default: 'csv',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				required: true,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [
					{ displayName: 'Compression', name: 'compression', type: 'boolean', default: false },
					{ displayName: 'File Name', name: 'fileName', type: 'string', default: '' },
					{ displayName: 'Header Row', name: 'headerRow', type: 'boolean', default: true },
					{ displayName: 'Sheet Name', name: 'sheetName', type: 'string', default: 'Sheet' },
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		requireVersion(this, CONVERT_TO_FILE_VERSION);
		requireOperation(this, 'xlsx', '"xlsx" (Convert to XLSX) only');
		const items = this.getInputData();
		const options = this.getNodeParameter('options', 0, {}) as {
			compression?: boolean;
			fileName?: string;
			headerRow?: boolean;
			sheetName?: string;
		};
		const binaryPropertyName = this.getNodeParameter('binaryPropertyName', 0, 'data') as string;
		const sheet = sheetUtils.json_to_sheet(
			items.map((item) => flattenObject(item.json)),
			options.headerRow === false ? { skipHeader: true } : undefined,
		);
		const sheetName = options.sheetName || 'Sheet';
		const writing: WritingOptions = {
			bookType: 'xlsx',
			bookSST: false,
			type: 'buffer',
			...(options.compression ? { compression: true } : {}),
		};
		const buffer = writeWorkbook(
			{ SheetNames: [sheetName], Sheets: { [sheetName]: sheet } },
			writing,
		) as Buffer;
		const fileName = options.fileName !== undefined ? options.fileName : 'File.xlsx';
		const binary = await this.helpers.prepareBinaryData(buffer, fileName);
		return [
			[
				{
					json: {},
					binary: { [binaryPropertyName]: binary },
					pairedItem: items.map((_, item) => ({ item })),
				},
			],
		];
	}
}

const FILTER_VERSION = 2.2;

class Filter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Filter',
		name: 'filter',
		group: ['transform'],
		version: FILTER_VERSION,
		description: 'Test stand-in: Filter 2.2, conditions evaluated by n8n-core',
		defaults: { name: 'Filter' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Conditions',
				name: 'conditions',
				type: 'filter',
				default: {},
				typeOptions: { filter: { caseSensitive: true, typeValidation: 'strict', version: 2 } },
			},
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		requireVersion(this, FILTER_VERSION);
		requireNoOptions(this, 0);
		const kept: INodeExecutionData[] = [];
		const discarded: INodeExecutionData[] = [];
		for (const [itemIndex, item] of this.getInputData().entries()) {
			const pass = this.getNodeParameter('conditions', itemIndex, false, { extractValue: true });
			const output = { ...item, pairedItem: item.pairedItem ?? { item: itemIndex } };
			(pass === true ? kept : discarded).push(output);
		}
		return [kept, discarded];
	}
}

/** A message the Send Email stand-in would have sent. */
export interface SentEmail {
	from: string;
	to: string;
	subject: string;
	text: string;
	attachments: Array<{ fileName: string; mimeType: string; content: Buffer }>;
}

/** Every message the Send Email stand-in "sent", oldest first; tests empty it. */
export const sentEmails: SentEmail[] = [];

class SendEmail implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Send Email',
		name: 'emailSend',
		group: ['output'],
		version: 2.1,
		description: 'Test stand-in: Send Email 2.1, text, sends nothing',
		defaults: { name: 'Send Email' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smtp', required: true }],
		properties: [
			{ displayName: 'From Email', name: 'fromEmail', type: 'string', default: '' },
			{ displayName: 'To Email', name: 'toEmail', type: 'string', default: '' },
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
			{ displayName: 'Email Format', name: 'emailFormat', type: 'string', default: 'html' },
			{ displayName: 'Text', name: 'text', type: 'string', default: '' },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [
					{ displayName: 'Attachments', name: 'attachments', type: 'string', default: '' },
					{
						displayName: 'Append n8n Attribution',
						name: 'appendAttribution',
						type: 'boolean',
						default: true,
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		requireVersion(this, 2.1);
		const output: INodeExecutionData[] = [];
		for (const [itemIndex, item] of this.getInputData().entries()) {
			requireSupported(
				this,
				'emailFormat',
				this.getNodeParameter('emailFormat', itemIndex),
				(value) => value === 'text',
				'"text" only',
			);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			requireSupported(
				this,
				'options',
				options,
				(value) =>
					Object.keys(value as IDataObject).every((key) =>
						['attachments', 'appendAttribution'].includes(key),
					),
				'attachments and appendAttribution only',
			);
			const attachments = [];
			for (const name of String(options.attachments ?? '')
				.split(',')
				.map((part) => part.trim())
				.filter(Boolean)) {
				const binary = item.binary?.[name];
				if (!binary)
					throw new NodeOperationError(this.getNode(), `The item has no binary field '${name}'`, {
						itemIndex,
					});
				attachments.push({
					fileName: binary.fileName ?? 'unknown',
					mimeType: binary.mimeType,
					content: await this.helpers.getBinaryDataBuffer(itemIndex, name),
				});
			}
			const to = String(this.getNodeParameter('toEmail', itemIndex));
			sentEmails.push({
				from: String(this.getNodeParameter('fromEmail', itemIndex)),
				to,
				subject: String(this.getNodeParameter('subject', itemIndex)),
				text: String(this.getNodeParameter('text', itemIndex, '')),
				attachments,
			});
			output.push({ json: { accepted: [to], rejected: [] }, pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}

/** Characters that make a File(s) Selector a pattern (fast-glob, extglob and braces). */
const FILE_PATTERN = /[*?{}[\]()!]/;

class ReadWriteFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Read/Write Files from Disk',
		name: 'readWriteFile',
		group: ['input'],
		version: 1.1,
		description: 'Test stand-in: Read/Write Files from Disk 1.1, reading one file',
		defaults: { name: 'Read/Write Files from Disk' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'read' },
			{
				displayName: 'File(s) Selector',
				name: 'fileSelector',
				type: 'string',
				default: '',
				required: true,
			},
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		requireVersion(this, 1.1);
		requireOperation(this, 'read');
		const output: INodeExecutionData[] = [];
		for (const itemIndex of this.getInputData().keys()) {
			const fileSelector = String(this.getNodeParameter('fileSelector', itemIndex));
			requireSupported(
				this,
				'fileSelector',
				fileSelector,
				(value) => path.isAbsolute(String(value)) && !FILE_PATTERN.test(String(value)),
				'one file by its absolute path, no patterns',
			);
			requireNoOptions(this, itemIndex);
			let content: Buffer;
			try {
				content = await readFile(fileSelector);
			} catch {
				throw new NodeOperationError(this.getNode(), 'No file(s) found', {
					itemIndex,
					description: `No file matching the selector "${fileSelector}" found`,
				});
			}
			const binary = await this.helpers.prepareBinaryData(content, fileSelector);
			const { mimeType, fileType, fileName, fileExtension, fileSize } = binary;
			output.push({
				json: { mimeType, fileType, fileName, fileExtension, fileSize },
				binary: { data: binary },
				pairedItem: { item: itemIndex },
			});
		}
		return [output];
	}
}

class ExtractFromFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Extract from File',
		name: 'extractFromFile',
		group: ['input'],
		version: 1.1,
		description: 'Test stand-in: Extract From File 1.1, operation csv',
		defaults: { name: 'Extract from File' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'csv' },
			{
				displayName: 'Input Binary Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
			},
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		requireVersion(this, 1.1);
		requireOperation(this, 'csv');
		const output: INodeExecutionData[] = [];
		for (const itemIndex of this.getInputData().keys()) {
			requireNoOptions(this, itemIndex);
			const field = String(this.getNodeParameter('binaryPropertyName', itemIndex));
			const text = (await this.helpers.getBinaryDataBuffer(itemIndex, field)).toString('utf8');
			const lines = csvRows(text, ',');
			if (typeof lines === 'string')
				throw new NodeOperationError(this.getNode(), `The CSV file cannot be read: ${lines}`, {
					itemIndex,
				});
			const [columns = [], ...records] = lines;
			for (const [index, values] of records.entries()) {
				if (values.length === 1 && values[0] === '') continue;
				if (values.length !== columns.length)
					throw new NodeOperationError(
						this.getNode(),
						`Invalid Record Length: columns length is ${columns.length}, got ${values.length} on line ${index + 2}`,
						{ itemIndex },
					);
				output.push({
					json: Object.fromEntries(
						columns.map((column, at) => [column, values[at]]).filter(([, value]) => value !== ''),
					),
					pairedItem: { item: itemIndex },
				});
			}
		}
		return [output];
	}
}

class StickyNote implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sticky Note',
		name: 'stickyNote',
		group: ['input'],
		version: 1,
		description: 'Test stand-in: Sticky Note 1 (never runs)',
		defaults: { name: 'Sticky Note' },
		inputs: [],
		outputs: [],
		properties: [
			{ displayName: 'Content', name: 'content', type: 'string', default: '' },
			{ displayName: 'Height', name: 'height', type: 'number', required: true, default: 160 },
			{ displayName: 'Width', name: 'width', type: 'number', required: true, default: 240 },
			{ displayName: 'Color', name: 'color', type: 'number', required: true, default: 1 },
		],
	};
}

/** Stand-ins by their real n8n type names, for `runWorkflow({ nodeTypes })`. */
export const n8nNodesBaseStandIns: Record<string, INodeType> = {
	'n8n-nodes-base.set': new EditFields(),
	'n8n-nodes-base.splitOut': new SplitOut(),
	'n8n-nodes-base.scheduleTrigger': new ScheduleTrigger(),
	'n8n-nodes-base.filter': new Filter(),
	'n8n-nodes-base.convertToFile': new ConvertToFile(),
	'n8n-nodes-base.emailSend': new SendEmail(),
	'n8n-nodes-base.readWriteFile': new ReadWriteFile(),
	'n8n-nodes-base.extractFromFile': new ExtractFromFile(),
	'n8n-nodes-base.stickyNote': new StickyNote(),
};
