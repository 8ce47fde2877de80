import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { PATTERNS, ROOTS, slrPositive, suggestRoot } from '$lib/domain/clinical/examination';
import { translate } from '$lib/i18n/translate';
import { findExamPatient } from '$lib/server/examination/exam-patient';
import { acknowledgeExamRedFlags, updateExamination, getExamination } from '$lib/server/examination/examination-service';
import { ZAcknowledgeRedFlagsSchema, ZConfirmExamSchema } from '$lib/server/examination/schemas';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

const isId = (id: string) => z.uuid().safeParse(id).success;

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const patient = isId(params.id) ? await findExamPatient(locals.db, params.id, locals.locale) : null;
	const exam = patient && isId(params.examId) ? await getExamination(locals.db, patient.id, params.examId, actorFrom(event)) : null;
	if (!patient || !exam) notFound(locals.locale);
	const slr = (['left', 'right'] as const).map((side) => ({
		side,
		angle: exam.findings[side].slrAngle,
		positive: slrPositive(exam.findings[side].slrAngle, exam.findings[side].slrReproducesPain)
	}));
	return {
		patient,
		exam,
		suggestion: suggestRoot(exam.findings),
		slr,
		saved: url.searchParams.has('saved'),
		timeZone: await recentClinicTimeZone(locals.db),
		roots: ROOTS,
		patterns: PATTERNS
	};
};

export const actions: Actions = {
	confirm: async (event) => {
		const { locals, params } = event;
		if (!isId(params.id) || !isId(params.examId)) notFound(locals.locale);
		const form = await parseForm(event.request, ZConfirmExamSchema, locals.locale);
		if (!form.ok) return form.failure;
		const done = await updateExamination(locals.db, params.id, params.examId, form.data, actorFrom(event));
		if (!done.ok && done.code === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
		if (!done.ok) notFound(locals.locale);
		return { confirmed: true as const };
	},
	// An urgent or see-doctor finding taken on, with the reason: stored and audited (docs/clinical-rules.md §1).
	acknowledge: async (event) => {
		const { locals, params } = event;
		if (!isId(params.id) || !isId(params.examId)) notFound(locals.locale);
		const form = await parseForm(event.request, ZAcknowledgeRedFlagsSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await acknowledgeExamRedFlags(locals.db, params.id, params.examId, form.data.reason, actorFrom(event));
		if (!result.ok && result.code === 'not_found') notFound(locals.locale);
		if (!result.ok)
			return formFailure(409, {}, {}, translate(locals.locale, result.code === 'not_needed' ? 'examination.blocked' : 'examination.acknowledgedSaved'));
		return { acknowledged: true as const };
	}
};
