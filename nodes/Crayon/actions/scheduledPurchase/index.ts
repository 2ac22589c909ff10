import { defineResource } from '../resource';
import * as operations from './operations';

export const scheduledPurchase = defineResource(
	{
		name: 'Scheduled Purchase',
		value: 'scheduledPurchase',
		description:
			'A purchase waiting for its date (an order or New Commerce order placed with a scheduled date): list or cancel it',
	},
	'getMany',
	operations,
);
