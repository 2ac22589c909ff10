import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { sendAndRead } from '../../helpers/responses';
import {
	catalogueCode,
	crayonId,
	optional,
	quantity,
	requiredText,
} from '../../helpers/validation';
import { addonOfferLocator, subscriptionLocator } from '../../methods/locators';
import { newAddonCheck } from '../../transport/outcome';
import { quantityProperty } from '../fields';
import type { ItemApi } from '../operation';

const tagFields = [
	{ displayName: 'Cost Center', name: 'CostCenter' },
	{ displayName: 'Custom', name: 'Custom' },
	{ displayName: 'Department', name: 'Department' },
	{ displayName: 'Owner', name: 'Owner' },
	{ displayName: 'Project', name: 'Project' },
] as const;

const properties: INodeProperties[] = [
	subscriptionLocator({
		displayName: 'Subscription ID',
		description: 'Crayon ID of the active subscription that gets the add-on',
	}),
	addonOfferLocator({
		displayName: 'Offer ID',
		description:
			"Part number of the add-on offer (one of the subscription's add-on offers; the list shows them once the subscription is chosen)",
	}),
	quantityProperty('Number of add-on licences'),
	{
		displayName: 'Subscription Tags',
		name: 'subscriptionTags',
		type: 'collection',
		placeholder: 'Add Tag',
		default: {},
		description: 'Free-text tags Cloud-iQ stores on the subscription',
		options: tagFields.map(({ displayName, name }) => ({
			displayName,
			name,
			type: 'string' as const,
			default: '',
		})),
	},
];

export const buys = true;

export const description = updateDisplayOptions(
	{ show: { resource: ['subscription'], operation: ['addAddon'] } },
	properties,
);

const tagText = optional(requiredText(250));

export const schema = z
	.object({
		subscriptionId: crayonId,
		offerId: catalogueCode('53FC25F7-6639-4F78-BB44-3C2DFEC3ED40'),
		quantity,
		subscriptionTags: optional(
			z
				.object(
					Object.fromEntries(tagFields.map(({ name }) => [name, tagText])) as Record<
						(typeof tagFields)[number]['name'],
						typeof tagText
					>,
				)
				.strict(),
		),
	})
	.transform(({ subscriptionId, offerId, quantity, subscriptionTags }) => {
		const tags = Object.fromEntries(
			Object.entries(subscriptionTags ?? {}).filter(([, value]) => value !== undefined),
		);
		return {
			subscriptionId,
			body: {
				Quantity: quantity,
				OfferId: offerId,
				...(Object.keys(tags).length > 0 ? { SubscriptionTags: tags } : {}),
			},
		};
	});

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId, body }: z.output<typeof schema>,
	api: ItemApi,
): Promise<IDataObject> {
	const path = `/api/v1/subscriptions/${subscriptionId}/addons`;
	const accepted = await sendAndRead(
		this,
		api,
		{
			method: 'POST',
			path,
			body,
			purchase: true,
			checkOutcome: newAddonCheck(this, api, {
				subscriptionId,
				partNumber: body.OfferId,
				quantity: body.Quantity,
			}),
		},
		z.boolean(),
		'true or false',
	);
	if (!accepted) {
		// Crayon's only signal of refusal here is a bare `false`; it must not look like a success.
		throw new NodeApiError(
			this.getNode(),
			{ accepted: false },
			{
				itemIndex: api.itemIndex,
				message: `Crayon did not accept add-on ${body.OfferId} for subscription ${subscriptionId}`,
				description:
					'Crayon answered false to POST ' +
					path +
					'. Typical reasons: the subscription is not active (suspended, cancelled or pending) or the offer cannot be added now. Check the subscription in Cloud-iQ.',
			},
		);
	}
	return {
		accepted: true,
		subscriptionId,
		offerId: body.OfferId,
		quantity: body.Quantity,
		...(body.SubscriptionTags ? { subscriptionTags: body.SubscriptionTags } : {}),
	};
}
