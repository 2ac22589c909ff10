/** Invoice Profile → Get Many: GET /api/v1/invoiceprofiles/ of an organization. */
import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

describe('Invoice Profile → Get Many', () => {
	it("lists an organization's invoice profiles, with search and a limit", async () => {
		const { result, json } = await runForJson(crayon, {
			resource: 'invoiceProfile',
			operation: 'getMany',
			organizationId: byId(SEED.organizationId),
			limit: 1,
			filters: { search: 'my company' },
		});
		expect(result.error).toBeUndefined();
		expect(crayon.apiRequests()[0].query).toEqual({
			organizationId: String(SEED.organizationId),
			search: 'my company',
			page: '1',
			pageSize: '1',
		});
		expect(json).toEqual([
			expect.objectContaining({ Id: SEED.invoiceProfileId, Name: 'My company - invoices' }),
		]);
		const all = await runForJson(crayon, {
			resource: 'invoiceProfile',
			operation: 'getMany',
			organizationId: byId(SEED.organizationId),
			returnAll: true,
		});
		expect(all.json.map((profile) => profile.Id)).toEqual([
			SEED.invoiceProfileId,
			SEED.secondInvoiceProfileId,
		]);
	});
});
