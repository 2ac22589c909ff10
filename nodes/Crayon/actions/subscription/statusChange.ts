import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { changedOutput, putFieldChange, statusValue } from '../../domain/lifecycle';
import { getSubscription, statusText } from '../../domain/subscriptions';
import { simplifyField } from '../../fields/lists';
import { subscriptionLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { CrayonClient } from '../../transport';
import type { ErrorText } from '../../transport/messages';

/** Suspend, Reactivate and Cancel: one status change through the subscription update. */
export interface StatusRule {
	/** The status the subscription gets. */
	to: number;
	/** "suspend", "reactivate", "cancel": for messages and the run summary. */
	verb: string;
	/** Why the subscription, as read now, cannot get `to`: nothing is sent then. */
	refusal(subscription: IDataObject, now: number): ErrorText | undefined;
	/** What the node adds to the output of a change it sent. */
	extra?(subscription: IDataObject, now: number): IDataObject;
}

export function statusChangeFields(description: string) {
	return {
		subscriptionId: subscriptionLocator({ description }),
		simplify: simplifyField,
	};
}

type Input = { subscriptionId: number; simplify: boolean };

export const statusChangeSchema = schemaOf(statusChangeFields(''));

/**
 * prepare (before the first change of the run, for every item) and execute of a status change.
 * Both read the subscription and refuse what Crayon would refuse; execute reads it once more (it
 * may have changed meanwhile) and sends it back exactly as read with the new status.
 */
export function statusChange(rule: StatusRule) {
	async function readChecked(crayon: CrayonClient, subscriptionId: number) {
		const current = await getSubscription(crayon, subscriptionId);
		if (statusValue(current.Status) === rule.to) return { current, unchanged: true };
		const refusal = rule.refusal(current, Date.now());
		if (refusal) throw await crayon.error(refusal);
		return { current, unchanged: false };
	}

	return {
		async prepare(this: IExecuteFunctions, input: Input, crayon: CrayonClient): Promise<Input> {
			await readChecked(crayon, input.subscriptionId);
			return input;
		},
		async execute(
			this: IExecuteFunctions,
			{ subscriptionId, simplify }: Input,
			crayon: CrayonClient,
		) {
			const { current, unchanged } = await readChecked(crayon, subscriptionId);
			const previous = { PreviousStatus: statusText(current.Status), StatusChanged: !unchanged };
			if (unchanged) return changedOutput(current, simplify, previous);
			const extra = rule.extra?.(current, Date.now()) ?? {};
			const result = await putFieldChange(crayon, current, {
				field: 'Status',
				to: rule.to,
				action: `${rule.verb} subscription ${subscriptionId}`,
			});
			return changedOutput(result, simplify, { ...previous, ...extra });
		},
	};
}

/** The refusal of a subscription in a status the change cannot start from. */
export function wrongStatus(
	subscription: IDataObject,
	verb: string,
	allowed: string,
	advice: string,
): ErrorText {
	return {
		message: `Subscription ${String(subscription.Id)} is ${statusText(subscription.Status)}: only ${allowed} subscription can be ${verb}`,
		description: `Nothing was changed. ${advice}`,
	};
}
