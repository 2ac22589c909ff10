/**
 * Every operation fed every class of invalid value (missing, empty, negative, fractional,
 * outside the allowed values, impossible dates, and strings that try to change the URL or
 * smuggle in a command) for each field, mapped from the input item as in real workflows.
 * Each must fail with an error naming the item, the field and the received value, before
 * anything (not even the login) is sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED } from '../../../../simulator';
import { itemIndexOf, mappedE3Line, useCrayon } from '../../../helpers';

const crayon = useCrayon();

/** The input item has no such field at all. */
const MISSING = Symbol('missing');
type BadValue = unknown;

const INJECTIONS = [
	'../5001',
	'5001/../5002',
	'1; DROP TABLE subscriptions',
	'%2F5001',
	'5001%0A',
	'50\n01',
	'5001?quantity=999',
	'5001#',
];
/** Past what Crayon's Int32 ids and quantities hold: refused here, not by Crayon after earlier rows were bought. */
const BEYOND_INT32: BadValue[] = [2147483648, '2147483648', 1e12];
/** Whitespace around a value is refused, not trimmed away: a line break is how a pasted cell smuggles in more. */
const PADDED = [' 123', '123 ', '123\n', '\t123'];
const BAD_ID: BadValue[] = [
	MISSING,
	'',
	'   ',
	-1,
	0,
	1.5,
	'1.5',
	'12abc',
	true,
	...BEYOND_INT32,
	...PADDED,
	...INJECTIONS,
];
const BAD_QUANTITY: BadValue[] = [
	MISSING,
	'',
	-1,
	0,
	2.5,
	'2.5',
	'ten',
	1e20,
	'1; DROP TABLE',
	'%2F',
	'3\n4',
	...BEYOND_INT32,
	' 5',
	'5 ',
];
const BAD_CODE: BadValue[] = [
	MISSING,
	'',
	42,
	'../../etc/passwd',
	'CFQ7TTC0LF8R:0001; DROP TABLE',
	'%2F..%2F',
	'CFQ7 TTC0LF8R',
	'CFQ7\nTTC0LF8R',
	':0001',
	'x'.repeat(101),
	' CFQ7TTC0LF8R:0001',
	'CFQ7TTC0LF8R:0001\n',
];
const BAD_NCE_PART_NUMBER: BadValue[] = [...BAD_CODE, 'CFQ7TTC0LF8R', 'CFQ7TTC0LF8R:0001:extra'];
const BAD_DATE: BadValue[] = [
	'2025-02-30',
	'2025-13-01',
	'tomorrow',
	'31/12/2025',
	'2025-12-01; DROP TABLE',
	'../2025-12-01',
	20251201,
	'2025-12-01\nX',
	'2025-12-01T25:99:00Z',
	'2025-12-01T23:60:00Z',
	'2025-12-01T10:00:00+99:99',
	'2025-12-01T10:00:00+15:00',
	' 2025-12-01',
];
/** A day: also no time of day, which would otherwise be cut off without a word. */
const BAD_DAY: BadValue[] = [...BAD_DATE, '2025-12-01T14:30:00', '2025-12-01T00:00:01Z'];
const BAD_TERM: BadValue[] = [MISSING, '', 'P2Y', 'P1M; DROP', 'monthly', 3];
const BAD_SUBSCRIPTION_BILLING_CYCLE: BadValue[] = ['Weekly', 6, 42, -1, 1.5, '1; DROP'];
const BAD_ORDER_BILLING_CYCLE: BadValue[] = [MISSING, '', 'Weekly', 7, 9, -1, 1.5];
const BAD_LINE_TYPE: BadValue[] = [MISSING, 0, 4, 'Hardware', 2.5];
const BAD_TEXT: BadValue[] = [
	MISSING,
	'',
	'   ',
	'x'.repeat(201),
	42,
	'Line\nbreak',
	'tab\there',
	'nul\u0000char',
	'bell\u0007',
	'line\u2028separator',
];
const BAD_GUID: BadValue[] = [
	MISSING,
	'',
	'not-a-guid',
	'../767bc43f-c3af-48e7-b7fa-89889132a655',
	'%2F',
	'767bc43f-c3af-48e7-b7fa-89889132a655; DROP',
];
const BAD_SECONDS: BadValue[] = [-1, 0, 'soon', 86_401];
const BAD_LIMIT: BadValue[] = [-1, 0, 1.5, 'all'];

