import { SEED, SubscriptionStatus } from '../../simulator';
import { type CrayonError, useSimulator } from '../helpers';

/** `Subscription`, the list item (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/Subscription.cs), in its order. */
const SUBSCRIPTION_KEYS = [
	'Id',
	'PublisherSubscriptionId',
	'EntitlementId',
	'Publisher',
	'Organization',
	'CustomerTenant',
	'Product',
	'Quantity',
	'Name',
	'Status',
	'ProvisionType',
	'AvailableAddonsCount',
	'Subscriptions',
	'OrderId',
	'CreationDate',
	'BillingCycle',
	'Markup',
	'IsTrial',
	'StartDate',
	'EndDate',
	'PriceType',
	'SalesPrice',
	'RegisteredForReservedInstance',
	'InvoiceProfile',
	'SubscriptionTags',
	'AcceptAutoSuspension',
	'AutoSuspensionDate',
	'PartNumber',
	'TermDuration',
	'AutoRenewEnabled',
	'CancellationAllowedUntilDate',
	'ScheduledNextTermInstructions',
	'MaxEndCustomerQuantity',
];

/**
 * `SubscriptionDetailed` (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/SubscriptionDetailed.cs):
 * the list item's fields and its own (Pricing is left out when null, as the SDK does), plus
 * SubscriptionMaxTreshold from the "Create subscription" page's response example.
 */
const SUBSCRIPTION_DETAILED_KEYS = [
	...SUBSCRIPTION_KEYS,
	'EffectiveStartDate',
	'CommitmentEndDate',
	'SuspensionReasons',
	'OriginalAgreementId',
	'AttestationAccepted',
	'SubscriptionMaxTreshold',
];

/** `SubscriptionAddOn`, the items of a subscription's `Subscriptions` (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/SubscriptionAddOn.cs). */
const SUBSCRIPTION_ADDON_KEYS = [
	'Id',
	'PublisherSubscriptionId',
	'PublisherCustomerId',
	'Name',
	'Status',
	'Quantity',
	'Organization',
	'OrderId',
	'CreationDate',
	'Product',
	'Publisher',
	'Markup',
	'SubscriptionTags',
	'TermDuration',
	'AutoRenewEnabled',
	'CancellationAllowedUntilDate',
];

/** The documented legacy request example (the "Create subscription" page of Crayon's API documentation). */
const legacyBody = (): Record<string, unknown> => ({
	name: 'My subscription',
	customerTenant: { id: SEED.legacyTenantId },
	product: { partNumber: SEED.legacyPartNumber },
	quantity: 1,
});

/** The documented NCE request example (the "Create subscription" page of Crayon's API documentation). */
const nceBody = (): Record<string, unknown> => ({
	name: 'My subscription',
	customerTenant: { id: SEED.tenantId },
	product: { partNumber: SEED.ncePartNumber },
	quantity: 1,
	billingCycle: 1,
	termDuration: 'P1Y',
});

function without(body: Record<string, unknown>, path: string): Record<string, unknown> {
	const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
	const [head, tail] = path.split('.');
	if (tail) delete (copy[head] as Record<string, unknown>)[tail];
	else delete copy[head];
	return copy;
}

