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
 */
export async function findOrCreatePatient(db: Db, details: PatientDetails, locale: 'ja' | 'en'): Promise<{ id: string; created: boolean }> {
	const email = details.email.trim().toLowerCase();
	if (email && details.dateOfBirth) {
		const byEmail = await db.kysely
			.selectFrom('patient')
			.select('id')
			.where('email', '=', email)
			.where('date_of_birth', '=', details.dateOfBirth)
			.executeTakeFirst();
		if (byEmail) return { id: byEmail.id, created: false };
	}
	const byPhone = await db.kysely
		.selectFrom('patient')
		.select('id')
		.where('phone', '=', details.phone)
		.where('family_name', '=', details.familyName)
		.where('given_name', '=', details.givenName)
		.executeTakeFirst();
	if (byPhone) return { id: byPhone.id, created: false };
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
			created_at: new Date().toISOString(),
			...(await registerFields(db, details))
		})
		.execute();
	return { id, created: true };
}
