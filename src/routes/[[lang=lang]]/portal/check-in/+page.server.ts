import { isMessageKey, translate } from '$lib/i18n/translate';
import { formFailure, parseForm } from '$lib/server/http/form';
import { checkInFormShape } from '$lib/server/outcomes/check-in-form';
import { portalPatient } from '$lib/server/portal/portal-patient';
import { recordCheckIn } from '$lib/server/outcomes/record-check-in';
import { ZCheckInFormSchema } from '$lib/server/outcomes/schemas';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';

export const load: PageServerLoad = async (event) => {
	const { patientId, actor } = portalPatient(event);
	return { shape: await checkInFormShape(event.locals.db, patientId, actor) };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		const { patientId, actor } = portalPatient(event);
		// The form is read against what this patient is asked now, never against fields the browser sent.
		const shape = await checkInFormShape(locals.db, patientId, actor);
		const form = await parseForm(event.request, ZCheckInFormSchema(shape), locals.locale);
		if (!form.ok) return form.failure;
		const result = await recordCheckIn(locals.db, patientId, form.data, 'portal', actor);
		if (!result.ok && result.code === 'not_found') notFound(locals.locale);
		if (!result.ok) {
			const errors = Object.fromEntries(
				Object.entries(result.fields).map(([field, key]) => [field, translate(locals.locale, isMessageKey(key) ? key : 'validation.invalid')])
			);
			return formFailure(422, form.values, errors);
		}
		return { saved: true as const, answers: form.data };
	}
};
