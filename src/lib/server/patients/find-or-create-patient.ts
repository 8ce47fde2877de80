import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { emailKey, phoneKey } from '../../domain/patients/duplicates';
import type { Db } from '../db/database';
import { insertPatient, numberNewPatient } from './patient-repository';
import { romajiKeyFor } from './register-fields';
import { phoneDigitsEqual } from './search-patients';

export interface PatientDetails {
	familyName: string;
	givenName: string;
	familyNameKana?: string;
	givenNameKana?: string;
	/** Empty for a walk-in who gives none. */
	email: string;
	phone: string;
	dateOfBirth?: string;
}

/** Hops a record merges may chain (A into B, later B into C): a guard, never reached in practice. */
const MAX_MERGE_HOPS = 10;

/** The record that holds a patient's history now: the one given, or the survivor it was merged into. */
async function survivorOf(db: Db, row: { id: string; merged_into_id: string | null }): Promise<string> {
	let current = row;
	for (let hop = 0; hop < MAX_MERGE_HOPS && current.merged_into_id !== null; hop++) {
		const next = await db.kysely.selectFrom('patient').select(['id', 'merged_into_id']).where('id', '=', current.merged_into_id).executeTakeFirst();
		if (!next) break;
		current = next;
	}
	return current.id;
}

/** Tables whose rows are a patient's clinical history: what a stranger must never join by typing a name and a phone. */
const CLINICAL_TABLES = [
	'intake',
	'examination',
	'treatment_plan',
	'treatment_session',
	'outcome_check_in',
	'side_effect_report',
	'adverse_event',
	'aftercare_note',
	'clinic_instrument_score',
	'contraindication_override'
] as const;

async function emailOf(db: Db, patientId: string): Promise<string> {
	const row = await db.kysely.selectFrom('patient').select('email').where('id', '=', patientId).executeTakeFirst();
	return row?.email ?? '';
}

async function hasClinicalHistory(db: Db, patientId: string): Promise<boolean> {
	for (const table of CLINICAL_TABLES) {
		const row = await db.kysely
			.selectFrom(table)
			.select(sql<number>`1`.as('one'))
			.where('patient_id', '=', patientId)
			.limit(1)
			.executeTakeFirst();
		if (row) return true;
	}
	return false;
}

/**
 * The patient a booking belongs to, otherwise a new patient with the next number (possible
 * duplicates are for the desk to merge, docs: issue #16):
 * - the same e-mail and date of birth: the address on file vouches for the person;
 * - the same phone (compared by its digits) and name, only when the booking's e-mail is the one on
 *   file, when the desk is booking (no e-mail: staff see the person), or when the record holds no
 *   clinical history. Anyone can type a neighbour's name and phone into the online form: their
 *   booking, triage answers and intake must not join the neighbour's chart.
 * A record merged into another stands for its survivor, so the booking lands on the survivor.
 */
export async function findOrCreatePatient(db: Db, details: PatientDetails, locale: 'ja' | 'en'): Promise<{ id: string; created: boolean }> {
	const email = emailKey(details.email);
	if (email && details.dateOfBirth) {
		const byEmail = await db.kysely
			.selectFrom('patient')
			.select(['id', 'merged_into_id'])
			.where(sql<string>`lower(trim(email))`, '=', email)
			.where('date_of_birth', '=', details.dateOfBirth)
			.where('erased_at', 'is', null)
			.executeTakeFirst();
		// The address must still be the survivor's: a merge may have dropped the one on the merged record.
		if (byEmail) {
			const id = await survivorOf(db, byEmail);
			if (emailKey(await emailOf(db, id)) === email) return { id, created: false };
		}
	}
	const phone = phoneKey(details.phone);
	const byPhone =
		phone === ''
			? []
			: await db.kysely
					.selectFrom('patient')
					.select(['id', 'merged_into_id'])
					.where(phoneDigitsEqual(db.dialect, phone))
					.where('family_name', '=', details.familyName)
					.where('given_name', '=', details.givenName)
					// A record whose data was deleted on request keeps only what a duty needs: a new booking starts afresh.
					.where('erased_at', 'is', null)
					.orderBy('created_at')
					.orderBy('id')
					.execute();
	for (const candidate of byPhone) {
		const id = await survivorOf(db, candidate);
		const sameEmail = email !== '' && emailKey(await emailOf(db, id)) === email;
		if (email === '' || sameEmail || !(await hasClinicalHistory(db, id))) return { id, created: false };
	}
	const id = randomUUID();
	await insertPatient(db, {
		id,
		family_name: details.familyName,
		given_name: details.givenName,
		family_name_kana: details.familyNameKana ?? '',
		given_name_kana: details.givenNameKana ?? '',
		email,
		// An address typed into the online form is nobody's word but the booker's (issue #16).
		email_source: email === '' ? 'desk' : 'booking',
		phone: details.phone,
		date_of_birth: details.dateOfBirth ?? null,
		preferred_locale: locale,
		created_at: db.clock.now().toISOString(),
		patient_number: null,
		romaji_key: romajiKeyFor(details)
	});
	await numberNewPatient(db, id);
	return { id, created: true };
}
