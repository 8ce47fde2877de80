import { endOfMonthAfter, localDayAt } from '$lib/domain/time';
import { claimMonths } from '$lib/server/billing/claims-export';
import { listExpiringDoctorConsents } from '$lib/server/billing/doctor-consent';
import { submissionDeadline } from '$lib/domain/jukyo/registration';
import { claimReadiness } from '$lib/server/jukyo/registration';
import type { PageServerLoad } from './$types';
import { CLINIC_DEFAULT_TIME_ZONE, recentClinic } from '$lib/server/clinic/clinic-settings';

/** The desk's 療養費 overview: months to claim and consents that need a renewal. */
export const load: PageServerLoad = async ({ locals }) => {
	const clinic = await recentClinic(locals.db);
	const today = localDayAt(locals.db.clock.now(), clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE).date;
	const [months, expiring] = await Promise.all([claimMonths(locals.db), clinic ? listExpiringDoctorConsents(locals.db, { today }) : []]);
	// Claims are made after the month ends: last month is what the desk most often wants.
	const lastMonth = endOfMonthAfter(today, -1).slice(0, 7);
	// What this month's claim forms still need from the registration, named before the month ends (issue #19).
	const month = today.slice(0, 7);
	const readiness = await claimReadiness(locals.db, month);
	const deadlines = readiness.registration.submissions.map((s) => ({
		insurerKind: s.insurerKind,
		destination: s.destination,
		date: submissionDeadline(s, lastMonth)
	}));
	return {
		role: locals.session!.staff.role,
		today,
		lastMonth,
		months,
		expiring,
		readiness: { month, items: readiness.items, submissionsMissing: readiness.submissionsMissing },
		deadlines
	};
};
