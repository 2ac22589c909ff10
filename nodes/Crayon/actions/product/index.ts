import { defineResource } from '../resource';
import * as operations from './operations';

export const product = defineResource(
	{
		name: 'Product',
		value: 'product',
		description:
			'The catalogue a customer tenant buys from: products, their terms, billing cycles and prices',
	},
	'search',
	operations,
);
