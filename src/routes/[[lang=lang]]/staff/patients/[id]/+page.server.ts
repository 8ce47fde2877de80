import { z } from 'zod';
import { wordSafetyAlerts } from '$lib/components/safety/safety-labels';
import { localDate } from '$lib/domain/time';
import { translate, type MessageKey } from '$lib/i18n/translate';
import { consentWarningsForPatients } from '$lib/server/billing/consent-warnings';
import { eligibilityWarningsForPatients } from '$lib/server/jukyo/eligibility';
import { mayReadClinical } from '$lib/server/clinic/security-settings';
import { lineConfig } from '$lib/server/line/line-config';
import { findLineLink } from '$lib/server/line/line-link';
import type { Db } from '$lib/server/db/database';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { clinicInstruments } from '$lib/server/outcomes/clinic-instruments';
import { instrumentProgress } from '$lib/server/outcomes/instrument-scores';
import { loadChart } from '$lib/server/patients/load-chart';
import { loadPatientSeriesStatus } from '$lib/server/series/series-status';
import { PATIENT_LIMITS, PATIENT_SEXES, ZUpdatePatientSchema } from '$lib/server/patients/schemas';
import { mayChangeEmail, updatePatient } from '$lib/server/patients/update-patient';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

const isPatientId = (id: string) => z.uuid().safeParse(id).success;

async function clinicTimeZone(db: Db): Promise<string> {
	return await recentClinicTimeZone(db);
}

export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const role = locals.session!.staff.role;
	const clinical = await mayReadClinical(locals.db, role);
	const view = isPatientId(params.id) ? await loadChart(locals.db, params.id, actorFrom(event), { clinical }) : null;
	if (!view) notFound(locals.locale);
	const now = locals.db.clock.now().toISOString();
	// The clinic's own questionnaires (docs/instruments): only those this patient has answered.
	const instrumentScores = view.clinical
		? (await instrumentProgress(locals.db, view.patient.id, await clinicInstruments(), actorFrom(event))).filter((x) => x.scores.length > 0)
		: [];
	return {
		role,
		// The desk sees the patient's channels, and cannot set them (issue #20).
		lineChannels: lineConfig() ? ((await findLineLink(locals.db, view.patient.id))?.channels ?? null) : undefined,
		mayChangeEmail: mayChangeEmail(role),
		safetyAlerts: wordSafetyAlerts(view.safetyAlerts, locals.locale),
		safetyMarks: view.safetyMarks,
		insuranceConsent: (await consentWarningsForPatients(locals.db, [view.patient.id])).get(view.patient.id) ?? null,
		// An expiring or expired 資格確認書 / card warns as the 同意書 does (issue #19).
		insuranceCard: (await eligibilityWarningsForPatients(locals.db, [view.patient.id])).get(view.patient.id) ?? null,
		intakeSubmitted: view.intakeSubmitted,
		consents: view.consents?.kinds ?? [],
		clinical: view.clinical,
		instrumentScores,
		seriesStatus: await loadPatientSeriesStatus(locals.db, view.patient.id, Date.parse(now)),
		timeZone: await clinicTimeZone(locals.db),
		limits: PATIENT_LIMITS,
		sexes: PATIENT_SEXES,
		patient: view.patient,
		duplicates: view.duplicates,
		upcoming: view.appointments.filter((a) => a.startsAt >= now).reverse(),
		past: view.appointments.filter((a) => a.startsAt < now)
	};
};

export const actions: Actions = {
	update: async (event) => {
		const { locals, params } = event;
		if (!isPatientId(params.id)) notFound(locals.locale);
		const today = localDate(locals.db.clock.now().getTime(), await clinicTimeZone(locals.db));
		const form = await parseForm(event.request, ZUpdatePatientSchema(today), locals.locale);
		if (!form.ok) return form.failure;
		const result = await updatePatient(locals.db, params.id, form.values, { actor: actorFrom(event), role: locals.session!.staff.role }, today);
		if (!result.ok && result.code === 'not_found') notFound(locals.locale);
		if (!result.ok) {
			// A change of e-mail address the role may not make, or not confirmed (issue #16).
			const errors = Object.fromEntries(Object.entries(result.fields).map(([field, key]) => [field, translate(locals.locale, key as MessageKey)]));
			return formFailure(result.fields.email ? 403 : 422, form.values, errors);
		}
		return { saved: true };
	}
};
