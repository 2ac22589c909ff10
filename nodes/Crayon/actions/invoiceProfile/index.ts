import { defineResource } from '../resource';
import * as operations from './operations';

export const invoiceProfile = defineResource(
	{
		name: 'Invoice Profile',
		value: 'invoiceProfile',
		description: 'How an organization is invoiced; a customer tenant is created with one',
	},
	'getMany',
	operations,
);
