/**
 * Test-only node types, so workflows can be built without n8n-nodes-base (not installed).
 * They are registered under n8n's own type names where one exists, so workflows exported
 * from n8n (examples/*.json) run unchanged as long as they only use these.
 *
 * - `n8n-nodes-base.manualTrigger`: emits one empty item, through n8n's real manual-trigger
 *   path (TriggersAndPollers + `emit`), like the node it imitates.
 * - `n8n-nodes-base.noOp`: passes its input through.
 * - `test.items`: outputs the objects of its `items` parameter (a JSON array, or an
 *   expression returning one) as items, each paired to input item 0. Use it to feed
 *   per-item data to the node under test (`={{ $json.tenantId }}`).
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

class ManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow when the workflow is executed manually',
		maxNodes: 1,
		defaults: { name: "When clicking 'Execute workflow'" },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

class NoOp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

class TestItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Items',
		name: 'items',
		group: ['transform'],
		version: 1,
		description: 'Outputs the given JSON objects as items',
		defaults: { name: 'Test Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Items',
				name: 'items',
				type: 'json',
				default: '[]',
				description: 'JSON array of objects; each becomes one output item',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as unknown;
		const parsed = typeof raw === 'string' ? jsonParse<unknown>(raw) : raw;
		const isObject = (value: unknown) =>
			typeof value === 'object' && value !== null && !Array.isArray(value);
		if (!Array.isArray(parsed) || !parsed.every(isObject)) {
			throw new NodeOperationError(this.getNode(), '"items" must be a JSON array of objects');
		}
		return [(parsed as IDataObject[]).map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

export const testNodeTypes: Record<string, INodeType> = {
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'n8n-nodes-base.noOp': new NoOp(),
	'test.items': new TestItems(),
};
