import { clinicDayAt } from '$lib/domain/clinic/opening-hours';
import { findClinic } from '$lib/server/clinic/clinic-repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const clinic = await findClinic(locals.db);
	const timeZone = clinic?.time_zone ?? 'Asia/Tokyo';
	return {
		timeZone,
		today: clinicDayAt(new Date(), timeZone).date,
		totpEnabled: locals.session?.staff.totp_enabled === 1
	};
};
