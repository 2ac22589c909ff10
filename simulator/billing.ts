/**
 * Billing data of the simulator: billing statements with their files (billing records JSON,
 * reconciliation CSV, statement workbook), invoices and their order items, Azure plans with
 * their Azure subscriptions and daily usage. All of it follows from the seeded organizations,
 * tenants and subscriptions, so amounts are consistent everywhere: a statement's
 * TotalSalesPrice is the sum of its billing records, its invoice's SalesAmount the same, the
 * usage cost of a month the sum of that month's usage records.
 *
 * Shapes: crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/BillingStatement.cs, BillingRecordsFile.cs,
 * OrganizationUsageCost.cs, SubscriptionUsageCost.cs, AzurePlan.cs, AzureSubscription.cs; the
 * records' fields are those of the SDK's (commented-out) MicrosoftSeatBillingRecord,
 * AzureBillingRecord and MicrosoftOneTimeBillingRecord (Domain/Csp/BillingRecord.cs); invoices
 * and order items: https://apidocs.crayon.com/resources/Invoice.html and OrderItem.html.
 * Amounts are kept in whole minor units (1/100, Azure usage 1/10000), never as floating sums.
 */
import { SEED, seedGuid, seedInvoiceProfiles } from './seed';
import { csv, xlsx, zip, type Row } from './spreadsheets';
import type { CustomerTenant, Organization, Subscription } from './types';
import { SubscriptionStatus } from './enums';

export const BILLING_SEED = {
	/** The currency each organization is billed in. */
	currencies: { 3869: 'NOK', 3870: 'SEK', 3871: 'DKK' } as Record<number, string>,
	/** The invoice profiles statements are billed to (seedInvoiceProfiles, GET /api/v1/invoiceprofiles). */
	invoiceProfileId: SEED.invoiceProfileId,
	usageInvoiceProfileId: SEED.secondInvoiceProfileId,
	secondOrganizationInvoiceProfileId: SEED.secondOrganizationInvoiceProfileId,
	thirdOrganizationInvoiceProfileId: SEED.thirdOrganizationInvoiceProfileId,
	/** Months of statement history: organization 3869 (seat and usage), the others. */
	historyMonths: 27,
	otherHistoryMonths: 12,
	/** Statements of organization 3869: 27 months of seat and usage, and one one-time statement last month. */
	organizationStatementCount: 55,
	firstStatementId: 700_001,
	/** The usage statement (organization 3869, oldest month) whose records file is split: a zip of two JSON files. */
	splitRecordsStatementId: 700_002,
	unknownStatementId: 999_999,
	/** Azure plan 12 of tenant 123 (the id of the doc example) with Azure subscriptions 41 and 42. */
	azurePlanId: 12,
	azureSubscriptionId: 41,
	secondAzureSubscriptionId: 42,
	/** Azure plan 13 of tenant 486 with Azure subscription 43. */
	fabrikamAzurePlanId: 13,
	fabrikamAzureSubscriptionId: 43,
	/** Ids of invoices and orders: the n-th statement (0-based) has these plus n. */
	firstInvoiceId: 133_250_001,
	firstOrderId: 7_728_320_001,
} as const;

export type ProvisionType = 1 | 2 | 3;

export type StatementFileKind = 'records' | 'reconciliation' | 'statement';

export interface StatementFile {
	fileName: string;
	bytes: Buffer;
}

export interface BillingStatement {
	id: number;
	organizationId: number;
	invoiceProfileId: number;
	provisionType: ProvisionType;
	/** First millisecond and last second of the billed month (UTC). */
	start: number;
	end: number;
	orderId: string;
	invoiceId: string;
	currency: string;
	/** The total in minor units of `scale` (100 or 10000 per currency unit). */
	totalUnits: number;
	scale: number;
	records: Row[];
}

