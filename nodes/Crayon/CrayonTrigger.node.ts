import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { detectChanges, readCursor, type Change } from './domain/changes';
import { readAllPages } from './domain/paging';
import { ALL_STATUSES, simplifySubscription } from './domain/subscriptions';
import { optionalSchema } from './fields/common';
import { filterQuery, simplifyField } from './fields/lists';
import { customerTenantLocator } from './fields/locators';
import { field, propertiesOf, schemaOf } from './fields/parameters';
import { methods } from './methods';
import { CrayonSession } from './transport';

const fields = {
	customerTenantId: customerTenantLocator({
		required: false,
		description:
			'Only watch the subscriptions of this customer tenant (all customer tenants when empty)',
	}),
	startFrom: field(
		{
			displayName: 'Start From',
			type: 'options',
			options: [
				{
					name: 'Now',
					value: 'now',
					description:
						'The first poll after activation remembers the existing subscriptions without outputting them; later polls output what is new or changed',
				},
				{
					name: 'All Existing Subscriptions',
					value: 'existing',
					description: 'The first poll after activation outputs every existing subscription as new',
				},
			],
			default: 'now',
		},
		z.enum(['now', 'existing']),
		{ fallback: true },
	),
	simplify: simplifyField,
};

const settings = schemaOf({ startFrom: fields.startFrom, simplify: fields.simplify });

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

function readSettings(context: IPollFunctions) {
	const raw = {
		startFrom: context.getNodeParameter('startFrom', fields.startFrom.property.default),
		simplify: context.getNodeParameter('simplify', fields.simplify.property.default),
	};
	const parsed = settings.safeParse(raw);
	if (parsed.success) return parsed.data;
	throw new NodeOperationError(context.getNode(), 'Invalid trigger settings', {
		description: parsed.error.issues
			.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
			.join('\n'),
	});
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
		const { startFrom, simplify } = readSettings(this);
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
		const previous = readCursor(staticData, scope);
		const { changes, cursor } = detectChanges(subscriptions, previous, scope);
		staticData.scope = cursor.scope;
		staticData.fingerprints = cursor.fingerprints;
		// Without a cursor for this scope this is the first poll: with "Now" it only takes stock.
		const emitted = previous === undefined && startFrom === 'now' ? [] : changes;
		return emitted.length > 0 ? [emitted.map(toItem)] : null;
	}
}
