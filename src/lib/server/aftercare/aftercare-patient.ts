import type { Db } from '../db/database';
import { findPatient } from '../patients/patient-repository';

export interface AftercarePatient {
	id: string;
	patientNumber: string | null;
	familyName: string;
	givenName: string;
	/** The language the patient reads: templates are composed in it. */
	locale: 'ja' | 'en';
	email: string;
}

/** The name and number for the aftercare page's heading; null for an unknown id. */
export async function findAftercarePatient(db: Db, id: string): Promise<AftercarePatient | null> {
	const row = await findPatient(db, id, ['id', 'patient_number', 'family_name', 'given_name', 'preferred_locale', 'email']);
	return row
		? { id: row.id, patientNumber: row.patient_number, familyName: row.family_name, givenName: row.given_name, locale: row.preferred_locale, email: row.email }
		: null;
}
