import { defineResource } from '../resource';
import * as operations from './operations';

export const billingStatement = defineResource(
	{
		name: 'Billing Statement',
		value: 'billingStatement',
		description: 'What Crayon bills an organization each month, with its billing records',
	},
	'getMany',
	operations,
);
