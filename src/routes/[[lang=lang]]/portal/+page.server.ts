import { findClinic } from '$lib/server/clinic/clinic-repository';
import { consentOverview } from '$lib/server/consent/consent-overview';
import { listPortalAppointments } from '$lib/server/portal/portal-home';
import { portalPatient } from '$lib/server/portal/portal-patient';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	const { patientId, actor } = portalPatient(event);
	const [clinic, appointments, consents, intake] = await Promise.all([
		findClinic(locals.db),
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
		timeZone: clinic?.time_zone ?? 'Asia/Tokyo',
		...appointments,
		// What is still to do before a visit: the questionnaire and any consent awaiting an answer.
		intakeStatus: intake?.status ?? null,
		consentsToAnswer: (consents?.kinds ?? []).filter((k) => k.needsAnswer).map((k) => k.kind)
	};
};
