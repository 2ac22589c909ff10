/**
 * Customer Tenant → Create: the organization's tenants with the domain prefix and its invoice
 * profiles read first (every item, before the first creation), then POST api/v1/customertenants/.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import { byId, runForJson, useCrayon } from '../../../../helpers';

const crayon = useCrayon();

const create = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'customerTenant',
	operation: 'create',
	name: 'Northwind New AS',
	domainPrefix: 'northwindnew',
	organizationId: byId(SEED.organizationId),
	invoiceProfileId: SEED.invoiceProfileId,
	publisherId: 2,
	firstName: 'Nora',
	lastName: 'West',
	email: 'nora@northwind.example',
	addressLine1: 'Storgata 1',
	city: 'Oslo',
	postalCode: '0155',
	countryCode: 'NO',
	...extra,
});
const posts = () => crayon.apiRequests().filter((request) => request.method === 'POST');

describe('Customer Tenant → Create', () => {
	it('checks the prefix and the invoice profile, then posts the documented CustomerTenantDetailed', async () => {
		const { result, json } = await runForJson(
			crayon,
			create({
				additionalFields: {
					phoneNumber: '+4712345678',
					organizationRegistrationNumber: '999888777',
				},
			}),
		);
		expect(result.error).toBeUndefined();
		expect(
			crayon.apiRequests().map((request) => [request.method, request.path, request.query]),
		).toEqual([
			[
				'GET',
				'/api/v1/customertenants/',
				{
					organizationId: String(SEED.organizationId),
					domainPrefix: 'northwindnew',
					page: '1',
					pageSize: '50',
				},
			],
			[
				'GET',
				'/api/v1/invoiceprofiles/',
				{ organizationId: String(SEED.organizationId), page: '1', pageSize: '50' },
			],
			['POST', '/api/v1/customertenants/', {}],
		]);
		expect(posts()[0].body).toEqual({
			Tenant: {
				CustomerTenantType: 2,
				DomainPrefix: 'northwindnew',
				InvoiceProfile: { Id: SEED.invoiceProfileId },
				Name: 'Northwind New AS',
				Organization: { Id: SEED.organizationId },
				Publisher: { Id: 2 },
			},
			Profile: {
				CultureCode: 'en-US',
				LanguageCode: 'en',
				Address: {
					FirstName: 'Nora',
					LastName: 'West',
					AddressLine1: 'Storgata 1',
					City: 'Oslo',
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
		});
		expect(json).toEqual([
			{
				Id: SEED.nextCustomerTenantId,
				Name: 'Northwind New AS',
				DomainPrefix: 'northwindnew',
				Domain: 'northwindnew.onmicrosoft.com',
				PublisherCustomerId: expect.any(String),
				OrganizationId: SEED.organizationId,
				InvoiceProfileId: SEED.invoiceProfileId,
				AdminUserName: 'admin@northwindnew.onmicrosoft.com',
			},
		]);
		expect(JSON.stringify(json)).not.toContain('Password');
	});

	it('refuses a prefix the organization has, an invoice profile of another organization, and bad values, creating nothing', async () => {
		const taken = await runForJson(crayon, create({ domainPrefix: 'Contoso' }));
		expect(taken.result.error?.message).toBe(
			`Customer tenant ${SEED.tenantId} already has the domain prefix Contoso [item 0]`,
		);
		const foreign = await runForJson(crayon, create({ invoiceProfileId: 4003 }));
		expect(foreign.result.error?.message).toMatch(
			/^Invoice profile 4003 is not one of organization 3869's: 4001 \(My company - invoices\), 4002/,
		);
		crayon.sim.clearRequests();
		const bad = await runForJson(
			crayon,
			create({ domainPrefix: 'north wind', publisherId: 0, countryCode: 'no' }),
		);
		expect(bad.result.error?.message).toContain(
			'"Domain Prefix" must be 1 to 27 letters and digits',
		);
		expect(bad.result.error?.description).toContain('"Publisher ID" must be a whole number from 1');
		expect(bad.result.error?.description).toContain(
			'"Country Code" must be a two-letter country code',
		);
		expect(crayon.apiRequests()).toHaveLength(0);
		expect(posts()).toHaveLength(0);
		expect(crayon.sim.state.tenants.size).toBe(SEED.tenantCount);
	});

	it('creates a tenant once: after a lost answer the lookup by domain prefix finds it', async () => {
		crayon.sim.injectFault({ method: 'POST', dropConnection: 'after-processing' });
		const { result } = await runForJson(crayon, create());
		expect(result.error?.message).toMatch(
			new RegExp(
				`^Outcome unknown, but most likely bought: POST /api/v1/customertenants/ got no usable answer .* A lookup at Crayon found customer tenant ${SEED.nextCustomerTenantId} with the domain prefix northwindnew in organization 3869\\. Do not run this item again\\. \\[item 0\\]$`,
			),
		);
		expect(posts()).toHaveLength(1);
		expect(crayon.sim.state.tenants.size).toBe(SEED.tenantCount + 1);
	});

	it('sends it again after a 503 only because the lookup finds no such tenant', async () => {
		crayon.sim.injectFault({ method: 'POST', status: 503, retryAfterSeconds: 0 });
		const { result } = await runForJson(crayon, create());
		expect(result.error).toBeUndefined();
		expect(posts()).toHaveLength(2);
		expect(crayon.sim.state.tenants.size).toBe(SEED.tenantCount + 1);
	});
});
