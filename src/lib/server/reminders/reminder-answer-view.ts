import type { Locale } from '../../i18n/locales';
import { sha256Hex, constantTimeEqual } from '../crypto';
import { findAppointment } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { getClinic } from '../clinic/clinic-repository';

export interface ReminderAnswerView {
	appointmentId: string;
	start: number;
	timeZone: string;
	clinicName: string;
	phone: string;
	open: boolean;
	confirmed: boolean;
	changeRequested: boolean;
	/** The manage token given with the link, when it is this appointment's. */
	manageToken: string | null;
}

/** What the answer page shows: the time and the clinic only, no name and nothing clinical. */
export async function reminderAnswerView(
	db: Db,
	appointmentId: string,
	locale: Locale,
	manageToken: string | null,
	now = db.clock.now()
): Promise<ReminderAnswerView | null> {
	const row = await findAppointment(db, appointmentId, ['id', 'status', 'starts_at', 'confirmed_at', 'change_requested_at', 'manage_token_hash']);
	if (!row || row.status === 'blocked') return null;
	const clinic = await getClinic(db);
	const start = Date.parse(row.starts_at);
	const tokenFits = manageToken !== null && row.manage_token_hash !== null && constantTimeEqual(sha256Hex(manageToken), row.manage_token_hash);
	return {
		appointmentId: row.id,
		start,
		timeZone: clinic.time_zone,
		clinicName: locale === 'ja' ? clinic.name_ja : clinic.name_en,
		phone: clinic.phone,
		open: row.status === 'booked' && now.getTime() < start,
		confirmed: row.confirmed_at !== null,
		changeRequested: row.change_requested_at !== null,
		manageToken: tokenFits ? manageToken : null
	};
}
