import { defineResource } from '../resource';
import * as operations from './operations';

export const invoice = defineResource(
	{
		name: 'Invoice',
		value: 'invoice',
		description: "Crayon's invoices to an organization",
	},
	'getMany',
	operations,
);
