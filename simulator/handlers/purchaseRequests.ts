/**
 * Verify and checkout of purchase-request orders (the "Checkout Order" page of Crayon's API documentation). The order is read
 * in any casing and returned in camelCase (the only documented shape of PurchaseRequestOrder).
 */
import { ApiError, type ObjectError } from '../errors';
import {
	jsonObjectBody,
	type HandlerResult,
	type RequestContext,
	type SimulatorContext,
} from '../context';
import {
	BILLING_CYCLE_TYPE,
	BillingCycleType,
	OrderLineType,
	ORDER_LINE_TYPE,
	billingCycleEnumFromPlan,
	enumName,
	planFromBillingCycleType,
	type TermDuration,
} from '../enums';
import { isoDate } from '../dates';
import { checkQuantity, checkSubscriptionPurchase, scheduleOf, type Violation } from '../rules';
import type { CatalogueProduct, CustomerTenant } from '../types';
import { Validator, isObject } from '../validation';
import { scheduledLine } from './orders';

interface OrderLine {
	productId: string;
	skuId: string;
	productVariantId: number | null;
	quantity: number;
	billingCycle: number | null;
	termDuration: TermDuration | null;
	type: number;
	catalogItemId: string | null;
	customTermEndDate: { text: string; ms: number } | null;
}

interface Order {
	resellerCustomerId: number;
	externalOrderId: string | null;
	scheduledPurchaseDate: { text: string; ms: number } | null;
	lines: OrderLine[];
}

interface LineError {
	reasonCode: string;
	description: string;
	properties: Record<string, string>;
}

interface OrderError {
	orderGroupId: string | null;
	code: string;
	description: string;
}

interface Evaluated {
	order: Order;
	tenant: CustomerTenant | undefined;
	errors: OrderError[];
	lines: { line: OrderLine; product: CatalogueProduct | undefined; errors: LineError[] }[];
}

/** Structural reading: anything wrong here is a 400. */
function readOrder(req: RequestContext, requireCatalogItemId: boolean): Order {
	const body = jsonObjectBody(req, 'PurchaseRequestOrder');
	const v = new Validator();
	const resellerCustomerId = v.int(body, 'ResellerCustomerId', { required: true });
	const externalOrderId = v.string(body, 'ExternalOrderId') ?? null;
	const scheduledPurchaseDate = v.dateTime(body, 'ScheduledPurchaseDate') ?? null;
	const linesField = v.array(body, 'OrderLines', 'List<PurchaseRequestOrderLine>', {
		required: true,
	});
	const lines: OrderLine[] = [];
	if (linesField) {
		if (linesField.items.length === 0) {
			v.add(
				'OrderLines',
				linesField.field.key,
				'The OrderLines field must contain at least one order line.',
				'Required',
			);
		}
		linesField.items.forEach((item, index) => {
			const display = `OrderLines[${index}]`;
			const path = `${linesField.field.key}[${index}]`;
			if (!isObject(item)) {
				v.add(
					display,
					path,
					`Error converting value ${JSON.stringify(item)} to type 'PurchaseRequestOrderLine'. Path '${path}'.`,
					'InvalidType',
				);
				return;
			}
			const line = body.element('OrderLines', linesField.field, index, item);
			const type = v.enumValue(line, 'Type', ORDER_LINE_TYPE, { required: true });
			const isSubscription = type === OrderLineType.Subscription;
			const productId = v.string(line, 'ProductId', { required: true });
			const skuId = v.string(line, 'SkuId', { required: true });
			const productVariantId = v.int(line, 'ProductVariantId') ?? null;
			const quantity = v.int(line, 'Quantity', { required: true, min: 1 });
			const billingCycle =
				v.enumValue(line, 'BillingCycle', BILLING_CYCLE_TYPE, { required: isSubscription }) ?? null;
			const termDuration = v.term(line, 'TermDuration', { required: isSubscription }) ?? null;
			const catalogItemId =
				v.string(line, 'CatalogItemId', { required: requireCatalogItemId }) ?? null;
			const customTermEndDate = v.dateTime(line, 'CustomTermEndDate') ?? null;
			if (
				type !== undefined &&
				productId !== undefined &&
				skuId !== undefined &&
				quantity !== undefined
			) {
				lines.push({
					productId,
					skuId,
					productVariantId,
					quantity,
					billingCycle,
					termDuration,
					type,
					catalogItemId,
					customTermEndDate,
				});
			}
		});
	}
	v.throwIfInvalid();
	return {
		resellerCustomerId: resellerCustomerId as number,
		externalOrderId,
		scheduledPurchaseDate,
		lines,
	};
}

function expectedCatalogItemId(product: CatalogueProduct): string {
	return `${product.productId}:${product.skuId}:${product.availabilityId}`;
}

