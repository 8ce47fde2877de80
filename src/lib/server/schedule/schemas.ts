import { z } from 'zod';
import { ZBookingPatientSchema } from '../booking/schemas';

/* Schemas of the staff schedule: the use cases' inputs, and the console forms that feed them. */

const id = z.string().trim().min(1).max(64);
const isoDate = z.iso.date('validation.date');
const instant = z.iso.datetime({ offset: true });
/** A wall-clock time on the 5-minute grid that occupancy is written in. */
const clockTime = z
	.string()
	.trim()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'schedule.timeInvalid')
	.refine((v) => Number(v.slice(3)) % 5 === 0, 'schedule.timeStep');
/** An empty select or input means "not chosen". */
const optionalId = z
	.string()
	.trim()
	.max(64)
	.optional()
	.transform((v) => v || undefined);
const note = z.string().trim().max(200).optional().default('');
/** An empty e-mail input means "none given". */
const optionalEmail = z
	.union([z.literal(''), z.email('validation.email').trim().max(254)])
	.optional()
	.transform((v) => v || undefined);
/** A ticked box ("told in person") arrives as "on"; an unticked one does not arrive at all. */
const checkbox = z
	.literal('on')
	.optional()
	.transform((v) => v === 'on');

/** A walk-in or a caller who is not yet a patient: name and phone, reading optional. */
export const ZNewPatientSchema = z.object({
	familyName: z.string().trim().min(1, 'validation.required').max(60),
	givenName: z.string().trim().min(1, 'validation.required').max(60),
	familyNameKana: ZBookingPatientSchema.shape.familyNameKana,
	givenNameKana: ZBookingPatientSchema.shape.givenNameKana,
	phone: z.string().trim().min(1, 'validation.required').pipe(ZBookingPatientSchema.shape.phone)
});
export type TNewPatient = z.infer<typeof ZNewPatientSchema>;

export const ZCreateStaffAppointmentSchema = z
	.object({
		patientId: id.optional(),
		newPatient: ZNewPatientSchema.optional(),
		serviceId: id,
		practitionerId: id,
		bedId: id.optional(),
		start: instant,
		source: z.enum(['staff', 'walk_in']),
		/** The patient's e-mail, when they have one: a phone booking gets the same mail as an online one (issue #22). */
		email: z.email().trim().max(254).optional(),
		note
	})
	.refine((v) => (v.patientId === undefined) !== (v.newPatient === undefined), { path: ['patientId'], message: 'schedule.patientRequired' });
export type TCreateStaffAppointment = z.input<typeof ZCreateStaffAppointmentSchema>;

export const ZBlockTimeSchema = z.object({
	practitionerId: id,
	bedId: id.optional(),
	start: instant,
	end: instant,
	note
});
export type TBlockTime = z.input<typeof ZBlockTimeSchema>;

export const ZMoveAppointmentSchema = z.object({
	appointmentId: id,
	start: instant,
	/** Another practitioner; the same one when left out. */
	practitionerId: id.optional(),
	/** A new end (the visit's length changes, e.g. a resize in the calendar); the same length when left out. */
	end: instant.optional(),
	/** Mail the patient what moved; false when the desk told them in person (issue #22). */
	notifyPatient: z.boolean().default(true)
});
export type TMoveAppointment = z.input<typeof ZMoveAppointmentSchema>;

export const STAFF_SETTABLE_STATUSES = ['arrived', 'completed', 'no_show'] as const;
export type StaffSettableStatus = (typeof STAFF_SETTABLE_STATUSES)[number];

/* ---- console forms (flat fields, clinic-local date and time) ---- */

export const ZAppointmentFormSchema = z.object({
	patientId: z.union([z.literal('new'), z.uuid()], 'schedule.patientRequired'),
	serviceId: id,
	practitionerId: id,
	bedId: optionalId,
	date: isoDate,
	time: clockTime,
	source: z.enum(['staff', 'walk_in']),
	email: optionalEmail
});
export type TAppointmentForm = z.infer<typeof ZAppointmentFormSchema>;

export const ZBlockFormSchema = z
	.object({
		practitionerId: id,
		bedId: optionalId,
		blockDate: isoDate,
		blockFrom: clockTime,
		blockTo: clockTime,
		note
	})
	.refine((v) => v.blockFrom < v.blockTo, { path: ['blockTo'], message: 'schedule.rangeReversed' });
export type TBlockForm = z.infer<typeof ZBlockFormSchema>;

export const ZMoveFormSchema = z.object({
	appointmentId: z.uuid('schedule.chooseAppointment'),
	moveDate: isoDate,
	moveTime: clockTime,
	movePractitionerId: optionalId,
	/** A new end on the same day (the calendar's resize, or the form's optional field); the same length when left empty. */
	moveEndTime: z
		.union([z.literal(''), clockTime])
		.optional()
		.transform((v) => v || undefined),
	toldInPerson: checkbox,
	/** Only check the move (the schedule's drag and drop asks before it moves anything). */
	check: checkbox
});
export type TMoveForm = z.infer<typeof ZMoveFormSchema>;

export const ZStatusFormSchema = z.object({ id: z.uuid(), status: z.enum(STAFF_SETTABLE_STATUSES) });
export const ZCancelFormSchema = z.object({ id: z.uuid(), toldInPerson: checkbox });
export const ZFeedFormSchema = z.object({ practitionerId: id });

/** What the day view reads from its address; anything malformed falls back to the default. */
export const ZScheduleQuerySchema = z.object({
	date: isoDate.optional().catch(undefined),
	view: z.enum(['practitioner', 'bed']).optional().catch(undefined),
	q: z.string().trim().max(60).optional().catch(undefined),
	move: z.uuid().optional().catch(undefined),
	/** A slot clicked in the week's calendar: the booking form opens filled with it. */
	time: clockTime.optional().catch(undefined),
	practitioner: id.optional().catch(undefined),
	bed: id.optional().catch(undefined),
	cancel: z.uuid().optional().catch(undefined)
});
export type TScheduleQuery = z.infer<typeof ZScheduleQuerySchema>;
