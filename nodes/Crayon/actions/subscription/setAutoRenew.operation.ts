import type { IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod';

import { changedOutput, putFieldChange, statusValue, STATUS } from '../../domain/lifecycle';
import { getSubscription } from '../../domain/subscriptions';
import { fieldOf, type CrayonClient } from '../../transport';
import { booleanField } from '../../fields/common';
import { simplifyField } from '../../fields/lists';
import { subscriptionLocator } from '../../fields/locators';
import { schemaOf } from '../../fields/parameters';
import type { OperationOption } from '../resource';

export const fields = {
	subscriptionId: subscriptionLocator({
		description: 'The active New Commerce subscription (Crayon subscription ID)',
	}),
	autoRenew: booleanField({
		displayName: 'Auto-Renew',
		default: false,
		description:
			'Whether the subscription renews at the end of its term (off: it ends at its EndDate)',
	}),
	simplify: simplifyField,
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Set Auto-Renew',
	action: 'Set auto renew of a subscription',
	description:
		'Turn automatic renewal of an active New Commerce subscription on or off (what is billed next term); nothing is sent when it already is',
};

export const schema = schemaOf(fields);

type Input = z.output<typeof schema>;

/**
 * AutoRenewEnabled is a field of the subscription (crayon-api-sdk:
 * src/Crayon.Api.Sdk/Domain/Csp/Subscription.cs), changed like the status through the
 * subscription update. No Crayon page shows it changed this way: an answer that still shows the
 * old value is an error.
 */
async function readChecked(crayon: CrayonClient, { subscriptionId, autoRenew }: Input) {
	const current = await getSubscription(crayon, subscriptionId);
	const now = fieldOf(current, 'AutoRenewEnabled');
	if (now === autoRenew) return { current, unchanged: true };
	if (typeof now !== 'boolean') {
		throw await crayon.error({
			message: `Subscription ${subscriptionId} has no automatic renewal to turn ${autoRenew ? 'on' : 'off'}`,
			description:
				'Nothing was changed. Crayon reports no AutoRenewEnabled for it: only New Commerce subscriptions renew automatically.',
		});
	}
	if (statusValue(current.Status) !== STATUS.Active) {
		throw await crayon.error({
			message: `Subscription ${subscriptionId} is not active: only an active subscription's renewal can be changed`,
			description: 'Nothing was changed. Reactivate it first (Subscription → Reactivate).',
		});
	}
	return { current, unchanged: false };
}

export async function prepare(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	await readChecked(crayon, input);
	return input;
}

export async function execute(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	const { current, unchanged } = await readChecked(crayon, input);
	const extra = {
		PreviousAutoRenewEnabled: fieldOf(current, 'AutoRenewEnabled') as boolean,
		AutoRenewChanged: !unchanged,
	};
	if (unchanged) return changedOutput(current, input.simplify, extra);
	const result = await putFieldChange(crayon, current, {
		field: 'AutoRenewEnabled',
		to: input.autoRenew,
		action: `turn auto-renew ${input.autoRenew ? 'on' : 'off'} for subscription ${input.subscriptionId}`,
	});
	return changedOutput(result, input.simplify, extra);
}
