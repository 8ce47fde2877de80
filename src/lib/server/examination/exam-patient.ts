import { personName } from '../../domain/patients/person-name';
import type { Db } from '../db/database';
import { findPatient } from '../patients/patient-repository';

export interface ExamPatient {
	id: string;
	patientNumber: string | null;
	name: string;
	dateOfBirth: string | null;
}

/** The patient an examination page is about, by id; null for an unknown or merged record. */
export async function findExamPatient(db: Db, id: string, locale: 'ja' | 'en'): Promise<ExamPatient | null> {
	const row = await findPatient(db, id, ['id', 'patient_number', 'family_name', 'given_name', 'date_of_birth'], { live: true });
	if (!row) return null;
	const name = personName({ familyName: row.family_name, givenName: row.given_name }, locale);
	return { id: row.id, patientNumber: row.patient_number, name: name.trim(), dateOfBirth: row.date_of_birth };
}
