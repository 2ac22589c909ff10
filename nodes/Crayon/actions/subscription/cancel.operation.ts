import type { IDataObject } from 'n8n-workflow';

import { cancellationWindow, duration, STATUS, statusValue } from '../../domain/lifecycle';
import { schemaOf } from '../../fields/parameters';
import type { ErrorText } from '../../transport/messages';
import type { OperationOption } from '../resource';
import { statusChange, statusChangeFields, wrongStatus } from './statusChange';

export const fields = statusChangeFields(
	'The New Commerce subscription to cancel (Crayon subscription ID); only until its CancellationAllowedUntilDate',
);

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Cancel',
	action: 'Cancel a subscription',
	description:
		'Cancel a New Commerce subscription within its cancellation window (about 7 days after purchase or renewal); refused, with nothing sent, once the window has closed',
};

export const schema = schemaOf(fields);

/**
 * Microsoft: "New commerce subscriptions can be canceled within 7 days … of purchase or renewal.
 * After this window has passed, subscriptions can no longer be canceled" (Partner Center, "Cancel a
 * commercial marketplace or new commerce subscription"); Crayon says until when in
 * CancellationAllowedUntilDate (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/Subscription.cs).
 */
function refusal(subscription: IDataObject, now: number): ErrorText | undefined {
	const status = statusValue(subscription.Status);
	if (status !== STATUS.Active && status !== STATUS.Suspended) {
		return wrongStatus(
			subscription,
			'cancelled',
			'an active or suspended',
			'It has ended already; nothing is left to cancel.',
		);
	}
	const window = cancellationWindow(subscription, now);
	const id = String(subscription.Id);
	if (window.until === undefined) {
		return {
			message: `Subscription ${id} has no cancellation window: Crayon reports no CancellationAllowedUntilDate`,
			description:
				'Nothing was changed. Legacy CSP subscriptions are ended by suspending them (Subscription → Suspend). For a New Commerce subscription, check it in Cloud-iQ or ask Crayon.',
		};
	}
	if (!window.open) {
		return {
			message: `Subscription ${id} can no longer be cancelled: its cancellation window closed ${duration(window.leftMs ?? 0)} ago (${window.until})`,
			description:
				'Nothing was changed. A New Commerce subscription can only be cancelled within its window after purchase or renewal. Lower its quantity for the next term instead (Subscription → Set Next-Term Instructions) or turn off auto-renewal (Subscription → Set Auto-Renew).',
		};
	}
	return undefined;
}

export const { prepare, execute } = statusChange({
	to: STATUS.Deleted,
	verb: 'cancel',
	refusal,
	extra: (subscription, now) => {
		const window = cancellationWindow(subscription, now);
		return { CancelledWithTimeLeft: duration(window.leftMs ?? 0) };
	},
});