describe('The simulator (subscriptions)', () => {
	const { sim, api } = useSimulator({}, { reset: 'beforeEach', login: 'beforeEach' });

	describe('POST /api/v1/subscriptions', () => {
		it('creates a legacy subscription from the documented example and returns a PascalCase SubscriptionDetailed', async () => {
			const res = await api.post('/api/v1/subscriptions/', legacyBody());
			expect(res.status).toBe(200);
			expect(Object.keys(res.data).sort()).toEqual([...SUBSCRIPTION_DETAILED_KEYS].sort());
			expect(res.data).toMatchObject({
				Id: SEED.nextSubscriptionId,
				Quantity: 1,
				Name: 'My subscription',
				Status: 1,
				Organization: { Id: SEED.organizationId, Name: SEED.organizationName },
				CustomerTenant: {
					Id: SEED.legacyTenantId,
					PublisherCustomerId: SEED.legacyTenantPublisherCustomerId,
				},
				Product: { Id: SEED.legacyProductId, PartNumber: SEED.legacyPartNumber },
				Subscriptions: [],
				SuspensionReasons: '[]',
			});
			expect(res.data.PublisherSubscriptionId).toMatch(/^[0-9a-f-]{36}$/);
			expect(sim.state.subscriptions.get(SEED.nextSubscriptionId)?.quantity).toBe(1);
			expect(sim.purchaseCount()).toBe(1);
			expect(sim.state.purchases[0]).toMatchObject({
				kind: 'subscription',
				tenantId: SEED.legacyTenantId,
				subscriptionIds: [SEED.nextSubscriptionId],
			});
		});

		it('creates an NCE subscription with billing cycle and term, named after the product', async () => {
			const res = await api.post('/api/v1/subscriptions', nceBody());
			expect(res.status).toBe(200);
			expect(res.data).toMatchObject({
				Status: 1,
				BillingCycle: 1,
				TermDuration: 'P1Y',
				Name: 'Office 365 E3',
				Product: { PartNumber: SEED.ncePartNumber },
				CustomerTenant: { Id: SEED.tenantId },
			});
			expect(res.data.CommitmentEndDate > res.data.EffectiveStartDate).toBe(true);
		});

		it.each([
			['Name', 'Name'],
			['customerTenant', 'CustomerTenant.Id'],
			['customerTenant.id', 'CustomerTenant.Id'],
			['product', 'Product.PartNumber'],
			['product.partNumber', 'Product.PartNumber'],
			['quantity', 'Quantity'],
		])('answers 400 naming %s when it is missing', async (field, property) => {
			const body = without(legacyBody(), field === 'Name' ? 'name' : field);
			const res = await api.post('/api/v1/subscriptions', body);
			expect(res.status).toBe(400);
			const error = res.data as CrayonError;
			expect(error.ErrorCode).toBe('400 BadRequest');
			expect(error.Message).toBe(`The ${property} field is required.`);
			expect(error.Parameters).toEqual({});
			expect(error.ObjectErrors).toEqual([
				{
					ErrorCode: 'Required',
					Message: `The ${property} field is required.`,
					Parameters: expect.objectContaining({ PropertyName: property }),
				},
			]);
			expect(sim.purchaseCount()).toBe(0);
		});

		it.each(['billingCycle', 'termDuration'])('requires %s for NCE products', async (field) => {
			const res = await api.post('/api/v1/subscriptions', without(nceBody(), field));
			expect(res.status).toBe(400);
			const property = field.charAt(0).toUpperCase() + field.slice(1);
			expect(res.data.Message).toContain(`The ${property} field is required`);
			expect(res.data.ObjectErrors[0].Parameters.PropertyName).toBe(property);
		});

		it('treats an empty name as missing', async () => {
			const res = await api.post('/api/v1/subscriptions', { ...legacyBody(), name: '  ' });
			expect(res.status).toBe(400);
			expect(res.data.Message).toBe('The Name field is required.');
		});

		it('reports every problem at once', async () => {
			const res = await api.post('/api/v1/subscriptions', {});
			expect(res.status).toBe(400);
			expect(
				res.data.ObjectErrors.map(
					(e: { Parameters: { PropertyName: string } }) => e.Parameters.PropertyName,
				),
			).toEqual(['Name', 'CustomerTenant.Id', 'Product.PartNumber', 'Quantity']);
		});

		it.each([
			[
				'a string quantity',
				{ quantity: '1' },
				"Could not convert string to integer: '1'. Path 'quantity'.",
				'Quantity',
			],
			[
				'a fractional quantity',
				{ quantity: 1.5 },
				"Input string '1.5' is not a valid integer. Path 'quantity'.",
				'Quantity',
			],
			[
				'a zero quantity',
				{ quantity: 0 },
				'The field Quantity must be between 1 and 2147483647.',
				'Quantity',
			],
			[
				'a negative quantity',
				{ quantity: -3 },
				'The field Quantity must be between 1 and 2147483647.',
				'Quantity',
			],
			[
				'a boolean quantity',
				{ quantity: true },
				"Unexpected token Boolean when parsing integer. Path 'quantity'.",
				'Quantity',
			],
			[
				'a string tenant id',
				{ customerTenant: { id: '123' } },
				"Could not convert string to integer: '123'. Path 'customerTenant.id'.",
				'CustomerTenant.Id',
			],
			[
				'a flattened tenant object',
				{ customerTenant: '[object Object]' },
				"Error converting value \"[object Object]\" to type 'CustomerTenantReference'. Path 'customerTenant'.",
				'CustomerTenant',
			],
			[
				'an unknown term duration',
				{ termDuration: 'P2Y' },
				"The TermDuration field must be one of 'P1M', 'P1Y' or 'P3Y' (ISO 8601 duration); 'P2Y' is not supported.",
				'TermDuration',
			],
			[
				'a billing cycle outside BillingCycleEnum',
				{ billingCycle: 6 },
				"Error converting value 6 to type 'BillingCycleEnum'. Path 'billingCycle'.",
				'BillingCycle',
			],
			[
				'an unknown billing cycle name',
				{ billingCycle: 'Weekly' },
				"Error converting value \"Weekly\" to type 'BillingCycleEnum'. Path 'billingCycle'.",
				'BillingCycle',
			],
			[
				'an unknown tenant',
				{ customerTenant: { id: SEED.unknownTenantId } },
				`Customer tenant ${SEED.unknownTenantId} was not found.`,
				'CustomerTenant.Id',
			],
			[
				'an unknown product',
				{ product: { partNumber: SEED.unknownNcePartNumber } },
				`Product with part number '${SEED.unknownNcePartNumber}' was not found.`,
				'Product.PartNumber',
			],
		])('answers 400 for %s', async (_label, patch, message, property) => {
			const res = await api.post('/api/v1/subscriptions', { ...nceBody(), ...patch });
			expect(res.status).toBe(400);
			expect(res.data.ErrorCode).toBe('400 BadRequest');
			expect(res.data.Message).toBe(message);
			expect(res.data.ObjectErrors[0].Parameters.PropertyName).toBe(property);
			expect(sim.purchaseCount()).toBe(0);
		});

		it.each([
			[
				'a billing cycle the product does not offer for the term',
				{ billingCycle: 9 },
				'BillingCycleNotSupported',
				'BillingCycle',
			],
			[
				'annual billing on a monthly term',
				{ billingCycle: 2, termDuration: 'P1M' },
				'BillingCycleNotSupported',
				'BillingCycle',
			],
			[
				'a term the product does not offer',
				{ product: { partNumber: SEED.secondNcePartNumber }, termDuration: 'P3Y' },
				'TermDurationNotSupported',
				'TermDuration',
			],
			[
				'a quantity above the maximum',
				{ quantity: SEED.nceMaxQuantity + 1 },
				'QuantityExceedsMaximum',
				'Quantity',
			],
			[
				'a tenant not eligible for NCE',
				{ customerTenant: { id: SEED.nceIneligibleTenantId } },
				'CustomerNotEligible',
				'CustomerTenant.Id',
			],
		])('answers 400 for %s', async (_label, patch, code, property) => {
			const res = await api.post('/api/v1/subscriptions', { ...nceBody(), ...patch });
			expect(res.status).toBe(400);
			expect(res.data.ObjectErrors[0]).toMatchObject({
				ErrorCode: code,
				Parameters: expect.objectContaining({ PropertyName: property }),
			});
		});

		it('accepts every billing cycle/term the product supports, by number or by name', async () => {
			for (const [billingCycle, termDuration] of [
				[1, 'P1M'],
				[1, 'P1Y'],
				[2, 'P1Y'],
				['Annual', 'P3Y'],
				[8, 'P3Y'],
				['monthly', 'p1m'],
			]) {
				const res = await api.post('/api/v1/subscriptions', {
					...nceBody(),
					billingCycle,
					termDuration,
				});
				expect(res.status).toBe(200);
			}
			expect(sim.purchaseCount()).toBe(6);
		});

		it('answers 400 for malformed JSON, an empty body and a JSON array; 415 for a non-JSON content type', async () => {
			// transformRequest: send the text as is (axios would JSON-encode an unparseable string).
			const asIs = {
				headers: { 'Content-Type': 'application/json' },
				transformRequest: [(data: unknown) => data],
			};
			const malformed = await api.post('/api/v1/subscriptions', '{"name": "x",', asIs);
			expect(malformed.status).toBe(400);
			expect(malformed.data.ErrorCode).toBe('400 BadRequest');
			expect(malformed.data.Message).toContain('not valid JSON');
			const empty = await api.post('/api/v1/subscriptions', '', asIs);
			expect(empty.status).toBe(400);
			expect(empty.data.Message).toBe('A non-empty request body is required.');
			const array = await api.post('/api/v1/subscriptions', [legacyBody()]);
			expect(array.status).toBe(400);
			expect(array.data.Message).toContain("into type 'SubscriptionDetailed'");
			const text = await api.post('/api/v1/subscriptions', JSON.stringify(legacyBody()), {
				...asIs,
				headers: { 'Content-Type': 'text/plain' },
			});
			expect(text.status).toBe(415);
			expect(text.data.ErrorCode).toBe('415 UnsupportedMediaType');
		});

		it('accepts the request in any key casing, including nested keys', async () => {
			const bodies = [
				{
					Name: 'Pascal',
					CustomerTenant: { Id: SEED.tenantId },
					Product: { PartNumber: SEED.ncePartNumber },
					Quantity: 2,
					BillingCycle: 1,
					TermDuration: 'P1M',
				},
				{
					NAME: 'Upper',
					CUSTOMERTENANT: { ID: SEED.tenantId },
					PRODUCT: { PARTNUMBER: SEED.ncePartNumber },
					QUANTITY: 3,
					BILLINGCYCLE: 1,
					TERMDURATION: 'P1M',
				},
				{
					name: 'snake-ish',
					customertenant: { iD: SEED.tenantId },
					pRoDuCt: { partnumber: SEED.ncePartNumber },
					quantity: 4,
					billingcycle: 1,
					termduration: 'P1M',
				},
			];
			const quantities: number[] = [];
			for (const body of bodies) {
				const res = await api.post('/api/v1/subscriptions', body);
				expect(res.status).toBe(200);
				expect(res.data.CustomerTenant.Id).toBe(SEED.tenantId);
				quantities.push(res.data.Quantity);
			}
			expect(quantities).toEqual([2, 3, 4]);
		});
	});

	describe('GET /api/v1/subscriptions/{id}', () => {
		it('returns a seeded subscription', async () => {
			const res = await api.get(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`);
			expect(res.status).toBe(200);
			expect(Object.keys(res.data)).toEqual(SUBSCRIPTION_DETAILED_KEYS);
			expect(res.data).toMatchObject({
				Id: SEED.nceSubscriptionId,
				Status: 1,
				Product: { PartNumber: SEED.ncePartNumber },
				CustomerTenant: { Id: SEED.tenantId },
			});
		});

		it('answers 404 for an unknown id', async () => {
			const res = await api.get(`/api/v1/subscriptions/${SEED.unknownSubscriptionId}`);
			expect(res.status).toBe(404);
			expect(res.data.ErrorCode).toBe('404 NotFound');
			expect(res.data.Message).toContain(String(SEED.unknownSubscriptionId));
		});
	});

	describe('GET /api/v1/subscriptions (list)', () => {
		it('pages through all subscriptions: 3 pages of the default size 50 with TotalHits', async () => {
			const pages: number[][] = [];
			for (let page = 1; page <= 4; page++) {
				const res = await api.get('/api/v1/subscriptions', { params: page === 1 ? {} : { page } });
				expect(res.status).toBe(200);
				expect(res.data.TotalHits).toBe(SEED.subscriptionCount);
				pages.push(res.data.Items.map((s: { Id: number }) => s.Id));
			}
			expect(pages.map((p) => p.length)).toEqual([50, 50, 20, 0]);
			const all = pages.flat();
			expect(new Set(all).size).toBe(SEED.subscriptionCount);
			expect(all[0]).toBe(SEED.firstSubscriptionId);
			expect(all[SEED.subscriptionCount - 1]).toBe(
				SEED.firstSubscriptionId + SEED.subscriptionCount - 1,
			);
		});

		it('honours pageSize', async () => {
			const res = await api.get('/api/v1/subscriptions', { params: { page: 2, pageSize: 7 } });
			expect(res.data.Items.map((s: { Id: number }) => s.Id)).toEqual([
				5008, 5009, 5010, 5011, 5012, 5013, 5014,
			]);
			expect(res.data.TotalHits).toBe(SEED.subscriptionCount);
		});

		it('filters by customer tenant, organisation and search', async () => {
			const byTenant = await api.get('/api/v1/subscriptions', {
				params: { customerTenantId: SEED.tenantId, pageSize: 500 },
			});
			const expected = [...sim.state.subscriptions.values()].filter(
				(s) => s.tenantId === SEED.tenantId,
			).length;
			expect(expected).toBeGreaterThan(5);
			expect(byTenant.data.TotalHits).toBe(expected);
			expect(
				byTenant.data.Items.every(
					(s: { CustomerTenant: { Id: number } }) => s.CustomerTenant.Id === SEED.tenantId,
				),
			).toBe(true);

			const byOrg = await api.get('/api/v1/subscriptions', {
				params: { organizationId: SEED.secondOrganizationId, pageSize: 500 },
			});
			expect(byOrg.data.TotalHits).toBeGreaterThan(0);
			expect(
				byOrg.data.Items.every(
					(s: { Organization: { Id: number } }) => s.Organization.Id === SEED.secondOrganizationId,
				),
			).toBe(true);

			const search = await api.get('/api/v1/subscriptions', {
				params: { search: 'visio', pageSize: 500 },
			});
			expect(search.data.TotalHits).toBeGreaterThan(0);
			expect(
				search.data.Items.every(
					(s: { Product: { ItemName: string } }) => s.Product.ItemName === 'Visio Plan 1',
				),
			).toBe(true);
		});

		it('filters by the statuses flag set (integer or names)', async () => {
			const suspended = await api.get('/api/v1/subscriptions', {
				params: { statuses: SubscriptionStatus.Suspended, pageSize: 500 },
			});
			expect(suspended.data.TotalHits).toBeGreaterThan(1);
			expect(suspended.data.Items.every((s: { Status: number }) => s.Status === 2)).toBe(true);
			expect(suspended.data.Items.map((s: { Id: number }) => s.Id)).toContain(
				SEED.suspendedSubscriptionId,
			);

			const activeOrSuspended = await api.get('/api/v1/subscriptions', {
				params: { statuses: 3, pageSize: 500 },
			});
			const byName = await api.get('/api/v1/subscriptions', {
				params: { statuses: 'Active,Suspended', pageSize: 500 },
			});
			expect(byName.data.TotalHits).toBe(activeOrSuspended.data.TotalHits);
			const active = [...sim.state.subscriptions.values()].filter((s) => s.status === 1).length;
			expect(activeOrSuspended.data.TotalHits).toBe(active + suspended.data.TotalHits);
			expect(activeOrSuspended.data.TotalHits).toBeLessThan(SEED.subscriptionCount);
		});

		it('answers 400 for invalid paging and filter values', async () => {
			for (const params of [
				{ page: 0 },
				{ pageSize: 'x' },
				{ customerTenantId: 'abc' },
				{ statuses: 'Sleeping' },
			]) {
				const res = await api.get('/api/v1/subscriptions', { params });
				expect(res.status).toBe(400);
				expect(res.data.ErrorCode).toBe('400 BadRequest');
			}
		});
	});

	describe('PUT /api/v1/subscriptions/{id}', () => {
		it('updates the quantity with the whole SubscriptionDetailed (get, change, put)', async () => {
			const got = await api.get(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`);
			const res = await api.put(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`, {
				...got.data,
				Quantity: 42,
			});
			expect(res.status).toBe(200);
			expect(res.data.Quantity).toBe(42);
			expect(sim.state.subscriptions.get(SEED.nceSubscriptionId)?.quantity).toBe(42);
			expect(sim.state.quantityChanges).toEqual([
				expect.objectContaining({ subscriptionId: SEED.nceSubscriptionId, from: 10, to: 42 }),
			]);
			expect(sim.purchaseCount()).toBe(0);
		});

		it('refuses a quantity change on a suspended subscription', async () => {
			const got = await api.get(`/api/v1/subscriptions/${SEED.suspendedSubscriptionId}`);
			const res = await api.put(`/api/v1/subscriptions/${SEED.suspendedSubscriptionId}`, {
				...got.data,
				Quantity: got.data.Quantity + 1,
			});
			expect(res.status).toBe(400);
			expect(res.data.ObjectErrors[0].ErrorCode).toBe('SubscriptionNotActive');
			expect(res.data.Message).toContain('Suspended');
			// Renaming without a quantity change is fine.
			const renamed = await api.put(`/api/v1/subscriptions/${SEED.suspendedSubscriptionId}`, {
				...got.data,
				Name: 'Renamed',
			});
			expect(renamed.status).toBe(200);
			expect(renamed.data.Name).toBe('Renamed');
		});

		it('validates the body like create and checks ids', async () => {
			const got = await api.get(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`);
			const asString = await api.put(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`, {
				...got.data,
				Quantity: '11',
			});
			expect(asString.status).toBe(400);
			expect(asString.data.Message).toContain("Path 'Quantity'");
			const truncated = await api.put(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`, {
				Id: SEED.nceSubscriptionId,
				Quantity: 11,
			});
			expect(truncated.status).toBe(400);
			expect(truncated.data.Message).toContain('The CustomerTenant.Id field is required.');
			const otherId = await api.put(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`, {
				...got.data,
				Id: 1,
			});
			expect(otherId.status).toBe(400);
			const tooMany = await api.put(`/api/v1/subscriptions/${SEED.nceSubscriptionId}`, {
				...got.data,
				Quantity: SEED.nceMaxQuantity + 1,
			});
			expect(tooMany.status).toBe(400);
			expect(tooMany.data.ObjectErrors[0].ErrorCode).toBe('QuantityExceedsMaximum');
			const unknown = await api.put(`/api/v1/subscriptions/${SEED.unknownSubscriptionId}`, {
				...got.data,
				Id: SEED.unknownSubscriptionId,
			});
			expect(unknown.status).toBe(404);
			expect(sim.state.subscriptions.get(SEED.nceSubscriptionId)?.quantity).toBe(10);
		});
	});

	describe('with add-ons', () => {
		it('lists the add-on offers of a subscription', async () => {
			const res = await api.get(
				`/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}/addon-offers`,
			);
			expect(res.status).toBe(200);
			expect(res.data.TotalHits).toBe(2);
			expect(res.data.Items[0]).toEqual({
				Product: {
					Id: expect.any(Number),
					PartNumber: SEED.addonOfferId,
					PublisherProductId: null,
					ItemName: expect.any(String),
					ItemLegalName: expect.any(String),
				},
				Publisher: { Id: 2, Name: 'Microsoft' },
			});
			expect(res.data.Items[1].Product.PartNumber).toBe(SEED.secondAddonOfferId);
			expect(
				(await api.get(`/api/v1/subscriptions/${SEED.unknownSubscriptionId}/addon-offers`)).status,
			).toBe(404);
		});

		it('sets an add-on: bare true, the add-on appears in the parent and counts as a purchase', async () => {
			const res = await api.post(
				`/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}/addons`,
				{
					Quantity: 3,
					OfferId: SEED.addonOfferId,
					SubscriptionTags: {
						SubscriptionId: 1,
						CostCenter: 'Cost Center',
						Department: 'Department',
						Project: 'Project',
						Custom: 'Custom',
						Owner: 'Owner',
						CreatedDate: '2020-07-16T12:19:58.823Z',
						ModifiedDate: '2020-07-16T12:19:58.823Z',
					},
				},
			);
			expect(res.status).toBe(200);
			expect(res.data).toBe(true);
			expect(res.headers['content-type']).toContain('application/json');
			expect(sim.purchaseCount()).toBe(1);
			const parent = await api.get(`/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}`);
			expect(parent.data.Subscriptions).toHaveLength(1);
			expect(Object.keys(parent.data.Subscriptions[0])).toEqual(SUBSCRIPTION_ADDON_KEYS);
			const listed = await api.get('/api/v1/subscriptions', {
				params: { search: String(SEED.addonCapableSubscriptionId) },
			});
			expect(Object.keys(listed.data.Items[0].Subscriptions[0])).toEqual(SUBSCRIPTION_ADDON_KEYS);
			expect(parent.data.Subscriptions[0]).toMatchObject({
				Quantity: 3,
				Product: { PartNumber: SEED.addonOfferId },
				Status: 1,
			});
			const addon = sim.state.subscriptions.get(parent.data.Subscriptions[0].Id);
			expect(addon?.parentSubscriptionId).toBe(SEED.addonCapableSubscriptionId);
			expect(addon?.tags?.costCenter).toBe('Cost Center');
		});

		it('accepts camelCase, a lower-case offer id and null tags', async () => {
			const res = await api.post(
				`/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}/addons`,
				{
					quantity: 1,
					offerId: SEED.addonOfferId.toLowerCase(),
					subscriptionTags: null,
				},
			);
			expect(res.status).toBe(200);
			expect(res.data).toBe(true);
		});

		it('returns bare false for a subscription that is not active, without buying anything', async () => {
			const res = await api.post(`/api/v1/subscriptions/${SEED.suspendedSubscriptionId}/addons`, {
				Quantity: 1,
				OfferId: SEED.addonOfferId,
			});
			expect(res.status).toBe(200);
			expect(res.data).toBe(false);
			expect(sim.purchaseCount()).toBe(0);
			expect(sim.state.subscriptions.get(SEED.suspendedSubscriptionId)?.addonIds).toEqual([]);
		});

		it('answers 404 for an unknown subscription and 400 for an offer that is not an add-on of it', async () => {
			const unknown = await api.post(`/api/v1/subscriptions/${SEED.unknownSubscriptionId}/addons`, {
				Quantity: 1,
				OfferId: SEED.addonOfferId,
			});
			expect(unknown.status).toBe(404);
			const wrongOffer = await api.post(`/api/v1/subscriptions/${SEED.nceSubscriptionId}/addons`, {
				Quantity: 1,
				OfferId: SEED.addonOfferId,
			});
			expect(wrongOffer.status).toBe(400);
			expect(wrongOffer.data.ObjectErrors[0]).toMatchObject({
				ErrorCode: 'InvalidAddonOffer',
				Parameters: expect.objectContaining({ PropertyName: 'OfferId' }),
			});
			expect(sim.purchaseCount()).toBe(0);
		});

		it.each([
			[{ OfferId: SEED.addonOfferId }, 'The Quantity field is required.'],
			[{ Quantity: 1 }, 'The OfferId field is required.'],
			[
				{ Quantity: '1', OfferId: SEED.addonOfferId },
				"Could not convert string to integer: '1'. Path 'Quantity'.",
			],
			[
				{ Quantity: 0, OfferId: SEED.addonOfferId },
				'The field Quantity must be between 1 and 2147483647.',
			],
			[
				{ Quantity: 1, OfferId: SEED.addonOfferId, SubscriptionTags: { CreatedDate: 'yesterday' } },
				'Could not convert string to DateTime: yesterday.',
			],
			[
				{ Quantity: 1, OfferId: SEED.addonOfferId, SubscriptionTags: 'tags' },
				"to type 'SubscriptionTags'",
			],
		])('answers 400 for %j', async (body, message) => {
			const res = await api.post(
				`/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}/addons`,
				body,
			);
			expect(res.status).toBe(400);
			expect(res.data.Message).toContain(message);
		});

		it('answers 400 for an add-on quantity above the maximum', async () => {
			const res = await api.post(
				`/api/v1/subscriptions/${SEED.addonCapableSubscriptionId}/addons`,
				{ Quantity: SEED.addonMaxQuantity + 1, OfferId: SEED.addonOfferId },
			);
			expect(res.status).toBe(400);
			expect(res.data.ObjectErrors[0].ErrorCode).toBe('QuantityExceedsMaximum');
		});
	});
});
