import { consentOverview } from '$lib/server/consent/consent-overview';
import { listPortalAppointments } from '$lib/server/portal/portal-home';
import { portalPatient } from '$lib/server/portal/portal-patient';
import type { PageServerLoad } from './$types';
import { CLINIC_DEFAULT_TIME_ZONE, recentClinic } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	const { patientId, actor } = portalPatient(event);
	const [clinic, appointments, consents, intake] = await Promise.all([
		recentClinic(locals.db),
		listPortalAppointments(locals.db, patientId),
		consentOverview(locals.db, patientId, actor),
		locals.db.kysely
			.selectFrom('intake')
			.select('status')
			.where('patient_id', '=', patientId)
			.orderBy('created_at', 'desc')
			.limit(1)
			.executeTakeFirst()
	]);
	return {
		timeZone: clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE,
		...appointments,
		// What is still to do before a visit: the questionnaire and any consent awaiting an answer.
		intakeStatus: intake?.status ?? null,
		consentsToAnswer: (consents?.kinds ?? []).filter((k) => k.needsAnswer).map((k) => k.kind)
	};
};
