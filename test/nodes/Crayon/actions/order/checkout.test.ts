/**
 * Order → Checkout: POST /api/v1/purchaserequest/checkout (the "Checkout Order" page of Crayon's API documentation), with the order
 * from a previous Verify step or typed in, verified right before by default.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../../simulator';
import type { CrayonStep } from '../../../../../harness';
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
const CHECKOUT_PATH = '/api/v1/purchaserequest/checkout';

/**
 * Crayon's verified order for an E3 order that verified cleanly for a Norwegian tenant, which is
 * what gets checked out, key for key ("send the result from Verify Order to this endpoint").
 */
const verifiedBody = (resellerCustomerId: number, quantity: number) => ({
	resellerCustomerId,
	externalOrderId: null,
	countryCode: 'NO',
	scheduledPurchaseDate: null,
	errors: [],
	orderLines: [
		{
			...e3Line(quantity, { catalogItemId: SEED.nceCatalogItemId }),
			customTermEndDate: null,
			errors: [],
		},
	],
});

const verifyStep = (parameters: INodeParameters = {}): CrayonStep => ({
	name: 'Verify',
	parameters: {
		resource: 'order',
		operation: 'verify',
		resellerCustomerId: byId('={{ $json.customerId }}'),
		orderLinesInput: 'json',
		orderLinesJson: '={{ $json.orderLines }}',
		...parameters,
	},
});

const checkoutStep = (
	parameters: INodeParameters = {},
	settings: Partial<CrayonStep> = {},
): CrayonStep => ({
	name: 'Crayon',
	parameters: {
		resource: 'order',
		operation: 'checkout',
		orderSource: 'verifiedOrder',
		// The order exactly as sent; the simplified output has a test of its own.
		simplify: false,
		...parameters,
	},
	...settings,
});

const fromFields: INodeParameters = {
	simplify: false,
	orderSource: 'fields',
	resellerCustomerId: byId('={{ $json.customerId }}'),
	orderLinesInput: 'json',
	orderLinesJson: '={{ $json.orderLines }}',
};

const checkedOut = (body: object, verifiedBeforeCheckout: boolean) => ({
	CheckedOut: true,
	VerifiedBeforeCheckout: verifiedBeforeCheckout,
	Order: body,
});

