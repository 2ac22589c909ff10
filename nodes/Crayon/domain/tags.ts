import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { answerObject, fieldOf, type CrayonClient, type OutcomeLookup } from '../transport';

/** SubscriptionTags (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/SubscriptionTags.cs). */
export const TAG_NAMES = ['CostCenter', 'Department', 'Project', 'Custom', 'Owner'] as const;
export type TagName = (typeof TAG_NAMES)[number];

const tagsAnswer = answerObject(
	Object.fromEntries(TAG_NAMES.map((name) => [name, z.string().nullish()])) as Record<
		TagName,
		z.ZodOptional<z.ZodNullable<z.ZodString>>
	>,
	'the subscription tags (an object with CostCenter, Department, Project, Custom and Owner)',
);

/** GET /api/v1/subscriptions/{id}/tags (crayon-api-sdk: `GetSubscriptionTagsAsync`). */
export async function getTags(client: CrayonClient, subscriptionId: number): Promise<IDataObject> {
	return await client.read(
		{ method: 'GET', path: `/api/v1/subscriptions/${subscriptionId}/tags` },
		tagsAnswer,
	);
}

function same(tags: IDataObject, wanted: IDataObject): boolean {
	return TAG_NAMES.every((name) => (fieldOf(tags, name) ?? null) === (wanted[name] ?? null));
}

/** Reads the tags back: as sent (set), as before (not set) or neither. Crayon answers after setting them. */
export function tagsLookup(
	client: CrayonClient,
	subscriptionId: number,
	wanted: IDataObject,
	before: IDataObject,
): OutcomeLookup {
	return {
		decisive: true,
		find: async () => {
			const now = await getTags(client, subscriptionId);
			const details = `the tags of subscription ${subscriptionId}: ${JSON.stringify(Object.fromEntries(TAG_NAMES.map((name) => [name, fieldOf(now, name) ?? null])))}`;
			if (same(now, wanted)) return { verdict: 'bought', details };
			return { verdict: same(now, before) ? 'notBought' : 'unclear', details };
		},
	};
}