interface OperationCase {
	parameters: INodeParameters;
	/** An item every field of which is valid: proves the cases below fail for the bad value only. */
	validItem: IDataObject;
	/** Field of the item (mapped into the parameter of the same name) → its label in errors and the values to try. */
	fields: Record<string, { label: string; bad: BadValue[] }>;
}

/** `={{ $json.<name> }}` for each name: the parameters take their values from the input item. */
const mapped = (...names: string[]): INodeParameters =>
	Object.fromEntries(names.map((name) => [name, `={{ $json[${JSON.stringify(name)}] }}`]));

const validOrderLine = mappedE3Line();

/** Order line fields: each bad value goes into the first line of the order. */
const orderLineFields: Record<string, { label: string; bad: BadValue[] }> = {
	'line.productId': { label: 'Line 1 → productId', bad: BAD_CODE },
	'line.skuId': { label: 'Line 1 → skuId', bad: BAD_CODE },
	'line.quantity': { label: 'Line 1 → quantity', bad: BAD_QUANTITY },
	'line.billingCycle': { label: 'Line 1 → billingCycle', bad: BAD_ORDER_BILLING_CYCLE },
	'line.termDuration': { label: 'Line 1 → termDuration', bad: BAD_TERM },
	'line.type': { label: 'Line 1 → type', bad: BAD_LINE_TYPE },
	'line.productVariantId': {
		label: 'Line 1 → productVariantId',
		bad: BAD_ID.filter((value) => value !== MISSING && value !== '' && value !== '   '),
	},
	'line.catalogItemId': {
		label: 'Line 1 → catalogItemId',
		bad: BAD_CODE.filter((value) => value !== MISSING && value !== ''),
	},
	'line.customTermEndDate': { label: 'Line 1 → customTermEndDate', bad: BAD_DATE },
};

/** A value left empty is not sent, so only what cannot be sent is bad. */
const givenOnly = (bad: BadValue[]) =>
	bad.filter((value) => value !== MISSING && value !== '' && value !== '   ');

const orderFields = {
	resellerCustomerId: { label: 'Customer Tenant', bad: BAD_ID },
	scheduledPurchaseDate: {
		label: 'Additional Fields → Scheduled Purchase Date',
		bad: givenOnly(BAD_DAY),
	},
	adminAccount: {
		label: 'Additional Fields → Admin Account',
		bad: ['admin@contoso.com\r\n', 'x'.repeat(255), 42, 'tab\there'],
	},
	externalOrderId: { label: 'Additional Fields → External Order ID', bad: givenOnly(BAD_TEXT) },
	notificationEmail: {
		label: 'Additional Fields → Notification Email',
		bad: ['a@b.c\nBcc: x@y.z', 'x'.repeat(255), 42],
	},
	invoiceProfileId: { label: 'Additional Fields → Invoice Profile ID', bad: givenOnly(BAD_ID) },
	lines: { label: 'Order Lines', bad: [MISSING, 'not json', '{}', '[]', [], 42] },
	...orderLineFields,
};

const orderParameters = {
	...mapped('resellerCustomerId'),
	additionalFields: mapped(
		'scheduledPurchaseDate',
		'adminAccount',
		'externalOrderId',
		'notificationEmail',
		'invoiceProfileId',
	),
	orderLinesInput: 'json',
	orderLinesJson: '={{ $json.lines }}',
};

