import { z } from 'zod';

import { answer, fieldOf, jsonObject } from '../transport';

const objects = z.array(jsonObject);

/**
 * A list where Crayon's SDK (`ApiCollection`, `{Items, TotalHits}`) and its API documentation (a
 * bare array) disagree: transition eligibilities and scheduled purchase requests. Either is read.
 */
export const itemsOrArray = answer(
	z
		.unknown()
		.transform((value) => (Array.isArray(value) ? value : fieldOf(value, 'Items')))
		.pipe(objects),
	'a list of results ({Items, TotalHits} or an array)',
);
