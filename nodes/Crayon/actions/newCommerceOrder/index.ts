import { defineResource } from '../resource';
import * as operations from './operations';

export const newCommerceOrder = defineResource(
	{
		name: 'New Commerce Order',
		value: 'newCommerceOrder',
		description: 'A one-call New Commerce (NCE) purchase and the subscriptions it created',
	},
	'getSubscriptionIds',
	operations,
);
