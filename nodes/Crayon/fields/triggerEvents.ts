import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { EventSelection, SubscriptionEvent } from '../domain/changes';
import { dropdownOptions } from '../domain/enums';
import { oneOf, wholeNumber } from '../domain/values';
import { field, propertiesOf, schemaOf } from './parameters';

const events: ReadonlyArray<{ name: string; value: SubscriptionEvent; description: string }> = [
	{ name: 'New', value: 'new', description: 'A subscription seen for the first time' },
	{
		name: 'Changed',
		value: 'changed',
		description:
			'Its quantity, status, name, product, billing cycle, term, end date or add-ons changed',
	},
	{
		name: 'Cancellation Window Closing',
		value: 'cancellationWindowClosing',
		description:
			'An active New Commerce subscription can be cancelled for only a few more hours (its CancellationAllowedUntilDate)',
	},
	{
		name: 'Renewal Approaching',
		value: 'renewalApproaching',
		description: 'The term of an active subscription ends within a few days (its EndDate)',
	},
];

const onlyFor = (event: SubscriptionEvent) => ({ displayOptions: { show: { events: [event] } } });

/** The Crayon Trigger's events and the sizes of its two windows. */
export const eventFields = {
	events: field(
		{
			displayName: 'Trigger On',
			type: 'multiOptions',
			options: events.map((event) => ({ ...event })),
			default: ['new', 'changed'],
			description: 'Which subscription events start the workflow',
		},
		z
			.array(oneOf(dropdownOptions(events)), { invalid_type_error: 'must be a list of events' })
			.min(1, 'needs at least one event'),
	),
	cancellationWindowHours: field(
		{
			displayName: 'Hours Before Cancellation Closes',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 720 },
			default: 48,
			description:
				'Emit Cancellation Window Closing once per subscription when this many hours or fewer are left to cancel it',
			...onlyFor('cancellationWindowClosing'),
		},
		wholeNumber(1, 720),
		{ fallback: true },
	),
	renewalDays: field(
		{
			displayName: 'Days Before the Term Ends',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 366 },
			default: 30,
			description:
				'Emit Renewal Approaching once per subscription and term when its term ends within this many days',
			...onlyFor('renewalApproaching'),
		},
		wholeNumber(1, 366),
		{ fallback: true },
	),
};

const schema = schemaOf(eventFields);
const properties = propertiesOf(eventFields);

/** The events a poll emits, read and checked before Crayon is asked anything. */
export function readEventSelection(context: IPollFunctions): EventSelection {
	const present = context.getNode().parameters;
	const raw = Object.fromEntries(
		Object.keys(eventFields)
			.filter((name) => present[name] !== undefined)
			.map((name) => [name, context.getNodeParameter(name)]),
	);
	const parsed = schema.safeParse({ events: ['new', 'changed'], ...raw });
	if (!parsed.success) {
		const [issue] = parsed.error.issues;
		const label = properties.find((property) => property.name === issue.path[0])?.displayName;
		throw new NodeOperationError(
			context.getNode(),
			`"${label ?? issue.path.join('.')}" ${issue.message}`,
			{
				description: 'Fix the trigger setting; nothing was asked of Crayon.',
			},
		);
	}
	return { ...parsed.data, now: Date.now() };
}
