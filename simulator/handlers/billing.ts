/**
 * Billing statements and their files, invoices and order items, usage cost and Azure usage.
 * Paths and parameters: crayon-api-sdk: src/Crayon.Api.Sdk/Resources/BillingStatementResource.cs,
 * Filtering/BillingStatementFilter.cs, Resources/UsageCostResource.cs,
 * Requests/SubscriptionUsageCostRequest.cs; https://apidocs.crayon.com/scenarios/billingstatements-get.html,
 * billingstatementrecordsfile-get.html, billingstatementreconciliationfile-get.html,
 * billingstatementfile-get.html, invoices-get.html, orderitems-get.html,
 * usagecostsbyorganization-get.html, usagecostsbysubscription-get.html, azureusage-get.html.
 */
import {
	amount,
	BILLING_SEED,
	offsetTime,
	type AzureSubscriptionData,
	type BillingStatement,
	type StatementFileKind,
} from '../billing';
import { DAY_MS, parseDateTime, startOfUtcDay } from '../dates';
import { ApiError } from '../errors';
import {
	intParam,
	jsonObjectBody,
	type HandlerResult,
	type RequestContext,
	type SimulatorContext,
} from '../context';
import * as serialise from '../serializers';
import { QueryParams, Validator, queryInt } from '../validation';
import { readPaging } from './common';

const PROVISION_TYPES = ['None', 'Seat', 'Usage', 'OneTime', 'Crayon', 'AzureMarketplace'];

function reference(id: number, name: string): Record<string, unknown> {
	return { Id: id, Name: name };
}

function statementJson(
	sim: SimulatorContext,
	statement: BillingStatement,
): Record<string, unknown> {
	const { billing, organizations } = sim.state;
	return {
		Id: statement.id,
		TotalSalesPrice: {
			Value: amount(statement.totalUnits, statement.scale),
			CurrencyCode: statement.currency,
		},
		InvoiceProfile: reference(
			statement.invoiceProfileId,
			billing.invoiceProfiles.get(statement.invoiceProfileId)?.name ?? '',
		),
		Organization: reference(
			statement.organizationId,
			organizations.get(statement.organizationId)?.name ?? '',
		),
		StartDate: offsetTime(statement.start),
		EndDate: offsetTime(statement.end),
		ProvisionType: statement.provisionType,
		OrderId: statement.orderId,
	};
}

/** A DateTime(Offset) query parameter; undefined when absent. */
function queryDate(
	v: Validator,
	query: QueryParams,
	name: string,
	required = false,
): number | undefined {
	const raw = query.get(name);
	if (raw === undefined || raw === '') {
		if (required) v.add(name, name, `The ${name} field is required.`, 'Required');
		return undefined;
	}
	const ms = parseDateTime(raw);
	if (ms === undefined)
		v.add(name, name, `The value '${raw}' is not valid for ${name}.`, 'InvalidType');
	return ms;
}

/** The organization of a required `organizationId` (query or route), or 404. */
function organizationOf(sim: SimulatorContext, id: number | undefined): number {
	if (id === undefined) throw new ApiError(400, 'The organizationId field is required.');
	if (!sim.state.organizations.has(id))
		throw ApiError.notFound(`Organization ${id} was not found.`);
	return id;
}

export function listBillingStatements(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const organizationId = queryInt(v, req.query, 'organizationId', { required: true, min: 1 });
	const invoiceProfileId = queryInt(v, req.query, 'invoiceProfileId', { min: 0 });
	const rawType = req.query.get('provisionType');
	let provisionType: number | undefined;
	if (rawType !== undefined && rawType !== '') {
		const byName = PROVISION_TYPES.findIndex(
			(name) => name.toLowerCase() === rawType.toLowerCase(),
		);
		provisionType = /^\d+$/.test(rawType) ? Number(rawType) : byName;
		if (!(provisionType >= 0 && provisionType < PROVISION_TYPES.length)) {
			v.add(
				'provisionType',
				'provisionType',
				`The value '${rawType}' is not valid for provisionType.`,
				'InvalidType',
			);
		}
	}
	const from = queryDate(v, req.query, 'from');
	const to = queryDate(v, req.query, 'to');
	const paging = readPaging(v, req.query);
	v.throwIfInvalid();
	organizationOf(sim, organizationId);
	// Inferred: a statement matches when its whole period lies within from..to; 0 means "any".
	const items = sim.state.billing.statements.filter(
		(statement) =>
			statement.organizationId === organizationId &&
			(!invoiceProfileId || statement.invoiceProfileId === invoiceProfileId) &&
			(!provisionType || statement.provisionType === provisionType) &&
			(from === undefined || statement.start >= from) &&
			(to === undefined || statement.end <= to),
	);
	return {
		status: 200,
		body: serialise.page(items, paging.page, paging.pageSize, (statement) =>
			statementJson(sim, statement),
		),
	};
}

