import { isMessageKey, translate } from '$lib/i18n/translate';
import { formFailure, parseForm } from '$lib/server/http/form';
import { portalPatient } from '$lib/server/portal/portal-patient';
import { listSideEffects } from '$lib/server/side-effects/list-side-effects';
import { reportSideEffect } from '$lib/server/side-effects/report-side-effect';
import { SIDE_EFFECT_DESCRIPTION_MAX, SIDE_EFFECT_KINDS, SIDE_EFFECT_SEVERITIES, ZSideEffectSchema } from '$lib/server/side-effects/schemas';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { CLINIC_DEFAULT_TIME_ZONE, recentClinic } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async (event) => {
	const { db } = event.locals;
	const { patientId, actor } = portalPatient(event);
	const clinic = await recentClinic(db);
	const reports = await listSideEffects(db, { patientId }, actor);
	return {
		timeZone: clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE,
		clinicPhone: clinic?.phone ?? '',
		kinds: SIDE_EFFECT_KINDS,
		severities: SIDE_EFFECT_SEVERITIES,
		descriptionMax: SIDE_EFFECT_DESCRIPTION_MAX,
		reports: reports.map((r) => ({
			id: r.id,
			createdAt: r.createdAt,
			kind: r.kind,
			severity: r.severity,
			description: r.description,
			handled: r.handledAt !== null
		}))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		const { patientId, actor } = portalPatient(event);
		const form = await parseForm(event.request, ZSideEffectSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await reportSideEffect(locals.db, locals.mailer, patientId, form.data, actor, { origin: event.locals.origin });
		if (!result.ok && result.code === 'not_found') notFound(locals.locale);
		if (!result.ok) {
			const errors = Object.fromEntries(
				Object.entries(result.fields).map(([f, key]) => [f, translate(locals.locale, isMessageKey(key) ? key : 'validation.invalid')])
			);
			return formFailure(422, form.values, errors);
		}
		return { reported: true as const, kind: form.data.kind, severity: form.data.severity };
	}
};
