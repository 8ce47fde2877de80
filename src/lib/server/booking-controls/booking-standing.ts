import { patientVisitStanding } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { getClinic } from '../clinic/clinic-repository';

export interface BookingStanding {
	/** The clinic holds a new patient's online booking for the desk (0/1 setting). */
	approveNewPatients: boolean;
	/** The most upcoming visits a patient may hold when booking online; 0: no limit. */
	maxUpcomingVisits: number;
	/** The patient's visits still ahead (booked, including those awaiting approval). */
	upcomingVisits: number;
	/** The clinic has seen the patient: a visit that was attended. */
	seenBefore: boolean;
}

/** What the booking controls need to know of a patient at the moment of an online booking (issue #17). */
export async function loadBookingStanding(
	db: Db,
	patientId: string,
	created: boolean,
	now: number,
	/** The clinic's settings when the caller has read them in its transaction already. */
	settings?: { approve_new_patients: number; max_upcoming_visits: number }
): Promise<BookingStanding> {
	const clinic = settings ?? (await getClinic(db));
	if (created)
		return { approveNewPatients: clinic.approve_new_patients === 1, maxUpcomingVisits: clinic.max_upcoming_visits, upcomingVisits: 0, seenBefore: false };
	const standing = await patientVisitStanding(db, patientId, new Date(now).toISOString());
	return {
		approveNewPatients: clinic.approve_new_patients === 1,
		maxUpcomingVisits: clinic.max_upcoming_visits,
		upcomingVisits: standing.upcoming,
		seenBefore: standing.seenBefore
	};
}