export interface AzureMeter {
	category: string;
	subcategory: string;
	meter: string;
	meterId: string;
	/** Price of one hour in 1/10000 of the currency; every meter runs 24 hours a day. */
	hourlyUnits: number;
}

export interface AzureSubscriptionData {
	id: number;
	azurePlanId: number;
	tenantId: number;
	friendlyName: string;
	publisherSubscriptionId: string;
	meters: AzureMeter[];
}

export interface AzurePlanData {
	id: number;
	tenantId: number;
	publisherSubscriptionId: string;
}

/** Monthly seat prices (NOK, minor units) of the seeded products, by part number (lower case). */
const SEAT_PRICES_NOK: Record<string, number> = {
	'cfq7ttc0lf8r:0001': 26_900,
	'cfq7ttc0hd33:0003': 6_540,
	'cfq7ttc0lh18:0001': 6_700,
	'cfq7ttc0lchc:0002': 23_400,
	'cfq7ttc0lflx:0001': 38_300,
	'1eda119b-65b0-429d-a063-4d2f9840a83f': 9_850,
};
const DEFAULT_SEAT_PRICE_NOK = 1_200;
/** Price factors from NOK, in percent. */
const CURRENCY_FACTORS: Record<string, number> = { NOK: 100, SEK: 102, DKK: 65 };

const AZURE_PLAN_PART_NUMBER = 'DZH318Z0BPS6:0001';

function meters(label: string, hourlyUnits: number[]): AzureMeter[] {
	const catalogue = [
		['Virtual Machines', 'Dv5 Series', 'D4s v5'],
		['Storage', 'Standard Page Blob', 'LRS Data Stored'],
		['Azure App Service', 'Premium v3 Plan', 'P1 v3'],
		['SQL Database', 'General Purpose - Compute Gen5', 'vCore'],
	];
	return hourlyUnits.map((units, index) => ({
		category: catalogue[index][0],
		subcategory: catalogue[index][1],
		meter: catalogue[index][2],
		meterId: seedGuid(`${label}-meter-${index}`),
		hourlyUnits: units,
	}));
}

function seedAzure(): { plans: AzurePlanData[]; subscriptions: AzureSubscriptionData[] } {
	const plan = (id: number, tenantId: number): AzurePlanData => ({
		id,
		tenantId,
		publisherSubscriptionId: seedGuid(`azure-plan-${id}`),
	});
	const subscription = (
		id: number,
		azurePlanId: number,
		tenantId: number,
		friendlyName: string,
		hourlyUnits: number[],
	): AzureSubscriptionData => ({
		id,
		azurePlanId,
		tenantId,
		friendlyName,
		publisherSubscriptionId: seedGuid(`azure-subscription-${id}`),
		meters: meters(`azure-subscription-${id}`, hourlyUnits),
	});
	return {
		plans: [plan(12, 123), plan(13, 486), plan(14, 502)],
		subscriptions: [
			subscription(41, 12, 123, 'Contoso Production', [18_734, 2_291, 9_412, 31_057]),
			subscription(42, 12, 123, 'Contoso Development', [4_683, 517]),
			subscription(43, 13, 486, 'Fabrikam Analytics', [12_501, 3_333, 0, 22_219]),
			subscription(44, 14, 502, 'Adventure Works Web', [7_777, 1_010, 8_888]),
		],
	};
}

