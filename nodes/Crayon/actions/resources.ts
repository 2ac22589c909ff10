import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsDescriptions } from '../fields/options';
import { billingStatement } from './billingStatement';
import { customerTenant } from './customerTenant';
import { invoice } from './invoice';
import { invoiceProfile } from './invoiceProfile';
import { newCommerceOrder } from './newCommerceOrder';
import type { CrayonOperation } from './operation';
import { order } from './order';
import { organization } from './organization';
import { product } from './product';
import type { Resource } from './resource';
import { scheduledPurchase } from './scheduledPurchase';
import { subscription } from './subscription';
import { usage } from './usage';

/** The node's resources; adding one is its folder and one entry here. */
const all: Resource[] = [
	subscription,
	newCommerceOrder,
	order,
	customerTenant,
	organization,
	billingStatement,
	invoice,
	usage,
	product,
	scheduledPurchase,
	invoiceProfile,
];

/** An operation by resource and operation value. */
export function findOperation(resource: string, operation: string): CrayonOperation | undefined {
	return all.find((candidate) => candidate.option.value === resource)?.operations[operation];
}

/** The values of the operations that buy or change (`isPurchase`), or of those that only read. */
export function operationValues(isPurchase: boolean): string[] {
	const values = all.flatMap((resource) =>
		Object.entries(resource.operations)
			.filter(([, operation]) => (operation.isPurchase === true) === isPurchase)
			.map(([value]) => value),
	);
	return [...new Set(values)].sort();
}

export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: all
			.map((resource) => resource.option)
			.sort((first, second) => first.name.localeCompare(second.name)),
		default: 'subscription',
	},
	...all.flatMap((resource) => resource.properties),
	...requestOptionsDescriptions(operationValues(true), operationValues(false)),
];
