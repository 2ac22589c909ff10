/** Order → Verify: POST /api/v1/purchaserequest/verify (the "Verify Order" page of Crayon's API documentation: checkout's body without catalogItemId). */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import {
	byId,
	e3Line,
	expectNothingSent,
	itemIndexOf,
	jsonOf,
	pairedItemsOf,
	useCrayon,
} from '../../../../helpers';

const crayon = useCrayon();

const VERIFY_PATH = '/api/v1/purchaserequest/verify';

/** What Crayon fills in for an E3 line that verifies cleanly. */
const verifiedE3Line = (quantity: number) => ({
	...e3Line(quantity),
	catalogItemId: SEED.nceCatalogItemId,
	customTermEndDate: null,
	errors: [],
});

const fromJson: INodeParameters = {
	resource: 'order',
	operation: 'verify',
	resellerCustomerId: byId('={{ $json.customerId }}'),
	orderLinesInput: 'json',
	orderLinesJson: '={{ $json.orderLines }}',
};

describe('Order → Verify', () => {
	it('sends the order typed into the node and outputs the verified order', async () => {
		const result = await crayon.runCrayon({
			resource: 'order',
			operation: 'verify',
			resellerCustomerId: byId(SEED.tenantId),
			additionalFields: { scheduledPurchaseDate: '' },
			orderLines: {
				line: [
					{ ...e3Line(4), productVariantId: String(SEED.nceProductVariantId), catalogItemId: '' },
				],
			},
		});

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls()).toEqual([
			crayon.call('POST', VERIFY_PATH, {
				resellerCustomerId: SEED.tenantId,
				orderLines: [e3Line(4)],
			}),
		]);
		expect(result.output('Crayon')).toEqual([
			{
				json: {
					resellerCustomerId: SEED.tenantId,
					externalOrderId: null,
					countryCode: 'NO',
					scheduledPurchaseDate: null,
					errors: [],
					orderLines: [verifiedE3Line(4)],
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(crayon.sim.purchaseCount()).toBe(0);
	});

	it('sends the order fields added under Additional Fields and the optional line fields', async () => {
		const endDate = '2027-06-30T23:59:59Z';
		const result = await crayon.runCrayon({
			resource: 'order',
			operation: 'verify',
			resellerCustomerId: byId(SEED.tenantId),
			additionalFields: {
				adminAccount: 'admin@contoso.onmicrosoft.com',
				externalOrderId: 'PO-2026-0042',
				invoiceProfileId: 7,
				notificationEmail: 'orders@reseller.example',
			},
			// The simulator's coterminosity dates move with the clock: the request is what counts.
			outputOrdersWithErrors: true,
			orderLines: {
				line: [
					{ ...e3Line(4), customTermEndDate: endDate, attestationAccepted: true },
					{ ...e3Line(1), attestationAccepted: false, customTermEndDate: '' },
				],
			},
		});

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls()[0].body).toEqual({
			resellerCustomerId: SEED.tenantId,
			adminAccount: 'admin@contoso.onmicrosoft.com',
			externalOrderId: 'PO-2026-0042',
			invoiceProfileId: 7,
			notificationEmail: 'orders@reseller.example',
			orderLines: [
				{ ...e3Line(4), customTermEndDate: endDate, attestationAccepted: true },
				// Left empty or not accepted: not sent.
				e3Line(1),
			],
		});
	});

	it('sends every field of a line given as JSON, such as a reservation line', async () => {
		const reservation = {
			...e3Line(1),
			type: 1,
			armRegionName: 'norwayeast',
			scope: 1,
			subscriptionId: SEED.nceSubscriptionId,
			provisioningContext: { scope: 'shared' },
		};
		await crayon.runCrayon(fromJson, [{ customerId: SEED.tenantId, orderLines: [reservation] }]);

		expect(crayon.apiCalls()[0].body).toEqual({
			resellerCustomerId: SEED.tenantId,
			orderLines: [reservation],
		});
	});

	it('verifies one order per row from order lines mapped as JSON, with the scheduled purchase date', async () => {
		const scheduled = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
		const rows = [
			{ customerId: SEED.tenantId, orderLines: [e3Line(1)] },
			{
				customerId: String(SEED.legacyTenantId),
				orderLines: [
					e3Line(2, { billingCycle: 2, termDuration: 'P1Y' }),
					{
						billingCycle: 1,
						productId: SEED.secondNceProductId,
						quantity: 5,
						skuId: SEED.secondNceSkuId,
						termDuration: 'P1M',
						type: 3,
					},
				],
			},
		];
		const result = await crayon.runCrayon(
			// A date picker's midnight names the day.
			{ ...fromJson, additionalFields: { scheduledPurchaseDate: `${scheduled}T00:00:00` } },
			rows,
		);

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls().map(({ path, body }) => [path, body])).toEqual([
			[
				VERIFY_PATH,
				{
					resellerCustomerId: SEED.tenantId,
					ScheduledPurchaseDate: scheduled,
					orderLines: [e3Line(1)],
				},
			],
			[
				VERIFY_PATH,
				{
					resellerCustomerId: SEED.legacyTenantId,
					ScheduledPurchaseDate: scheduled,
					orderLines: rows[1].orderLines,
				},
			],
		]);
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(
			output.map(({ json }) =>
				(json.orderLines as IDataObject[]).map((line) => line.catalogItemId),
			),
		).toEqual([[SEED.nceCatalogItemId], [SEED.nceCatalogItemId, SEED.secondNceCatalogItemId]]);
	});

	it("fails an order whose verification reports line errors, with Crayon's reason", async () => {
		const result = await crayon.runCrayon(fromJson, [
			{ customerId: SEED.tenantId, orderLines: [e3Line(1, { billingCycle: 2 })] },
		]);

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Crayon\'s verification found 1 problem in the order: Line 1 (CFQ7TTC0LF8R:0001): Billing cycle Annual is not available for Office 365 E3 (CFQ7TTC0LF8R:0001) with term duration P1M. Available: Monthly. (BillingCycleNotSupported): change its "Billing Cycle" [item 0]',
		);
		expect(itemIndexOf(result.error)).toBe(0);
	});

	it('outputs orders with errors as normal items when "Output Orders With Errors" is on', async () => {
		const result = await crayon.runCrayon({ ...fromJson, outputOrdersWithErrors: true }, [
			{ customerId: SEED.unknownTenantId, orderLines: [e3Line(1)] },
		]);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result.output('Crayon'))).toEqual([
			expect.objectContaining({
				resellerCustomerId: SEED.unknownTenantId,
				errors: [
					{
						orderGroupId: null,
						code: 'CustomerNotFound',
						description: `Customer tenant ${SEED.unknownTenantId} was not found.`,
					},
				],
			}),
		]);
	});

	it('with "continue on error", outputs the clean orders and an error item for each failed or invalid row', async () => {
		const rows = [
			{ customerId: SEED.tenantId, orderLines: [e3Line(1)] },
			{ customerId: SEED.tenantId, orderLines: [e3Line(SEED.nceMaxQuantity + 1)] },
			{ customerId: SEED.tenantId, orderLines: [e3Line(1, { type: 4 })] },
			{ customerId: 501, orderLines: [e3Line(2)] },
		];
		const result = await crayon.runCrayon(fromJson, rows, { onError: 'continueRegularOutput' });

		expect(result.status).toBe('success');
		expect(crayon.apiCalls().map((call) => (call.body as IDataObject).resellerCustomerId)).toEqual([
			SEED.tenantId,
			SEED.tenantId,
			501,
		]);
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json.orderLines).toEqual([verifiedE3Line(1)]);
		expect(output[1].json).toEqual({
			error: {
				message: expect.stringMatching(
					/^Crayon's verification found 1 problem in the order: .*\(QuantityExceedsMaximum\): change its "Quantity" \[item 1\]$/,
				),
				description: expect.stringContaining('QuantityExceedsMaximum'),
				itemIndex: 1,
			},
		});
		expect(output[2].json).toEqual({
			error: {
				message:
					'Invalid input in item 2: "Order Lines (JSON) → Line 1 → type" must be one of: 3 (Subscription), 2 (Software), 1 (Reservation) (received 4)',
				description: expect.stringContaining('Nothing was sent to Crayon'),
				itemIndex: 2,
			},
		});
		expect(output[3].json.resellerCustomerId).toBe(501);
		expect(crayon.sim.purchaseCount()).toBe(0);
	});

	it('refuses an order line typed into the node with a bad value before sending anything', async () => {
		const result = await crayon.runCrayon({
			resource: 'order',
			operation: 'verify',
			resellerCustomerId: byId(SEED.tenantId),
			orderLines: { line: [e3Line(1), { ...e3Line(1), skuId: '0001"; drop' }] },
		});

		expectNothingSent(crayon, result);
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Order Lines → Line 2 → SKU ID" may only contain letters, digits and ":", ".", "_", "-" (for example 0001), with no spaces or line breaks (received "0001\\"; drop")',
		);
	});

	it('refuses an order without order lines', async () => {
		const result = await crayon.runCrayon(fromJson, [
			{ customerId: SEED.tenantId, orderLines: [] },
		]);

		expectNothingSent(crayon, result);
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Order Lines (JSON)" needs at least one order line (received [])',
		);
	});
});
