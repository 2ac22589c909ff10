/** Subscription → Create: POST /api/v1/subscriptions/ (the "Create subscription" page of Crayon's API documentation). */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { fields } from '../../../../../nodes/Crayon/actions/subscription/create.operation';
import { SEED } from '../../../../../simulator';
import {
	byId,
	expectNothingSent,
	fromList,
	itemIndexOf,
	jsonOf,
	pairedItemsOf,
	SUBSCRIPTIONS_PATH,
	useCrayon,
} from '../../../../helpers';

const crayon = useCrayon();

/** Row fields mapped by expressions, as from a spreadsheet. */
const mapped: INodeParameters = {
	resource: 'subscription',
	operation: 'create',
	productType: 'nce',
	name: '={{ $json.name }}',
	customerTenantId: byId('={{ $json.tenantId }}'),
	partNumber: '={{ $json.partNumber }}',
	quantity: '={{ $json.quantity }}',
	billingCycle: '={{ $json.billingCycle }}',
	termDuration: '={{ $json.termDuration }}',
	verifyFirst: false,
};

const nceRow = (
	tenantId: number | string,
	quantity: number | string,
	termDuration = 'P1Y',
): IDataObject => ({
	name: 'My subscription',
	tenantId,
	partNumber: SEED.ncePartNumber,
	quantity,
	billingCycle: 1,
	termDuration,
});

