import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localInstant } from '$lib/domain/time';
import { localizePath } from '$lib/i18n/locales';
import type { AuditActor } from '$lib/server/audit/audit-log';
import { DATE_PATTERN, TIME_PATTERN } from '$lib/server/booking/booking-flow';
import { cancelBooking, findBookingByToken, isChangeableOnline, moveBooking, type ManagedBooking } from '$lib/server/booking/manage-booking';
import { visitPolicyView } from '$lib/server/cancellation-policy/manage-policy';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import { managePath, resolveManageView } from '$lib/server/booking/manage-view';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { chooseVisitCourse, visitCourses } from '$lib/server/packages/portal-packages';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url, setHeaders } = event;
	const booking = await found(locals, params.token);
	// The token is the key to this page: keep it out of shared caches and search engines.
	setHeaders({ 'cache-control': 'no-store' });
	const now = locals.db.clock.now().getTime();
	const { appointment, clinic } = booking;
	return {
		appointment: {
			start: Date.parse(appointment.starts_at),
			status: appointment.status,
			// A new patient's request the clinic approves first (issue #17): held, not yet confirmed.
			pending: appointment.status === 'booked' && appointment.approval === 'pending',
			serviceName: booking.service?.name ?? null,
			practitionerName: booking.practitionerName
		},
		clinic,
		changeable: isChangeableOnline(booking, now),
		changeDeadline: booking.changeDeadline,
		moved: url.searchParams.has('moved'),
		calendarHref: localizePath(`/booking/${params.token}/calendar.ics`, locals.locale),
		overviewHref: managePath(locals.locale, params.token),
		cancelHref: managePath(locals.locale, params.token, { step: 'cancel' }),
		moveHref: managePath(locals.locale, params.token, { step: 'move' }),
		view: await resolveManageView(locals.db, booking, managePath(locals.locale, params.token), url.searchParams, now),
		cancellationPolicy: await visitPolicyView(locals.db, appointment, now),
		// The public booking flow does not know the patient before booking; the link's holder may choose a course here (issue #18).
		courses: appointment.patient_id ? await visitCourses(locals.db, appointment.id, appointment.patient_id, patientActor(event, booking)) : null
	};
};

export const actions: Actions = {
	// VisitCourseChoice posts name="saleId" (empty: no course).
	useCourse: async (event) => {
		const { locals, params, request } = event;
		const booking = await found(locals, params.token);
		const outcome = await chooseVisitCourse(locals.db, booking.appointment.id, (await readForm(request)).saleId, patientActor(event, booking));
		if (outcome === 'not_found') notFound(locals.locale);
		return outcome === 'saved' ? { courseOutcome: outcome } : fail(409, { courseOutcome: outcome });
	},
	cancel: async (event) => {
		const { locals, params, request } = event;
		const booking = await found(locals, params.token);
		// After the free window the policy's form posts the fee the patient saw (issue #17).
		const accepted = Number((await readForm(request)).acceptFeeJpy ?? '');
		const options = Number.isSafeInteger(accepted) && accepted > 0 ? { acceptFeeJpy: accepted } : {};
		const result = await cancelBooking(locals.db, params.token, patientActor(event, booking), undefined, options);
		if (!result.ok) return refused(result.code, locals.locale);
		redirect(303, managePath(locals.locale, params.token));
	},
	move: async (event) => {
		const { locals, params, request } = event;
		const booking = await found(locals, params.token);
		const values = await readForm(request);
		if (!DATE_PATTERN.test(values.date ?? '') || !TIME_PATTERN.test(values.time ?? '')) return refused('slot_taken', locals.locale);
		const start = localInstant(values.date!, values.time!, booking.clinic.timeZone);
		const result = await moveBooking(locals.db, params.token, start, patientActor(event, booking));
		if (!result.ok) return refused(result.code, locals.locale);
		wakeJobWorker();
		redirect(303, managePath(locals.locale, params.token, { moved: '1' }));
	}
};

async function found(locals: App.Locals, token: string): Promise<ManagedBooking> {
	const booking = await findBookingByToken(locals.db, token);
	if (!booking) notFound(locals.locale);
	return booking;
}

/** Whoever holds the link acts for the patient, unless a signed-in staff member uses it. */
function patientActor(event: RequestEvent, booking: ManagedBooking): AuditActor {
	const actor = actorFrom(event);
	return actor.type === 'staff' ? actor : { ...actor, type: 'patient', id: booking.appointment.patient_id };
}

function refused(code: 'not_found' | 'past_cutoff' | 'slot_taken' | 'already_cancelled' | 'fee_not_accepted', locale: App.Locals['locale']) {
	if (code === 'not_found') notFound(locale);
	return fail(409, { code });
}
