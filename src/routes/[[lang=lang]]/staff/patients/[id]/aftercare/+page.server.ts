import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { addAftercareNote } from '$lib/server/aftercare/add-aftercare-note';
import { findAftercarePatient } from '$lib/server/aftercare/aftercare-patient';
import { listAftercareNotes } from '$lib/server/aftercare/list-aftercare-notes';
import { composeAftercare, AFTERCARE_TEMPLATES } from '$lib/domain/clinical/aftercare-templates';
import { notifyAftercareShared } from '$lib/server/aftercare/notify-aftercare';
import { AFTERCARE_BODY_MAX, ZAftercareFormSchema } from '$lib/server/aftercare/schemas';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

const isPatientId = (id: string) => z.uuid().safeParse(id).success;

export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const patient = isPatientId(params.id) ? await findAftercarePatient(locals.db, params.id) : null;
	if (!patient) notFound(locals.locale);
	return {
		timeZone: await recentClinicTimeZone(locals.db),
		bodyMax: AFTERCARE_BODY_MAX,
		templates: AFTERCARE_TEMPLATES,
		patient,
		notes: await listAftercareNotes(locals.db, patient.id, { sharedOnly: false }, actorFrom(event))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params } = event;
		const staff = locals.session?.staff;
		if (!staff) error(403, translate(locals.locale, 'error.forbiddenTitle'));
		const patient = isPatientId(params.id) ? await findAftercarePatient(locals.db, params.id) : null;
		if (!patient) notFound(locals.locale);
		const form = await parseForm(event.request, ZAftercareFormSchema, locals.locale);
		if (!form.ok) return form.failure;
		const { templateIds, body: ownWords, shared, notify } = form.data;
		if (templateIds.length === 0 && ownWords === '') {
			return formFailure(422, form.values, { body: translate(locals.locale, 'outcomes.aftercare.nothingChosen') });
		}
		const body = composeAftercare(templateIds, ownWords, patient.locale);
		const result = await addAftercareNote(locals.db, patient.id, staff.id, body, shared, actorFrom(event));
		if (!result.ok && result.code === 'not_found') notFound(locals.locale);
		if (!result.ok) {
			const errors = Object.fromEntries(
				Object.entries(result.fields).map(([f, key]) => [f, translate(locals.locale, isMessageKey(key) ? key : 'validation.invalid')])
			);
			return formFailure(422, form.values, errors);
		}
		const notified = notify ? await notifyAftercareShared(locals.db, locals.mailer, patient, event.locals.origin) : false;
		return { saved: true as const, notified };
	}
};
