/**
 * Embedded Crayon Cloud-iQ API simulator: a real HTTP server on 127.0.0.1 with in-memory state that
 * stands in for https://api.crayon.com in the demo, the tests, the e2e suite and the benchmark.
 * See simulator/README.md.
 */
import type { ResolvedOptions } from './context';
import { SimulatorServer } from './server';
import type { SimulatorState } from './state';
import {
	DEFAULT_CREDENTIALS,
	type FaultSpec,
	type RecordedRequest,
	type SimulatorOptions,
} from './types';

export { DEFAULT_CREDENTIALS } from './types';
export type {
	Agreement,
	CatalogueProduct,
	Change,
	ChangeKind,
	CustomerTenant,
	InvoiceProfile,
	ProcessedOrder,
	ScheduledRequest,
	FaultSpec,
	NceOrder,
	Organization,
	Purchase,
	PurchaseKind,
	RecordedRequest,
	ResellerSalesPrice,
	SimulatorCredentials,
	SimulatorOptions,
	Subscription,
	SubscriptionTags,
	User,
} from './types';
export { SEED } from './seed';
export { BILLING_SEED, type BillingStatement, type StatementFileKind } from './billing';
export { SimulatorState } from './state';
export {
	ALL_SUBSCRIPTION_STATUSES,
	BillingCycleEnum,
	BillingCycleType,
	OrderLineType,
	SubscriptionStatus,
	TERM_DURATIONS,
	type TermDuration,
} from './enums';

export interface CrayonSimulator {
	/** 'http://127.0.0.1:<port>' */
	readonly baseUrl: string;
	readonly port: number;
	/** Every request, in arrival order, including token requests. */
	readonly requests: RecordedRequest[];
	clearRequests(): void;
	injectFault(fault: FaultSpec): void;
	clearFaults(): void;
	setLatency(ms: number): void;
	/** Every token issued so far becomes invalid (401 Invalid token). */
	expireTokens(): void;
	/** Purchases processed so far: subscription creates, addon sets that returned true, NCE orders accepted, checkouts. */
	purchaseCount(): number;
	/** Typed in-memory state for tests to inspect. */
	readonly state: SimulatorState;
	/** State back to seed; requests, faults, tokens cleared; latency back to the configured value. */
	reset(): void;
	stop(): Promise<void>;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (!Number.isFinite(value) || value < 0)
		throw new Error(`SimulatorOptions.${name} must be a finite number >= 0, got ${value}.`);
	return value;
}

function disputedListShape(value: SimulatorOptions['disputedListShape']): 'sdk' | 'apidocs' {
	if (value === undefined || value === 'sdk' || value === 'apidocs') return value ?? 'sdk';
	throw new Error(
		`SimulatorOptions.disputedListShape must be 'sdk' or 'apidocs', got ${String(value)}.`,
	);
}

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
	const credentials = options.credentials ?? {
		clientId: DEFAULT_CREDENTIALS.clientId,
		clientSecret: DEFAULT_CREDENTIALS.clientSecret,
		username: DEFAULT_CREDENTIALS.username,
		password: DEFAULT_CREDENTIALS.password,
	};
	const tokenLifetimeSeconds = nonNegative(
		'tokenLifetimeSeconds',
		options.tokenLifetimeSeconds,
		3600,
	);
	if (tokenLifetimeSeconds === 0)
		throw new Error('SimulatorOptions.tokenLifetimeSeconds must be > 0.');
	return {
		port: nonNegative('port', options.port, 0),
		host: options.host ?? '127.0.0.1',
		tokenLifetimeSeconds,
		newCommerceOrderProcessingDelayMs: nonNegative(
			'newCommerceOrderProcessingDelayMs',
			options.newCommerceOrderProcessingDelayMs,
			3000,
		),
		latencyMs: nonNegative('latencyMs', options.latencyMs, 0),
		credentials: { ...credentials },
		log: options.log ?? false,
		rejectPastScheduledDates: options.rejectPastScheduledDates ?? true,
		orderItemsAnswer: options.orderItemsAnswer ?? 'array',
		catalogueStatesTerms: options.catalogueStatesTerms ?? true,
		supportedBillingCyclesAs: options.supportedBillingCyclesAs ?? 'numbers',
		resellerSalesPriceQuery: options.resellerSalesPriceQuery ?? 'sdk',
		cancellationWindowHours: nonNegative(
			'cancellationWindowHours',
			options.cancellationWindowHours,
			168,
		),
		reactivateSuspended: options.reactivateSuspended ?? true,
		disputedListShape: disputedListShape(options.disputedListShape),
		acceptNumericStrings: options.acceptNumericStrings ?? false,
	};
}

class Simulator implements CrayonSimulator {
	constructor(private readonly server: SimulatorServer) {}

	get baseUrl(): string {
		return this.server.baseUrl;
	}
	get port(): number {
		return this.server.port;
	}
	get requests(): RecordedRequest[] {
		return this.server.requests;
	}
	get state(): SimulatorState {
		return this.server.state;
	}
	clearRequests(): void {
		this.server.requests.length = 0;
	}
	injectFault(fault: FaultSpec): void {
		this.server.injectFault(fault);
	}
	clearFaults(): void {
		this.server.faults.clear();
	}
	setLatency(ms: number): void {
		this.server.setLatency(ms);
	}
	expireTokens(): void {
		this.server.tokens.expireAll();
	}
	purchaseCount(): number {
		return this.server.state.purchaseCount();
	}
	reset(): void {
		this.server.reset();
	}
	stop(): Promise<void> {
		return this.server.stop();
	}
}

/** Starts a simulator; resolves once it is listening. */
export async function startSimulator(options?: SimulatorOptions): Promise<CrayonSimulator> {
	const server = new SimulatorServer(resolveOptions(options));
	await server.listen();
	return new Simulator(server);
}
