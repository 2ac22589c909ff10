import type { IDataObject } from 'n8n-workflow';

import { fieldOf, parseJsonExact } from '../transport';

/**
 * Billing statements and their files (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/BillingStatementResource.cs,
 * Domain/Csp/BillingStatement.cs, BillingRecordsFile.cs; https://apidocs.crayon.com/scenarios/billingstatements-get.html).
 */

/** ProvisionType (crayon-api-sdk: src/Crayon.Api.Sdk/Domain/Csp/ProvisionType.cs); None (0) means "any" in the filter. */
export const provisionTypes = [
	{ name: 'Seat', value: 1 },
	{ name: 'Usage', value: 2 },
	{ name: 'One Time', value: 3 },
	{ name: 'Crayon', value: 4 },
	{ name: 'Azure Marketplace', value: 5 },
] as const;

/** "Seat"; Crayon sends the number, sometimes the name. */
export function provisionTypeText(value: IDataObject[string]): IDataObject[string] {
	if (typeof value !== 'number') return value;
	return value === 0
		? 'None'
		: (provisionTypes.find((type) => type.value === value)?.name ?? value);
}

/** The files of a statement: where each is, what it is (apidocs: "excel/csv/json file"). */
export const statementFiles = {
	records: {
		name: 'Billing Records (JSON)',
		path: (id: number) => `/api/v1/billingstatements/${id}/billingrecordsfile`,
		mimeType: 'application/json',
	},
	reconciliation: {
		name: 'Reconciliation (CSV)',
		path: (id: number) => `/api/v1/billingstatements/${id}/reconciliationfile`,
		mimeType: 'text/csv',
	},
	statement: {
		name: 'Statement (Excel)',
		path: (id: number) => `/api/v1/billingstatements/file/${id}`,
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	},
} as const;

export type StatementFileKind = keyof typeof statementFiles;

function reference(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' ? (value as IDataObject) : {};
}

/**
 * A statement's fields that reconciliation works with, flattened: the amount exactly as Crayon
 * sent it, beside its currency.
 */
export function simplifyStatement(statement: IDataObject): IDataObject {
	const price = reference(statement.TotalSalesPrice);
	const invoiceProfile = reference(statement.InvoiceProfile);
	const organization = reference(statement.Organization);
	return {
		Id: statement.Id,
		StartDate: statement.StartDate,
		EndDate: statement.EndDate,
		ProvisionType: provisionTypeText(statement.ProvisionType),
		TotalSalesPrice: price.Value,
		CurrencyCode: price.CurrencyCode,
		InvoiceProfileId: invoiceProfile.Id,
		InvoiceProfileName: invoiceProfile.Name,
		OrganizationId: organization.Id,
		OrganizationName: organization.Name,
		OrderId: statement.OrderId,
	};
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** What a downloaded file is, from its first bytes and its name. */
export function fileFormat(
	data: Buffer,
	fileName: string | undefined,
): 'zip' | 'json' | 'csv' | 'other' {
	if (data.subarray(0, 4).equals(ZIP_MAGIC)) return 'zip';
	const name = (fileName ?? '').toLowerCase();
	if (name.endsWith('.json')) return 'json';
	if (name.endsWith('.csv')) return 'csv';
	const first = /\S/.exec(
		data
			.subarray(0, 64)
			.toString('utf8')
			.replace(/^\uFEFF/, ''),
	)?.[0];
	return first === '[' || first === '{' ? 'json' : 'other';
}

/** Why a file cannot be split into billing lines; undefined when it is a list of records. */
export type Records = { records: IDataObject[] } | { problem: string };

function isRecord(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON records file: a list of records, or `{Items: [...]}` (Crayon's list shape). */
function jsonRecords(text: string): Records {
	let parsed: unknown;
	try {
		parsed = parseJsonExact(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return { problem: `the file is not valid JSON (${(error as Error).message})` };
	}
	const list = Array.isArray(parsed) ? parsed : fieldOf(parsed, 'Items');
	if (!Array.isArray(list)) {
		return { problem: 'the JSON file is neither a list of records nor an object with "Items"' };
	}
	const notRecord = list.findIndex((entry) => !isRecord(entry));
	if (notRecord >= 0) return { problem: `entry ${notRecord} of the JSON file is not a record` };
	return { records: list as IDataObject[] };
}

/**
 * The lines of a CSV text, each as its fields (RFC 4180: quoted fields may hold the delimiter,
 * quotes and line breaks), or what makes the text unreadable. Values stay the exact text.
 */
export function csvRows(text: string, delimiter: string): string[][] | string {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let at = 0; at < text.length; at++) {
		const char = text[at];
		if (quoted) {
			if (char !== '"') field += char;
			else if (text[at + 1] === '"') {
				field += '"';
				at++;
			} else quoted = false;
			continue;
		}
		if (char === '"' && field === '') quoted = true;
		else if (char === delimiter) {
			row.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[at + 1] === '\n') at++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else if (char === '"') {
			return `line ${rows.length + 1} has a quote inside an unquoted field`;
		} else field += char;
	}
	if (quoted) return 'the file ends inside a quoted field: it is incomplete';
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/**
 * A CSV records file: the header names the fields, every value stays the exact text of the
 * file (amounts are not read as numbers, so nothing is rounded or re-formatted). The delimiter
 * is the one of comma, semicolon and tab that the header line holds most of.
 */
function csvRecords(text: string): Records {
	const body = text.replace(/^\uFEFF/, '');
	const header = body.slice(0, body.search(/\r|\n|$/));
	const delimiter = [',', ';', '\t'].reduce((best, candidate) =>
		header.split(candidate).length > header.split(best).length ? candidate : best,
	);
	const rows = csvRows(body, delimiter);
	if (typeof rows === 'string') return { problem: `the CSV file cannot be read exactly: ${rows}` };
	const [names = [], ...lines] = rows;
	if (names.length === 0 || names.some((name) => name === '')) {
		return { problem: 'the CSV file has no header line naming every column' };
	}
	if (new Set(names).size !== names.length) {
		return { problem: 'the CSV file names a column twice in its header' };
	}
	const records: IDataObject[] = [];
	for (const [index, line] of lines.entries()) {
		if (line.length === 1 && line[0] === '') continue;
		if (line.length !== names.length) {
			return {
				problem: `line ${index + 2} of the CSV file has ${line.length} fields, the header ${names.length}`,
			};
		}
		records.push(Object.fromEntries(names.map((name, column) => [name, line[column]])));
	}
	return { records };
}

/** The billing lines of a downloaded file, one record each, or why the file cannot be split exactly. */
export function billingRecordsOf(data: Buffer, fileName: string | undefined): Records {
	const format = fileFormat(data, fileName);
	if (format === 'zip') {
		return {
			problem:
				'Crayon sent a zip archive (a workbook, or a file split into several), which the node outputs as a file only',
		};
	}
	if (format === 'other') {
		return { problem: `the file${fileName ? ` ${fileName}` : ''} is neither JSON nor CSV` };
	}
	const text = data.toString('utf8');
	return format === 'json' ? jsonRecords(text) : csvRecords(text);
}