/** A decimal amount from whole minor units: 123456 at scale 100 is 1234.56, exactly. */
export function amount(units: number, scale: number): number {
	return units / scale;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** '2025-10-01T00:00:00+00:00', the form of the doc examples. */
export function offsetTime(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** '2025-10-01T00:00:00', a DateTime without zone. */
function localTime(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '');
}

function monthStart(year: number, month: number): number {
	return Date.UTC(year, month, 1);
}

function daysIn(start: number): number {
	const date = new Date(start);
	return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

export class BillingData {
	readonly statements: BillingStatement[] = [];

	readonly azurePlans = new Map<number, AzurePlanData>();

	readonly azureSubscriptions = new Map<number, AzureSubscriptionData>();

	/** Invoice profile references of the statements: `{Id, Name}`. */
	readonly invoiceProfiles = new Map<
		number,
		{ id: number; name: string; organizationId: number }
	>();

	private readonly files = new Map<string, StatementFile>();

	private organizations = new Map<number, Organization>();

	private tenants = new Map<number, CustomerTenant>();

	/** Back to the seed, for the given directory and subscriptions, relative to `now`. */
	reset(
		now: number,
		organizations: Map<number, Organization>,
		tenants: Map<number, CustomerTenant>,
		subscriptions: Map<number, Subscription>,
	): void {
		this.statements.length = 0;
		this.azurePlans.clear();
		this.azureSubscriptions.clear();
		this.invoiceProfiles.clear();
		this.files.clear();
		this.organizations = organizations;
		this.tenants = tenants;

		const { plans, subscriptions: azure } = seedAzure();
		for (const plan of plans) this.azurePlans.set(plan.id, plan);
		for (const subscription of azure) this.azureSubscriptions.set(subscription.id, subscription);
		for (const { id, name, organizationId } of seedInvoiceProfiles()) {
			this.invoiceProfiles.set(id, { id, name, organizationId });
		}

		const today = new Date(now);
		const seated = [...subscriptions.values()].filter(
			(subscription) => subscription.status === SubscriptionStatus.Active,
		);
		const add = (
			organizationId: number,
			invoiceProfileId: number,
			provisionType: ProvisionType,
			start: number,
			records: Row[],
			scale: number,
			totalUnits: number,
		) => {
			const index = this.statements.length;
			const days = daysIn(start);
			this.statements.push({
				id: BILLING_SEED.firstStatementId + index,
				organizationId,
				invoiceProfileId,
				provisionType,
				start,
				end: start + days * 86_400_000 - 1000,
				orderId: String(BILLING_SEED.firstOrderId + index),
				invoiceId: String(BILLING_SEED.firstInvoiceId + index),
				currency: BILLING_SEED.currencies[organizationId],
				totalUnits,
				scale,
				records,
			});
		};
		for (let monthsAgo: number = BILLING_SEED.historyMonths; monthsAgo >= 1; monthsAgo--) {
			const start = monthStart(today.getUTCFullYear(), today.getUTCMonth() - monthsAgo);
			for (const [organizationId, profile, usageProfile, history] of [
				[
					3869,
					BILLING_SEED.invoiceProfileId,
					BILLING_SEED.usageInvoiceProfileId,
					BILLING_SEED.historyMonths,
				],
				[
					3870,
					BILLING_SEED.secondOrganizationInvoiceProfileId,
					BILLING_SEED.secondOrganizationInvoiceProfileId,
					BILLING_SEED.otherHistoryMonths,
				],
				[3871, BILLING_SEED.thirdOrganizationInvoiceProfileId, 0, BILLING_SEED.otherHistoryMonths],
			] as const) {
				if (monthsAgo > history) continue;
				const seat = this.seatRecords(organizationId, start, seated);
				add(organizationId, profile, 1, start, seat.records, 100, seat.totalUnits);
				if (usageProfile !== 0) {
					const usage = this.usageRecords(organizationId, start);
					add(organizationId, usageProfile, 2, start, usage.records, 10_000, usage.totalUnits);
				}
			}
			if (monthsAgo === 1) {
				const oneTime = this.oneTimeRecords(start);
				add(
					3869,
					BILLING_SEED.invoiceProfileId,
					3,
					start,
					oneTime.records,
					100,
					oneTime.totalUnits,
				);
			}
		}
	}

	private base(
		organizationId: number,
		tenant: CustomerTenant,
		start: number,
		agreement: string,
	): Row {
		const date = new Date(start);
		return {
			OrganizationName: this.organizations.get(organizationId)?.name ?? '',
			PeriodMonth: pad(date.getUTCMonth() + 1),
			PeriodYear: String(date.getUTCFullYear()),
			CompanyName: tenant.name,
			TenantReference: tenant.publisherCustomerId,
			AgreementName: agreement,
			TenantPrimaryDomain: `${tenant.domainPrefix}.onmicrosoft.com`,
		};
	}

	private seatRecords(
		organizationId: number,
		start: number,
		subscriptions: Subscription[],
	): { records: Row[]; totalUnits: number } {
		const currency = BILLING_SEED.currencies[organizationId];
		const end = start + daysIn(start) * 86_400_000;
		let totalUnits = 0;
		const records = subscriptions
			.filter((subscription) => subscription.organizationId === organizationId)
			.map((subscription) => {
				const tenant = this.tenants.get(subscription.tenantId) as CustomerTenant;
				const nok =
					SEAT_PRICES_NOK[subscription.partNumber.toLowerCase()] ?? DEFAULT_SEAT_PRICE_NOK;
				const unit = Math.round((nok * CURRENCY_FACTORS[currency]) / 100);
				const markup = Math.round(unit / 10);
				const units = unit * subscription.quantity;
				totalUnits += units;
				return {
					...this.base(
						organizationId,
						tenant,
						start,
						subscription.termDuration ? 'Microsoft CSP New Commerce' : 'Microsoft CSP',
					),
					ProductId: subscription.partNumber,
					Publisher: 'Microsoft',
					UnitPrice: amount(unit, 100),
					Quantity: subscription.quantity,
					Unit: 'Licenses',
					Currency: currency,
					ResellerMarkupProcent: 10,
					ResellerMarkup: amount(markup * subscription.quantity, 100),
					ResellerSalesUnitPrice: amount(unit + markup, 100),
					ResellerSalesPriceTotal: amount((unit + markup) * subscription.quantity, 100),
					SubscriptionId: subscription.publisherSubscriptionId,
					SubscriptionName: subscription.name,
					SubscriptionStartDate: subscription.effectiveStartDate.replace('Z', '+00:00'),
					SubscriptionEndDate: subscription.commitmentEndDate.replace('Z', '+00:00'),
					ChargeTypeId: '1',
					ChargeType: 'Recurring',
					OfferName: subscription.name,
					ChargeStartDate: localTime(start),
					ChargeEndDate: localTime(end - 86_400_000),
					Amount: amount(units, 100),
				};
			});
		return { records, totalUnits };
	}

	/** Usage of an Azure subscription's meters over whole days [fromDay, toDay), in 1/10000. */
	usageUnits(meter: AzureMeter, days: number): number {
		return meter.hourlyUnits * 24 * days;
	}

	private usageRecords(
		organizationId: number,
		start: number,
	): { records: Row[]; totalUnits: number } {
		const currency = BILLING_SEED.currencies[organizationId];
		const days = daysIn(start);
		const end = start + days * 86_400_000;
		let totalUnits = 0;
		const records: Row[] = [];
		for (const subscription of this.azureSubscriptions.values()) {
			const tenant = this.tenants.get(subscription.tenantId) as CustomerTenant;
			if (tenant.organizationId !== organizationId) continue;
			for (const meter of subscription.meters) {
				const units = this.usageUnits(meter, days);
				totalUnits += units;
				records.push({
					...this.base(organizationId, tenant, start, 'Microsoft Azure Plan'),
					ProductId: AZURE_PLAN_PART_NUMBER,
					Publisher: 'Microsoft',
					UnitPrice: amount(meter.hourlyUnits, 10_000),
					Quantity: days * 24,
					Unit: '1 Hour',
					Currency: currency,
					ResellerMarkupProcent: 0,
					ResellerMarkup: 0,
					ResellerSalesUnitPrice: amount(meter.hourlyUnits, 10_000),
					ResellerSalesPriceTotal: amount(units, 10_000),
					SubscriptionId: subscription.publisherSubscriptionId,
					SubscriptionName: subscription.friendlyName,
					ProductSku: 'DZH318Z0BPS6:0001',
					MeterId: meter.meterId,
					MeterName: meter.meter,
					Category: meter.category,
					Subcategory: meter.subcategory,
					ProductStartDate: localTime(start),
					ProductEndDate: localTime(end - 86_400_000),
					IncludedQuantity: 0,
					IncludedQuantityAmount: 0,
					SummedAmount: amount(units, 10_000),
					ResellerPrice: amount(units, 10_000),
				});
			}
		}
		return { records, totalUnits };
	}

	private oneTimeRecords(start: number): { records: Row[]; totalUnits: number } {
		const tenant = this.tenants.get(123) as CustomerTenant;
		const unit = 199_900;
		return {
			totalUnits: unit * 2,
			records: [
				{
					...this.base(3869, tenant, start, 'Microsoft CSP Software'),
					ProductId: 'DG7GMGF0D7FV:0002',
					Publisher: 'Microsoft',
					UnitPrice: amount(unit, 100),
					Quantity: 2,
					Unit: 'Licenses',
					Currency: 'NOK',
					ResellerMarkupProcent: 0,
					ResellerMarkup: 0,
					ResellerSalesUnitPrice: amount(unit, 100),
					ResellerSalesPriceTotal: amount(unit * 2, 100),
					ExternalOrderReference: 'PO-2291',
					OrderDate: localTime(start + 9 * 86_400_000),
					SKUID: '0002',
					AvailabilityId: 'DG7GMGF0F4MH',
					SkuName: 'Windows Server 2022 Standard - 16 Core License Pack',
					ProductName: 'Windows Server 2022 Standard',
					ChargeTypeId: '2',
					ChargeType: 'New',
					ResellerPrice: amount(unit * 2, 100),
				},
			],
		};
	}

	statement(id: number): BillingStatement | undefined {
		return this.statements[id - BILLING_SEED.firstStatementId];
	}

	/** The file Crayon serves for a statement: generated once, or what `replaceFile` put there. */
	file(statement: BillingStatement, kind: StatementFileKind): StatementFile {
		const key = `${statement.id}:${kind}`;
		let file = this.files.get(key);
		if (file === undefined) {
			file = this.generate(statement, kind);
			this.files.set(key, file);
		}
		return file;
	}

	/** Serves `file` instead (a large or damaged file in tests) until the next reset. */
	replaceFile(statementId: number, kind: StatementFileKind, file: StatementFile): void {
		this.files.set(`${statementId}:${kind}`, file);
	}

	private generate(statement: BillingStatement, kind: StatementFileKind): StatementFile {
		if (kind === 'statement') {
			return {
				fileName: 'customer-billings-statement.xlsx',
				bytes: xlsx('Billing statement', statement.records),
			};
		}
		if (kind === 'reconciliation') {
			return { fileName: 'customer-reconciliation.csv', bytes: csv(statement.records) };
		}
		if (statement.id === BILLING_SEED.splitRecordsStatementId) {
			const half = Math.ceil(statement.records.length / 2);
			return {
				fileName: 'customer-billing-records.zip',
				bytes: zip([
					{
						name: 'customer-billing-records-1.json',
						bytes: Buffer.from(JSON.stringify(statement.records.slice(0, half))),
					},
					{
						name: 'customer-billing-records-2.json',
						bytes: Buffer.from(JSON.stringify(statement.records.slice(half))),
					},
				]),
			};
		}
		return {
			fileName: 'customer-billing-records.json',
			bytes: Buffer.from(JSON.stringify(statement.records)),
		};
	}

	/** The tenant an Azure subscription belongs to, if it exists. */
	tenantOf(subscription: AzureSubscriptionData): CustomerTenant | undefined {
		return this.tenants.get(subscription.tenantId);
	}
}
