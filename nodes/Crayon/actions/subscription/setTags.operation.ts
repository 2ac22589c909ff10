import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { getTags, TAG_NAMES, tagsLookup, type TagName } from '../../domain/tags';
import { booleanField, collectionField, textField } from '../../fields/common';
import { subscriptionLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import { answer, fieldOf, type CrayonClient } from '../../transport';
import type { OperationOption } from '../resource';

/** Crayon documents no length for tags; the node allows what Add Add-On allows. */
const tag = (displayName: string) => textField({ displayName, default: '' }, 250);

export const fields = {
	subscriptionId: subscriptionLocator({ description: 'The subscription (Crayon subscription ID)' }),
	tags: collectionField(
		{ displayName: 'Tags', placeholder: 'Add Tag', description: 'The tags to set' },
		{
			CostCenter: tag('Cost Center'),
			Custom: tag('Custom'),
			Department: tag('Department'),
			Owner: tag('Owner'),
			Project: tag('Project'),
		},
	),
	keepOtherTags: booleanField({
		displayName: 'Keep Other Tags',
		default: true,
		description:
			'Whether tags not given here keep their values (the node reads them first: Crayon replaces all tags at once); off: they are cleared, and no tags given clears them all',
	}),
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Set Tags',
	action: 'Set the tags of a subscription',
	description:
		'Set the cost center, department, project, owner or custom tag of a subscription, keeping the others by default',
};

export const schema = schemaOf(fields).superRefine(({ tags, keepOtherTags }, context) => {
	if (keepOtherTags && Object.values(tags).every((value) => value === undefined)) {
		context.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['tags'],
			message: 'needs at least one tag (or turn off Keep Other Tags to clear them all)',
		});
	}
});

/** Crayon answers a bare true or false (crayon-api-sdk: `SetSubscriptionTagsAsync` returns bool). */
const accepted = answer(z.boolean(), 'true or false');

/**
 * POST /api/v1/subscriptions/{id}/tags with a whole SubscriptionTags: "In order to overwrite an
 * existing tag without nullifying the others, they should be filled as well" ("Set subscription
 * tags" page of Crayon's API documentation). Every tag is sent, null where it has none.
 */
export async function execute(
	this: IExecuteFunctions,
	{ subscriptionId, tags, keepOtherTags }: z.output<typeof schema>,
	crayon: CrayonClient,
) {
	const current = await getTags(crayon, subscriptionId);
	const value = (name: TagName) =>
		tags[name] ??
		(keepOtherTags ? (fieldOf(current, name) as string | null | undefined) : null) ??
		null;
	const body: IDataObject = {
		SubscriptionId: subscriptionId,
		...Object.fromEntries(TAG_NAMES.map((name) => [name, value(name)])),
	};
	const unchanged = TAG_NAMES.every((name) => (fieldOf(current, name) ?? null) === body[name]);
	if (unchanged) return { ...body, TagsChanged: false };
	const wasAccepted = await crayon.purchase(
		{
			method: 'POST',
			path: `/api/v1/subscriptions/${subscriptionId}/tags`,
			body,
			action: `set the tags of subscription ${subscriptionId}`,
			identify: (yes) => (yes ? { identity: `tags of subscription ${subscriptionId}` } : undefined),
			lookup: tagsLookup(crayon, subscriptionId, body, current),
		},
		accepted,
	);
	if (!wasAccepted) {
		throw await crayon.error({
			message: `Crayon did not accept the tags of subscription ${subscriptionId}`,
			description:
				'Crayon answered false. Nothing was changed; check the subscription in Cloud-iQ.',
			response: { accepted: false },
		});
	}
	return { ...body, TagsChanged: true };
}
