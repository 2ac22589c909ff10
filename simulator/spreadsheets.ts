/**
 * The files the billing endpoints serve, as real bytes: CSV (RFC 4180), a zip archive (stored,
 * with CRC-32) and an Office Open XML workbook (an .xlsx is a zip of XML parts). Node
 * built-ins only.
 */
import { crc32 } from 'node:zlib';

export type Row = Record<string, string | number | null>;

/** The columns of `rows`, in the order they first appear. */
export function columnsOf(rows: readonly Row[]): string[] {
	const columns: string[] = [];
	for (const row of rows)
		for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
	return columns;
}

function csvCell(value: string | number | null | undefined): string {
	const text = value === null || value === undefined ? '' : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Comma-separated, a header row, CRLF line ends, quoted where needed. */
export function csv(rows: readonly Row[]): Buffer {
	const columns = columnsOf(rows);
	const lines = [columns, ...rows.map((row) => columns.map((column) => row[column]))].map((cells) =>
		cells.map(csvCell).join(','),
	);
	return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A zip archive of `files`, stored without compression (what any unzip tool reads). */
export function zip(files: ReadonlyArray<{ name: string; bytes: Buffer }>): Buffer {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const { name, bytes } of files) {
		const fileName = Buffer.from(name, 'utf8');
		const checksum = crc32(bytes);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4); // version needed
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(0, 8); // stored
		local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
		local.writeUInt32LE(checksum, 14);
		local.writeUInt32LE(bytes.length, 18);
		local.writeUInt32LE(bytes.length, 22);
		local.writeUInt16LE(fileName.length, 26);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt16LE(0x0800, 8);
		entry.writeUInt16LE(0, 10);
		entry.writeUInt32LE(0x00210000, 12);
		entry.writeUInt32LE(checksum, 16);
		entry.writeUInt32LE(bytes.length, 20);
		entry.writeUInt32LE(bytes.length, 24);
		entry.writeUInt16LE(fileName.length, 28);
		entry.writeUInt32LE(offset, 42);
		parts.push(local, fileName, bytes);
		central.push(entry, fileName);
		offset += local.length + fileName.length + bytes.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(files.length, 8);
	end.writeUInt16LE(files.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...parts, directory, end]);
}

function xml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	}
	return name;
}

function sheetXml(rows: readonly Row[]): string {
	const columns = columnsOf(rows);
	const cell = (value: Row[string], reference: string): string => {
		if (value === null || value === undefined) return '';
		return typeof value === 'number'
			? `<c r="${reference}"><v>${value}</v></c>`
			: `<c r="${reference}" t="inlineStr"><is><t xml:space="preserve">${xml(value)}</t></is></c>`;
	};
	const lines = [columns, ...rows.map((row) => columns.map((column) => row[column] ?? null))].map(
		(cells, line) =>
			`<row r="${line + 1}">${cells.map((value, index) => cell(value, `${columnName(index)}${line + 1}`)).join('')}</row>`,
	);
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
		'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
		`<sheetData>${lines.join('')}</sheetData></worksheet>`
	);
}

/** A workbook with one sheet named `sheetName` holding `rows` (a header row first). */
export function xlsx(sheetName: string, rows: readonly Row[]): Buffer {
	const part = (name: string, text: string) => ({ name, bytes: Buffer.from(text, 'utf8') });
	const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
	return zip([
		part(
			'[Content_Types].xml',
			`${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
				'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
				'<Default Extension="xml" ContentType="application/xml"/>' +
				'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
				'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
				'</Types>',
		),
		part(
			'_rels/.rels',
			`${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
				'</Relationships>',
		),
		part(
			'xl/workbook.xml',
			`${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
				`<sheets><sheet name="${xml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		),
		part(
			'xl/_rels/workbook.xml.rels',
			`${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
				'</Relationships>',
		),
		part('xl/worksheets/sheet1.xml', sheetXml(rows)),
	]);
}
