import { z } from 'zod';

import { answerObject, jsonObject } from '../transport';
import { dateTime } from './values';

/**
 * Usage cost and Azure usage (crayon-api-sdk: src/Crayon.Api.Sdk/Resources/UsageCostResource.cs,
 * Requests/SubscriptionUsageCostRequest.cs; https://apidocs.crayon.com/scenarios/usagecostsbyorganization-get.html,
 * azureusage-get.html).
 */

const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const USAGE_TIME_EXAMPLE =
	'a date such as 2025-10-01 or a date and time such as 2025-10-01T00:00:00';

/**
 * A moment of a usage period as Crayon's SDK sends it: a .NET DateTime in the "s" format,
 * without time zone (`2023-01-01T00:00:00`). A bare date is midnight. A time with a zone is
 * refused rather than converted: which zone Crayon counts usage in is not documented.
 */
export const usageTime = z
	.string({ required_error: 'is required', invalid_type_error: `must be ${USAGE_TIME_EXAMPLE}` })
	.min(1, 'is required')
	.superRefine((value, context) => {
		if (WITH_ZONE.test(value)) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				message: `must be ${USAGE_TIME_EXAMPLE}, without time zone (Crayon takes the time as it is; with Luxon: .toFormat("yyyy-MM-dd'T'HH:mm:ss"))`,
			});
		} else if (!dateTime.safeParse(value).success) {
			context.addIssue({ code: z.ZodIssueCode.custom, message: `must be ${USAGE_TIME_EXAMPLE}` });
		}
	})
	.transform((value) => (DATE_ONLY.test(value) ? `${value}T00:00:00` : value.replace(' ', 'T')));

/** ISO 4217: three capital letters. */
export const currencyCode = z
	.string({
		required_error: 'is required',
		invalid_type_error: 'must be a currency code such as NOK',
	})
	.regex(/^[A-Z]{3}$/, 'must be a currency code of three capital letters, such as NOK, SEK or EUR');

/** An Azure subscription as usage cost names it: its GUID (the SubscriptionId of the organization usage cost). */
export const azureSubscriptionGuid = z
	.string({ required_error: 'is required', invalid_type_error: 'must be an Azure subscription ID' })
	.regex(
		/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
		'must be an Azure subscription ID (a GUID such as 0f6c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b)',
	);

/** `{Items, TotalHits}` of usage cost rows: the amounts are read exactly (transport/json.ts). */
export const usageCostPage = answerObject(
	{
		Items: z.array(jsonObject),
	},
	'usage cost ({Items, TotalHits})',
);
