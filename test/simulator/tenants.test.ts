/**
 * The simulator's customer onboarding: creating and linking customer tenants, the Microsoft
 * Customer Agreement and invoice profiles.
 */
import { SEED } from '../../simulator';
import { type CrayonError, useSimulator } from '../helpers';

/** The documented "Create customer tenant" request, for a new domain prefix. */
function newTenant(domainPrefix = 'northwindnew', extra: Record<string, unknown> = {}) {
	return {
		Tenant: {
			CustomerTenantType: 2,
			DomainPrefix: domainPrefix,
			InvoiceProfile: { Id: SEED.invoiceProfileId },
			Name: 'Northwind New',
			Organization: { Id: SEED.organizationId },
			Publisher: { Id: 2 },
			...extra,
		},
		Profile: {
			Address: {
				FirstName: 'Nora',
				LastName: 'West',
				AddressLine1: 'Storgata 1',
				City: 'Oslo',
				Region: 'Oslo',
				CountryCode: 'NO',
				PostalCode: '0155',
			},
			Contact: {
				FirstName: 'Nora',
				LastName: 'West',
				Email: 'nora@northwind.example',
				PhoneNumber: '+4712345678',
			},
		},
		Company: { OrganizationRegistrationNumber: '999888777' },
	};
}

function codes(data: unknown): string[] {
	return (data as CrayonError).ObjectErrors.map((error) => error.ErrorCode);
}

