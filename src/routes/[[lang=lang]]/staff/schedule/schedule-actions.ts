import { NEEDLE_PROBLEM_LABELS } from '$lib/labels/billing-outcome-labels';
import { APPOINTMENT_STATUS_LABELS } from '$lib/components/code-labels';
import { fail, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { clockTime, dayText, personName } from '$lib/format';
import { localDate, localInstant, toOffsetIso } from '$lib/domain/time';
import type { Locale } from '$lib/i18n/locales';
import { translate, type MessageKey } from '$lib/i18n/translate';
import { fieldErrorsFrom, type FieldErrors } from '$lib/server/http/field-errors';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import type { ConflictingAppointment } from '$lib/server/schedule/appointment-conflict';
import { blockTime } from '$lib/server/schedule/block-time';
import { cancelAppointment } from '$lib/server/schedule/cancel-appointment';
import { createStaffAppointment } from '$lib/server/schedule/create-staff-appointment';
import { moveAppointment } from '$lib/server/schedule/move-appointment';
import {
	ZAppointmentFormSchema,
	ZBlockFormSchema,
	ZCancelFormSchema,
	ZMoveFormSchema,
	ZNewPatientSchema,
	ZStatusFormSchema
} from '$lib/server/schedule/schemas';
import { setStatus } from '$lib/server/schedule/set-status';
import { chooseVisitCourse, visitCourses } from '$lib/server/packages/portal-packages';

export type ScheduleIntent = 'create' | 'block' | 'move' | 'status' | 'cancel' | 'course';

/** A refused form: the fields to show again, a message per field or for the form, and a link target. */
function refuse(status: number, intent: ScheduleIntent, values: Record<string, string>, errors: FieldErrors, message?: string, conflictId?: string) {
	return fail(status, { intent, values, errors, message, conflictId });
}

/** Each use case's refusal, as one status code and one sentence, in one place. */
const REFUSALS: Record<string, [number, MessageKey]> = {
	invalid: [422, 'validation.formTitle'],
	invalid_range: [422, 'schedule.invalidRange'],
	outside_hours: [422, 'schedule.outsideHours'],
	not_offered: [422, 'schedule.notOffered'],
	no_bed_free: [409, 'schedule.noBedFree'],
	not_found: [404, 'schedule.notFound'],
	not_movable: [409, 'schedule.notMovable'],
	not_cancellable: [409, 'schedule.notCancellable'],
	not_a_visit: [409, 'schedule.notAVisit'],
	before_visit_day: [409, 'desk.error.beforeVisitDay'],
	time_taken: [409, 'deskFollowup.noShowTimeTaken'],
	patient_not_found: [404, 'schedule.patientNotFound'],
	practitioner_not_found: [404, 'schedule.practitionerNotFound'],
	service_not_found: [404, 'schedule.serviceNotFound'],
	bed_not_found: [404, 'schedule.bedNotFound']
};

function refusal(code: string, intent: ScheduleIntent, values: Record<string, string>, locale: Locale) {
	const [status, key] = REFUSALS[code] ?? [422, 'validation.invalid'];
	return refuse(status, intent, values, {}, translate(locale, key));
}

/** "This time overlaps 山田 花子's appointment at 10:00–10:45 (same practitioner)". */
function conflictMessage(conflict: ConflictingAppointment | null, locale: Locale, timeZone: string): string {
	if (!conflict) return translate(locale, 'schedule.conflictUnknown');
	const params = {
		date: dayText(localDate(Date.parse(conflict.start), timeZone), locale),
		time: clockTime(conflict.start, timeZone),
		end: clockTime(conflict.end, timeZone),
		resource: translate(locale, conflict.resource === 'bed' ? 'schedule.resourceBed' : 'schedule.resourcePractitioner')
	};
	return conflict.patientName
		? translate(locale, 'schedule.conflictPatient', { ...params, name: personName(conflict.patientName, locale) })
		: translate(locale, 'schedule.conflictBlock', params);
}

async function readValidated<S extends z.ZodType>(request: Request, schema: S, locale: Locale) {
	const values = await readForm(request);
	const parsed = schema.safeParse(values);
	return { values, parsed, errors: parsed.success ? {} : fieldErrorsFrom(parsed.error, locale, values) };
}

const instantAt = (date: string, time: string, timeZone: string) => toOffsetIso(localInstant(date, time, timeZone), timeZone);

export async function createAction(event: RequestEvent, timeZone: string) {
	const { locals } = event;
	const { values, parsed, errors } = await readValidated(event.request, ZAppointmentFormSchema, locals.locale);
	const newPatient = values.patientId === 'new' ? ZNewPatientSchema.safeParse(values) : undefined;
	const patientErrors = newPatient && !newPatient.success ? fieldErrorsFrom(newPatient.error, locals.locale, values) : {};
	if (!parsed.success || (newPatient && !newPatient.success)) return refuse(422, 'create', values, { ...errors, ...patientErrors });
	const form = parsed.data;
	const result = await createStaffAppointment(
		locals.db,
		{
			...(form.patientId === 'new' ? { newPatient: newPatient!.data } : { patientId: form.patientId }),
			serviceId: form.serviceId,
			practitionerId: form.practitionerId,
			bedId: form.bedId,
			start: instantAt(form.date, form.time, timeZone),
			source: form.source,
			email: form.email
		},
		actorFrom(event)
	);
	if (!result.ok) {
		if (result.code === 'conflict')
			return refuse(409, 'create', values, {}, conflictMessage(result.conflictWith, locals.locale, timeZone), result.conflictWith?.id);
		return refusal(result.code, 'create', values, locals.locale);
	}
	// The patient's courses covering the service, to mark one for this visit at once (issue #18).
	const courses = await visitCourses(locals.db, result.appointment.id, result.patient.id, actorFrom(event));
	return {
		intent: 'create' as const,
		appointmentId: result.appointment.id,
		courses: courses && courses.choices.length > 0 ? courses : null,
		notice: translate(locals.locale, 'schedule.created', {
			date: dayText(form.date, locals.locale),
			time: clockTime(result.appointment.starts_at, timeZone),
			name: personName(result.patient, locals.locale)
		})
	};
}

export async function blockAction(event: RequestEvent, timeZone: string) {
	const { locals } = event;
	const { values, parsed, errors } = await readValidated(event.request, ZBlockFormSchema, locals.locale);
	if (!parsed.success) return refuse(422, 'block', values, errors);
	const form = parsed.data;
	const result = await blockTime(
		locals.db,
		{
			practitionerId: form.practitionerId,
			bedId: form.bedId,
			start: instantAt(form.blockDate, form.blockFrom, timeZone),
			end: instantAt(form.blockDate, form.blockTo, timeZone),
			note: form.note
		},
		actorFrom(event)
	);
	if (!result.ok) {
		if (result.code === 'conflict')
			return refuse(409, 'block', values, {}, conflictMessage(result.conflictWith, locals.locale, timeZone), result.conflictWith?.id);
		return refusal(result.code, 'block', values, locals.locale);
	}
	return {
		intent: 'block' as const,
		appointmentId: result.appointment.id,
		notice: translate(locals.locale, 'schedule.blockDone', { date: dayText(form.blockDate, locals.locale), time: form.blockFrom, end: form.blockTo })
	};
}

export async function moveAction(event: RequestEvent, timeZone: string) {
	const { locals } = event;
	const { values, parsed, errors } = await readValidated(event.request, ZMoveFormSchema, locals.locale);
	if (!parsed.success) return refuse(422, 'move', values, errors);
	const form = parsed.data;
	if (form.moveEndTime !== undefined && form.moveEndTime <= form.moveTime)
		return refuse(422, 'move', values, { moveEndTime: translate(locals.locale, 'schedule.rangeReversed') }, translate(locals.locale, 'schedule.rangeReversed'));
	const result = await moveAppointment(
		locals.db,
		{
			appointmentId: form.appointmentId,
			start: instantAt(form.moveDate, form.moveTime, timeZone),
			practitionerId: form.movePractitionerId,
			...(form.moveEndTime ? { end: instantAt(form.moveDate, form.moveEndTime, timeZone) } : {}),
			notifyPatient: !form.toldInPerson
		},
		actorFrom(event),
		{ check: form.check }
	);
	if (!result.ok) {
		if (result.code === 'conflict')
			return refuse(409, 'move', values, {}, conflictMessage(result.conflictWith, locals.locale, timeZone), result.conflictWith?.id);
		if (result.code === 'invalid_range')
			return refuse(
				422,
				'move',
				values,
				{ moveEndTime: translate(locals.locale, 'consoleFollowup.visitLength') },
				translate(locals.locale, 'consoleFollowup.visitLength')
			);
		return refusal(result.code, 'move', values, locals.locale);
	}
	if (form.check) return { intent: 'move' as const, appointmentId: result.appointment.id, checked: true, notice: '' };
	const end = form.moveEndTime ? `–${clockTime(result.appointment.ends_at, timeZone)}` : '';
	return {
		intent: 'move' as const,
		appointmentId: result.appointment.id,
		notice: translate(locals.locale, 'schedule.moved', {
			date: dayText(form.moveDate, locals.locale),
			time: `${clockTime(result.appointment.starts_at, timeZone)}${end}`
		})
	};
}

export async function statusAction(event: RequestEvent) {
	const { locals } = event;
	const { values, parsed } = await readValidated(event.request, ZStatusFormSchema, locals.locale);
	if (!parsed.success) return refusal('invalid', 'status', values, locals.locale);
	const result = await setStatus(locals.db, parsed.data.id, parsed.data.status, actorFrom(event));
	if (!result.ok && result.code === 'needles_unaccounted') {
		const message = translate(locals.locale, NEEDLE_PROBLEM_LABELS[result.problem], { in: result.needlesIn, out: result.needlesOut });
		return refuse(409, 'status', values, {}, `${translate(locals.locale, 'treatmentSession.visitNotCompleted')} ${message}`);
	}
	if (!result.ok) return refusal(result.code, 'status', values, locals.locale);
	return {
		intent: 'status' as const,
		appointmentId: parsed.data.id,
		notice: translate(locals.locale, 'schedule.statusChanged', {
			name: result.patientName ? personName(result.patientName, locals.locale) : '',
			status: translate(locals.locale, APPOINTMENT_STATUS_LABELS[parsed.data.status])
		})
	};
}

export async function cancelAction(event: RequestEvent) {
	const { locals } = event;
	const { values, parsed } = await readValidated(event.request, ZCancelFormSchema, locals.locale);
	if (!parsed.success) return refusal('invalid', 'cancel', values, locals.locale);
	const result = await cancelAppointment(locals.db, parsed.data.id, actorFrom(event), undefined, { notifyPatient: !parsed.data.toldInPerson });
	if (!result.ok) return refusal(result.code, 'cancel', values, locals.locale);
	return { intent: 'cancel' as const, appointmentId: parsed.data.id, notice: translate(locals.locale, 'schedule.cancelled') };
}

/** The desk marks a booked visit to use a course, or none (issue #18): `markVisitPackage` via `chooseVisitCourse`. */
export async function useCourseAction(event: RequestEvent) {
	const { locals } = event;
	const values = await readForm(event.request);
	const appointmentId = values.appointmentId ?? '';
	const outcome = await chooseVisitCourse(locals.db, appointmentId, values.saleId, actorFrom(event));
	if (outcome !== 'saved')
		return refuse(
			outcome === 'not_found' ? 404 : 409,
			'course',
			values,
			{},
			translate(locals.locale, outcome === 'not_open' ? 'portalPackages.notOpen' : 'portalPackages.refused')
		);
	return { intent: 'course' as const, appointmentId, notice: translate(locals.locale, 'portalPackages.deskSaved') };
}
