import { defineResource } from '../resource';
import * as operations from './operations';

export const subscription = defineResource(
	{
		name: 'Subscription',
		value: 'subscription',
		description:
			'A licence subscription of a customer tenant: buy, read, list, change quantity, add add-ons',
	},
	'getMany',
	operations,
);
