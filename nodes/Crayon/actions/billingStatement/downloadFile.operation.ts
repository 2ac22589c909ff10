import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import {
	billingRecordsOf,
	fileFormat,
	statementFiles,
	type StatementFileKind,
} from '../../domain/billing';
import { crayonId, hasControlCharacter, text } from '../../domain/values';
import { enumField, textField } from '../../fields/common';
import { field, schemaOf } from '../../fields/parameters';
import type { CrayonClient, DownloadedFile } from '../../transport';
import { OutputItems } from '../operation';
import type { OperationOption } from '../resource';

const fileKinds = Object.entries(statementFiles).map(([value, file]) => ({
	name: file.name,
	value: value as StatementFileKind,
}));

const outputs = [
	{ name: 'File (Binary)', value: 'file' },
	{ name: 'One Item per Billing Line', value: 'items' },
] as const;

export const fields = {
	billingStatementId: field(
		{
			displayName: 'Billing Statement ID',
			type: 'number',
			required: true,
			typeOptions: { minValue: 1 },
			default: 0,
			placeholder: '={{ $json.Id }}',
			description: 'The billing statement (its ID from Billing Statement → Get Many)',
		},
		crayonId,
	),
	file: enumField(
		{
			displayName: 'File',
			default: 'records',
			description: "Which of the statement's files to download",
			hint: 'Crayon sends a zip archive instead when a file is split into several',
		},
		fileKinds,
	),
	output: enumField(
		{
			displayName: 'Output',
			default: 'file',
			description:
				'The file as binary data (for an email attachment, a file store or a spreadsheet node), or its billing lines as items (JSON and CSV files only)',
		},
		outputs,
	),
	binaryPropertyName: field(
		{
			displayName: 'Put Output File in Field',
			type: 'string',
			default: 'data',
			required: true,
			displayOptions: { show: { output: ['file'] } },
			hint: 'The name of the output binary field to put the file in',
		},
		text(100),
		{ fallback: true },
	),
	fileName: textField(
		{
			displayName: 'File Name',
			default: '',
			placeholder: 'billing-records-{{ $json.Id }}.json',
			displayOptions: { show: { output: ['file'] } },
			description: 'The name of the output file; empty for the name Crayon gives it',
		},
		200,
	),
};

export const option: OperationOption = {
	name: 'Download File',
	action: 'Download a billing statement file',
	description:
		"Download a statement's billing records (JSON), reconciliation (CSV) or statement (Excel) file, as a file or as one item per billing line",
};

/** No path separators: the name is a file's, not a place. */
const PLAIN_NAME = /^[^/\\]+$/;

export const schema = schemaOf(fields).superRefine(({ file, output }, context) => {
	if (file === 'statement' && output === 'items') {
		context.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['output'],
			message:
				'cannot be billing lines for the Excel statement: the node reads only JSON and CSV exactly, so choose File (Binary), or the Billing Records or Reconciliation file',
		});
	}
});

type Input = z.output<typeof schema>;

/** Crayon's name for the file, if it is a plain name; otherwise one of the node's. */
function outputName(input: Input, downloaded: DownloadedFile): string {
	if (input.fileName !== undefined) return input.fileName;
	const given = downloaded.fileName;
	if (given && PLAIN_NAME.test(given) && !hasControlCharacter(given)) return given;
	const extension =
		fileFormat(downloaded.data, given) === 'zip' && input.file !== 'statement'
			? 'zip'
			: { records: 'json', reconciliation: 'csv', statement: 'xlsx' }[input.file];
	return `billing-statement-${input.billingStatementId}-${input.file}.${extension}`;
}

export async function execute(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	const request = {
		method: 'GET' as const,
		path: statementFiles[input.file].path(input.billingStatementId),
	};
	const downloaded = await crayon.download(request);
	if (input.output === 'items') {
		const split = billingRecordsOf(downloaded.data, downloaded.fileName);
		if ('problem' in split) {
			throw await crayon.error({
				message: `The ${statementFiles[input.file].name} file of billing statement ${input.billingStatementId} cannot be split into billing lines: ${split.problem}`,
				description:
					'Choose Output → File (Binary) to get the file as Crayon sent it. This request only reads, so running the item again is safe.',
			});
		}
		return split.records;
	}
	const fileName = outputName(input, downloaded);
	const zipped = fileFormat(downloaded.data, downloaded.fileName) === 'zip';
	const mimeType =
		zipped && input.file !== 'statement'
			? 'application/zip'
			: downloaded.mediaType && downloaded.mediaType !== 'application/octet-stream'
				? downloaded.mediaType
				: statementFiles[input.file].mimeType;
	const binary = await this.helpers.prepareBinaryData(downloaded.data, fileName, mimeType);
	const json: IDataObject = {
		BillingStatementId: input.billingStatementId,
		File: input.file,
		FileName: fileName,
		MimeType: mimeType,
		FileSize: downloaded.data.length,
	};
	const statement = Object.entries(downloaded.details).find(
		([key]) => key.toLowerCase() === 'billingstatement',
	)?.[1];
	if (statement !== undefined) json.BillingStatement = statement;
	return new OutputItems([{ json, binary: { [input.binaryPropertyName]: binary } }]);
}
