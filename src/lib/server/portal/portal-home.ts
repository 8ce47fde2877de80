import type { AppointmentStatus } from '../db/schema';
import type { Db } from '../db/database';
import { portalVisits } from '../booking/patient-visit-reads';
import { findPatient } from '../patients/patient-repository';

/* What the portal shell and home show: the signed-in patient's name and appointments, nothing else. */

export interface PortalPatient {
	givenName: string;
	familyName: string;
}

export async function findPortalPatient(db: Db, patientId: string): Promise<PortalPatient | null> {
	const row = await findPatient(db, patientId, ['given_name', 'family_name'], { live: true });
	return row ? { givenName: row.given_name, familyName: row.family_name } : null;
}

export interface PortalAppointment {
	id: string;
	start: number;
	status: AppointmentStatus;
	service: { ja: string; en: string } | null;
	practitioner: { ja: string; en: string };
}

/** Enough history for a patient to find a visit; older ones are in "download my data". */
const PAST_LIMIT = 50;

/** Upcoming (soonest first; cancelled ones left out) and past (newest first) appointments of one patient. */
export async function listPortalAppointments(
	db: Db,
	patientId: string,
	now = db.clock.now().getTime()
): Promise<{ upcoming: PortalAppointment[]; past: PortalAppointment[] }> {
	const { upcoming, past } = await portalVisits(db, patientId, new Date(now).toISOString(), PAST_LIMIT);
	const view = (a: (typeof upcoming)[number]): PortalAppointment => ({
		id: a.id,
		start: Date.parse(a.starts_at),
		status: a.status,
		service: a.service_ja === null || a.service_en === null ? null : { ja: a.service_ja, en: a.service_en },
		practitioner: { ja: `${a.family_name_ja} ${a.given_name_ja}`, en: `${a.given_name_en} ${a.family_name_en}` }
	});
	return { upcoming: upcoming.map(view), past: past.map(view) };
}
