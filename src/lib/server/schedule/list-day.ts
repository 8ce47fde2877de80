import { localDayRange } from '../../domain/time';
import type { Db } from '../db/database';
import { scheduledVisitsBetween } from '../booking/schedule-reads';
import type { AppointmentStatus } from '../db/schema';
import { selfCheckFrom, type SelfCheckFlag } from '../booking/self-check-record';
import type { PatientFlags } from './patient-flags';

export interface LocalizedName {
	ja: string;
	en: string;
}

/** One row of the day view and the desk list. Instants are ISO 8601 in UTC. */
export interface ScheduledAppointment {
	id: string;
	start: string;
	end: string;
	heldUntil: string;
	status: AppointmentStatus;
	source: 'online' | 'staff' | 'walk_in' | 'block';
	note: string;
	patient: { id: string; familyName: string; givenName: string } | null;
	service: { id: string; name: LocalizedName } | null;
	practitioner: { id: string; name: LocalizedName };
	bed: { id: string; name: LocalizedName } | null;
	/** 'emergency' or 'urgent' when the patient's intake for this visit raised a red flag. */
	redFlagLevel: string | null;
	/** The self-check the patient brought with the booking (level, reasons, when given); null without one. */
	selfCheck: SelfCheckFlag | null;
	/** A new patient's online booking awaiting the desk's approval (issue #17): held, not yet confirmed. */
	pending?: boolean;
	/** The patient's answer to a reminder (issue #17): 'confirmed', 'change_requested' or null, and by which channel. */
	attendance: { answer: 'confirmed' | 'change_requested'; via: 'mail' | 'line' | 'desk' | null } | null;
	/** Safety alerts, red flag and missing consent of the patient (patient-flags.ts adds them). */
	flags?: PatientFlags;
}

/** The appointments (and blocked time) starting on one clinic-local day, in order. */
export function listDay(db: Db, date: string, timeZone: string, options: { includeCancelled?: boolean } = {}): Promise<ScheduledAppointment[]> {
	return listDays(db, date, date, timeZone, options);
}

/** The same for the clinic-local days `from`..`to`, both included (the week view). */
export async function listDays(
	db: Db,
	from: string,
	to: string,
	timeZone: string,
	options: { includeCancelled?: boolean } = {}
): Promise<ScheduledAppointment[]> {
	const range = localDayRange(from, timeZone, to);
	const rows = await scheduledVisitsBetween(db, range.start, range.end, options);
	return rows.map((r) => ({
		id: r.id,
		start: r.starts_at,
		end: r.ends_at,
		heldUntil: r.held_until,
		status: r.status,
		source: r.source,
		note: r.note,
		patient: r.patient_id && r.family_name !== null && r.given_name !== null ? { id: r.patient_id, familyName: r.family_name, givenName: r.given_name } : null,
		service: r.service_id && r.service_ja !== null && r.service_en !== null ? { id: r.service_id, name: { ja: r.service_ja, en: r.service_en } } : null,
		practitioner: {
			id: r.practitioner_id,
			name: { ja: `${r.family_name_ja} ${r.given_name_ja}`, en: `${r.given_name_en} ${r.family_name_en}` }
		},
		bed: r.bed_id && r.bed_ja !== null && r.bed_en !== null ? { id: r.bed_id, name: { ja: r.bed_ja, en: r.bed_en } } : null,
		redFlagLevel: r.red_flag_level,
		pending: r.approval === 'pending',
		attendance: r.confirmed_at
			? { answer: 'confirmed', via: r.answered_via }
			: r.change_requested_at
				? { answer: 'change_requested', via: r.answered_via }
				: null,
		selfCheck: selfCheckFrom(r)
	}));
}
