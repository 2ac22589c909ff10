import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemApi } from '../actions/operation';
import type { CrayonContext, CrayonRequest } from '../transport';
import { crayonError, preview, purchaseOutcomeText, requestLabel } from '../transport/failures';

/**
 * Sends a request and checks the answer's shape, so a truncated body, an HTML error
 * page or a changed API never becomes a silently wrong output item.
 */
export async function sendAndRead<T extends z.ZodTypeAny>(
	context: CrayonContext,
	api: ItemApi,
	request: CrayonRequest,
	schema: T,
	expected: string,
): Promise<z.output<T>> {
	const sentAt = new Date();
	const response = await api.request(request);
	const result = schema.safeParse(response.body);
	if (result.success) return result.data;
	const received = `Received (HTTP ${response.statusCode}): ${preview(response.body)}`;
	// A purchase answered with something unreadable may have gone through: say so, and what a lookup found.
	const text = request.purchase
		? await purchaseOutcomeText(
				request,
				sentAt,
				`HTTP ${response.statusCode}, but not ${expected}`,
				true,
			)
		: {
				message: `Crayon's answer to ${requestLabel(request)} could not be understood: expected ${expected}`,
				description: 'This request only reads, so running the item again is safe.',
			};
	throw crayonError(
		context,
		{
			message: text.message,
			description: `${received}\n${text.description}`,
			httpCode: String(response.statusCode),
			response: { body: preview(response.body) },
		},
		api.itemIndex,
		[],
	);
}

/** A Crayon response object: the listed fields are checked, every other field is kept for the output item. */
export function responseObject<T extends z.ZodRawShape>(shape: T) {
	return z
		.object(shape)
		.passthrough()
		.transform((value) => value as z.infer<z.ZodObject<T>> & IDataObject);
}
