import type { INodeProperties } from 'n8n-workflow';

import { dropdownOptions, termDurations } from '../helpers/enums';

/** A licence count field (validated with the `quantity` schema). */
export function quantityProperty(description: string): INodeProperties {
	return {
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description,
	};
}

/** The product part number to buy, validated with `catalogueCode`. */
export function partNumberProperty(placeholder: string, description: string): INodeProperties {
	return {
		displayName: 'Part Number',
		name: 'partNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder,
		description,
	};
}

/** The ISO 8601 term of a subscription: P1M, P1Y or P3Y. */
export function termDurationProperty(
	description: string,
	defaultTerm: (typeof termDurations)[number]['value'],
): INodeProperties {
	return {
		displayName: 'Term Duration',
		name: 'termDuration',
		type: 'options',
		options: dropdownOptions(termDurations),
		default: defaultTerm,
		description,
	};
}

/** Optional fields, shown once the user adds them. */
export function additionalFieldsProperty(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}
