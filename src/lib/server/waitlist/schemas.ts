import { z } from 'zod';
import { isValidPreferredTime } from '../../domain/scheduling/waitlist';
import { ZBookingPatientSchema } from '../booking/schemas';

const isoDate = z.iso.date('validation.date');
const wallTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, 'waitlist.timeInvalid');

export const ZPreferredTimeSchema = z
	.object({ weekday: z.coerce.number().int().min(0).max(6), start: wallTime, end: wallTime })
	.refine(isValidPreferredTime, { path: ['end'], message: 'waitlist.timeReversed' });

/** The contract of `POST /api/v1/waitlist`, shared by the `/book/waitlist` form and the desk. */
export const ZJoinWaitlistSchema = z
	.object({
		serviceId: z.string().trim().min(1).max(64),
		practitionerId: z.string().trim().min(1).max(64).optional(),
		from: isoDate,
		to: isoDate,
		times: z.array(ZPreferredTimeSchema).max(21).optional(),
		locale: z.enum(['ja', 'en']),
		patient: ZBookingPatientSchema,
		consent: z.object({ privacy: z.literal(true, 'booking.consentRequired') })
	})
	.refine((w) => w.from <= w.to, { path: ['to'], message: 'booking.rangeReversed' });
export type TJoinWaitlist = z.infer<typeof ZJoinWaitlistSchema>;

/** The clinic's hold time for an offered slot, in minutes: five minutes to a day. */
export const ZWaitlistHoldSchema = z.object({ holdMinutes: z.coerce.number().int().min(5).max(1440) });
