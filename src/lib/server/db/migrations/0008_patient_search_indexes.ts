import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Indexes for the register at scale (issue #6, measured by bench/patients.ts on 100,000 patients
 * and 1,000,000 appointments): a chart lists one patient's appointments, and every search is a
 * range on an index. The expressions are the ones `searchPatients` writes, character for character
 * (an index on an expression serves only that expression). On PostgreSQL the prefix ranges compare
 * bytes (`collate "C"`), so "starts with" holds under any database locale.
 */
const PHONE_DIGITS = "replace(replace(replace(replace(replace(phone, '-', ''), ' ', ''), '+', ''), '(', ''), ')', '')";

export function patientSearchIndexes(dialect: DialectName) {
	const prefix = (expression: string) => (dialect === 'postgres' ? `((${expression}) collate "C")` : `((${expression}))`);
	const lastFourDigits = dialect === 'postgres' ? `right(${PHONE_DIGITS}, 4)` : `substr(${PHONE_DIGITS}, -4)`;
	const indexes: Array<[name: string, on: string]> = [
		['appointment_patient_start', 'appointment (patient_id, starts_at)'],
		['patient_kana_prefix', `patient ${prefix('family_name_kana || given_name_kana')}`],
		['patient_given_kana_prefix', `patient ${prefix('given_name_kana')}`],
		['patient_name_prefix', `patient ${prefix('family_name || given_name')}`],
		['patient_given_name_prefix', `patient ${prefix('given_name')}`],
		['patient_phone_digits_prefix', `patient ${prefix(PHONE_DIGITS)}`],
		['patient_phone_last_digits', `patient ((${lastFourDigits}))`]
	];
	// SQLite's plain index on romaji_key (0006) already compares bytes; PostgreSQL's may not.
	if (dialect === 'postgres') indexes.push(['patient_romaji_key_prefix', `patient ${prefix('romaji_key')}`]);
	return {
		async up(db: Kysely<any>) {
			for (const [name, on] of indexes) await sql.raw(`create index ${name} on ${on}`).execute(db);
		}
	};
}
