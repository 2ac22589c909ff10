import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemApi } from '../actions/operation';
import type { CrayonRequest } from '../transport';

function preview(body: unknown): string {
	const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? String(body));
	return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/**
 * Sends a request and checks the answer's shape, so a truncated body, an HTML error
 * page or a changed API never becomes a silently wrong output item.
 */
export async function sendAndRead<T extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	api: ItemApi,
	request: CrayonRequest,
	schema: T,
	expected: string,
): Promise<z.output<T>> {
	const response = await api.request(request);
	const result = schema.safeParse(response.body);
	if (result.success) return result.data;
	const label = `${request.method} ${request.path}`;
	throw new NodeApiError(context.getNode(), { body: preview(response.body) } as JsonObject, {
		itemIndex: api.itemIndex,
		httpCode: String(response.statusCode),
		message: `Crayon's answer to ${label} could not be understood: expected ${expected}`,
		description:
			`Received (HTTP ${response.statusCode}): ${preview(response.body)}` +
			(request.purchase
				? '\nThe request was accepted by Crayon, so the purchase may have gone through: check in Cloud-iQ before running this item again.'
				: ''),
	});
}

/** A Crayon response object: the listed fields are checked, every other field is kept for the output item. */
export function responseObject<T extends z.ZodRawShape>(shape: T) {
	return z
		.object(shape)
		.passthrough()
		.transform((value) => value as z.infer<z.ZodObject<T>> & IDataObject);
}
