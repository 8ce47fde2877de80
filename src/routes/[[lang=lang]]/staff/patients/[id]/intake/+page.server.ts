import { redirect } from '@sveltejs/kit';
import { firstIncompleteStep } from '$lib/domain/intake/progress';
import { localizePath } from '$lib/i18n/locales';
import { intakeConsentProblemOf } from '$lib/server/consent/required-consent';
import { actorFrom } from '$lib/server/http/request-context';
import { getOrStartIntake, latestIntakeSummary } from '$lib/server/intake/intake-service';
import { displayName, intakePatientFor } from './access';
import type { Actions, PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async (event) => {
	const patient = await intakePatientFor(event);
	const summary = await latestIntakeSummary(event.locals.db, patient.id, actorFrom(event));
	const consentNeeded = (await intakeConsentProblemOf(event.locals.db, patient.id)) !== null;
	return {
		patient,
		name: displayName(patient, event.locals.locale),
		summary,
		sent: event.url.searchParams.get('sent') === '1',
		consentNeeded,
		timeZone: await recentClinicTimeZone(event.locals.db)
	};
};

export const actions: Actions = {
	/** Staff enter the questionnaire for the patient: resume the open one or start a new one. */
	start: async (event) => {
		const patient = await intakePatientFor(event);
		const staffId = event.locals.session!.staff.id;
		// No questionnaire without a current privacy consent (docs/clinical-rules.md §6): the page says why.
		if (await intakeConsentProblemOf(event.locals.db, patient.id)) redirect(303, localizePath(`/staff/patients/${patient.id}/intake`, event.locals.locale));
		const intake = await getOrStartIntake(event.locals.db, patient.id, actorFrom(event), { staffId });
		const step = intake ? firstIncompleteStep(intake.answers) : 'history';
		redirect(303, localizePath(`/staff/patients/${patient.id}/intake/${step}`, event.locals.locale));
	}
};
