import { clinicDayAt } from '$lib/domain/clinic/opening-hours';
import { listExpiringDoctorConsents } from '$lib/server/billing/doctor-consent';
import { findClinic } from '$lib/server/clinic/clinic-repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const clinic = await findClinic(locals.db);
	const timeZone = clinic?.time_zone ?? 'Asia/Tokyo';
	const today = clinicDayAt(locals.db.clock.now(), timeZone).date;
	// The desk asks patients for a renewal; consents already renewed need nothing more.
	const expiringConsents = clinic && locals.session?.staff.role !== 'practitioner' ? (await listExpiringDoctorConsents(locals.db, { today })).filter((c) => !c.renewed).length : 0;
	return {
		timeZone,
		today,
		expiringConsents,
		totpEnabled: locals.session?.staff.totp_enabled === 1
	};
};
