/**
 * Business rules shared by the four purchase paths. The same violation surfaces differently:
 * create subscription → 400; NCE order → 200 IsSuccessful:false; verify → order line error;
 * checkout → 400.
 */
import { planLabel, type BillingPlan, type TermDuration } from './enums';
import { calendarMonthEnd, isoDate, isoSeconds, startOfUtcDay, termEnd } from './dates';
import type { SimulatorState } from './state';
import type { CatalogueProduct, CustomerTenant, Subscription } from './types';
import { SubscriptionStatus } from './enums';

export interface Violation {
	/** Reason code, e.g. 'QuantityExceedsMaximum'. */
	code: string;
	description: string;
	/** PascalCase request property the violation is about (for 400 bodies). */
	property: string;
	properties: Record<string, string>;
}

export interface PurchaseCheck {
	tenant: CustomerTenant;
	product: CatalogueProduct;
	quantity: number;
	termDuration?: TermDuration;
	/** Undefined when the billing cycle value is a valid enum member that no product supports (Quarterly, None…). */
	plan?: BillingPlan;
	/** The billing cycle as the client sent it, for messages ('Quarterly', '9'). */
	billingCycleLabel: string;
	customTermEndDate?: { text: string; ms: number };
	now: number;
	/** Property names as the endpoint documents them. */
	names: {
		tenant: string;
		term: string;
		billingCycle: string;
		quantity: string;
		customTermEndDate: string;
	};
}

/** Checks a subscription (NCE or legacy) purchase; returns violations in a fixed order. */
export function checkSubscriptionPurchase(state: SimulatorState, c: PurchaseCheck): Violation[] {
	const v: Violation[] = [];
	const { product, tenant } = c;
	const productText = `${product.itemName} (${product.partNumber})`;
	if (product.kind === 'nce' && !tenant.nceEligible) {
		v.push({
			code: 'CustomerNotEligible',
			description: `Customer tenant ${tenant.id} (${tenant.name}) is not eligible for New Commerce purchases.`,
			property: c.names.tenant,
			properties: { CustomerTenantId: String(tenant.id) },
		});
	}
	const terms = Object.keys(product.terms) as TermDuration[];
	let termOk = true;
	if (c.termDuration !== undefined && !terms.includes(c.termDuration)) {
		termOk = false;
		v.push({
			code: 'TermDurationNotSupported',
			description: `Term duration ${c.termDuration} is not available for ${productText}. Available: ${terms.join(', ')}.`,
			property: c.names.term,
			properties: { TermDuration: c.termDuration, AvailableTermDurations: terms.join(',') },
		});
	}
	if (termOk && c.termDuration !== undefined) {
		const plans = product.terms[c.termDuration] as BillingPlan[];
		if (c.plan === undefined || !plans.includes(c.plan)) {
			const available = plans.map(planLabel).join(', ');
			v.push({
				code: 'BillingCycleNotSupported',
				description: `Billing cycle ${c.billingCycleLabel} is not available for ${productText} with term duration ${c.termDuration}. Available: ${available}.`,
				property: c.names.billingCycle,
				properties: { BillingCycle: c.billingCycleLabel, AvailableBillingCycles: available },
			});
		}
	}
	checkQuantity(v, product, c.quantity, c.names.quantity);
	if (c.customTermEndDate && c.termDuration && termOk) {
		const allowed = coterminosityOptions(state, tenant.id, c.termDuration, c.now);
		const wanted = isoDate(c.customTermEndDate.ms);
		const dates = [
			allowed.calendarMonthDate,
			...allowed.subscriptions.map((s) => s.commitmentEndDate),
		].map((d) => d.slice(0, 10));
		if (!dates.includes(wanted)) {
			v.push({
				code: 'InvalidCustomTermEndDate',
				description: `CustomTermEndDate ${c.customTermEndDate.text} is not a supported coterminosity date for customer tenant ${tenant.id} and term ${c.termDuration}. Supported: ${[...new Set(dates)].join(', ')}.`,
				property: c.names.customTermEndDate,
				properties: { SupportedDates: [...new Set(dates)].join(',') },
			});
		}
	}
	return v;
}

export function checkQuantity(
	v: Violation[],
	product: CatalogueProduct,
	quantity: number,
	property: string,
): void {
	if (quantity > product.maxQuantity) {
		v.push({
			code: 'QuantityExceedsMaximum',
			description: `Quantity ${quantity} exceeds the maximum of ${product.maxQuantity} for ${product.itemName} (${product.partNumber}).`,
			property,
			properties: { Quantity: String(quantity), MaxQuantity: String(product.maxQuantity) },
		});
	} else if (quantity < product.minQuantity) {
		v.push({
			code: 'QuantityBelowMinimum',
			description: `Quantity ${quantity} is below the minimum of ${product.minQuantity} for ${product.itemName} (${product.partNumber}).`,
			property,
			properties: { Quantity: String(quantity), MinQuantity: String(product.minQuantity) },
		});
	}
}

/** 'past' (before today UTC), 'now' (today) or 'future'. */
export function scheduleOf(dateMs: number, now: number): 'past' | 'now' | 'future' {
	const day = startOfUtcDay(dateMs);
	const today = startOfUtcDay(now);
	return day < today ? 'past' : day === today ? 'now' : 'future';
}

export interface CoterminosityOptions {
	calendarMonthDate: string;
	subscriptions: Subscription[];
}

/**
 * The dates a new term may be aligned to: the end of a calendar month (CalendarMonthDate) and the
 * end dates of the tenant's active NCE subscriptions that end within one standard term from today.
 */
export function coterminosityOptions(
	state: SimulatorState,
	tenantId: number,
	term: TermDuration,
	now: number,
	excludeSubscriptionId?: number,
): CoterminosityOptions {
	const today = startOfUtcDay(now);
	const latest = isoSeconds(termEnd(today, term));
	const nowText = isoSeconds(now);
	const subscriptions = state
		.subscriptionsOfTenant(tenantId)
		.filter(
			(s) =>
				s.id !== excludeSubscriptionId &&
				s.status === SubscriptionStatus.Active &&
				s.termDuration !== null &&
				state.productOf(s).kind === 'nce' &&
				s.commitmentEndDate > nowText &&
				s.commitmentEndDate <= latest,
		);
	return { calendarMonthDate: isoSeconds(calendarMonthEnd(now, term)), subscriptions };
}