/** Business evaluation: problems become order-level or order-line errors. */
function evaluate(order: Order, req: RequestContext, sim: SimulatorContext): Evaluated {
	const tenant = sim.state.tenants.get(order.resellerCustomerId);
	const errors: OrderError[] = [];
	if (!tenant) {
		errors.push({
			orderGroupId: null,
			code: 'CustomerNotFound',
			description: `Customer tenant ${order.resellerCustomerId} was not found.`,
		});
	}
	if (
		order.scheduledPurchaseDate &&
		sim.options.rejectPastScheduledDates &&
		scheduleOf(order.scheduledPurchaseDate.ms, req.now) === 'past'
	) {
		errors.push({
			orderGroupId: null,
			code: 'ScheduledDateInPast',
			description: `ScheduledPurchaseDate ${order.scheduledPurchaseDate.text} is in the past. Leave it empty to purchase now.`,
		});
	}
	const lines = order.lines.map((line) => {
		const lineErrors: LineError[] = [];
		const product = sim.state.findProductBySku(line.productId, line.skuId);
		const push = (violations: Violation[]): void => {
			for (const x of violations)
				lineErrors.push({
					reasonCode: x.code,
					description: x.description,
					properties: x.properties,
				});
		};
		if (!product) {
			lineErrors.push({
				reasonCode: 'ProductNotFound',
				description: `Product ${line.productId}:${line.skuId} was not found in the catalogue.`,
				properties: { ProductId: line.productId, SkuId: line.skuId },
			});
			return { line, product, errors: lineErrors };
		}
		if (line.type !== product.lineType) {
			lineErrors.push({
				reasonCode: 'ProductTypeMismatch',
				description: `Order line type ${enumName(ORDER_LINE_TYPE, line.type)} does not match product ${product.partNumber}, which is a ${enumName(ORDER_LINE_TYPE, product.lineType)} product.`,
				properties: { Type: String(line.type), ExpectedType: String(product.lineType) },
			});
		}
		if (line.productVariantId !== null && line.productVariantId !== product.productVariantId) {
			lineErrors.push({
				reasonCode: 'ProductVariantMismatch',
				description: `ProductVariantId ${line.productVariantId} does not belong to ${product.partNumber} (expected ${product.productVariantId}).`,
				properties: {
					ProductVariantId: String(line.productVariantId),
					ExpectedProductVariantId: String(product.productVariantId),
				},
			});
		}
		const expected = expectedCatalogItemId(product);
		if (
			line.catalogItemId !== null &&
			line.catalogItemId.trim().toLowerCase() !== expected.toLowerCase()
		) {
			lineErrors.push({
				reasonCode: 'CatalogItemIdMismatch',
				description: `CatalogItemId '${line.catalogItemId}' does not match ${product.partNumber} (expected '${expected}').`,
				properties: { CatalogItemId: line.catalogItemId, ExpectedCatalogItemId: expected },
			});
		}
		if (
			product.lineType === OrderLineType.Subscription &&
			line.type === OrderLineType.Subscription &&
			tenant
		) {
			push(
				checkSubscriptionPurchase(sim.state, {
					tenant,
					product,
					quantity: line.quantity,
					termDuration: line.termDuration ?? undefined,
					plan:
						line.billingCycle === null ? undefined : planFromBillingCycleType(line.billingCycle),
					billingCycleLabel:
						line.billingCycle === null ? 'null' : enumName(BILLING_CYCLE_TYPE, line.billingCycle),
					customTermEndDate: line.customTermEndDate ?? undefined,
					now: req.now,
					names: {
						tenant: 'ResellerCustomerId',
						term: 'TermDuration',
						billingCycle: 'BillingCycle',
						quantity: 'Quantity',
						customTermEndDate: 'CustomTermEndDate',
					},
				}),
			);
		} else {
			const violations: Violation[] = [];
			checkQuantity(violations, product, line.quantity, 'Quantity');
			push(violations);
			if (
				product.lineType === OrderLineType.Software &&
				line.billingCycle !== null &&
				line.billingCycle !== BillingCycleType.OneTime &&
				line.billingCycle !== BillingCycleType.None
			) {
				lineErrors.push({
					reasonCode: 'BillingCycleNotSupported',
					description: `Billing cycle ${enumName(BILLING_CYCLE_TYPE, line.billingCycle)} is not available for ${product.itemName} (${product.partNumber}). Available: OneTime.`,
					properties: {
						BillingCycle: enumName(BILLING_CYCLE_TYPE, line.billingCycle),
						AvailableBillingCycles: 'OneTime',
					},
				});
			}
		}
		return { line, product, errors: lineErrors };
	});
	return { order, tenant, errors, lines };
}

