import { STATUS, statusValue } from '../../domain/lifecycle';
import { schemaOf } from '../../fields/parameters';
import type { OperationOption } from '../resource';
import { statusChange, statusChangeFields, wrongStatus } from './statusChange';

export const fields = statusChangeFields(
	'The active subscription to suspend (Crayon subscription ID)',
);

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Suspend',
	action: 'Suspend a subscription',
	description:
		'Suspend an active subscription (its licences stop working; billing follows Microsoft’s rules); an already suspended one is left as it is',
};

export const schema = schemaOf(fields);

/** "Update subscription" page of Crayon's API documentation: its example sets Status to Suspended. */
export const { prepare, execute } = statusChange({
	to: STATUS.Suspended,
	verb: 'suspend',
	refusal: (subscription) =>
		statusValue(subscription.Status) === STATUS.Active
			? undefined
			: wrongStatus(
					subscription,
					'suspended',
					'an active',
					'A deleted, expired or cancelled subscription has nothing left to suspend.',
				),
});
