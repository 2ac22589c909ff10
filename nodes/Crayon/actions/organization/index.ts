import { defineResource } from '../resource';
import * as operations from './operations';

export const organization = defineResource(
	{
		name: 'Organization',
		value: 'organization',
		description: 'A Crayon reseller account that owns customer tenants',
	},
	'getMany',
	operations,
);
