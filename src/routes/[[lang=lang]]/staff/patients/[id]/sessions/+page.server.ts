import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizePath } from '$lib/i18n/locales';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { treatmentConsentState } from '$lib/server/consent/required-consent';
import { verbalConsentFormAction } from '$lib/server/consent/verbal-form-action';
import { formFailure } from '$lib/server/http/form';
import { readForm } from '$lib/server/http/read-form';
import { notFound } from '$lib/server/http/not-found';
import { actorFrom } from '$lib/server/http/request-context';
import { listSessions } from '$lib/server/treatment-session/session-record';
import { findSessionPatient } from '$lib/server/treatment-session/session-repository';
import { startSession } from '$lib/server/treatment-session/start-session';
import type { Actions, PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

const isId = (id: string) => z.uuid().safeParse(id).success;

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const patient = isId(params.id) ? await findSessionPatient(locals.db, params.id) : null;
	if (!patient) notFound(locals.locale);
	const timeZone = await recentClinicTimeZone(locals.db);
	const list = await listSessions(locals.db, patient.id, actorFrom(event), { timeZone });
	const requested = url.searchParams.get('appointment');
	const treatmentConsent = await treatmentConsentState(locals.db, patient.id);
	return { patient, timeZone, ...list, treatmentConsent, selectedAppointment: list.appointments.some((a) => a.id === requested) ? requested : null };
};

export const actions: Actions = {
	start: async (event) => {
		const { locals, params } = event;
		if (!isId(params.id)) notFound(locals.locale);
		const values = await readForm(event.request);
		const timeZone = await recentClinicTimeZone(locals.db);
		const result = await startSession(locals.db, params.id, values, actorFrom(event), { timeZone });
		if (!result.ok && result.code === 'no_treatment_consent') return formFailure(409, values, {}, translate(locals.locale, 'consent.required.treatment'));
		// A red flag at the latest examination: referral, or the practitioner's acknowledgement first.
		if (!result.ok && (result.code === 'red_flag_blocked' || result.code === 'red_flag_unacknowledged')) {
			const message = translate(locals.locale, result.code === 'red_flag_blocked' ? 'examination.blocked' : 'examination.needsAcknowledgement');
			return fail(409, { values: {}, errors: {}, message, examinationId: result.examinationId });
		}
		if (!result.ok && result.code !== 'invalid') {
			error(result.code === 'forbidden' ? 403 : 404, translate(locals.locale, result.code === 'forbidden' ? 'error.forbiddenTitle' : 'error.notFoundTitle'));
		}
		if (!result.ok) {
			const errors = Object.fromEntries(
				Object.entries(result.fields).map(([field, key]) => [field, translate(locals.locale, isMessageKey(key) ? key : 'treatmentSession.error.invalid')])
			);
			return formFailure(422, values, errors);
		}
		redirect(303, localizePath(`/staff/patients/${params.id}/sessions/${result.id}?started=1`, locals.locale));
	},
	/** A treatment consent given aloud, taken by the staff member signed in; then the session can start. */
	verbal: async (event) => {
		if (!isId(event.params.id)) notFound(event.locals.locale);
		return verbalConsentFormAction(event, event.params.id);
	}
};
