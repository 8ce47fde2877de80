import { endOfMonthAfter } from '$lib/domain/billing/calendar-date';
import { clinicDayAt } from '$lib/domain/clinic/opening-hours';
import { claimMonths } from '$lib/server/billing/claims-export';
import { listExpiringDoctorConsents } from '$lib/server/billing/doctor-consent';
import { findClinic } from '$lib/server/clinic/clinic-repository';
import type { PageServerLoad } from './$types';

/** The desk's 療養費 overview: months to claim and consents that need a renewal. */
export const load: PageServerLoad = async ({ locals }) => {
	const clinic = await findClinic(locals.db);
	const today = clinicDayAt(locals.db.clock.now(), clinic?.time_zone ?? 'Asia/Tokyo').date;
	const [months, expiring] = await Promise.all([claimMonths(locals.db), clinic ? listExpiringDoctorConsents(locals.db, { today }) : []]);
	// Claims are made after the month ends: last month is what the desk most often wants.
	return { today, lastMonth: endOfMonthAfter(today, -1).slice(0, 7), months, expiring };
};