describe('Subscription → Create', () => {
	it('sends the documented NCE body (with billingCycle and termDuration, the part number as the name Crayon drops) and outputs the created subscription', async () => {
		const result = await crayon.runCrayon({ ...mapped, simplify: false }, [
			nceRow(SEED.tenantId, 1),
		]);

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls()).toEqual([
			crayon.call('POST', SUBSCRIPTIONS_PATH, {
				name: SEED.ncePartNumber,
				customerTenant: { id: SEED.tenantId },
				product: { partNumber: SEED.ncePartNumber },
				quantity: 1,
				billingCycle: 1,
				termDuration: 'P1Y',
			}),
		]);
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }]);
		expect(jsonOf(output)).toEqual([
			expect.objectContaining({
				Id: SEED.nextSubscriptionId,
				Quantity: 1,
				Status: 1,
				CustomerTenant: expect.objectContaining({ Id: SEED.tenantId }),
				Product: expect.objectContaining({ PartNumber: SEED.ncePartNumber }),
				BillingCycle: 1,
				TermDuration: 'P1Y',
			}),
		]);
		expect(crayon.sim.state.subscriptions.get(SEED.nextSubscriptionId)).toMatchObject({
			tenantId: SEED.tenantId,
			partNumber: SEED.ncePartNumber,
			quantity: 1,
			origin: 'create-subscription',
		});
	});

	it('outputs the created subscription simplified by default, with the status and billing cycle named', async () => {
		const result = await crayon.runCrayon(mapped, [nceRow(SEED.tenantId, 1)]);

		const [created] = result.output('Crayon').map((item) => item.json);
		expect(Object.keys(created)).toEqual([
			'Id',
			'Name',
			'Status',
			'Quantity',
			'PartNumber',
			'ProductName',
			'CustomerTenantId',
			'OrganizationId',
			'BillingCycle',
			'TermDuration',
			'CommitmentEndDate',
		]);
		expect([created]).toMatchObject([
			{
				Id: SEED.nextSubscriptionId,
				Status: 'Active',
				Quantity: 1,
				PartNumber: SEED.ncePartNumber,
				ProductName: expect.any(String),
				CustomerTenantId: SEED.tenantId,
				OrganizationId: expect.any(Number),
				BillingCycle: 'Monthly',
				TermDuration: 'P1Y',
				CommitmentEndDate: expect.any(String),
			},
		]);
	});

	it('sends the organization and the accepted attestation when they are added (Additional Fields)', async () => {
		const result = await crayon.runCrayon(
			{
				...mapped,
				additionalFields: {
					organizationId: byId(SEED.organizationId),
					attestationAccepted: true,
				},
			},
			[nceRow(SEED.tenantId, 1)],
		);

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls()[0].body).toEqual({
			name: SEED.ncePartNumber,
			customerTenant: { id: SEED.tenantId },
			product: { partNumber: SEED.ncePartNumber },
			quantity: 1,
			billingCycle: 1,
			termDuration: 'P1Y',
			organization: { id: SEED.organizationId },
			attestationAccepted: true,
		});
	});

	it('does not send an attestation that was not accepted', async () => {
		await crayon.runCrayon({ ...mapped, additionalFields: { attestationAccepted: false } }, [
			nceRow(SEED.tenantId, 1),
		]);

		expect(crayon.apiCalls()[0].body).not.toHaveProperty('attestationAccepted');
	});

	it('sends the documented legacy body: no billingCycle or termDuration, whatever the hidden NCE fields hold', async () => {
		const result = await crayon.runCrayon({
			simplify: false,
			resource: 'subscription',
			operation: 'create',
			productType: 'legacy',
			name: 'My subscription',
			customerTenantId: byId(SEED.legacyTenantId),
			partNumber: SEED.legacyPartNumber,
			quantity: 1,
			billingCycle: 2,
			termDuration: 'P3Y',
		});

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls()).toEqual([
			crayon.call('POST', SUBSCRIPTIONS_PATH, {
				name: 'My subscription',
				customerTenant: { id: SEED.legacyTenantId },
				product: { partNumber: SEED.legacyPartNumber },
				quantity: 1,
			}),
		]);
		expect(jsonOf(result.output('Crayon'))).toEqual([
			expect.objectContaining({
				Id: SEED.nextSubscriptionId,
				Name: 'My subscription',
				Product: expect.objectContaining({ Id: SEED.legacyProductId }),
			}),
		]);
	});

	it('buys one subscription per row, each with its own mapped values, after a single login', async () => {
		const rows = [nceRow(SEED.tenantId, 5), nceRow('486', '12', 'P1M'), nceRow(501, 300, 'P3Y')];
		const result = await crayon.runCrayon({ ...mapped, simplify: false }, rows);

		expect(result.error).toBeUndefined();
		expect(crayon.logins()).toHaveLength(1);
		expect(crayon.apiCalls()).toEqual(
			[
				[SEED.tenantId, 5, 'P1Y'],
				[SEED.legacyTenantId, 12, 'P1M'],
				[501, 300, 'P3Y'],
			].map(([tenantId, quantity, termDuration]) =>
				crayon.call('POST', SUBSCRIPTIONS_PATH, {
					name: SEED.ncePartNumber,
					customerTenant: { id: tenantId },
					product: { partNumber: SEED.ncePartNumber },
					quantity,
					billingCycle: 1,
					termDuration,
				}),
			),
		);
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(
			output.map(({ json }) => [json.Id, (json.CustomerTenant as IDataObject).Id, json.Quantity]),
		).toEqual([
			[SEED.nextSubscriptionId, SEED.tenantId, 5],
			[SEED.nextSubscriptionId + 1, SEED.legacyTenantId, 12],
			[SEED.nextSubscriptionId + 2, 501, 300],
		]);
		expect(crayon.sim.purchaseCount()).toBe(3);
	});

	it('with "continue on error", buys the good rows once and turns each bad row into an error item', async () => {
		const rows = [
			nceRow(SEED.tenantId, 2),
			nceRow(SEED.nceIneligibleTenantId, 2),
			nceRow(SEED.tenantId, 'two'),
			nceRow(501, 4),
		];
		const result = await crayon.runCrayon({ ...mapped, simplify: false }, rows, {
			onError: 'continueRegularOutput',
		});

		expect(result.status).toBe('success');
		// The invalid row never leaves the node; the ineligible tenant is Crayon's call.
		expect(
			crayon.apiCalls().map((call) => (call.body as { customerTenant: unknown }).customerTenant),
		).toEqual([{ id: SEED.tenantId }, { id: SEED.nceIneligibleTenantId }, { id: 501 }]);
		expect(crayon.sim.purchaseCount()).toBe(2);
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json.Id).toBe(SEED.nextSubscriptionId);
		expect(output[1].json).toEqual({
			error: {
				message: `Crayon refused to create a subscription of ${SEED.ncePartNumber} × 2 for customer tenant ${SEED.nceIneligibleTenantId}: Customer tenant ${SEED.nceIneligibleTenantId} (Litware Inc) is not eligible for New Commerce purchases. [item 1]`,
				description: [
					`Crayon's answer is about "Customer Tenant" (this item sent ${SEED.nceIneligibleTenantId}): change it, then run the item again.`,
					'Crayon did not process this request, so nothing was bought or changed.',
					`Request: POST ${SUBSCRIPTIONS_PATH} answered HTTP 400 (Crayon error code 400 BadRequest).`,
				].join('\n'),
				httpCode: '400',
				purchaseOutcome: 'notBought',
				itemIndex: 1,
			},
		});
		expect(output[2].json).toEqual({
			error: {
				message:
					'Invalid input in item 2: "Quantity" must be a whole number from 1 to 2147483647 (received "two")',
				description: expect.stringContaining('Nothing was sent to Crayon'),
				purchaseOutcome: 'notBought',
				itemIndex: 2,
			},
		});
		expect(output[3].json.Id).toBe(SEED.nextSubscriptionId + 1);
	});

	it('refuses an invalid row before sending anything, naming the field, the value, what is allowed and the item', async () => {
		const result = await crayon.runCrayon(mapped, [
			nceRow(SEED.tenantId, 1),
			nceRow(SEED.tenantId, 1, 'P2Y'),
		]);

		expectNothingSent(crayon, result);
		expect(result.error?.message).toBe(
			'Invalid input in item 1: "Term Duration" must be one of: P1M (1 Month (P1M)), P1Y (1 Year (P1Y)), P3Y (3 Years (P3Y)) (received "P2Y")',
		);
		expect(itemIndexOf(result.error)).toBe(1);
	});

	it('refuses a Quantity of 1.5 typed into the field (not mapped) before sending anything', async () => {
		// The editor keeps 1.5 as typed (no numberPrecision, which would turn it into 15).
		const result = await crayon.runCrayon({ ...mapped, quantity: 1.5 }, [nceRow(SEED.tenantId, 1)]);

		expectNothingSent(crayon, result);
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Quantity" must be a whole number from 1 to 2147483647 (received 1.5)',
		);
	});

	it('requires the productId:skuId part number format for NCE products', async () => {
		const result = await crayon.runCrayon(mapped, [
			{ ...nceRow(SEED.tenantId, 1), partNumber: SEED.legacyPartNumber },
		]);

		expectNothingSent(crayon, result);
		expect(result.error?.message).toBe(
			`Invalid input in item 0: "Part Number" must be productId:skuId for New Commerce products (for example CFQ7TTC0LF8R:0001) (received "${SEED.legacyPartNumber}")`,
		);
	});

	it('takes the part number picked from the catalogue list, typed By ID, or as the plain text of a workflow saved before Part Number was a list', async () => {
		// New Commerce subscriptions get no name of their own: the part number is sent as the name.
		const body = (partNumber: string) => ({
			name: partNumber,
			customerTenant: { id: SEED.tenantId },
			product: { partNumber },
			quantity: 1,
			billingCycle: 2,
			termDuration: 'P1Y',
		});
		for (const partNumber of [
			fromList(SEED.ncePartNumber, 'Office 365 E3 (P1Y, CFQ7TTC0LF8R:0001)'),
			byId(SEED.e5PartNumber),
			// The parameter as workflows saved before this change hold it: a plain string.
			SEED.secondNcePartNumber,
		]) {
			const result = await crayon.runCrayon({
				...mapped,
				name: 'My subscription',
				customerTenantId: fromList(SEED.tenantId, 'Contoso Ltd'),
				partNumber,
				quantity: 1,
				billingCycle: 2,
				termDuration: 'P1Y',
			});
			expect(result.error).toBeUndefined();
		}
		expect(crayon.apiCalls()).toEqual(
			[SEED.ncePartNumber, SEED.e5PartNumber, SEED.secondNcePartNumber].map((partNumber) =>
				crayon.call('POST', SUBSCRIPTIONS_PATH, body(partNumber)),
			),
		);
		expect(crayon.sim.purchaseCount()).toBe(3);
	});

	it('keeps the productId:skuId rule for a New Commerce part number picked from the list', async () => {
		const result = await crayon.runCrayon(
			{
				...mapped,
				partNumber: fromList(SEED.legacyPartNumber, 'Office 365 E3 (legacy CSP)'),
			},
			[nceRow(SEED.tenantId, 1)],
		);

		expectNothingSent(crayon, result);
		expect(result.error?.message).toBe(
			`Invalid input in item 0: "Part Number" must be productId:skuId for New Commerce products (for example CFQ7TTC0LF8R:0001) (received "${SEED.legacyPartNumber}")`,
		);
	});

	it("turns Crayon's error answer into a node error carrying Crayon's message and code", async () => {
		const result = await crayon.runCrayon(mapped, [nceRow(SEED.unknownTenantId, 1)]);

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`Crayon refused to create a subscription of ${SEED.ncePartNumber} × 1 for customer tenant ${SEED.unknownTenantId}: Customer tenant ${SEED.unknownTenantId} was not found. [item 0]`,
		);
		expect(result.error?.description).toContain(
			`Request: POST ${SUBSCRIPTIONS_PATH} answered HTTP 400 (Crayon error code 400 BadRequest).`,
		);
		expect(result.nodeError('Crayon')).toMatchObject({ httpCode: '400' });
		expect(crayon.sim.purchaseCount()).toBe(0);
	});
});