describe('Order → Checkout', () => {
	it('outputs the checked-out order simplified by default: line types and billing cycles named', async () => {
		const result = await crayon.run(
			[{ customerId: SEED.tenantId, orderLines: [e3Line(2)] }],
			verifyStep(),
			checkoutStep({ simplify: true }),
		);

		expect(jsonOf(result.output('Crayon'))).toEqual([
			{
				CheckedOut: true,
				VerifiedBeforeCheckout: true,
				Order: {
					CustomerTenantId: SEED.tenantId,
					OrderLines: [
						{
							ProductId: SEED.nceProductId,
							SkuId: SEED.nceSkuId,
							CatalogItemId: SEED.nceCatalogItemId,
							Quantity: 2,
							BillingCycle: 'Monthly',
							TermDuration: 'P1M',
							Type: 'Subscription',
						},
					],
				},
			},
		]);
	});

	it('says to put Verify before it when its input item is not an order, and sends nothing', async () => {
		const result = await crayon.run([{ customerId: SEED.tenantId }], checkoutStep());

		expectNothingSent(crayon, result);
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Input Item" is not an order (it has no orderLines): "Verified Order From Input" checks out what an Order → Verify step before this node output. Put Order → Verify before this node, or set Order Source to "Define Below" and enter the order here (received {"customerId":123})',
		);
	});

	it('checks out the orders a previous Verify step output, verifying every one again before the first checkout', async () => {
		const rows = [
			{ customerId: SEED.tenantId, orderLines: [e3Line(2)] },
			{ customerId: 501, orderLines: [e3Line(7)] },
		];
		const result = await crayon.run(rows, verifyStep(), checkoutStep());

		expect(result.error).toBeUndefined();
		expect(result.executionOrder).toEqual(['Trigger', 'Data', 'Verify', 'Crayon']);
		expect(crayon.apiCalls()).toEqual([
			// The Verify node
			crayon.call('POST', VERIFY_PATH, {
				resellerCustomerId: SEED.tenantId,
				orderLines: [e3Line(2)],
			}),
			crayon.call('POST', VERIFY_PATH, { resellerCustomerId: 501, orderLines: [e3Line(7)] }),
			// The Checkout node: every verified order is verified once more, then each is checked out as verified
			crayon.call('POST', VERIFY_PATH, verifiedBody(SEED.tenantId, 2)),
			crayon.call('POST', VERIFY_PATH, verifiedBody(501, 7)),
			crayon.call('POST', CHECKOUT_PATH, verifiedBody(SEED.tenantId, 2)),
			crayon.call('POST', CHECKOUT_PATH, verifiedBody(501, 7)),
		]);
		expect(crayon.logins()).toHaveLength(1);
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(jsonOf(output)).toEqual([
			checkedOut(verifiedBody(SEED.tenantId, 2), true),
			checkedOut(verifiedBody(501, 7), true),
		]);
		expect(
			crayon.sim.state.purchases.map(({ kind, tenantId, lines }) => ({ kind, tenantId, lines })),
		).toEqual([
			{
				kind: 'checkout',
				tenantId: SEED.tenantId,
				lines: [{ partNumber: SEED.ncePartNumber, quantity: 2 }],
			},
			{ kind: 'checkout', tenantId: 501, lines: [{ partNumber: SEED.ncePartNumber, quantity: 7 }] },
		]);
	});

	it('checks out the verified order as it is when "Verify Before Checkout" is off', async () => {
		const result = await crayon.run(
			[{ customerId: SEED.tenantId, orderLines: [e3Line(3)] }],
			verifyStep(),
			checkoutStep({ verifyBeforeCheckout: false }),
		);

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls().map(({ path, body }) => [path, body])).toEqual([
			[VERIFY_PATH, { resellerCustomerId: SEED.tenantId, orderLines: [e3Line(3)] }],
			[CHECKOUT_PATH, verifiedBody(SEED.tenantId, 3)],
		]);
		expect(jsonOf(result.output('Crayon'))).toEqual([
			checkedOut(verifiedBody(SEED.tenantId, 3), false),
		]);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('verifies an order typed in, then checks it out with the catalogItemId Crayon filled in', async () => {
		const result = await crayon.runCrayon({
			resource: 'order',
			operation: 'checkout',
			orderSource: 'fields',
			simplify: false,
			resellerCustomerId: byId(SEED.tenantId),
			orderLines: {
				line: [
					{ ...e3Line(1), productVariantId: String(SEED.nceProductVariantId), catalogItemId: '' },
				],
			},
		});

		expect(result.error).toBeUndefined();
		expect(crayon.apiCalls()).toEqual([
			crayon.call('POST', VERIFY_PATH, {
				resellerCustomerId: SEED.tenantId,
				orderLines: [e3Line(1)],
			}),
			crayon.call('POST', CHECKOUT_PATH, verifiedBody(SEED.tenantId, 1)),
		]);
		expect(result.output('Crayon')).toEqual([
			{ json: checkedOut(verifiedBody(SEED.tenantId, 1), true), pairedItem: { item: 0 } },
		]);
	});

	it('without verifying, sends exactly the documented checkout body', async () => {
		// The documented example's date is in the past; a future one schedules the purchase.
		const scheduled = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
		const line = e3Line(1, { catalogItemId: SEED.nceCatalogItemId });
		const result = await crayon.runCrayon(
			{
				resource: 'order',
				operation: 'checkout',
				...fromFields,
				additionalFields: { scheduledPurchaseDate: scheduled },
				verifyBeforeCheckout: false,
			},
			[{ customerId: 123, orderLines: [line] }],
		);

		expect(result.error).toBeUndefined();
		const documented = {
			resellerCustomerId: 123,
			ScheduledPurchaseDate: scheduled,
			orderLines: [line],
		};
		expect(crayon.apiCalls()).toEqual([crayon.call('POST', CHECKOUT_PATH, documented)]);
		expect(jsonOf(result.output('Crayon'))).toEqual([checkedOut(documented, false)]);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('without verifying, refuses an order line that has no catalogItemId before sending anything', async () => {
		const result = await crayon.runCrayon(
			{ resource: 'order', operation: 'checkout', ...fromFields, verifyBeforeCheckout: false },
			[
				{
					customerId: SEED.tenantId,
					orderLines: [e3Line(1, { catalogItemId: SEED.nceCatalogItemId }), e3Line(1)],
				},
			],
		);

		expectNothingSent(crayon, result);
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Order Lines (JSON) → Line 2 → catalogItemId" is required when checking out without verifying first (Verify fills it in) (received nothing)',
		);
	});

	it('refuses to check out when the verification right before reports errors: no checkout request', async () => {
		const result = await crayon.runCrayon(
			{ resource: 'order', operation: 'checkout', ...fromFields },
			[
				{
					customerId: SEED.tenantId,
					orderLines: [e3Line(1, { termDuration: 'P1Y', billingCycle: 5 })],
				},
			],
		);

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Crayon\'s verification found 1 problem so nothing was checked out: Line 1 (CFQ7TTC0LF8R:0001): Billing cycle Triennial is not available for Office 365 E3 (CFQ7TTC0LF8R:0001) with term duration P1Y. Available: Monthly, Annual. (BillingCycleNotSupported): change its "Billing Cycle" [item 0]',
		);
		expect(crayon.apiCalls().map((call) => call.path)).toEqual([VERIFY_PATH]);
		expect(crayon.sim.purchaseCount()).toBe(0);
	});

	it('refuses a verified order from the input that carries errors, before sending anything', async () => {
		const result = await crayon.run(
			[{ customerId: SEED.unknownTenantId, orderLines: [e3Line(1)] }],
			verifyStep({ outputOrdersWithErrors: true }),
			checkoutStep(),
		);

		expect(result.status).toBe('error');
		expect(result.nodeError('Crayon')).toBeDefined();
		expect(result.error?.message).toBe(
			`Invalid input in item 0: "Input Item" is an order whose verification reported errors, so it will not be checked out: Order: Customer tenant ${SEED.unknownTenantId} was not found. (CustomerNotFound) (received {"resellerCustomerId":${SEED.unknownTenantId},"externalOrderId":null,"countryCode":null,"sched...)`,
		);
		expect(crayon.apiCalls().map((call) => call.path)).toEqual([VERIFY_PATH]);
		expect(crayon.sim.purchaseCount()).toBe(0);
	});

	it('with "continue on error", checks out the clean orders once and outputs an error item for the one with errors', async () => {
		const rows = [
			{ customerId: SEED.tenantId, orderLines: [e3Line(1)] },
			{ customerId: SEED.tenantId, orderLines: [e3Line(SEED.nceMaxQuantity + 1)] },
			{ customerId: 501, orderLines: [e3Line(2)] },
		];
		const result = await crayon.run(
			rows,
			verifyStep({ outputOrdersWithErrors: true }),
			checkoutStep({}, { onError: 'continueRegularOutput' }),
		);

		expect(result.status).toBe('success');
		expect(
			crayon
				.apiCalls()
				.filter((call) => call.path === CHECKOUT_PATH)
				.map((call) => call.body),
		).toEqual([verifiedBody(SEED.tenantId, 1), verifiedBody(501, 2)]);
		expect(crayon.sim.purchaseCount()).toBe(2);
		const output = result.output('Crayon');
		expect(pairedItemsOf(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toEqual(checkedOut(verifiedBody(SEED.tenantId, 1), true));
		expect(output[1].json).toEqual({
			error: {
				message: expect.stringMatching(
					/^Invalid input in item 1: "Input Item" is an order whose verification reported errors.*QuantityExceedsMaximum/,
				),
				description: expect.stringContaining('Nothing was sent to Crayon'),
				purchaseOutcome: 'notBought',
				itemIndex: 1,
			},
		});
		expect(output[2].json).toEqual(checkedOut(verifiedBody(501, 2), true));
	});

	it("reports Crayon's refusal of a checkout with Crayon's message", async () => {
		const wrongCatalogItem = `${SEED.nceProductId}:${SEED.nceSkuId}:WRONG`;
		const result = await crayon.runCrayon(
			{ resource: 'order', operation: 'checkout', ...fromFields, verifyBeforeCheckout: false },
			[{ customerId: SEED.tenantId, orderLines: [e3Line(1, { catalogItemId: wrongCatalogItem })] }],
		);

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`Crayon refused to check out an order of 1 line(s) for customer tenant ${SEED.tenantId}: The order cannot be checked out: CatalogItemId '${wrongCatalogItem}' does not match ${SEED.ncePartNumber} (expected '${SEED.nceCatalogItemId}'). [item 0]`,
		);
		expect(result.error?.description).toBe(
			[
				`Check the values this item sent: Customer Tenant ${SEED.tenantId}.`,
				'Crayon did not process this request, so nothing was bought or changed.',
				`Request: POST ${CHECKOUT_PATH} answered HTTP 400 (Crayon error code 400 BadRequest).`,
			].join('\n'),
		);
		expect(itemIndexOf(result.error)).toBe(0);
		expect(crayon.sim.purchaseCount()).toBe(0);
	});

	describe('when the answer is lost, looking the checkout up (it can confirm, never rule out)', () => {
		const lines = JSON.stringify([e3Line(3, { catalogItemId: SEED.nceCatalogItemId })]);
		const checkouts = () => crayon.requestsTo('POST', CHECKOUT_PATH);

		it('finds it among the asset orders by its externalOrderId', async () => {
			crayon.sim.injectFault({
				method: 'POST',
				path: CHECKOUT_PATH,
				dropConnection: 'after-processing',
			});
			const result = await crayon.run(
				[{ ...verifiedBody(SEED.tenantId, 3), externalOrderId: 'PO-77' }],
				checkoutStep({ verifyBeforeCheckout: false }),
			);
			expect(result.error?.message).toMatch(
				/^Outcome unknown, but most likely bought: .* A lookup at Crayon found the order with externalOrderId PO-77 among the asset orders\. \[item 0\]$/,
			);
			expect(checkouts()).toHaveLength(1);
			expect(crayon.requestsTo('GET', '/api/v1/assets/orders/')[0].query).toEqual({
				ResellerCustomerId: String(SEED.tenantId),
				ExternalOrderId: 'PO-77',
			});
		});

		it('finds a scheduled one among the scheduled purchase requests', async () => {
			crayon.sim.injectFault({
				method: 'POST',
				path: CHECKOUT_PATH,
				dropConnection: 'after-processing',
			});
			const later = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
			const result = await crayon.run(
				[{ customerId: SEED.tenantId, orderLines: lines }],
				checkoutStep({
					...fromFields,
					additionalFields: { scheduledPurchaseDate: later },
					verifyBeforeCheckout: false,
				}),
			);
			expect(result.error?.message).toContain(
				'A lookup at Crayon found a scheduled purchase request with the lines of an order of 1 line(s) for customer tenant 123.',
			);
			expect(checkouts()).toHaveLength(1);
		});

		it('says it found nothing yet, and does not check out again, when Crayon answered 503 without processing', async () => {
			crayon.sim.injectFault({
				method: 'POST',
				path: CHECKOUT_PATH,
				status: 503,
				retryAfterSeconds: 0,
			});
			const result = await crayon.run(
				[{ customerId: SEED.tenantId, orderLines: lines }],
				checkoutStep({ ...fromFields, verifyBeforeCheckout: false }),
			);
			expect(result.error?.message).toMatch(
				/^Outcome unknown: .* nothing yet that shows an order of 1 line\(s\) for customer tenant 123/,
			);
			expect(checkouts()).toHaveLength(1);
			expect(crayon.sim.purchaseCount()).toBe(0);
			expect(crayon.requestsTo('GET', '/api/v1/purchaserequest/orders/')[0].query).toMatchObject({
				customerTenantId: String(SEED.tenantId),
				sortBy: 'CreationDate',
				sortOrder: 'Descending',
			});
		});
	});
});

describe('Order → Checkout of an order line filled from a product picked in the list', () => {
	const PRODUCTS = '/api/v1/agreementproducts';
	const checkoutPicked = (settings: Partial<CrayonStep> = {}) =>
		crayon.run(
			[{}],
			checkoutStep(
				{
					orderSource: 'fields',
					resellerCustomerId: byId(SEED.tenantId),
					orderLines: {
						line: [
							{
								billingCycle: 1,
								product: {
									__rl: true,
									mode: 'list',
									value: SEED.ncePartNumber,
									cachedResultName: 'Office 365 E3 (P1M, CFQ7TTC0LF8R:0001)',
								},
								quantity: 2,
								termDuration: 'P1M',
								type: 3,
							},
						],
					},
				},
				settings,
			),
		);
	const paths = () => crayon.apiRequests().map(({ method, path }) => `${method} ${path}`);

	it("looks the product up in the tenant's catalogue, verifies, and checks out Crayon's verified order once", async () => {
		const result = await checkoutPicked();

		expect(result.error).toBeUndefined();
		expect(paths()).toEqual([`GET ${PRODUCTS}`, `POST ${VERIFY_PATH}`, `POST ${CHECKOUT_PATH}`]);
		expect(crayon.requestsTo('POST', VERIFY_PATH)[0].body).toEqual({
			resellerCustomerId: SEED.tenantId,
			orderLines: [e3Line(2)],
		});
		expect(crayon.requestsTo('POST', CHECKOUT_PATH)[0].body).toEqual(
			verifiedBody(SEED.tenantId, 2),
		);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('reads the catalogue again after a 503 (a read is safe to repeat) and still buys once', async () => {
		crayon.sim.injectFault({ method: 'GET', path: PRODUCTS, status: 503 });
		const result = await checkoutPicked();

		expect(result.error).toBeUndefined();
		expect(paths()).toEqual([
			`GET ${PRODUCTS}`,
			`GET ${PRODUCTS}`,
			`POST ${VERIFY_PATH}`,
			`POST ${CHECKOUT_PATH}`,
		]);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});

	it('never sends the checkout again when its answer is lost: the lookup finds it, the order stands once', async () => {
		crayon.sim.injectFault({
			method: 'POST',
			path: CHECKOUT_PATH,
			dropConnection: 'after-processing',
		});
		const result = await checkoutPicked({ onError: 'continueRegularOutput' });

		expect(result.error).toBeUndefined();
		const [item] = jsonOf(result.output('Crayon')) as Array<{
			error: { message: string; purchaseOutcome: string };
		}>;
		// The lookup of the purchase orders confirms it; nothing is sent again either way.
		expect(item.error.message).toMatch(/^Outcome unknown, but most likely bought/);
		expect(item.error.purchaseOutcome).toBe('likelyBought');
		expect(crayon.requestsTo('POST', CHECKOUT_PATH)).toHaveLength(1);
		expect(crayon.sim.purchaseCount()).toBe(1);
	});
});
