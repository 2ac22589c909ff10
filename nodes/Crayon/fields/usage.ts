import { usageTime } from '../domain/usage';
import { field } from './parameters';

/** From / To of a usage period. */
export function usagePeriodFields(subject: string) {
	const moment = (displayName: string, description: string) =>
		field(
			{
				displayName,
				type: 'dateTime',
				required: true,
				default: '',
				description,
				hint: 'A date, or a date and time without time zone (2025-10-01T00:00:00), as Crayon takes it',
			},
			usageTime,
		);
	return {
		from: moment('From', `Start of the period: ${subject} from this moment`),
		to: moment('To', `End of the period: ${subject} up to this moment`),
	};
}
