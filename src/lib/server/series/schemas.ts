import { z } from 'zod';
import { MAX_SERIES_VISITS } from '../../domain/scheduling/series';
import { isCalendarDate } from '../../domain/time';

/* The series forms (issue #17). Messages are catalogue keys (`series.error.*`). */

const id = z.string().trim().min(1).max(64);
const optionalId = z
	.string()
	.trim()
	.max(64)
	.optional()
	.transform((v) => (v ? v : undefined));
const whole = (message: string, min: number, max: number) =>
	z
		.string()
		.max(6)
		.transform((v) => v.normalize('NFKC').trim())
		.pipe(z.string().regex(/^\d{1,3}$/, message))
		.transform(Number)
		.refine((n) => n >= min && n <= max, message);

export const ZSeriesRequestSchema = z.object({
	patientId: id,
	serviceId: z.string().trim().min(1, 'series.error.service').max(64),
	practitionerId: z.string().trim().min(1, 'series.error.practitioner').max(64),
	bedId: optionalId,
	planId: optionalId,
	firstDate: z
		.string()
		.trim()
		.refine((v) => isCalendarDate(v), 'series.error.date'),
	time: z
		.string()
		.transform((v) =>
			v
				.normalize('NFKC')
				.trim()
				.replace(/^(\d):/, '0$1:')
				.replace(/^(\d\d:\d\d):00$/, '$1')
		)
		.pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'series.error.time')),
	count: whole('series.error.count', 1, MAX_SERIES_VISITS),
	frequencyPerWeek: whole('series.error.frequency', 1, 7)
});
export type TSeriesRequest = z.output<typeof ZSeriesRequestSchema>;

/** One visit as the preview proposed it: its start and practitioner. */
export const ZSeriesVisitSchema = z.object({ start: z.iso.datetime({ offset: true }), practitionerId: id });
export type TSeriesVisit = z.output<typeof ZSeriesVisitSchema>;

export const ZSeriesScopeSchema = z.object({
	appointmentId: id,
	scope: z.enum(['one', 'following'])
});

export const ZSeriesMoveSchema = ZSeriesScopeSchema.extend({
	date: z
		.string()
		.trim()
		.refine((v) => isCalendarDate(v), 'series.error.date'),
	time: ZSeriesRequestSchema.shape.time
});
