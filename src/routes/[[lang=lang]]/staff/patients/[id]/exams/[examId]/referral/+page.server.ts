import { z } from 'zod';
import { slrPositive, suggestRoot } from '$lib/domain/clinical/examination';
import { findExamPatient } from '$lib/server/examination/exam-patient';
import { getExamination } from '$lib/server/examination/examination-service';
import { actorFrom } from '$lib/server/http/request-context';
import type { PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { CLINIC_DEFAULT_TIME_ZONE, recentClinic } from '$lib/server/clinic/clinic-settings';

const isId = (id: string) => z.uuid().safeParse(id).success;

/** A referral letter to a doctor with the examination's findings and any red flag, ready to print. */
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const patient = isId(params.id) ? await findExamPatient(locals.db, params.id, locals.locale) : null;
	const exam = patient && isId(params.examId) ? await getExamination(locals.db, patient.id, params.examId, actorFrom(event)) : null;
	if (!patient || !exam) notFound(locals.locale);
	const clinic = await recentClinic(locals.db);
	return {
		patient,
		exam,
		suggestion: suggestRoot(exam.findings),
		slr: (['left', 'right'] as const).map((side) => ({
			side,
			angle: exam.findings[side].slrAngle,
			positive: slrPositive(exam.findings[side].slrAngle, exam.findings[side].slrReproducesPain)
		})),
		timeZone: clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE,
		writtenAt: locals.db.clock.now().toISOString(),
		clinic: clinic
			? {
					name: locals.locale === 'ja' ? clinic.name_ja : clinic.name_en,
					address: locals.locale === 'ja' ? clinic.address_ja : clinic.address_en,
					phone: clinic.phone
				}
			: null,
		author: locals.session!.staff.display_name
	};
};
