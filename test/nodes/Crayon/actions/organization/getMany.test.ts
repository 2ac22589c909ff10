/** Organization → Get Many: GET /api/v1/organizations, with a search filter. */
import { SEED } from '../../../../../simulator';
import { runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

describe('Organization → Get Many', () => {
	it('lists every organization, and those matching the search filter', async () => {
		const all = await runForJson(crayon, {
			resource: 'organization',
			operation: 'getMany',
			returnAll: true,
		});
		expect(all.json).toEqual([
			{ Id: SEED.organizationId, Name: SEED.organizationName, AccountNumber: expect.any(String) },
			expect.objectContaining({ Id: SEED.secondOrganizationId }),
			expect.objectContaining({ Id: SEED.thirdOrganizationId }),
		]);
		const searched = await runForJson(crayon, {
			resource: 'organization',
			operation: 'getMany',
			filters: { search: 'Denmark' },
		});
		expect(searched.json.map((organization) => organization.Id)).toEqual([
			SEED.thirdOrganizationId,
		]);
		expect(crayon.apiRequests().at(-1)?.query).toEqual({
			search: 'Denmark',
			page: '1',
			pageSize: '50',
		});
	});
});