function orderResponse(e: Evaluated): Record<string, unknown> {
	return {
		resellerCustomerId: e.order.resellerCustomerId,
		externalOrderId: e.order.externalOrderId,
		countryCode: e.tenant?.countryCode ?? null,
		scheduledPurchaseDate: e.order.scheduledPurchaseDate?.text ?? null,
		errors: e.errors,
		orderLines: e.lines.map(({ line, product, errors }) => ({
			productId: line.productId,
			skuId: line.skuId,
			productVariantId: product?.productVariantId ?? line.productVariantId,
			quantity: line.quantity,
			billingCycle: line.billingCycle,
			type: line.type,
			catalogItemId: product ? expectedCatalogItemId(product) : line.catalogItemId,
			termDuration: line.termDuration,
			customTermEndDate: line.customTermEndDate?.text ?? null,
			errors,
		})),
	};
}

/** POST /api/v1/purchaserequest/verify (legacy /api/v1/assets/verify) → 200 with the whole order. */
export function verifyOrder(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const evaluated = evaluate(readOrder(req, false), req, sim);
	return { status: 200, body: orderResponse(evaluated) };
}

/**
 * POST /api/v1/purchaserequest/checkout (legacy /api/v1/assets/checkout): an order that would not
 * verify cleanly → 400; otherwise 204 and the purchase is recorded.
 */
export function checkoutOrder(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const evaluated = evaluate(readOrder(req, true), req, sim);
	const objectErrors: ObjectError[] = [];
	for (const error of evaluated.errors) {
		objectErrors.push({
			ErrorCode: error.code,
			Message: error.description,
			Parameters: { OrderGroupId: error.orderGroupId ?? '' },
		});
	}
	evaluated.lines.forEach(({ errors }, index) => {
		for (const error of errors) {
			objectErrors.push({
				ErrorCode: error.reasonCode,
				Message: error.description,
				Parameters: { OrderLine: String(index), ...error.properties },
			});
		}
	});
	if (objectErrors.length > 0) {
		throw new ApiError(
			400,
			`The order cannot be checked out: ${objectErrors.map((o) => o.Message).join(' ')}`,
			objectErrors,
		);
	}

	const tenant = evaluated.tenant as CustomerTenant;
	const scheduled =
		evaluated.order.scheduledPurchaseDate !== null &&
		scheduleOf(evaluated.order.scheduledPurchaseDate.ms, req.now) === 'future';
	const subscriptionIds: number[] = [];
	if (!scheduled) {
		for (const { line, product } of evaluated.lines) {
			const p = product as CatalogueProduct;
			if (p.lineType !== OrderLineType.Subscription) continue;
			const plan = planFromBillingCycleType(line.billingCycle as number) ?? 'monthly';
			const sub = sim.state.createSubscription({
				tenant,
				product: p,
				quantity: line.quantity,
				name: p.itemName,
				billingCycle: billingCycleEnumFromPlan(plan),
				termDuration: line.termDuration,
				origin: 'checkout',
				now: req.now,
				commitmentEndDate: line.customTermEndDate
					? `${isoDate(line.customTermEndDate.ms)}T23:59:59Z`
					: undefined,
			});
			subscriptionIds.push(sub.id);
		}
	}
	sim.state.recordPurchase({
		kind: 'checkout',
		at: req.now,
		tenantId: tenant.id,
		lines: evaluated.lines.map(({ line, product }) => ({
			partNumber: (product as CatalogueProduct).partNumber,
			quantity: line.quantity,
		})),
		subscriptionIds,
	});
	recordOrder(sim, evaluated, scheduled, req.now);
	return { status: 204 };
}

/** A checkout becomes a processed purchase order, or a scheduled purchase request when its date is in the future. */
function recordOrder(
	sim: SimulatorContext,
	evaluated: Evaluated,
	scheduled: boolean,
	now: number,
): void {
	const tenant = evaluated.tenant as CustomerTenant;
	const orderReferenceId = sim.state.takeOrderReferenceId();
	const lines = evaluated.lines.map(({ line, product }) => {
		const p = product as CatalogueProduct;
		return {
			productId: line.productId,
			skuId: line.skuId,
			catalogItemId: expectedCatalogItemId(p),
			productVariantId: p.productVariantId ?? line.productVariantId,
			name: p.itemName,
			quantity: line.quantity,
			billingCycle: line.billingCycle ?? 0,
			termDuration: line.termDuration,
			type: line.type,
		};
	});
	if (scheduled) {
		const when = (evaluated.order.scheduledPurchaseDate as { ms: number }).ms;
		sim.state.scheduledRequests.set(orderReferenceId, {
			orderReferenceId,
			tenantId: tenant.id,
			lines: lines.map((line, index) =>
				scheduledLine(index + 1, { ...line, catalogId: line.catalogItemId }, when),
			),
		});
		return;
	}
	sim.state.processedOrders.push({
		orderReferenceId,
		tenantId: tenant.id,
		externalOrderId: evaluated.order.externalOrderId,
		countryCode: tenant.countryCode,
		created: now,
		state: 'Succeeded',
		lines,
	});
}
