import type { Db } from '../db/database';
import { nextPatientNumber } from './patient-repository';
import { searchKeyFor } from './update-patient';

/** What every new patient row carries for the register: its number and its romaji search key. */
export async function registerFields(
	db: Db,
	names: { familyName: string; givenName: string; familyNameKana?: string; givenNameKana?: string }
): Promise<{ patient_number: string; romaji_key: string }> {
	return { patient_number: await nextPatientNumber(db), romaji_key: romajiKeyFor(names) };
}

/** The romaji search key of a new patient's names. */
export function romajiKeyFor(names: { familyName: string; givenName: string; familyNameKana?: string; givenNameKana?: string }): string {
	return searchKeyFor({ ...names, familyNameKana: names.familyNameKana ?? '', givenNameKana: names.givenNameKana ?? '' });
}
