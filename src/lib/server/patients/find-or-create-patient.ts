import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import { registerFields } from './register-fields';

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

/**
 * The patient a booking belongs to: the same e-mail and date of birth, or the same phone and name;
 * otherwise a new patient with the next number. (Possible duplicates are for reception to merge.)
 * A record merged into another stands for its survivor, so the booking lands on the survivor.
 */
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

export async function findOrCreatePatient(db: Db, details: PatientDetails, locale: 'ja' | 'en'): Promise<{ id: string; created: boolean }> {
	const email = details.email.trim().toLowerCase();
	if (email && details.dateOfBirth) {
		const byEmail = await db.kysely
			.selectFrom('patient')
			.select(['id', 'merged_into_id'])
			.where('email', '=', email)
			.where('date_of_birth', '=', details.dateOfBirth)
			.where('erased_at', 'is', null)
			.executeTakeFirst();
		if (byEmail) return { id: await survivorOf(db, byEmail), created: false };
	}
	const byPhone = await db.kysely
		.selectFrom('patient')
		.select(['id', 'merged_into_id'])
		.where('phone', '=', details.phone)
		.where('family_name', '=', details.familyName)
		.where('given_name', '=', details.givenName)
		// A record whose data was deleted on request keeps only what a duty needs: a new booking starts afresh.
		.where('erased_at', 'is', null)
		.executeTakeFirst();
	if (byPhone) return { id: await survivorOf(db, byPhone), created: false };
	const id = randomUUID();
	await db.kysely
		.insertInto('patient')
		.values({
			id,
			family_name: details.familyName,
			given_name: details.givenName,
			family_name_kana: details.familyNameKana ?? '',
			given_name_kana: details.givenNameKana ?? '',
			email,
			phone: details.phone,
			date_of_birth: details.dateOfBirth ?? null,
			preferred_locale: locale,
			created_at: db.clock.now().toISOString(),
			...(await registerFields(db, details))
		})
		.execute();
	return { id, created: true };
}
