import { z } from 'zod';
import { ZPolicyAcknowledgement } from '../cancellation-policy/schemas';
import { ZTriageAnswersSchema } from '../triage/schemas';

const isoDate = z.iso.date('validation.date');

export const ZAvailabilityQuerySchema = z
	.object({
		service: z.string().trim().min(1).max(64),
		from: isoDate,
		to: isoDate,
		practitioner: z.string().trim().min(1).max(64).optional()
	})
	.refine((q) => q.from <= q.to, { path: ['to'], message: 'booking.rangeReversed' });
export type TAvailabilityQuery = z.infer<typeof ZAvailabilityQuerySchema>;

const name = z.string().trim().min(1).max(60);
// Katakana or hiragana readings; hiragana is turned into katakana so search finds either.
const kana = z
	.string()
	.trim()
	.max(60)
	.regex(/^[\u3041-\u3096\u30A1-\u30FA\u30FC\u3000 ]*$/, 'booking.kanaOnly')
	.transform((v) => v.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)));

export const ZBookingPatientSchema = z.object({
	familyName: name,
	givenName: name,
	familyNameKana: kana.optional(),
	givenNameKana: kana.optional(),
	email: z.email().trim().max(254),
	phone: z
		.string()
		.trim()
		.transform((v) => v.normalize('NFKC'))
		.pipe(z.string().regex(/^\+?[0-9][0-9\- ()]{8,18}[0-9]$/, 'booking.phoneInvalid')),
	dateOfBirth: isoDate.optional()
});

/** The contract of `POST /api/v1/bookings`; `firstVisit` and `triage` are additions. */
export const ZCreateBookingSchema = z.object({
	serviceId: z.string().trim().min(1).max(64),
	practitionerId: z.string().trim().min(1).max(64).optional(),
	start: z.iso.datetime({ offset: true }),
	locale: z.enum(['ja', 'en']),
	patient: ZBookingPatientSchema,
	consent: z.object({ privacy: z.literal(true, 'booking.consentRequired') }),
	firstVisit: z.boolean().optional(),
	triage: ZTriageAnswersSchema.optional(),
	/** The cancellation policy version the patient ticked (issue #17): an optional addition. */
	cancellationPolicyVersion: ZPolicyAcknowledgement
});
export type TCreateBooking = z.infer<typeof ZCreateBookingSchema>;