describe('The simulator (customer onboarding)', () => {
	const { sim, api } = useSimulator({}, { reset: 'beforeEach', login: 'beforeEach' });

	describe('POST /api/v1/customertenants', () => {
		it('creates a tenant and answers CustomerTenantDetailed with the first admin', async () => {
			const res = await api.post('/api/v1/customertenants/', newTenant());
			expect(res.status).toBe(200);
			expect(res.data).toMatchObject({
				Tenant: {
					Id: SEED.nextCustomerTenantId,
					Name: 'Northwind New',
					DomainPrefix: 'northwindnew',
					Domain: 'northwindnew.onmicrosoft.com',
					CustomerTenantType: 2,
					InvoiceProfile: { Id: SEED.invoiceProfileId },
					Organization: { Id: SEED.organizationId },
				},
				User: { UserName: 'admin@northwindnew.onmicrosoft.com', Password: expect.any(String) },
				Company: { OrganizationRegistrationNumber: '999888777' },
			});
			const found = await api.get('/api/v1/customertenants', {
				params: { domainPrefix: 'NorthwindNew' },
			});
			expect(found.data.Items.map((t: { Id: number }) => t.Id)).toEqual([
				SEED.nextCustomerTenantId,
			]);
			const byDomain = await api.get('/api/v1/customertenants', {
				params: { domain: 'northwindnew.onmicrosoft.com' },
			});
			expect(byDomain.data.TotalHits).toBe(1);
			expect(sim.state.changes).toEqual([expect.objectContaining({ kind: 'customerTenant' })]);
		});

		it('refuses a taken domain prefix, a foreign invoice profile and missing contact fields', async () => {
			expect(codes((await api.post('/api/v1/customertenants', newTenant('contoso'))).data)).toEqual(
				['DomainPrefixNotAvailable'],
			);
			expect(
				codes(
					(await api.post('/api/v1/customertenants', newTenant(SEED.linkableTenantDomainPrefix)))
						.data,
				),
			).toEqual(['DomainPrefixNotAvailable']);
			expect(
				codes(
					(
						await api.post(
							'/api/v1/customertenants',
							newTenant('x1', { InvoiceProfile: { Id: 4003 } }),
						)
					).data,
				),
			).toEqual(['InvalidValue']);
			expect(
				codes((await api.post('/api/v1/customertenants', newTenant('bad prefix'))).data),
			).toEqual(['InvalidValue']);
			const body = newTenant('x2') as { Profile: { Contact: Record<string, unknown> } };
			delete body.Profile.Contact.Email;
			expect(codes((await api.post('/api/v1/customertenants', body)).data)).toEqual(['Required']);
			expect(sim.state.tenants.size).toBe(SEED.tenantCount);
		});
	});

	describe('POST /api/v1/customertenants/existing', () => {
		const link = (extra: Record<string, unknown> = {}) => ({
			Tenant: {
				DomainPrefix: SEED.linkableTenantDomainPrefix,
				Organization: { Id: SEED.organizationId },
				Publisher: { Id: 2 },
				InvoiceProfile: { Id: SEED.invoiceProfileId },
				ExternalPublisherCustomerId: SEED.linkableTenantPublisherCustomerId,
				...extra,
			},
		});

		it('links a Microsoft tenant that exists, once', async () => {
			const res = await api.post('/api/v1/customertenants/existing/', link());
			expect(res.status).toBe(200);
			expect(res.data.Tenant).toMatchObject({
				Id: SEED.nextCustomerTenantId,
				Name: SEED.linkableTenantName,
				PublisherCustomerId: SEED.linkableTenantPublisherCustomerId,
			});
			expect(codes((await api.post('/api/v1/customertenants/existing', link())).data)).toEqual([
				'CustomerTenantAlreadyExists',
			]);
		});

		it('refuses an unknown Microsoft tenant or a domain prefix that is not its own', async () => {
			expect(
				codes(
					(await api.post('/api/v1/customertenants/existing', link({ DomainPrefix: 'other' })))
						.data,
				),
			).toEqual(['NotFound']);
			expect(
				codes(
					(
						await api.post(
							'/api/v1/customertenants/existing',
							link({ ExternalPublisherCustomerId: null }),
						)
					).data,
				),
			).toEqual(['Required']);
		});
	});

	describe('agreements (Microsoft Customer Agreement)', () => {
		const agreement = {
			FirstName: 'Alex',
			LastName: 'Wilber',
			Email: 'alex@fabrikam.example',
			PhoneNumber: '+4798765432',
			DateAgreed: new Date(Date.now() - 86_400_000).toISOString(),
			AgreementType: 1,
		};

		it('lists the consented agreements (empty means not yet accepted) and accepts the MCA once', async () => {
			const path = `/api/v1/customertenants/${SEED.legacyTenantId}/agreements/`;
			expect((await api.get(path, { params: { AgreementTypeConsent: 1 } })).data).toEqual({
				Items: [],
				TotalHits: 0,
			});
			const res = await api.post(path, agreement);
			expect(res.status).toBe(200);
			expect(res.data).toMatchObject({ FirstName: 'Alex', AgreementType: 1 });
			expect((await api.get(path, { params: { AgreementTypeConsent: 1 } })).data.TotalHits).toBe(1);
			expect((await api.get(path, { params: { AgreementTypeConsent: 0 } })).data.TotalHits).toBe(0);
			expect(codes((await api.post(path, agreement)).data)).toEqual(['AgreementAlreadyAccepted']);
			const accepted = await api.get(
				`/api/v1/customertenants/${SEED.mcaAcceptedTenantId}/agreements`,
			);
			expect(accepted.data.TotalHits).toBe(1);
		});

		it('requires the documented fields and a date that is not in the future', async () => {
			const path = `/api/v1/customertenants/${SEED.legacyTenantId}/agreements`;
			expect(codes((await api.post(path, { AgreementType: 1 })).data)).toEqual([
				'Required',
				'Required',
				'Required',
				'Required',
			]);
			expect(
				codes(
					(
						await api.post(path, {
							...agreement,
							DateAgreed: new Date(Date.now() + 86_400_000).toISOString(),
						})
					).data,
				),
			).toEqual(['InvalidValue']);
			expect(
				(await api.post(`/api/v1/customertenants/${SEED.unknownTenantId}/agreements`, agreement))
					.status,
			).toBe(404);
		});
	});

	describe('invoice profiles', () => {
		it("lists an organization's invoice profiles (OrganizationId required) and gets one", async () => {
			const res = await api.get('/api/v1/invoiceprofiles/', {
				params: { OrganizationId: SEED.organizationId },
			});
			expect(res.data.TotalHits).toBe(2);
			expect(res.data.Items[0]).toEqual({
				Id: SEED.invoiceProfileId,
				Organization: { Id: SEED.organizationId, Name: SEED.organizationName },
				Name: 'My company - invoices',
				InvoiceReference: null,
				CustomerReference: null,
				RequisitionNumber: null,
				InvoiceAddressId: expect.any(Number),
				DeliveryAddressId: null,
				DeliveryAddress: null,
				InvoiceAddress: null,
				ConsumerId: null,
				ContactPersonId: null,
			});
			expect((await api.get('/api/v1/invoiceprofiles')).status).toBe(400);
			expect(
				(await api.get(`/api/v1/invoiceprofiles/${SEED.secondInvoiceProfileId}`)).data.Name,
			).toBe('My company - Azure consumption');
			expect(
				(await api.get(`/api/v1/invoiceprofiles/${SEED.unknownInvoiceProfileId}`)).status,
			).toBe(404);
		});
	});
});