describe('Subscription → Create in the editor', () => {
	it('says under Part Number, in By ID mode, what it takes for each product type, as one placeholder cannot', () => {
		// The By ID mode's own hint: n8n shows it only while By ID is chosen, not under From list.
		const modes = fields.partNumber.property.modes ?? [];
		expect(modes.find((mode) => mode.name === 'id')?.hint).toMatch(
			/productId:skuId for New Commerce .*legacy CSP/,
		);
		expect(modes.find((mode) => mode.name === 'list')?.hint).toBeUndefined();
		expect(fields.partNumber.property.hint).toBeUndefined();
		expect(fields.partNumber.property.typeOptions?.loadOptionsDependsOn).toContain('productType');
	});
});

describe('Subscription → Create, verifying every item first (the default for New Commerce)', () => {
	const verifying: INodeParameters = { ...mapped, verifyFirst: true };
	const VERIFY_PATH = '/api/v1/purchaserequest/verify';

	it('verifies every row as an order line before the first purchase of the run', async () => {
		const result = await crayon.runCrayon(verifying, [nceRow(SEED.tenantId, 2), nceRow(501, 3)]);

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls().map((call) => call.path)).toEqual([
			VERIFY_PATH,
			VERIFY_PATH,
			SUBSCRIPTIONS_PATH,
			SUBSCRIPTIONS_PATH,
		]);
		expect(crayon.apiCalls()[1].body).toEqual({
			resellerCustomerId: 501,
			orderLines: [
				{
					productId: SEED.nceProductId,
					skuId: SEED.nceSkuId,
					quantity: 3,
					billingCycle: 1,
					termDuration: 'P1Y',
					type: 3,
				},
			],
		});
		expect(crayon.sim.purchaseCount()).toBe(2);
	});

	it('stops before anything is bought when Crayon objects to one row, and says so', async () => {
		const result = await crayon.runCrayon(verifying, [
			nceRow(SEED.tenantId, 2),
			nceRow(SEED.nceIneligibleTenantId, 2),
			nceRow(501, 4),
		]);

		expect(result.status).toBe('error');
		expect(crayon.sim.purchaseCount()).toBe(0);
		// The checks go several at once, so the third row's was sent beside the second's.
		expect(crayon.apiCalls().map((call) => call.path)).toEqual([
			VERIFY_PATH,
			VERIFY_PATH,
			VERIFY_PATH,
		]);
		expect(result.error?.message).toMatch(
			/^Crayon's verification found 1 problem so nothing was bought: Line 1 .*not eligible for New Commerce.*\(CustomerNotEligible\) \[item 1\]$/,
		);
		expect(result.error?.description).toContain(
			'Nothing was bought or changed in this run: every item is checked with Crayon before the first purchase.',
		);
		expect(itemIndexOf(result.error)).toBe(1);
	});

	it('with "continue on error", buys the rows Crayon accepts and outputs the one it objects to as not bought', async () => {
		const result = await crayon.runCrayon(
			verifying,
			[nceRow(SEED.tenantId, 2), nceRow(SEED.nceIneligibleTenantId, 2), nceRow(501, 4)],
			{ onError: 'continueRegularOutput' },
		);

		expect(crayon.apiCalls().map((call) => call.path)).toEqual([
			VERIFY_PATH,
			VERIFY_PATH,
			VERIFY_PATH,
			SUBSCRIPTIONS_PATH,
			SUBSCRIPTIONS_PATH,
		]);
		expect(crayon.sim.purchaseCount()).toBe(2);
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json).toEqual({
			error: expect.objectContaining({ purchaseOutcome: 'notBought', itemIndex: 1 }),
		});
	});

	it('does not verify legacy products, which are not order lines', async () => {
		const result = await crayon.runCrayon(
			{
				...verifying,
				productType: 'legacy',
				partNumber: SEED.legacyPartNumber,
				customerTenantId: byId(SEED.legacyTenantId),
			},
			[{ name: 'Legacy', quantity: 1 }],
		);

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls().map((call) => call.path)).toEqual([SUBSCRIPTIONS_PATH]);
	});
});
