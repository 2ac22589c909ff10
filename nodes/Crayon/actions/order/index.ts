import { defineResource } from '../resource';
import * as operations from './operations';

export const order = defineResource(
	{
		name: 'Order',
		value: 'order',
		description: 'A purchase request order: verify it, then check it out',
	},
	'verify',
	operations,
);