const FILE_MEDIA_TYPES: Record<string, string> = {
	json: 'application/json',
	csv: 'text/csv',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	zip: 'application/zip',
};

/** The JSON answers of large files, serialised once (a 50 MB file is 67 MB of base64). */
const serialisedFiles = new WeakMap<Buffer, Buffer>();

function statementFile(kind: StatementFileKind) {
	return (req: RequestContext, sim: SimulatorContext): HandlerResult => {
		const id = intParam(req, 'id');
		const statement = sim.state.billing.statement(id);
		if (!statement) throw ApiError.notFound(`Billing statement ${id} was not found.`);
		const file = sim.state.billing.file(statement, kind);
		const accept = String(req.headers.accept ?? '').toLowerCase();
		if (accept.includes('application/octet-stream') && !accept.includes('json')) {
			// Inferred (the docs name the Accept value, not the answer): the file itself.
			const extension = /\.([a-z]+)$/i.exec(file.fileName)?.[1].toLowerCase() ?? '';
			return {
				status: 200,
				raw: file.bytes,
				headers: {
					'content-type': FILE_MEDIA_TYPES[extension] ?? 'application/octet-stream',
					'content-disposition': `attachment; filename="${file.fileName}"`,
				},
			};
		}
		let body = serialisedFiles.get(file.bytes);
		if (body === undefined) {
			const head = JSON.stringify({
				BillingStatement: statementJson(sim, statement),
				FileName: file.fileName,
			});
			body = Buffer.concat([
				Buffer.from(`${head.slice(0, -1)},"Data":"`),
				Buffer.from(file.bytes.toString('base64')),
				Buffer.from('"}'),
			]);
			serialisedFiles.set(file.bytes, body);
		}
		return {
			status: 200,
			raw: body,
			headers: { 'content-type': 'application/json; charset=utf-8' },
		};
	};
}

export const getBillingRecordsFile = statementFile('records');
export const getReconciliationFile = statementFile('reconciliation');
export const getStatementFile = statementFile('statement');

