import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { readScheduledRequests, scheduledLines, SCHEDULED_PATH } from '../../domain/purchaseOrders';
import { wholeNumber } from '../../domain/values';
import { customerTenantLocator } from '../../fields/locators';
import { field, schemaOf } from '../../fields/parameters';
import { answer, fieldOf, type CrayonClient, type OutcomeLookup } from '../../transport';
import type { OperationOption } from '../resource';

const idField = (displayName: string, description: string) =>
	field(
		{
			displayName,
			type: 'number',
			required: true,
			typeOptions: { minValue: 1 },
			default: 1,
			description,
		},
		wholeNumber(1),
	);

export const fields = {
	customerTenantId: customerTenantLocator({
		description:
			'The customer tenant the scheduled purchase is for: the node checks the line is its own before cancelling',
	}),
	orderReferenceId: idField(
		'Order Reference ID',
		'The OrderReferenceId of the scheduled purchase (Scheduled Purchase → Get Many)',
	),
	orderNumber: idField('Order Number', 'The OrderNumber of the line to cancel'),
};

export const isPurchase = true;

export const option: OperationOption = {
	name: 'Cancel',
	action: 'Cancel a scheduled purchase',
	description:
		"Cancel one line of a purchase waiting for its scheduled date, after checking it is the customer tenant's and still waiting",
};

export const schema = schemaOf(fields);

type Input = z.output<typeof schema>;

async function waitingLine(crayon: CrayonClient, input: Input) {
	const lines = scheduledLines(
		await readScheduledRequests(crayon, { ResellerCustomerId: input.customerTenantId }),
	);
	return lines.find(
		(line) =>
			fieldOf(line, 'OrderReferenceId') === input.orderReferenceId &&
			fieldOf(line, 'OrderNumber') === input.orderNumber,
	);
}

function describe(input: Input): string {
	return `line ${input.orderNumber} of scheduled purchase ${input.orderReferenceId}`;
}

/** Every item's line must be waiting, and its customer tenant's, before the first cancellation. */
export async function prepare(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	if ((await waitingLine(crayon, input)) === undefined) {
		throw await crayon.error({
			message: `Customer tenant ${input.customerTenantId} has no ${describe(input)} waiting to be bought`,
			description:
				'Nothing was cancelled. It may have been bought or cancelled already, or belong to another customer tenant: see Scheduled Purchase → Get Many.',
		});
	}
	return input;
}

/**
 * Lists the scheduled purchases again: a line gone is most likely cancelled. Not decisive: no
 * source says whether a cancelled line leaves the list at once.
 */
function cancelLookup(crayon: CrayonClient, input: Input): OutcomeLookup {
	return {
		decisive: false,
		find: async () =>
			(await waitingLine(crayon, input)) === undefined
				? { verdict: 'bought', details: `no ${describe(input)} waiting any more` }
				: {
						verdict: 'unclear',
						details: `${describe(input)} still waiting; Crayon may still be cancelling it, look again in a few minutes`,
					},
	};
}

/** "returns Http Status Code 200"; the body is undocumented (the SDK reads a ScheduledPurchaseRequestItem). */
const cancelled = answer(z.unknown(), 'an answer of HTTP 200');

/**
 * PUT api/v1/scheduledpurchaserequest/cancel-order/{id}/{orderNumber} with no body (crayon-api-sdk:
 * src/Crayon.Api.Sdk/Resources/ScheduledPurchaseRequestResource.cs `CancelOrderLineItemAsync`).
 */
export async function execute(this: IExecuteFunctions, input: Input, crayon: CrayonClient) {
	const line = await waitingLine(crayon, input);
	if (line === undefined) {
		throw await crayon.error({
			message: `Customer tenant ${input.customerTenantId} has no ${describe(input)} waiting to be bought any more`,
			description: 'Nothing was cancelled: it was bought or cancelled since the run began.',
		});
	}
	const remaining = await crayon.purchase(
		{
			method: 'PUT',
			path: `${SCHEDULED_PATH}cancel-order/${input.orderReferenceId}/${input.orderNumber}`,
			action: `cancel ${describe(input)}`,
			identify: () => ({ identity: `cancelled ${describe(input)}` }),
			lookup: cancelLookup(crayon, input),
		},
		cancelled,
	);
	return { Cancelled: true, ...line, Remaining: (remaining ?? null) as object | null };
}
