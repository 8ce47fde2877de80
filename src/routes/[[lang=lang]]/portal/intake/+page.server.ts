import { redirect } from '@sveltejs/kit';
import { firstIncompleteStep } from '$lib/domain/intake/progress';
import { localizePath } from '$lib/i18n/locales';
import { intakeConsentProblemOf } from '$lib/server/consent/required-consent';
import { findOpenIntake, getOrStartIntake, latestIntakeSummary } from '$lib/server/intake/intake-service';
import { patientActor } from '$lib/server/portal/portal-patient';
import type { PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

/** Resumes the questionnaire where it stopped; once sent, shows what was sent and what to do next. */
export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const patientId = locals.patientSession!.patientId;
	const actor = patientActor(event, patientId);
	const resume = (step: string) => redirect(303, localizePath(`/portal/intake/${step}`, locals.locale));

	// No health question before a current privacy consent (docs/clinical-rules.md §6): say why, and where to sign.
	if (await intakeConsentProblemOf(locals.db, patientId)) {
		return {
			summary: await latestIntakeSummary(locals.db, patientId, actor),
			sent: false,
			consentNeeded: true,
			timeZone: await recentClinicTimeZone(locals.db)
		};
	}
	const open = await findOpenIntake(locals.db, patientId, actor);
	if (open) resume(firstIncompleteStep(open.answers));
	const summary = await latestIntakeSummary(locals.db, patientId, actor);
	if (!summary) {
		const started = await getOrStartIntake(locals.db, patientId, actor);
		if (started) resume(firstIncompleteStep(started.answers));
	}
	return { summary, sent: url.searchParams.get('sent') === '1', consentNeeded: false, timeZone: await recentClinicTimeZone(locals.db) };
};
