import { SEED } from '../../simulator';
import { apiClient, sleep, useSimulator } from '../helpers';

const DELAY_MS = 300;
const ORDERS = '/api/v1/subscriptions/new-commerce-orders';

/** The documented example without the (now past) scheduledDate and the custom term end date. */
const orderBody = (): Record<string, unknown> => ({
	customerTenantId: SEED.tenantId,
	billingCycle: 1,
	partNumber: SEED.secondNcePartNumber,
	quantity: 1,
	termDuration: 'P1M',
});

function isoDay(offsetDays: number): string {
	return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('The simulator (New Commerce orders)', () => {
	const { sim, api } = useSimulator(
		{ newCommerceOrderProcessingDelayMs: DELAY_MS },
		{ reset: 'beforeEach', login: 'beforeEach' },
	);

	it('accepts an order, shows [] until the processing delay has passed, then [subscriptionId]', async () => {
		const res = await api.post(ORDERS, orderBody());
		expect(res.status).toBe(200);
		expect(res.data).toEqual({
			IsSuccessful: true,
			ErrorReasonCode: null,
			ErrorDescription: null,
			NewCommerceOrderId: expect.stringMatching(/^[0-9a-f-]{36}$/),
		});
		expect(sim.purchaseCount()).toBe(1);
		const orderId = res.data.NewCommerceOrderId as string;

		const before = await api.get(`${ORDERS}/${orderId}`);
		expect(before.status).toBe(200);
		expect(before.data).toEqual([]);
		expect(sim.state.subscriptions.size).toBe(SEED.subscriptionCount);

		await sleep(DELAY_MS + 50);
		const after = await api.get(`${ORDERS}/${orderId}/`);
		expect(after.status).toBe(200);
		expect(after.data).toEqual([SEED.nextSubscriptionId]);

		const sub = await api.get(`/api/v1/subscriptions/${SEED.nextSubscriptionId}`);
		expect(sub.status).toBe(200);
		expect(sub.data).toMatchObject({
			Status: 1,
			Quantity: 1,
			TermDuration: 'P1M',
			BillingCycle: 1,
			Product: { PartNumber: SEED.secondNcePartNumber },
			CustomerTenant: { Id: SEED.tenantId },
		});
		expect(sim.state.purchases[0]).toMatchObject({
			kind: 'nce-order',
			nceOrderId: orderId,
			subscriptionIds: [SEED.nextSubscriptionId],
		});
	});

	it('creates the subscription in state once due, even without polling', async () => {
		const res = await api.post(ORDERS, orderBody());
		await sleep(DELAY_MS + 100);
		expect(sim.state.nceOrders.get(res.data.NewCommerceOrderId)?.subscriptionId).toBe(
			SEED.nextSubscriptionId,
		);
		expect(sim.state.subscriptions.has(SEED.nextSubscriptionId)).toBe(true);
	});

	it('accepts PascalCase keys and enum names', async () => {
		const res = await api.post(ORDERS, {
			CustomerTenantId: SEED.tenantId,
			BillingCycle: 'Annual',
			PartNumber: SEED.ncePartNumber.toLowerCase(),
			Quantity: 5,
			TermDuration: 'P1Y',
			CustomTermEndDate: null,
			ScheduledDate: null,
		});
		expect(res.status).toBe(200);
		expect(res.data.IsSuccessful).toBe(true);
	});

	it('answers 404 for an unknown order id', async () => {
		const res = await api.get(`${ORDERS}/767bc43f-c3af-48e7-b7fa-89889132a655`);
		expect(res.status).toBe(404);
		expect(res.data.ErrorCode).toBe('404 NotFound');
	});

	it.each(['CustomerTenantId', 'BillingCycle', 'PartNumber', 'Quantity', 'TermDuration'])(
		'answers 400 naming %s when it is missing',
		async (property) => {
			const body = orderBody();
			delete body[property.charAt(0).toLowerCase() + property.slice(1)];
			const res = await api.post(ORDERS, body);
			expect(res.status).toBe(400);
			expect(res.data.ErrorCode).toBe('400 BadRequest');
			expect(res.data.Message).toBe(`The ${property} field is required.`);
			expect(res.data.ObjectErrors[0].Parameters.PropertyName).toBe(property);
			expect(sim.purchaseCount()).toBe(0);
		},
	);

	it.each([
		[
			'a string quantity',
			{ quantity: '1' },
			'Quantity',
			"Could not convert string to integer: '1'. Path 'quantity'.",
		],
		[
			'a zero quantity',
			{ quantity: 0 },
			'Quantity',
			'The field Quantity must be between 1 and 2147483647.',
		],
		[
			'a string tenant id',
			{ customerTenantId: '123' },
			'CustomerTenantId',
			"Could not convert string to integer: '123'. Path 'customerTenantId'.",
		],
		['an unknown term duration', { termDuration: 'P6M' }, 'TermDuration', "'P6M' is not supported"],
		[
			'a BillingCycleEnum-only value (TwoYears = 7)',
			{ billingCycle: 7 },
			'BillingCycle',
			"Error converting value 7 to type 'BillingCycleType'.",
		],
		[
			'an unknown tenant',
			{ customerTenantId: SEED.unknownTenantId },
			'CustomerTenantId',
			`Customer tenant ${SEED.unknownTenantId} was not found.`,
		],
		[
			'an unknown NCE part number',
			{ partNumber: SEED.unknownNcePartNumber },
			'PartNumber',
			'was not found in the New Commerce catalogue',
		],
		[
			'a legacy part number',
			{ partNumber: SEED.legacyPartNumber },
			'PartNumber',
			'is not a New Commerce part number',
		],
		[
			'an add-on part number',
			{ partNumber: SEED.nceAddonOfferId },
			'PartNumber',
			'is an add-on offer',
		],
		[
			'a software part number',
			{ partNumber: `${SEED.softwareProductId}:${SEED.softwareSkuId}` },
			'PartNumber',
			'is not a New Commerce subscription product',
		],
		[
			'an invalid CustomTermEndDate',
			{ customTermEndDate: '30/09/2022' },
			'CustomTermEndDate',
			'Could not convert string to DateTime: 30/09/2022.',
		],
		[
			'an invalid ScheduledDate',
			{ scheduledDate: 'tomorrow' },
			'ScheduledDate',
			'Could not convert string to DateTime: tomorrow.',
		],
	])('answers 400 for %s', async (_label, patch, property, message) => {
		const res = await api.post(ORDERS, { ...orderBody(), ...patch });
		expect(res.status).toBe(400);
		expect(res.data.Message).toContain(message);
		expect(res.data.ObjectErrors[0].Parameters.PropertyName).toBe(property);
		expect(sim.purchaseCount()).toBe(0);
	});

	it.each([
		[
			'a quantity above the maximum',
			{ partNumber: SEED.ncePartNumber, quantity: SEED.nceMaxQuantity + 1 },
			'QuantityExceedsMaximum',
		],
		[
			'a tenant not eligible for NCE',
			{ customerTenantId: SEED.nceIneligibleTenantId },
			'CustomerNotEligible',
		],
		['a term the product does not offer', { termDuration: 'P3Y' }, 'TermDurationNotSupported'],
		[
			'a billing cycle the term does not allow',
			{ billingCycle: 2, termDuration: 'P1M' },
			'BillingCycleNotSupported',
		],
		[
			'a billing cycle no product offers (OneTime)',
			{ billingCycle: 4 },
			'BillingCycleNotSupported',
		],
		[
			'a scheduled date in the past (the documented example date)',
			{ scheduledDate: '2023-05-23' },
			'ScheduledDateInPast',
		],
		[
			'a custom term end date that is no coterminosity option',
			{ customTermEndDate: '2022-09-30T23:59:59Z' },
			'InvalidCustomTermEndDate',
		],
	])('returns 200 IsSuccessful:false for %s', async (_label, patch, code) => {
		const res = await api.post(ORDERS, { ...orderBody(), ...patch });
		expect(res.status).toBe(200);
		expect(res.data).toEqual({
			IsSuccessful: false,
			ErrorReasonCode: code,
			ErrorDescription: expect.any(String),
			NewCommerceOrderId: null,
		});
		expect(res.data.ErrorDescription.length).toBeGreaterThan(10);
		expect(sim.purchaseCount()).toBe(0);
		expect(sim.state.nceOrders.size).toBe(0);
	});

	it('accepts the quantity at the maximum', async () => {
		const res = await api.post(ORDERS, {
			...orderBody(),
			partNumber: SEED.ncePartNumber,
			quantity: SEED.nceMaxQuantity,
		});
		expect(res.data.IsSuccessful).toBe(true);
	});

	it('keeps a future scheduled order at [] but counts it as a purchase; today is a regular order', async () => {
		const scheduled = await api.post(ORDERS, { ...orderBody(), scheduledDate: isoDay(10) });
		expect(scheduled.data.IsSuccessful).toBe(true);
		const today = await api.post(ORDERS, { ...orderBody(), scheduledDate: isoDay(0) });
		expect(today.data.IsSuccessful).toBe(true);
		expect(sim.purchaseCount()).toBe(2);
		await sleep(DELAY_MS + 50);
		expect((await api.get(`${ORDERS}/${scheduled.data.NewCommerceOrderId}`)).data).toEqual([]);
		expect((await api.get(`${ORDERS}/${today.data.NewCommerceOrderId}`)).data).toHaveLength(1);
	});

	it('accepts a CustomTermEndDate offered by the coterminosity endpoint and uses it as the end date', async () => {
		const cot = await api.get('/api/v2/subscriptions/coterminosity', {
			params: { customerTenantId: SEED.tenantId, termDuration: 'P1Y' },
		});
		expect(cot.status).toBe(200);
		const res = await api.post(ORDERS, {
			...orderBody(),
			partNumber: SEED.ncePartNumber,
			termDuration: 'P1Y',
			customTermEndDate: cot.data.CalendarMonthDate,
		});
		expect(res.data).toMatchObject({ IsSuccessful: true });
		await sleep(DELAY_MS + 50);
		const [id] = (await api.get(`${ORDERS}/${res.data.NewCommerceOrderId}`)).data as number[];
		const sub = await api.get(`/api/v1/subscriptions/${id}`);
		expect(sub.data.CommitmentEndDate).toBe(cot.data.CalendarMonthDate);

		const aligned = cot.data.Subscriptions.find(
			(s: { Id: number }) => s.Id === SEED.nceSubscriptionId,
		);
		expect(aligned).toBeDefined();
		const second = await api.post(ORDERS, {
			...orderBody(),
			partNumber: SEED.ncePartNumber,
			termDuration: 'P1Y',
			customTermEndDate: aligned.EndDate,
		});
		expect(second.data.IsSuccessful).toBe(true);
	});
});

describe('The simulator with NCE processing delay 0 and past scheduled dates allowed', () => {
	const { sim } = useSimulator({
		newCommerceOrderProcessingDelayMs: 0,
		rejectPastScheduledDates: false,
	});

	it('processes immediately and treats a past scheduled date as "now"', async () => {
		const api = await apiClient(sim);
		const res = await api.post(ORDERS, { ...orderBody(), scheduledDate: '2023-05-23' });
		expect(res.data.IsSuccessful).toBe(true);
		expect((await api.get(`${ORDERS}/${res.data.NewCommerceOrderId}`)).data).toEqual([
			SEED.nextSubscriptionId,
		]);
	});
});
