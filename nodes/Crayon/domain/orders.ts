import type { IDataObject, NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import { answer, fieldOf, type CrayonClient } from '../transport';
import { camelizeKeys } from './casing';
import { optionName, orderBillingCycles, orderLineTypes, termDurations } from './enums';
import {
	catalogueCode,
	crayonId,
	dateTime,
	hasControlCharacter,
	NO_CONTROL_CHARACTERS,
	quantity,
	text,
} from './values';

/**
 * Purchase request orders: verify, then check out ("Checkout Order" page of Crayon's API
 * documentation: "send the result from Verify Order to this endpoint"; crayon-api-sdk:
 * src/Crayon.Api.Sdk/Resources/PurchaseRequestResource.cs, Domain/Csp/PurchaseRequestOrder*.cs).
 */

export const VERIFY_PATH = '/api/v1/purchaserequest/verify';
export const CHECKOUT_PATH = '/api/v1/purchaserequest/checkout';

/** An order body: the documented keys of an order typed into the node, or a verified order as Crayon returned it. */
export type OrderBody = IDataObject & { orderLines: IDataObject[] };

const comparable = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The fields a line error is about: the line properties its reason code or its properties'
 * names mention ("BillingCycleNotSupported", `{ProductId, SkuId}`); its free text is left out,
 * where "product" or "type" also appear as ordinary words.
 */
function fieldsOfLineError(
	error: { reasonCode?: unknown; properties?: unknown },
	labels: Record<string, string>,
): string[] {
	const names = [
		typeof error.reasonCode === 'string' ? error.reasonCode : '',
		...(error.properties !== null && typeof error.properties === 'object'
			? Object.keys(error.properties)
			: []),
	].map(comparable);
	const matched = Object.entries(labels)
		.filter(([property]) => names.some((name) => name.includes(comparable(property))))
		.map(([, label]) => label);
	return [...new Set(matched)];
}

/**
 * Order-level and line-level `errors` of a verified order, as readable sentences; a line error
 * says which field to change, by `labels`: line property → the label of the node's field.
 */
export function verificationProblems(
	verifiedOrder: unknown,
	labels: Record<string, string>,
): string[] {
	const order = camelizeKeys(verifiedOrder) as {
		errors?: Array<{ code?: unknown; description?: unknown }> | null;
		orderLines?: Array<{
			productId?: unknown;
			skuId?: unknown;
			errors?: Array<{ reasonCode?: unknown; description?: unknown; properties?: unknown }> | null;
		}>;
	};
	const orderProblems = (Array.isArray(order.errors) ? order.errors : []).map(
		(error) =>
			`Order: ${String(error.description ?? 'error')} (${String(error.code ?? 'no code')})`,
	);
	const lineProblems = (Array.isArray(order.orderLines) ? order.orderLines : []).flatMap(
		(line, index) =>
			(Array.isArray(line?.errors) ? line.errors : []).map((error) => {
				const toChange = fieldsOfLineError(error, labels);
				const change =
					toChange.length > 0
						? `: change its ${toChange.map((label) => `"${label}"`).join(' or ')}`
						: '';
				return `Line ${index + 1} (${String(line.productId ?? '?')}:${String(line.skuId ?? '?')}): ${String(error.description ?? 'error')} (${String(error.reasonCode ?? 'no code')})${change}`;
			}),
	);
	return [...orderProblems, ...lineProblems];
}

const verifiedOrderAnswer = answer(
	z.custom<OrderBody>((value) => Array.isArray(fieldOf(value, 'orderLines'))),
	'the verified order (with orderLines)',
);

/** POST verify; returns Crayon's whole verified order as it answered it. */
export async function verifyOrder(client: CrayonClient, body: OrderBody): Promise<OrderBody> {
	return await client.read(
		{ method: 'POST', path: VERIFY_PATH, body, action: 'verify the order' },
		verifiedOrderAnswer,
	);
}

/** How large a verified order may be: far above Crayon's largest orders, far below what hurts. */
const MAX_ORDER_JSON_LENGTH = 512 * 1024;
const MAX_DEPTH = 12;

/** A number or one of the enumeration's names, as Crayon returns either; digits in text are the number. */
function enumValue(options: ReadonlyArray<{ name: string; value: string | number }>) {
	const names = options.map((option) => option.name.replace(/\s+/g, '').toLowerCase());
	const allowed = options.map((option) => `${option.value} (${option.name})`).join(', ');
	return z
		.union([z.number(), z.string()], {
			required_error: 'is required',
			invalid_type_error: `must be one of: ${allowed}`,
		})
		.transform((value) =>
			typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
		)
		.refine(
			(value) =>
				options.some((option) => option.value === value) ||
				(typeof value === 'string' && names.includes(value.toLowerCase())),
			`must be one of: ${allowed}`,
		);
}

/** Bounds Crayon documents none of: far above real values, far below a value sent to do harm. */
export const MAX_ORDER_TEXT_LENGTH = 100;
/** The longest address SMTP allows. */
export const MAX_EMAIL_LENGTH = 254;

const nullableText = (maxLength: number) => text(maxLength).nullish();

/**
 * An order line given as JSON or coming back from Verify: the fields every line needs and the
 * SDK's typed ones are checked, every other field passes through unchanged (the whole value is
 * also checked to be `sendable`).
 */
export const orderLine = z
	.object({
		productId: catalogueCode('CFQ7TTC0LF8R'),
		skuId: catalogueCode('0001'),
		quantity,
		billingCycle: enumValue(orderBillingCycles),
		termDuration: z
			.string()
			.refine(
				(value) => termDurations.some((term) => term.value === value.toUpperCase()),
				'must be P1M, P1Y or P3Y',
			),
		type: enumValue(orderLineTypes),
		catalogItemId: catalogueCode('CFQ7TTC0LF8R:0001:CFQ7TTC0Q3X5').nullish(),
		productVariantId: crayonId.nullish(),
		subscriptionId: crayonId.nullish(),
		customTermEndDate: dateTime.nullish(),
		name: nullableText(MAX_ORDER_TEXT_LENGTH),
		armRegionName: nullableText(MAX_ORDER_TEXT_LENGTH),
		attestationAccepted: z.boolean().nullish(),
		isTrial: z.boolean().nullish(),
		requiresInventoryCheck: z.boolean().nullish(),
	})
	.passthrough();

const verifiedOrderShape = z
	.object({
		resellerCustomerId: crayonId,
		scheduledPurchaseDate: dateTime.nullish(),
		externalOrderId: nullableText(MAX_ORDER_TEXT_LENGTH),
		countryCode: z
			.string()
			.regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as NO')
			.nullish(),
		adminAccount: nullableText(MAX_EMAIL_LENGTH),
		notificationEmail: nullableText(MAX_EMAIL_LENGTH),
		invoiceProfileId: crayonId.nullish(),
		orderLines: z
			.array(orderLine, { invalid_type_error: 'must be a list of order lines' })
			.min(1, 'needs at least one order line'),
	})
	.passthrough();

/** Problems anywhere in a JSON-like value that must never be sent: keys twice in two casings, control characters, numbers no API holds. */
function structuralProblems(
	value: unknown,
	path: Array<string | number>,
	depth: number,
): z.IssueData[] {
	if (depth > MAX_DEPTH)
		return [{ code: z.ZodIssueCode.custom, path, message: 'is nested too deeply' }];
	if (typeof value === 'string') {
		return hasControlCharacter(value)
			? [{ code: z.ZodIssueCode.custom, path, message: NO_CONTROL_CHARACTERS }]
			: [];
	}
	if (typeof value === 'number') {
		return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER
			? []
			: [{ code: z.ZodIssueCode.custom, path, message: 'is not a number Crayon can hold' }];
	}
	if (Array.isArray(value))
		return value.flatMap((entry, index) => structuralProblems(entry, [...path, index], depth + 1));
	if (value === null || typeof value !== 'object') return [];
	const seen = new Map<string, string>();
	const problems: z.IssueData[] = [];
	for (const [key, entry] of Object.entries(value)) {
		const lower = key.toLowerCase();
		const twin = seen.get(lower);
		if (twin !== undefined) {
			problems.push({
				code: z.ZodIssueCode.custom,
				path: [...path, key],
				message: `is given twice ("${twin}" and "${key}"): keep one`,
			});
		}
		seen.set(lower, key);
		if (hasControlCharacter(key))
			problems.push({
				code: z.ZodIssueCode.custom,
				path: [...path, key],
				message: `(a key) ${NO_CONTROL_CHARACTERS}`,
			});
		problems.push(...structuralProblems(entry, [...path, key], depth + 1));
	}
	return problems;
}

/** What makes a JSON-like value unsafe to send, as issues for the path where they are. */
function addSendableProblems(value: unknown, context: z.RefinementCtx): void {
	const json = JSON.stringify(value) ?? '';
	if (json.length > MAX_ORDER_JSON_LENGTH) {
		context.addIssue({
			code: z.ZodIssueCode.custom,
			message: `is too large (${json.length} characters of JSON; at most ${MAX_ORDER_JSON_LENGTH})`,
		});
		return;
	}
	for (const issue of structuralProblems(value, [], 0)) context.addIssue(issue);
}

/**
 * A JSON-like value that is safe to send: no key twice in different casings (Crayon would take
 * one silently), no control characters, no numbers beyond what .NET holds, bounded size and depth.
 */
export const sendable = z.unknown().superRefine(addSendableProblems);

/**
 * A verified order as an earlier Verify step output it, to be checked out as it is: the fields
 * checkout needs are checked (in any casing), every other field passes through unchanged.
 */
export const verifiedOrder = z
	.unknown()
	.superRefine((value, context) => {
		const result = verifiedOrderShape.safeParse(camelizeKeys(value));
		if (!result.success) {
			for (const issue of result.error.issues) {
				context.addIssue({ ...issue, code: z.ZodIssueCode.custom, message: issue.message });
			}
		}
	})
	.superRefine(addSendableProblems)
	.transform((value) => value as OrderBody);

/** An order with its lines' enumerations named and only the fields a person reads, for Simplify. */
export function simplifyOrder(order: OrderBody): IDataObject {
	const read = (value: unknown, name: string) => fieldOf(value, name) ?? undefined;
	return withoutUndefined({
		CustomerTenantId: read(order, 'resellerCustomerId'),
		ExternalOrderId: read(order, 'externalOrderId'),
		ScheduledPurchaseDate: read(order, 'scheduledPurchaseDate'),
		OrderLines: orderLinesOf(order).map((line) =>
			withoutUndefined({
				ProductId: read(line, 'productId'),
				SkuId: read(line, 'skuId'),
				CatalogItemId: read(line, 'catalogItemId'),
				Quantity: read(line, 'quantity'),
				BillingCycle: optionName(orderBillingCycles, read(line, 'billingCycle')),
				TermDuration: read(line, 'termDuration'),
				Type: optionName(orderLineTypes, read(line, 'type')),
				CustomTermEndDate: read(line, 'customTermEndDate'),
			}),
		),
	});
}

function withoutUndefined(fields: Record<string, unknown>): IDataObject {
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== undefined && value !== null),
	) as IDataObject;
}

