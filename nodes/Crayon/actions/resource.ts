import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { propertiesOf, type Fields } from '../fields/parameters';
import type { CrayonOperation } from './operation';

/** How an operation shows in the Operation dropdown; its value is its key in the resource. */
export interface OperationOption {
	name: string;
	/** Also the node's default name on the canvas, so written like n8n's own: "Create a subscription". */
	action: string;
	description: string;
}

/** What one `<operation>.operation.ts` exports. */
export type OperationModule = Omit<CrayonOperation, 'description'> & {
	option: OperationOption;
	fields: Fields;
};

export interface Resource {
	option: INodePropertyOptions;
	/** The Operation dropdown and every operation's fields, each shown for its operation only. */
	properties: INodeProperties[];
	operations: Record<string, CrayonOperation>;
}

/**
 * A resource of the node from its operation modules: adding an operation is its file and one
 * line in the resource's operations.ts.
 */
export function defineResource(
	option: INodePropertyOptions & { value: string },
	defaultOperation: string,
	modules: Record<string, OperationModule>,
): Resource {
	const resource = option.value;
	const operations = Object.fromEntries(
		Object.entries(modules).map(([operation, module]): [string, CrayonOperation] => [
			operation,
			{
				description: updateDisplayOptions(
					{ show: { resource: [resource], operation: [operation] } },
					propertiesOf(module.fields),
				),
				schema: module.schema,
				execute: module.execute,
				isPurchase: module.isPurchase,
				readInput: module.readInput,
				prepare: module.prepare,
			},
		]),
	);
	const dropdown: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: Object.entries(modules)
			.map(([value, module]) => ({ ...module.option, value }))
			.sort((first, second) => first.name.localeCompare(second.name)),
		default: defaultOperation,
	};
	return {
		option,
		properties: [
			dropdown,
			...Object.values(operations).flatMap((operation) => operation.description),
		],
		operations,
	};
}
