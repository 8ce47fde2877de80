import { z } from 'zod';
import { MAX_UPCOMING_VISITS } from '../../domain/scheduling/booking-controls';
import { checkWholeNumber, HORIZON_DAYS, MIN_NOTICE_MINUTES } from '../../domain/scheduling/settings-rules';

/*
 * The booking-controls form (issue #17). Messages are catalogue keys (`bookingControls.error.*`).
 * A service's notice and horizon are optional: left blank, the clinic's rule applies.
 */

const digits = (value: string) => value.normalize('NFKC').replace(/[,\s]/g, '');

function optionalWhole(message: string, rule: { min: number; max: number; multipleOf?: number }) {
	return z
		.string()
		.max(12)
		.default('')
		.transform(digits)
		.refine((v) => v === '' || (/^\d{1,9}$/.test(v) && checkWholeNumber(Number(v), rule) === null), message)
		.transform((v) => (v === '' ? null : Number(v)));
}

export const ZBookingControlsSchema = z.object({
	approveNewPatients: z
		.literal('on')
		.optional()
		.transform((v) => v === 'on'),
	maxUpcomingVisits: z
		.string()
		.max(12)
		.transform(digits)
		.pipe(z.string().regex(/^\d{1,3}$/, 'bookingControls.error.maxUpcoming'))
		.transform(Number)
		.refine((n) => n >= MAX_UPCOMING_VISITS.min && n <= MAX_UPCOMING_VISITS.max, 'bookingControls.error.maxUpcoming')
});
export type TBookingControls = z.output<typeof ZBookingControlsSchema>;

export const ZServiceWindowSchema = z.object({
	serviceId: z.string().trim().min(1).max(64),
	minNoticeMinutes: optionalWhole('bookingControls.error.notice', MIN_NOTICE_MINUTES),
	horizonDays: optionalWhole('bookingControls.error.horizon', HORIZON_DAYS)
});
export type TServiceWindow = z.output<typeof ZServiceWindowSchema>;

export const ZBookingDecisionSchema = z.object({
	appointmentId: z.string().trim().min(1).max(64),
	decision: z.enum(['approve', 'decline'])
});
