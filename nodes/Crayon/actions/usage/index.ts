import { defineResource } from '../resource';
import * as operations from './operations';

export const usage = defineResource(
	{
		name: 'Usage',
		value: 'usage',
		description: 'Usage cost of organizations and Azure subscriptions, and Azure usage files',
	},
	'getOrganizationCost',
	operations,
);
