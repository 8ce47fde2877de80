import { z } from 'zod';
import { localInstant } from '../../domain/time';

/** `?month=2026-03` limits the 施術録 to one month; empty or absent means every date. */
export const ZRecordQuerySchema = z.object({
	month: z
		.string()
		.trim()
		.regex(/^(\d{4}-(0[1-9]|1[0-2]))?$/, { error: 'documents.records.monthInvalid' })
		.optional()
		.transform((month) => (month ? month : null))
});
export type TRecordQuery = z.infer<typeof ZRecordQuerySchema>;

/** A half-open range of instants [from, to), as ISO strings like the stored `started_at`. */
export interface InstantRange {
	from: string;
	to: string;
}

/** The clinic-local calendar month, as instants: March in Tokyo starts at 15:00 UTC on 28 February. */
export function monthRange(month: string, timeZone: string): InstantRange {
	const [year, monthNumber] = month.split('-').map(Number) as [number, number];
	const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
	return {
		from: new Date(localInstant(`${month}-01`, '00:00', timeZone)).toISOString(),
		to: new Date(localInstant(`${next}-01`, '00:00', timeZone)).toISOString()
	};
}
