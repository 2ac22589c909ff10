import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { addonSignature, newAddonLookup } from '../../domain/outcomes';
import { collectionField, quantityField, textField } from '../../fields/common';
import { activeSubscriptionLocator, addonOfferLocator } from '../../fields/locators';
import { schemaOf, sentField } from '../../fields/parameters';
import { answer, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

/** SubscriptionTags ("Set Subscription addon" page of Crayon's API documentation). */
const tag = (displayName: string) => textField({ displayName, default: '' }, 250);

export const fields = {
	subscriptionId: activeSubscriptionLocator({
		description: 'The active subscription that gets the add-on (the list shows active ones only)',
	}),
	offerId: addonOfferLocator({
		description:
			"The add-on offer to buy: one of the subscription's add-on offers (the list shows them once the subscription is chosen), by its part number",
	}),
	quantity: quantityField('Number of add-on licences'),
	subscriptionTags: collectionField(
		{
			displayName: 'Subscription Tags',
			placeholder: 'Add Tag',
			description: 'Free-text tags Cloud-iQ stores on the subscription',
		},
		{
			CostCenter: tag('Cost Center'),
			Custom: tag('Custom'),
			Department: tag('Department'),
			Owner: tag('Owner'),
			Project: tag('Project'),
		},
	),
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Add Add-On',
	action: 'Add an add-on to a subscription',
	description:
		"Buy an add-on for an existing active subscription (costs money); the offer must be one of the subscription's add-on offers",
};

export const schema = schemaOf(fields).transform(
	({ subscriptionId, offerId, quantity, subscriptionTags }) => {
		const tags = Object.fromEntries(
			Object.entries(subscriptionTags).filter(([, value]) => value !== undefined),
		);
		return {
			subscriptionId,
			body: {
				Quantity: quantity,
				OfferId: offerId,
				...(Object.keys(tags).length > 0 ? { SubscriptionTags: tags } : {}),
			},
		};
	},
);

/** Crayon answers a bare `true` or `false`. */
const accepted = answer(z.boolean(), 'true or false');

export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId, body }: z.output<typeof schema>,
	crayon: CrayonClient,
): Promise<IDataObject> {
	const path = `/api/v1/subscriptions/${subscriptionId}/addons`;
	const expected = { subscriptionId, partNumber: body.OfferId, quantity: body.Quantity };
	const wasAccepted = await crayon.purchase(
		{
			method: 'POST',
			path,
			body,
			sent: [
				sentField(fields.subscriptionId, subscriptionId, 'Subscription'),
				sentField(fields.offerId, body.OfferId, 'OfferId', 'Offer'),
				sentField(fields.quantity, body.Quantity, 'Quantity'),
			],
			action: `add add-on ${body.OfferId} × ${body.Quantity} to subscription ${subscriptionId}`,
			identify: (yes) =>
				yes
					? {
							identity: `add-on ${body.OfferId} × ${body.Quantity} on subscription ${subscriptionId}`,
						}
					: undefined,
			signature: addonSignature(expected),
			lookup: newAddonLookup(crayon, expected),
		},
		accepted,
	);
	if (!wasAccepted) {
		// Crayon's only signal of refusal here is a bare `false`; it must not look like a success.
		throw await crayon.error({
			message: `Crayon did not accept add-on ${body.OfferId} for subscription ${subscriptionId}`,
			description:
				'Crayon answered false to POST ' +
				path +
				'. Typical reasons: the subscription is not active (suspended, cancelled or pending) or the offer cannot be added now. Check the subscription in Cloud-iQ.',
			response: { accepted: false },
		});
	}
	return {
		Accepted: true,
		SubscriptionId: subscriptionId,
		OfferId: body.OfferId,
		Quantity: body.Quantity,
		...(body.SubscriptionTags ? { SubscriptionTags: body.SubscriptionTags } : {}),
	};
}
