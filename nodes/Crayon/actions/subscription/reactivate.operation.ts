import { STATUS, statusValue } from '../../domain/lifecycle';
import { schemaOf } from '../../fields/parameters';
import type { OperationOption } from '../resource';
import { statusChange, statusChangeFields, wrongStatus } from './statusChange';

export const fields = statusChangeFields(
	'The suspended subscription to reactivate (Crayon subscription ID)',
);

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Reactivate',
	action: 'Reactivate a subscription',
	description:
		'Make a suspended subscription active again (billed again); refuses deleted, expired or cancelled ones; an active one is left as it is',
};

export const schema = schemaOf(fields);

export const { prepare, execute } = statusChange({
	to: STATUS.Active,
	verb: 'reactivate',
	refusal: (subscription) =>
		statusValue(subscription.Status) === STATUS.Suspended
			? undefined
			: wrongStatus(
					subscription,
					'reactivated',
					'a suspended',
					statusValue(subscription.Status) === STATUS.Deleted
						? 'A deleted subscription cannot come back: buy a new one (Subscription → Create or New Commerce Order → Create).'
						: 'Check the subscription in Cloud-iQ; a subscription that ended cannot be reactivated.',
				),
});
