import { consentOverview } from '$lib/server/consent/consent-overview';
import { listPortalAppointments } from '$lib/server/portal/portal-home';
import { portalPatient } from '$lib/server/portal/portal-patient';
import type { PageServerLoad } from './$types';
import { CLINIC_DEFAULT_TIME_ZONE, recentClinic } from '$lib/server/clinic/clinic-settings';
import { findNewestIntake } from '$lib/server/intake/intake-repository';

export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	const { patientId, actor } = portalPatient(event);
	const [clinic, appointments, consents, intake] = await Promise.all([
		recentClinic(locals.db),
		listPortalAppointments(locals.db, patientId),
		consentOverview(locals.db, patientId, actor),
		findNewestIntake(locals.db, patientId)
	]);
	return {
		timeZone: clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE,
		...appointments,
		// What is still to do before a visit: the questionnaire and any consent awaiting an answer.
		intakeStatus: intake?.status ?? null,
		consentsToAnswer: (consents?.kinds ?? []).filter((k) => k.needsAnswer).map((k) => k.kind)
	};
};
