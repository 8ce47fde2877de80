import { fail, redirect } from '@sveltejs/kit';
import { localInstant } from '$lib/domain/time';
import { localizePath } from '$lib/i18n/locales';
import { DATE_PATTERN, TIME_PATTERN } from '$lib/server/booking/booking-flow';
import { cancelBooking, findBooking, isChangeableOnline, moveBooking, type BookingKey, type ManagedBooking } from '$lib/server/booking/manage-booking';
import { readForm } from '$lib/server/http/read-form';
import { portalPatient } from '$lib/server/portal/portal-patient';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import { pathWithQuery, resolveManageView } from '$lib/server/booking/manage-view';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { chooseVisitCourse, visitCourses } from '$lib/server/packages/portal-packages';

/*
 * One of the signed-in patient's appointments: the same view, cancel and move as the link in the
 * confirmation mail (manage-booking.ts), keyed by the appointment id AND the session's patient.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const key = keyOf(locals, params.id);
	const booking = await found(locals, key);
	const now = locals.db.clock.now().getTime();
	const { appointment, clinic } = booking;
	const base = basePath(locals, params.id);
	return {
		appointment: {
			start: Date.parse(appointment.starts_at),
			status: appointment.status,
			serviceName: booking.service?.name ?? null,
			practitionerName: booking.practitionerName
		},
		clinic,
		changeable: isChangeableOnline(booking, now),
		changeDeadline: booking.changeDeadline,
		moved: url.searchParams.has('moved'),
		overviewHref: base,
		cancelHref: pathWithQuery(base, { step: 'cancel' }),
		moveHref: pathWithQuery(base, { step: 'move' }),
		view: await resolveManageView(locals.db, booking, base, url.searchParams, now),
		// The patient's courses that may pay for this visit (issue #18).
		courses: await visitCourses(locals.db, params.id, portalPatient(event).patientId, portalPatient(event).actor)
	};
};

export const actions: Actions = {
	// VisitCourseChoice posts name="saleId" (empty: no course).
	useCourse: async (event) => {
		const { locals, params, request } = event;
		await found(locals, keyOf(locals, params.id));
		const outcome = await chooseVisitCourse(locals.db, params.id, (await readForm(request)).saleId, portalPatient(event).actor);
		if (outcome === 'not_found') notFound(locals.locale);
		return outcome === 'saved' ? { courseOutcome: outcome } : fail(409, { courseOutcome: outcome });
	},
	cancel: async (event) => {
		const { locals, params } = event;
		const result = await cancelBooking(locals.db, keyOf(locals, params.id), portalPatient(event).actor);
		if (!result.ok) return refused(result.code, locals.locale);
		redirect(303, basePath(locals, params.id));
	},
	move: async (event) => {
		const { locals, params, request } = event;
		const key = keyOf(locals, params.id);
		const booking = await found(locals, key);
		const values = await readForm(request);
		if (!DATE_PATTERN.test(values.date ?? '') || !TIME_PATTERN.test(values.time ?? '')) return refused('slot_taken', locals.locale);
		const start = localInstant(values.date!, values.time!, booking.clinic.timeZone);
		const result = await moveBooking(locals.db, key, start, portalPatient(event).actor);
		if (!result.ok) return refused(result.code, locals.locale);
		wakeJobWorker();
		redirect(303, pathWithQuery(basePath(locals, params.id), { moved: '1' }));
	}
};

function keyOf(locals: App.Locals, id: string): BookingKey {
	if (!UUID.test(id)) notFound(locals.locale);
	// The route is for signed-in patients only (route-access), so the session is there.
	return { appointmentId: id, patientId: locals.patientSession!.patientId };
}

function basePath(locals: App.Locals, id: string): string {
	return localizePath(`/portal/appointments/${id}`, locals.locale);
}

async function found(locals: App.Locals, key: BookingKey): Promise<ManagedBooking> {
	const booking = await findBooking(locals.db, key);
	if (!booking) notFound(locals.locale);
	return booking;
}

function refused(code: 'not_found' | 'past_cutoff' | 'slot_taken' | 'already_cancelled' | 'fee_not_accepted', locale: App.Locals['locale']) {
	if (code === 'not_found') notFound(locale);
	return fail(409, { code });
}
