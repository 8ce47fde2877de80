import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import type { AppointmentStatus } from '../db/schema';

/** A patient row for portal tests; only what the portal reads. */
export async function insertPatient(db: Db, values: { email: string; givenName: string; familyName?: string; locale?: 'ja' | 'en'; mergedInto?: string }) {
	const id = randomUUID();
	await db.kysely
		.insertInto('patient')
		.values({
			id,
			family_name: values.familyName ?? '山田',
			given_name: values.givenName,
			family_name_kana: '',
			given_name_kana: '',
			email: values.email,
			phone: '090-0000-0000',
			date_of_birth: null,
			preferred_locale: values.locale ?? 'ja',
			created_at: '2030-01-01T00:00:00.000Z',
			merged_into_id: values.mergedInto ?? null
		})
		.execute();
	return id;
}

/** An appointment written directly (no occupancy): enough for lists, exports and retention. */
export async function insertAppointment(db: Db, practitionerId: string, patientId: string, startsAt: string, status: AppointmentStatus) {
	const id = randomUUID();
	const end = new Date(Date.parse(startsAt) + 45 * 60_000).toISOString();
	await db.kysely
		.insertInto('appointment')
		.values({
			id,
			patient_id: patientId,
			practitioner_id: practitionerId,
			bed_id: null,
			service_id: null,
			starts_at: startsAt,
			ends_at: end,
			held_until: end,
			status,
			source: 'staff',
			first_visit: 0,
			triage: null,
			manage_token_hash: null,
			locale: 'ja',
			created_at: startsAt,
			cancelled_at: null
		})
		.execute();
	return id;
}
