/**
 * Stand-ins for the two n8n-nodes-base nodes the example workflows (examples/*.json) use,
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
 * - `n8n-nodes-base.scheduleTrigger` version 1.2, run as "Execute workflow" runs it (manual
 *   mode): one item with the time fields the real node emits (packages/nodes-base/nodes/Schedule);
 *   its rules are not scheduled.
 * - `n8n-nodes-base.filter` version 2.2 with no options: the Conditions parameter (type
 *   `filter`) is evaluated by n8n-core itself, as in the real node (packages/nodes-base/nodes/Filter/V2);
 *   kept items on output 0, discarded ones on output 1.
 * - `n8n-nodes-base.emailSend` version 2.1, Send, Text format, no options: it sends nothing. Each
 *   message it would send is recorded in `sentEmails` and output as an answer that says so.
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
						text = text.replace(
							part,
							isPlainObject(value) || Array.isArray(value) ? JSON.stringify(value) : String(value),
						);
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
			requireSupported(
				this,
				'options',
				this.getNodeParameter('options', itemIndex, {}),
				noOptions,
				'no options',
			);

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

class ScheduleTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Schedule Trigger',
		name: 'scheduleTrigger',
		group: ['trigger', 'schedule'],
		version: 1.2,
		description: 'Test stand-in: Schedule Trigger 1.2 run manually',
		defaults: { name: 'Schedule Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Trigger Rules',
				name: 'rule',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: { interval: [{ field: 'days' }] },
				options: [
					{
						name: 'interval',
						displayName: 'Trigger Interval',
						values: [
							{ displayName: 'Field', name: 'field', type: 'string', default: 'days' },
							{ displayName: 'Hour', name: 'triggerAtHour', type: 'number', default: 0 },
						],
					},
				],
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
				'The Schedule Trigger stand-in only runs manually',
			);
		}
		const manualTriggerFunction = async () => {
			const now = new Date();
			const two = (value: number) => String(value).padStart(2, '0');
			this.emit([
				this.helpers.returnJsonArray([
					{
						timestamp: now.toISOString(),
						'Day of week': now.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }),
						Year: String(now.getUTCFullYear()),
						'Day of month': two(now.getUTCDate()),
						Hour: two(now.getUTCHours()),
						Minute: two(now.getUTCMinutes()),
						Second: two(now.getUTCSeconds()),
						Timezone: 'UTC (UTC+00:00)',
					},
				]),
			]);
		};
		return { manualTriggerFunction };
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
		requireSupported(
			this,
			'options',
			this.getNodeParameter('options', 0, {}),
			noOptions,
			'no options',
		);
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
export interface StandInEmail {
	fromEmail: string;
	toEmail: string;
	subject: string;
	text: string;
}

/** Every message the Send Email stand-in was asked to send, in order (tests clear it). */
export const sentEmails: StandInEmail[] = [];

const EMAIL_SEND_VERSION = 2.1;

class EmailSend implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Send Email',
		name: 'emailSend',
		group: ['output'],
		version: EMAIL_SEND_VERSION,
		description: 'Test stand-in: Send Email 2.1 that sends nothing',
		defaults: { name: 'Send Email' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'hidden', default: 'email' },
			{ displayName: 'Operation', name: 'operation', type: 'hidden', default: 'send' },
			{ displayName: 'From Email', name: 'fromEmail', type: 'string', default: '' },
			{ displayName: 'To Email', name: 'toEmail', type: 'string', default: '' },
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
			{ displayName: 'Email Format', name: 'emailFormat', type: 'string', default: 'html' },
			{ displayName: 'Text', name: 'text', type: 'string', default: '' },
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		requireVersion(this, EMAIL_SEND_VERSION);
		return [
			this.getInputData().map((_, itemIndex) => {
				const parameter = (name: string) => String(this.getNodeParameter(name, itemIndex, ''));
				for (const [name, supported] of [
					['operation', 'send'],
					['emailFormat', 'text'],
				] as const) {
					requireSupported(
						this,
						name,
						parameter(name),
						(value) => value === supported,
						`"${supported}" only`,
					);
				}
				requireSupported(
					this,
					'options',
					this.getNodeParameter('options', itemIndex, {}),
					noOptions,
					'no options',
				);
				const email: StandInEmail = {
					fromEmail: parameter('fromEmail'),
					toEmail: parameter('toEmail'),
					subject: parameter('subject'),
					text: parameter('text'),
				};
				sentEmails.push(email);
				return {
					json: {
						accepted: [email.toEmail],
						rejected: [],
						response: '250 test stand-in: not sent',
					},
					pairedItem: { item: itemIndex },
				};
			}),
		];
	}
}

/** Stand-ins by their real n8n type names, for `runWorkflow({ nodeTypes })`. */
export const n8nNodesBaseStandIns: Record<string, INodeType> = {
	'n8n-nodes-base.set': new EditFields(),
	'n8n-nodes-base.splitOut': new SplitOut(),
	'n8n-nodes-base.scheduleTrigger': new ScheduleTrigger(),
	'n8n-nodes-base.filter': new Filter(),
	'n8n-nodes-base.emailSend': new EmailSend(),
};
