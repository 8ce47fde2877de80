import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { EXAM_SIDES, PATTERNS } from '$lib/domain/clinical/examination';
import { RED_FLAG_QUESTIONS } from '$lib/domain/triage/assess';
import { localizePath } from '$lib/i18n/locales';
import { findExamPatient } from '$lib/server/examination/exam-patient';
import { listExaminations, recordExamination } from '$lib/server/examination/examination-service';
import { givenHistoryFacts } from '$lib/server/examination/given-history';
import { EXAM_TEXT_MAX, ZExamFormSchema } from '$lib/server/examination/schemas';
import { parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

async function patientOf(locals: App.Locals, id: string) {
	const patient = z.uuid().safeParse(id).success ? await findExamPatient(locals.db, id, locals.locale) : null;
	if (!patient) notFound(locals.locale);
	return patient;
}

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const patient = await patientOf(locals, params.id);
	// Opened from a visit on the schedule: the examination is linked to it (checked on save).
	const appointment = url.searchParams.get('appointment');
	return {
		appointmentId: appointment && z.uuid().safeParse(appointment).success ? appointment : null,
		patient,
		timeZone: await recentClinicTimeZone(locals.db),
		examinations: await listExaminations(locals.db, patient.id, actorFrom(event)),
		givenHistory: await givenHistoryFacts(locals.db, patient.id),
		options: { sides: EXAM_SIDES, patterns: PATTERNS, redFlags: RED_FLAG_QUESTIONS },
		textMax: EXAM_TEXT_MAX
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { locals, params } = event;
		const patient = await patientOf(locals, params.id);
		const form = await parseForm(event.request, ZExamFormSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await recordExamination(locals.db, patient.id, form.data, locals.session!.staff.id, actorFrom(event));
		if (!result.ok) notFound(locals.locale);
		redirect(303, localizePath(`/staff/patients/${patient.id}/exams/${result.id}?saved`, locals.locale));
	}
};
