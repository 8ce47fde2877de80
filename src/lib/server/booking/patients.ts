import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import { registerFields } from '../patients/register-fields';
import type { TCreateBooking } from './schemas';

/**
 * Links a booking to the patient it belongs to: the same e-mail and date of birth, or the same
 * phone and name; otherwise a new patient. (Possible duplicates are for reception to merge.)
 */
export async function findOrCreatePatient(db: Db, patient: TCreateBooking['patient'], locale: 'ja' | 'en'): Promise<string> {
	const email = patient.email.trim().toLowerCase();
	const byEmail = patient.dateOfBirth
		? await db.kysely
				.selectFrom('patient')
				.select('id')
				.where('email', '=', email)
				.where('date_of_birth', '=', patient.dateOfBirth)
				.executeTakeFirst()
		: undefined;
	if (byEmail) return byEmail.id;
	const byPhone = await db.kysely
		.selectFrom('patient')
		.select('id')
		.where('phone', '=', patient.phone)
		.where('family_name', '=', patient.familyName)
		.where('given_name', '=', patient.givenName)
		.executeTakeFirst();
	if (byPhone) return byPhone.id;
	const id = randomUUID();
	await db.kysely
		.insertInto('patient')
		.values({
			id,
			family_name: patient.familyName,
			given_name: patient.givenName,
			family_name_kana: patient.familyNameKana ?? '',
			given_name_kana: patient.givenNameKana ?? '',
			email,
			phone: patient.phone,
			date_of_birth: patient.dateOfBirth ?? null,
			preferred_locale: locale,
			created_at: new Date().toISOString(),
			...(await registerFields(db, patient))
		})
		.execute();
	return id;
}
