import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_REQUEST_SETTINGS, type RequestSettings } from '../transport';

/** Request options every operation offers, read once per execution. */
export const requestOptionsDescription: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 3,
			description:
				'How often to retry a request that Crayon provably did not process (connection refused, 429, 503). Purchases are never repeated after a timeout or a lost connection.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60000,
			description: 'Time in milliseconds to wait for Crayon to answer one request',
		},
	],
};

export function readRequestSettings(context: IExecuteFunctions): RequestSettings {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		...DEFAULT_REQUEST_SETTINGS,
		timeoutMs: typeof options.timeout === 'number' ? options.timeout : DEFAULT_REQUEST_SETTINGS.timeoutMs,
		maxRetries: typeof options.maxRetries === 'number' ? options.maxRetries : DEFAULT_REQUEST_SETTINGS.maxRetries,
	};
}