/** `orderLines` of an order body in whatever casing it came. */
export function orderLinesOf(order: OrderBody): IDataObject[] {
	const lines = fieldOf(order, 'orderLines');
	return Array.isArray(lines) ? (lines as IDataObject[]) : [];
}

/** A New Commerce purchase as it would be placed: one subscription line for one customer tenant. */
export interface NewCommercePurchase {
	customerTenantId: number;
	partNumber: string;
	quantity: number;
	/** BillingCycleType, the order side's number. */
	billingCycle: number;
	termDuration: string;
	customTermEndDate?: string;
	scheduledDate?: string;
}

/**
 * The purchase as a one-line order for Verify: the New Commerce order endpoint is "Verify Order
 * and Checkout Order combined into a single call" (Create New Commerce Orders page), so what
 * Verify objects to is what that call would refuse.
 */
export function asOrderToVerify(purchase: NewCommercePurchase): OrderBody {
	const [productId, skuId] = purchase.partNumber.split(':');
	return {
		resellerCustomerId: purchase.customerTenantId,
		...(purchase.scheduledDate ? { ScheduledPurchaseDate: purchase.scheduledDate } : {}),
		orderLines: [
			{
				productId,
				skuId,
				quantity: purchase.quantity,
				billingCycle: purchase.billingCycle,
				termDuration: purchase.termDuration,
				type: SUBSCRIPTION_LINE,
				...(purchase.customTermEndDate ? { customTermEndDate: purchase.customTermEndDate } : {}),
			},
		],
	};
}

const SUBSCRIPTION_LINE = 3;

/** An order Crayon's verification found problems in: the first in the headline, all in the description. */
export async function verificationFailed(
	crayon: CrayonClient,
	problems: string[],
	verb: string,
): Promise<NodeApiError> {
	return await crayon.error({
		message: `Crayon's verification found ${problems.length} problem${problems.length === 1 ? '' : 's'} ${verb}: ${problems[0]}`,
		description: problems.join('\n'),
		response: { problems },
	});
}

/** Verifies a New Commerce purchase before it is placed; Crayon's objections fail the item with nothing bought. */
export async function verifyPurchase(
	crayon: CrayonClient,
	purchase: NewCommercePurchase,
	labels: Record<string, string>,
): Promise<void> {
	const problems = verificationProblems(
		await verifyOrder(crayon, asOrderToVerify(purchase)),
		labels,
	);
	if (problems.length > 0) {
		throw await verificationFailed(crayon, problems, 'so nothing was bought');
	}
}
