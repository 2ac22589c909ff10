import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './actions/resources';
import { router } from './actions/router';
import { methods } from './methods';

export class Crayon implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Crayon',
		name: 'crayon',
		icon: { light: 'file:crayon.svg', dark: 'file:crayon.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Buy and manage Microsoft CSP and New Commerce licences with the Crayon Cloud-iQ API: subscriptions, add-ons, orders, customer tenants',
		defaults: { name: 'Crayon' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'crayonApi', required: true }],
		properties: nodeProperties,
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