const operations: Record<string, OperationCase> = {
	'Subscription → Create (legacy CSP)': {
		parameters: {
			resource: 'subscription',
			operation: 'create',
			productType: 'legacy',
			...mapped('name', 'customerTenantId', 'partNumber', 'quantity'),
		},
		validItem: {
			name: 'Bad input',
			customerTenantId: SEED.legacyTenantId,
			partNumber: SEED.legacyPartNumber,
			quantity: 1,
		},
		fields: {
			name: { label: 'Subscription Name', bad: BAD_TEXT },
			customerTenantId: { label: 'Customer Tenant', bad: BAD_ID },
			partNumber: { label: 'Part Number', bad: BAD_CODE },
			quantity: { label: 'Quantity', bad: BAD_QUANTITY },
		},
	},
	'Subscription → Create (New Commerce)': {
		parameters: {
			resource: 'subscription',
			operation: 'create',
			productType: 'nce',
			additionalFields: mapped('organizationId'),
			...mapped('customerTenantId', 'partNumber', 'quantity', 'billingCycle', 'termDuration'),
		},
		validItem: {
			customerTenantId: SEED.tenantId,
			partNumber: SEED.ncePartNumber,
			quantity: 1,
			billingCycle: 1,
			termDuration: 'P1M',
		},
		fields: {
			customerTenantId: { label: 'Customer Tenant', bad: BAD_ID },
			organizationId: { label: 'Additional Fields → Organization', bad: givenOnly(BAD_ID) },
			partNumber: { label: 'Part Number', bad: BAD_NCE_PART_NUMBER },
			quantity: { label: 'Quantity', bad: BAD_QUANTITY },
			billingCycle: {
				label: 'Billing Cycle',
				bad: [MISSING, '', ...BAD_SUBSCRIPTION_BILLING_CYCLE],
			},
			termDuration: { label: 'Term Duration', bad: BAD_TERM },
		},
	},
	'Subscription → Add Add-On': {
		parameters: {
			resource: 'subscription',
			operation: 'addAddon',
			...mapped('subscriptionId', 'offerId', 'quantity'),
		},
		validItem: {
			subscriptionId: SEED.addonCapableSubscriptionId,
			offerId: SEED.addonOfferId,
			quantity: 1,
		},
		fields: {
			subscriptionId: { label: 'Subscription', bad: BAD_ID },
			offerId: { label: 'Offer', bad: BAD_CODE },
			quantity: { label: 'Quantity', bad: BAD_QUANTITY },
		},
	},
	'Subscription → Update Quantity': {
		parameters: {
			resource: 'subscription',
			operation: 'updateQuantity',
			...mapped('subscriptionId', 'quantity'),
		},
		validItem: { subscriptionId: SEED.addonCapableSubscriptionId, quantity: 2 },
		fields: {
			subscriptionId: { label: 'Subscription', bad: BAD_ID },
			quantity: { label: 'Quantity', bad: BAD_QUANTITY },
		},
	},
	'Subscription → Get': {
		parameters: { resource: 'subscription', operation: 'get', ...mapped('subscriptionId') },
		validItem: { subscriptionId: SEED.addonCapableSubscriptionId },
		fields: { subscriptionId: { label: 'Subscription', bad: BAD_ID } },
	},
	'Subscription → Get Add-On Offers': {
		parameters: {
			resource: 'subscription',
			operation: 'getAddonOffers',
			...mapped('subscriptionId'),
		},
		validItem: { subscriptionId: SEED.addonCapableSubscriptionId },
		fields: { subscriptionId: { label: 'Subscription', bad: BAD_ID } },
	},
	'Subscription → Get Coterminosity Dates': {
		parameters: {
			resource: 'subscription',
			operation: 'getCoterminosityDates',
			...mapped('customerTenantId', 'termDuration'),
		},
		validItem: { customerTenantId: SEED.tenantId, termDuration: 'P1Y' },
		fields: {
			customerTenantId: { label: 'Customer Tenant', bad: BAD_ID },
			termDuration: { label: 'Term Duration', bad: BAD_TERM },
		},
	},
	'Subscription → Get Many': {
		parameters: {
			resource: 'subscription',
			operation: 'getMany',
			returnAll: false,
			...mapped('limit'),
		},
		validItem: { limit: 5 },
		fields: { limit: { label: 'Limit', bad: BAD_LIMIT } },
	},
	'New Commerce Order → Create': {
		parameters: {
			resource: 'newCommerceOrder',
			operation: 'create',
			...mapped(
				'customerTenantId',
				'partNumber',
				'quantity',
				'billingCycle',
				'termDuration',
				'waitTimeoutSeconds',
				'pollIntervalSeconds',
			),
			waitForSubscriptionId: true,
			additionalFields: mapped('customTermEndDate', 'scheduledDate'),
		},
		validItem: {
			customerTenantId: SEED.tenantId,
			partNumber: SEED.secondNcePartNumber,
			quantity: 1,
			billingCycle: 1,
			termDuration: 'P1M',
			waitTimeoutSeconds: 5,
			pollIntervalSeconds: 0.01,
		},
		fields: {
			customerTenantId: { label: 'Customer Tenant', bad: BAD_ID },
			partNumber: { label: 'Part Number', bad: BAD_NCE_PART_NUMBER },
			quantity: { label: 'Quantity', bad: BAD_QUANTITY },
			billingCycle: { label: 'Billing Cycle', bad: BAD_ORDER_BILLING_CYCLE },
			termDuration: { label: 'Term Duration', bad: BAD_TERM },
			customTermEndDate: { label: 'Custom Term End Date', bad: BAD_DATE },
			scheduledDate: { label: 'Scheduled Date', bad: givenOnly(BAD_DAY) },
			waitTimeoutSeconds: { label: 'Wait Timeout (Seconds)', bad: BAD_SECONDS },
			pollIntervalSeconds: { label: 'Poll Interval (Seconds)', bad: BAD_SECONDS },
		},
	},
	'New Commerce Order → Get Subscription IDs': {
		parameters: {
			resource: 'newCommerceOrder',
			operation: 'getSubscriptionIds',
			...mapped('newCommerceOrderId'),
		},
		validItem: { newCommerceOrderId: '767bc43f-c3af-48e7-b7fa-89889132a655' },
		fields: { newCommerceOrderId: { label: 'New Commerce Order ID', bad: BAD_GUID } },
	},
	'Order → Verify': {
		parameters: { resource: 'order', operation: 'verify', ...orderParameters },
		validItem: { resellerCustomerId: SEED.tenantId, lines: [validOrderLine] },
		fields: orderFields,
	},
	'Order → Checkout (order defined in the node)': {
		parameters: {
			resource: 'order',
			operation: 'checkout',
			orderSource: 'fields',
			verifyBeforeCheckout: true,
			...orderParameters,
		},
		validItem: { resellerCustomerId: SEED.tenantId, lines: [validOrderLine] },
		fields: orderFields,
	},
	'Order → Checkout (verified order from the input item)': {
		parameters: {
			resource: 'order',
			operation: 'checkout',
			orderSource: 'verifiedOrder',
			verifyBeforeCheckout: false,
		},
		validItem: {
			resellerCustomerId: SEED.tenantId,
			orderLines: [{ ...validOrderLine, catalogItemId: SEED.nceCatalogItemId }],
		},
		fields: {
			resellerCustomerId: { label: 'resellerCustomerId', bad: BAD_ID },
			scheduledPurchaseDate: { label: 'scheduledPurchaseDate', bad: BAD_DATE },
			externalOrderId: { label: 'externalOrderId', bad: ['x'.repeat(1_000_000), 'order\n2', 42] },
			countryCode: { label: 'countryCode', bad: ['NOR', 'N\nO', 47] },
			notificationEmail: {
				label: 'notificationEmail',
				bad: ['a@b.c\nBcc: x@y.z', 'x'.repeat(255)],
			},
			invoiceProfileId: { label: 'invoiceProfileId', bad: [0, 1.5, 2147483648, '7 '] },
			'verifiedLine.name': { label: 'Line 1 → name', bad: ['x\u0000y', 'x'.repeat(101)] },
			'verifiedLine.subscriptionId': { label: 'Line 1 → subscriptionId', bad: [0, 2147483648] },
			...Object.fromEntries(
				Object.entries(orderLineFields).map(([field, { label, bad }]) => [
					field.replace('line.', 'verifiedLine.'),
					{ label, bad: field === 'line.catalogItemId' ? [MISSING, ...bad] : bad },
				]),
			),
		},
	},
	'Customer Tenant → Get': {
		parameters: { resource: 'customerTenant', operation: 'get', ...mapped('customerTenantId') },
		validItem: { customerTenantId: SEED.tenantId },
		fields: { customerTenantId: { label: 'Customer Tenant', bad: BAD_ID } },
	},
	'Customer Tenant → Get Many': {
		parameters: {
			resource: 'customerTenant',
			operation: 'getMany',
			returnAll: false,
			...mapped('limit'),
		},
		validItem: { limit: 5 },
		fields: { limit: { label: 'Limit', bad: BAD_LIMIT } },
	},
	'Organization → Get Many': {
		parameters: {
			resource: 'organization',
			operation: 'getMany',
			returnAll: false,
			...mapped('limit'),
		},
		validItem: { limit: 5 },
		fields: { limit: { label: 'Limit', bad: BAD_LIMIT } },
	},
};

