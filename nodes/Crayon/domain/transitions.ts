import type { IDataObject } from 'n8n-workflow';

import { fieldOf, type CrayonClient, type OutcomeLookup } from '../transport';
import { itemsOrArray } from './collections';
import { timeOf } from './time';

/**
 * Subscription transitions (upgrades): eligibilities, the transition, the transitions made
 * (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/SubscriptionResource.cs; the "Get subscription
 * upgrade eligibility" and "Create subscription upgrade" pages of Crayon's API documentation).
 */

/** No Crayon source lists the eligibility types; Partner Center's transition eligibilities are these. */
export const eligibilityTypes = [
	{ name: 'Immediate', value: 'immediate' },
	{ name: 'Scheduled (at Renewal)', value: 'scheduled' },
] as const;

/** The only transition type a Crayon source shows ("transition_only" in the upgrade page's example). */
export const transitionTypes = [{ name: 'Transition Only', value: 'transition_only' }] as const;

/**
 * The SDK types a transition's BillingCycle as BillingCycleType, the documentation as
 * BillingCycleEnum: Monthly 1 and Annual 2 are the same in both; Triennial (5 or 8) is not offered.
 */
export const transitionBillingCycles = [
	{ name: 'Monthly', value: 1 },
	{ name: 'Annual', value: 2 },
] as const;

/** One item per product the subscription can be upgraded to, with whether it is eligible and why not. */
export async function getEligibilities(
	client: CrayonClient,
	subscriptionId: number,
	eligibilityType: string,
): Promise<IDataObject[]> {
	const items = await client.read(
		{
			method: 'GET',
			path: `/api/v1/subscriptions/${subscriptionId}/transition-eligibilities/${eligibilityType}`,
		},
		itemsOrArray,
	);
	return items.map((item) => {
		const details = (fieldOf(item, 'Eligibilities') as IDataObject[] | undefined) ?? [];
		const eligible = details.filter((detail) => fieldOf(detail, 'IsEligible') === true);
		const problems = details.flatMap(
			(detail) => (fieldOf(detail, 'Errors') as IDataObject[] | undefined) ?? [],
		);
		return {
			SubscriptionId: subscriptionId,
			CatalogItemId: (fieldOf(item, 'CatalogItemId') ?? null) as IDataObject[string],
			Title: (fieldOf(item, 'Title') ?? null) as IDataObject[string],
			Description: (fieldOf(item, 'Description') ?? null) as IDataObject[string],
			Quantity: (fieldOf(item, 'Quantity') ?? null) as IDataObject[string],
			IsEligible: eligible.length > 0,
			TransitionTypes: eligible.map((detail) => fieldOf(detail, 'TransitionType')) as string[],
			Problems: problems
				.map(
					(problem) =>
						`${String(fieldOf(problem, 'Description'))} (${String(fieldOf(problem, 'Code'))})`,
				)
				.join('; '),
			Eligibilities: details,
		};
	});
}

/** GET /api/v1/subscriptions/{id}/transitions/ */
export async function getTransitions(
	client: CrayonClient,
	subscriptionId: number,
): Promise<IDataObject[]> {
	return await client.read(
		{ method: 'GET', path: `/api/v1/subscriptions/${subscriptionId}/transitions/` },
		itemsOrArray,
	);
}

/** Lists the transitions: one to the same product and quantity with an event since the request most likely is this one. */
export function transitionLookup(
	client: CrayonClient,
	subscriptionId: number,
	body: IDataObject,
): OutcomeLookup {
	return {
		decisive: false,
		find: async (context) => {
			const since = context.sentAt.getTime() - 10 * 60_000;
			const found = (await getTransitions(client, subscriptionId)).filter((transition) => {
				const events = (fieldOf(transition, 'Events') as IDataObject[] | undefined) ?? [];
				const recent =
					events.length === 0 ||
					events.some((event) => (timeOf(fieldOf(event, 'TimeStamp')) ?? Infinity) >= since);
				return (
					String(fieldOf(transition, 'ToCatalogItemId')).toLowerCase() ===
						String(body.ToCatalogItemId).toLowerCase() &&
					fieldOf(transition, 'Quantity') === body.Quantity &&
					recent
				);
			});
			const wanted = `an upgrade of subscription ${subscriptionId} to ${String(body.ToCatalogItemId)} × ${String(body.Quantity)}`;
			if (found.length > 0 && !context.ambiguous)
				return { verdict: 'bought', details: `${wanted} made since this request was sent` };
			return {
				verdict: 'unclear',
				details:
					found.length > 0
						? `${wanted}, but another item of this run asked for the same`
						: `no ${wanted} yet; Crayon may still be processing it, look again in a few minutes`,
			};
		},
	};
}
