/**
 * Customer Tenant → Accept Microsoft Customer Agreement and Get Agreements:
 * GET/POST api/v1/customertenants/{id}/agreements/.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const accept = (customerTenantId: number, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'customerTenant',
	operation: 'acceptMicrosoftCustomerAgreement',
	customerTenantId: byId(customerTenantId),
	firstName: 'Alex',
	lastName: 'Wilber',
	email: 'alex@fabrikam.example',
	additionalFields: {
		dateAgreed: '2026-01-15T09:00:00Z',
		...((extra.additionalFields as object) ?? {}),
	},
	...extra,
});
const posts = () => crayon.apiRequests().filter((request) => request.method === 'POST');

describe('Customer Tenant → Accept Microsoft Customer Agreement', () => {
	it('reads the agreements, posts the ServiceAccountAgreement and Get Agreements shows it', async () => {
		const { result, json } = await runForJson(crayon, accept(SEED.legacyTenantId));
		expect(result.error).toBeUndefined();
		const path = `/api/v1/customertenants/${SEED.legacyTenantId}/agreements/`;
		expect(
			crayon.apiRequests().map((request) => [request.method, request.path, request.query]),
		).toEqual([
			['GET', path, { AgreementTypeConsent: '1' }],
			['POST', path, {}],
		]);
		expect(posts()[0].body).toEqual({
			FirstName: 'Alex',
			LastName: 'Wilber',
			Email: 'alex@fabrikam.example',
			DateAgreed: '2026-01-15T09:00:00Z',
			AgreementType: 1,
		});
		expect(json[0]).toMatchObject({
			CustomerTenantId: SEED.legacyTenantId,
			Accepted: true,
			AlreadyAccepted: false,
		});
		crayon.sim.clearRequests();
		const read = await runForJson(crayon, {
			resource: 'customerTenant',
			operation: 'getAgreements',
			customerTenantId: byId(SEED.legacyTenantId),
		});
		expect(
			crayon.apiRequests().map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', path, { AgreementTypeConsent: '1' }]]);
		expect(read.json).toEqual([
			expect.objectContaining({ Email: 'alex@fabrikam.example', AgreementType: 1 }),
		]);
	});

	it('sends nothing for a tenant that has accepted it, and refuses a date in the future before any request', async () => {
		const { json } = await runForJson(crayon, accept(SEED.mcaAcceptedTenantId));
		expect(json[0]).toEqual({
			CustomerTenantId: SEED.mcaAcceptedTenantId,
			Accepted: true,
			AlreadyAccepted: true,
		});
		expect(posts()).toHaveLength(0);
		crayon.sim.clearRequests();
		const future = await runForJson(
			crayon,
			accept(SEED.legacyTenantId, { additionalFields: { dateAgreed: '2999-01-01T00:00:00Z' } }),
		);
		expect(future.result.error?.message).toContain(
			'"Additional Fields → Date Agreed" is in the future',
		);
		expect(crayon.apiRequests()).toHaveLength(0);
	});

	it('never posts twice: after a 503 the agreements show whether it was stored', async () => {
		crayon.sim.injectFault({ method: 'POST', status: 503, retryAfterSeconds: 0 });
		const { result } = await runForJson(crayon, accept(SEED.legacyTenantId));
		expect(result.error).toBeUndefined();
		expect(posts()).toHaveLength(2);
		expect(crayon.sim.state.tenants.get(SEED.legacyTenantId)?.agreements).toHaveLength(1);
		crayon.sim.reset();
		crayon.sim.injectFault({ method: 'POST', dropConnection: 'after-processing' });
		const lost = await crayon.runCrayon(accept(SEED.legacyTenantId));
		expect(lost.error?.message).toMatch(
			/^Outcome unknown, but most likely bought: .* has accepted the Microsoft Customer Agreement\. \[item 0\]$/,
		);
	});
});
