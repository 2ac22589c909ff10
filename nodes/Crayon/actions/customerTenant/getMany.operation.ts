import { optionalLocatorId, organizationLocator } from '../../methods/locators';
import { plainListOperation, searchFilter, searchSchema } from '../lists';

export const { description, schema, execute } = plainListOperation({
	show: { resource: ['customerTenant'], operation: ['getMany'] },
	path: '/api/v1/customertenants',
	filters: [
		organizationLocator({
			required: false,
			description: 'Only customer tenants of this Crayon organization',
		}),
		searchFilter('Only customer tenants whose name or domain prefix contains this text', 'contoso'),
	],
	filterSchema: { organizationId: optionalLocatorId, search: searchSchema },
});