/** The valid item with `field` set to `value` (a field of the first order line for `line.*` / `verifiedLine.*`). */
function itemWith(validItem: IDataObject, field: string, value: BadValue): IDataObject {
	const [scope, name] = field.includes('.') ? field.split('.') : [undefined, field];
	const item = structuredClone(validItem);
	const target =
		scope === undefined
			? item
			: (scope === 'line' ? (item.lines as IDataObject[]) : (item.orderLines as IDataObject[]))[0];
	if (value === MISSING) delete target[name];
	else target[name] = value as IDataObject[string];
	return item;
}

function describeValue(value: BadValue): string {
	if (value === MISSING) return 'missing';
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 30 ? `${text.slice(0, 27)}...` : text;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(Object.entries(operations))('%s', (_, { parameters, validItem, fields }) => {
	it('accepts the valid item (so each case below fails for its bad value only)', async () => {
		const result = await crayon.runCrayon(parameters, [validItem], {
			onError: 'continueRegularOutput',
		});

		const error = result.output('Crayon')[0].json.error as { message?: string } | undefined;
		expect(error?.message ?? '').not.toMatch(/^Invalid input/);
		expect(crayon.sim.requests.length).toBeGreaterThan(0);
	});

	const cases = Object.entries(fields).flatMap(([field, { label, bad }]) =>
		bad.map((value) => ({ field, label, value, name: `${field} = ${describeValue(value)}` })),
	);

	it.each(cases)('rejects $name before sending anything', async ({ field, label, value }) => {
		const item = itemWith(validItem, field, value);
		// The bad item is the second: every item is validated before the first request.
		const result = await crayon.runCrayon(parameters, [validItem, item]);

		expect(result.status).toBe('error');
		expect(crayon.sim.requests).toEqual([]);
		const message = result.error?.message ?? '';
		expect(message).toMatch(
			new RegExp(
				`^Invalid input in item 1: "[^"]*${escapeRegExp(label)}[^"]*" .+ \\(received .+\\)`,
				'i',
			),
		);
		expect(result.error?.description).toMatch(/Nothing was sent to Crayon/);
		expect(itemIndexOf(result.error)).toBe(1);
	});
});

describe('Values given twice, once in each casing', () => {
	it('refuses an order line with both "quantity" and "Quantity" before sending anything', async () => {
		const result = await crayon.runCrayon(operations['Order → Verify'].parameters, [
			{ resellerCustomerId: SEED.tenantId, lines: [{ ...validOrderLine, Quantity: 999 }] },
		]);

		expect(crayon.sim.requests).toEqual([]);
		expect(result.error?.message).toMatch(
			/^Invalid input in item 0: "Order Lines \(JSON\) → Line 1 → Quantity" is given twice \("quantity" and "Quantity"\): keep one/,
		);
	});

	it('refuses a verified order from the input that holds a key twice, or a control character anywhere', async () => {
		const { parameters, validItem } =
			operations['Order → Checkout (verified order from the input item)'];
		const twice = { ...validItem, ResellerCustomerId: 501 };
		const hidden = {
			...validItem,
			orderLines: [
				{
					...(validItem.orderLines as IDataObject[])[0],
					provisioningContext: { note: 'ok\r\nX-Injected: 1' },
				},
			],
		};

		for (const item of [twice, hidden]) {
			const result = await crayon.runCrayon(parameters, [item]);
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(/^Invalid input in item 0: "Input Item/);
		}
		expect(crayon.sim.requests).toEqual([]);
	});
});
