import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { detectChanges, readCursor, type Change } from './domain/changes';
import { readAllPages } from './domain/paging';
import { ALL_STATUSES, simplifySubscription } from './domain/subscriptions';
import { optionalSchema } from './fields/common';
import { filterQuery, simplifyField } from './fields/lists';
import { customerTenantLocator } from './fields/locators';
import { propertiesOf } from './fields/parameters';
import { methods } from './methods';
import { CrayonSession } from './transport';

const fields = {
	customerTenantId: customerTenantLocator({
		required: false,
		description:
			'Only watch the subscriptions of this customer tenant (all customer tenants when empty)',
	}),
	simplify: simplifyField,
};

const customerTenantId = optionalSchema(fields.customerTenantId);

function readCustomerTenantId(context: IPollFunctions): number | undefined {
	const raw = context.getNodeParameter('customerTenantId', '', { extractValue: true });
	const parsed = customerTenantId.safeParse(raw);
	if (parsed.success) return parsed.data;
	throw new NodeOperationError(
		context.getNode(),
		`"Customer Tenant" must be a Crayon customer tenant ID (received ${JSON.stringify(raw)})`,
		{
			description:
				'Choose the customer tenant from the list, enter its numeric ID, or leave it empty to watch all customer tenants.',
		},
	);
}

function newest(subscriptions: IDataObject[]): IDataObject | undefined {
	return subscriptions.reduce<IDataObject | undefined>(
		(latest, subscription) =>
			latest === undefined || Number(subscription.Id) > Number(latest.Id) ? subscription : latest,
		undefined,
	);
}

export class CrayonTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Crayon Trigger',
		name: 'crayonTrigger',
		icon: { light: 'file:crayon.svg', dark: 'file:crayon.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New or changed subscriptions',
		description:
			'Starts the workflow when a Crayon subscription is created or its quantity, status, term or product changes',
		defaults: { name: 'Crayon Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'crayonApi', required: true }],
		properties: [
			{
				displayName:
					'Each subscription is output once when first seen (the first poll outputs all of them), then again whenever its quantity, status, name, product, billing cycle, term, end date or add-ons change. Manual runs output the newest subscription.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			...propertiesOf(fields),
		],
	};

	methods = methods;

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const customerTenantId = readCustomerTenantId(this);
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const session = new CrayonSession(this);
		const subscriptions = await session.redact(
			await readAllPages(session.client(0), {
				path: '/api/v1/subscriptions',
				qs: filterQuery({ customerTenantId, statuses: ALL_STATUSES }),
			}),
		);
		const toItem = ({ event, subscription }: Change): INodeExecutionData => ({
			json: { Event: event, ...(simplify ? simplifySubscription(subscription) : subscription) },
		});

		if (this.getMode() === 'manual') {
			const latest = newest(subscriptions);
			return latest ? [[toItem({ event: 'new', subscription: latest })]] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		const scope =
			customerTenantId === undefined
				? 'all customer tenants'
				: `customer tenant ${customerTenantId}`;
		const { changes, cursor } = detectChanges(subscriptions, readCursor(staticData, scope), scope);
		staticData.scope = cursor.scope;
		staticData.fingerprints = cursor.fingerprints;
		return changes.length > 0 ? [changes.map(toItem)] : null;
	}
}
