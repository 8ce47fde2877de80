import { ageOn } from '../../domain/intake/triage';
import type { Db } from '../db/database';
import { findIntakePatient } from './intake-repository';

/**
 * The patient's age in whole years, or null without a date of birth. The UTC date is close enough
 * here: age only decides the `underEighteen` reason, and a day either side of a birthday is noise.
 */
export async function patientAge(db: Db, patientId: string, now: Date): Promise<number | null> {
	const patient = await findIntakePatient(db, patientId);
	return ageAt(patient?.dateOfBirth ?? null, now);
}

/** The same age from a date of birth already read. */
export function ageAt(dateOfBirth: string | null, now: Date): number | null {
	return ageOn(dateOfBirth, now.toISOString().slice(0, 10));
}
