import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { findVisitWithPatientName } from '../booking/appointment-repository';
import { pendingBookingRequests } from '../booking/booking-request-reads';

export interface BookingRequest {
	id: string;
	startsAt: string;
	createdAt: string;
	patient: { id: string; familyName: string; givenName: string };
	service: { ja: string; en: string };
	practitioner: { ja: string; en: string };
}

/** New patients' online bookings awaiting the desk, soonest visit first (issue #17). Reading it is audited. */
export async function listBookingRequests(db: Db, actor: AuditActor): Promise<BookingRequest[]> {
	const rows = await pendingBookingRequests(db);
	await recordAudit(db, actor, { action: 'booking.requests_read', detail: { count: rows.length } });
	return rows.map((r) => ({
		id: r.id,
		startsAt: r.starts_at,
		createdAt: r.created_at,
		patient: { id: r.patient_id, familyName: r.family_name, givenName: r.given_name },
		service: { ja: r.name_ja, en: r.name_en },
		practitioner: { ja: `${r.family_name_ja} ${r.given_name_ja}`, en: `${r.given_name_en} ${r.family_name_en}` }
	}));
}

/** The name of the patient who asked for a booking, for the desk's notice once it is decided. */
export async function findRequestPatient(db: Db, appointmentId: string): Promise<{ familyName: string; givenName: string } | undefined> {
	const row = await findVisitWithPatientName(db, appointmentId);
	return row?.family_name != null && row.given_name != null ? { familyName: row.family_name, givenName: row.given_name } : undefined;
}
