import { plainListOperation, searchFilter, searchSchema } from '../lists';

export const { description, schema, execute } = plainListOperation({
	show: { resource: ['organization'], operation: ['getMany'] },
	path: '/api/v1/organizations',
	filters: [
		searchFilter('Only organizations whose name or account number contains this text', 'Sweden'),
	],
	filterSchema: { search: searchSchema },
});