function invoiceJson(sim: SimulatorContext, statement: BillingStatement): Record<string, unknown> {
	const organization = sim.state.organizations.get(statement.organizationId);
	const customerId = `CUST-${organization?.accountNumber ?? statement.organizationId}`;
	return {
		InvoiceId: statement.invoiceId,
		OrderId: statement.orderId,
		SalesCurrencyCode: statement.currency,
		SalesAmount: amount(statement.totalUnits, statement.scale),
		InvoiceCustomerId: customerId,
		InvoiceCustomerName: organization?.name ?? '',
		OrderCustomerId: customerId,
		OrderCustomerName: organization?.name ?? '',
		CustomerReference:
			sim.state.billing.invoiceProfiles.get(statement.invoiceProfileId)?.name ?? null,
		CustomerRequisition: `REQ-${statement.invoiceProfileId}`,
		// Inferred: invoiced the second after the billed month ends.
		InvoiceDate: new Date(statement.end + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
	};
}

export function listInvoices(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const paging = readPaging(v, req.query);
	v.throwIfInvalid();
	const organizationId = organizationOf(sim, intParam(req, 'organizationId'));
	const items = sim.state.billing.statements.filter((s) => s.organizationId === organizationId);
	return {
		status: 200,
		body: serialise.page(items, paging.page, paging.pageSize, (statement) =>
			invoiceJson(sim, statement),
		),
	};
}

/** The order's lines: its statement's records grouped by product (seat, one-time) or Azure subscription (usage). */
export function listOrderItems(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const organizationId = queryInt(v, req.query, 'organizationId', { required: true, min: 1 });
	v.throwIfInvalid();
	organizationOf(sim, organizationId);
	const orderId = req.params.orderId;
	if (!/^\d{1,19}$/.test(orderId)) {
		throw ApiError.badRequestField(
			'orderId',
			`The value '${orderId}' is not valid for orderId.`,
			'InvalidType',
		);
	}
	const statement = sim.state.billing.statements.find(
		(s) => s.orderId === orderId && s.organizationId === organizationId,
	);
	if (!statement)
		throw ApiError.notFound(`Order ${orderId} of organization ${organizationId} was not found.`);
	const lines = new Map<
		string,
		{ sku: string; description: string; price: number; quantity: number; total: number }
	>();
	for (const record of statement.records) {
		const usage = statement.provisionType === 2;
		const key = String(usage ? record.SubscriptionId : record.ProductId);
		const unit = Math.round(
			Number(usage ? record.SummedAmount : record.UnitPrice) * statement.scale,
		);
		const line = lines.get(key) ?? {
			sku: String(record.ProductId).split(':')[0],
			description: String(
				usage
					? `Azure plan - ${String(record.SubscriptionName)}`
					: (record.OfferName ?? record.ProductName),
			),
			price: usage ? 0 : unit,
			quantity: usage ? 1 : 0,
			total: 0,
		};
		if (usage) line.price += unit;
		else line.quantity += Number(record.Quantity);
		line.total = line.price * line.quantity;
		lines.set(key, line);
	}
	const items = [...lines.values()].map((line) => ({
		SkuValue: line.sku,
		LineDescription: line.description,
		Price: amount(line.price, statement.scale),
		CurrencyCode: statement.currency,
		RowTotal: amount(line.total, statement.scale),
		Quantity: line.quantity,
	}));
	return {
		status: 200,
		body:
			sim.options.orderItemsAnswer === 'collection'
				? { Items: items, TotalHits: items.length }
				: items,
	};
}

/** Whole days (their 00:00 UTC) from `from` to `to`, both included, that have ended before today. */
function usageDays(from: number, to: number, now: number): number {
	const first = Math.ceil(from / DAY_MS) * DAY_MS;
	const last = Math.min(startOfUtcDay(to), startOfUtcDay(now) - DAY_MS);
	return last < first ? 0 : (last - first) / DAY_MS + 1;
}

function checkPeriod(from: number | undefined, to: number | undefined): void {
	if (from !== undefined && to !== undefined && to < from) {
		throw ApiError.badRequestField('to', 'The to date must not be before the from date.');
	}
}

export function getOrganizationUsageCost(
	req: RequestContext,
	sim: SimulatorContext,
): HandlerResult {
	const v = new Validator();
	const from = queryDate(v, req.query, 'from', true);
	const to = queryDate(v, req.query, 'to', true);
	v.throwIfInvalid();
	checkPeriod(from, to);
	const organizationId = organizationOf(sim, intParam(req, 'organizationId'));
	const { billing } = sim.state;
	const days = usageDays(from as number, to as number, req.now);
	const items = [...billing.azureSubscriptions.values()]
		.filter((subscription) => billing.tenantOf(subscription)?.organizationId === organizationId)
		.map((subscription) => {
			const tenant = billing.tenantOf(subscription);
			const units = subscription.meters.reduce(
				(sum, meter) => sum + billing.usageUnits(meter, days),
				0,
			);
			return {
				Supplier: 'Microsoft',
				AccountId: tenant?.id ?? 0,
				AccountName: tenant?.name ?? '',
				SubscriptionName: subscription.friendlyName,
				SubscriptionId: subscription.publisherSubscriptionId,
				Amount: amount(units, 10_000),
				CurrencyCode: BILLING_SEED.currencies[organizationId],
			};
		});
	return { status: 200, body: { Items: items, TotalHits: items.length } };
}

export function getSubscriptionUsageCost(
	req: RequestContext,
	sim: SimulatorContext,
): HandlerResult {
	const scope = jsonObjectBody(req, 'SubscriptionUsageCostRequest');
	const v = new Validator();
	const tenantId = v.int(scope, 'ResellerCustomerId', { required: true });
	const subscriptionId = v.string(scope, 'SubscriptionId', { required: true });
	const currency = v.string(scope, 'CurrencyCode', { required: true });
	const from = v.dateTime(scope, 'From', { required: true });
	const to = v.dateTime(scope, 'To', { required: true });
	v.throwIfInvalid();
	checkPeriod(from?.ms, to?.ms);
	const { billing, tenants } = sim.state;
	const tenant = tenants.get(tenantId as number);
	if (!tenant) throw ApiError.notFound(`Customer tenant ${tenantId} was not found.`);
	const subscription = [...billing.azureSubscriptions.values()].find(
		(candidate: AzureSubscriptionData) =>
			candidate.tenantId === tenant.id &&
			candidate.publisherSubscriptionId === subscriptionId?.toLowerCase(),
	);
	if (!subscription) {
		throw ApiError.notFound(
			`Azure subscription ${subscriptionId} of customer tenant ${tenant.id} was not found.`,
		);
	}
	const billed = BILLING_SEED.currencies[tenant.organizationId];
	if (currency?.toUpperCase() !== billed) {
		// Inferred: the usage exists in the organization's currency only.
		throw ApiError.badRequestField(
			'CurrencyCode',
			`Customer tenant ${tenant.id} is billed in ${billed}, not ${currency}.`,
		);
	}
	const days = usageDays(from?.ms as number, to?.ms as number, req.now);
	const byCategory = new Map<string, number>();
	for (const meter of subscription.meters) {
		byCategory.set(
			meter.category,
			(byCategory.get(meter.category) ?? 0) + billing.usageUnits(meter, days),
		);
	}
	const items = [...byCategory].map(([category, units]) => ({
		Category: category,
		Amount: amount(units, 10_000),
		CurrencyCode: billed,
	}));
	return { status: 200, body: { Items: items, TotalHits: items.length } };
}

export function getAzureMonthlyUsage(req: RequestContext, sim: SimulatorContext): HandlerResult {
	const v = new Validator();
	const year = queryInt(v, req.query, 'year', { required: true, min: 1, max: 9999 });
	const month = queryInt(v, req.query, 'month', { required: true, min: 1, max: 12 });
	const includeBom = queryInt(v, req.query, 'includeBom', { min: 0, max: 1 }) ?? 0;
	v.throwIfInvalid();
	const azurePlanId = intParam(req, 'azurePlanId');
	const id = intParam(req, 'id');
	const subscription = sim.state.billing.azureSubscriptions.get(id);
	if (!sim.state.billing.azurePlans.has(azurePlanId) || subscription?.azurePlanId !== azurePlanId) {
		throw ApiError.notFound(`Azure subscription ${id} of Azure plan ${azurePlanId} was not found.`);
	}
	const start = Date.UTC(year as number, (month as number) - 1, 1);
	const now = new Date(req.now);
	if (start > Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)) {
		// Inferred: no file for a month that has not begun.
		throw ApiError.notFound(
			`There is no usage file for ${year}-${String(month).padStart(2, '0')} yet.`,
		);
	}
	const path = `azure-usage/monthly/${year}/${month}/subscriptions/${subscription.publisherSubscriptionId}/azure-usage.csv`;
	return {
		status: 200,
		body: {
			file: {
				// A storage host that never resolves: the link is for looking at, not for fetching here.
				url: `https://simulatorusage.blob.core.windows.invalid/${path}?sv=2022-11-02&bom=${includeBom}&se=${encodeURIComponent(new Date(req.now + 30 * 60_000).toISOString())}&sig=simulated`,
				urlExpiry: new Date(req.now + 30 * 60_000).toISOString(),
				lastModified: new Date(Math.min(req.now, start + 32 * DAY_MS)).toISOString(),
			},
		},
	};
}
