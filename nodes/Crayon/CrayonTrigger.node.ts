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
import { ALL_STATUSES, simplifyListedSubscription } from './domain/subscriptions';
import { optionalSchema } from './fields/common';
import { filterQuery, simplifyField } from './fields/lists';
import { customerTenantLocator } from './fields/locators';
import { field, propertiesOf, schemaOf } from './fields/parameters';
import { eventFields, readEventSelection } from './fields/triggerEvents';
import { methods } from './methods';
import { CrayonSession } from './transport';

const fields = {
	customerTenantId: customerTenantLocator({
		required: false,
		description:
			'Only watch the subscriptions of this customer tenant (all customer tenants when empty)',
	}),
	...eventFields,
	startFrom: field(
		{
			displayName: 'Start From',
			type: 'options',
			options: [
				{
					name: 'Now',
					value: 'now',
					description:
						'The first poll after activation remembers the existing subscriptions without outputting them as new; later polls output what is new or changed. Window events are output from the first poll.',
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
		subtitle: 'Subscription events',
		description:
			'Starts the workflow when a Crayon subscription is created or changes, when its cancellation window is about to close, or when its term ends soon',
		defaults: { name: 'Crayon Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'crayonApi', required: true }],
		properties: [
			{
				displayName:
					'New: each subscription once when first seen (with Start From: Now, not those that exist at activation). Changed: again whenever its quantity, status, name, product, billing cycle, term, end date or add-ons change. Cancellation Window Closing and Renewal Approaching: once per active subscription and window. Manual runs output the newest subscription (or the first window event).',
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
		const selection = readEventSelection(this);
		const { startFrom, simplify } = readSettings(this);
		const session = new CrayonSession(this);
		const subscriptions = await session.redact(
			await readAllPages(session.client(0), {
				path: '/api/v1/subscriptions',
				qs: filterQuery({ customerTenantId, statuses: ALL_STATUSES }),
			}),
		);
		const toItem = ({ event, subscription, extra }: Change): INodeExecutionData => ({
			json: {
				Event: event,
				...(simplify ? simplifyListedSubscription(subscription) : subscription),
				...extra,
			},
		});

		const scope =
			customerTenantId === undefined
				? 'all customer tenants'
				: `customer tenant ${customerTenantId}`;
		if (this.getMode() === 'manual') {
			const latest = newest(subscriptions);
			if (selection.events.includes('new') || selection.events.includes('changed'))
				return latest ? [[toItem({ event: 'new', subscription: latest })]] : null;
			const [first] = detectChanges(subscriptions, undefined, scope, selection).changes;
			return first ? [[toItem(first)]] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		const previous = readCursor(staticData, scope);
		const detected = detectChanges(subscriptions, previous, scope, selection);
		const { cursor } = detected;
		// Without a cursor for this scope this is the first poll: with "Now" it takes stock of the
		// subscriptions there are, but a window that is closing now is news either way.
		const changes =
			previous === undefined && startFrom === 'now'
				? detected.changes.filter(({ event }) => event !== 'new' && event !== 'changed')
				: detected.changes;
		staticData.scope = cursor.scope;
		staticData.fingerprints = cursor.fingerprints;
		staticData.version = cursor.version;
		if (cursor.windows) staticData.windows = cursor.windows;
		else delete staticData.windows;
		return changes.length > 0 ? [changes.map(toItem)] : null;
	}
}
