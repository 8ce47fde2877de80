import { randomUUID } from 'node:crypto';
import { addDays, localDate, localInstant } from '../../domain/time';
import type { Db } from '../db/database';
import { registerFields } from '../patients/register-fields';
import { demoVisitContext } from './demo-visit-context';

/*
 * The demo recall list (issue #17): two patients whose last visit was ten and twelve weeks ago
 * (the clinic's default is eight) with nothing booked, and one of them withdrew consent to
 * reminders, so the list shows an invitation button for one and a reason for the other.
 */
const PEOPLE = [
	{
		family: '松本',
		given: '美咲',
		familyKana: 'マツモト',
		givenKana: 'ミサキ',
		email: 'recall1@example.jp',
		phone: '090-0000-0101',
		weeksAgo: 10,
		withdrew: false
	},
	{ family: '加藤', given: '由美', familyKana: 'カトウ', givenKana: 'ユミ', email: 'recall2@example.jp', phone: '090-0000-0102', weeksAgo: 12, withdrew: true }
] as const;

export async function seedDemoRecall(db: Db, now = db.clock.now().getTime()): Promise<void> {
	const { clinic, service, practitioner } = await demoVisitContext(db);
	const today = localDate(now, clinic.time_zone);
	const reminders = await db.kysely.selectFrom('consent_document').select('id').where('kind', '=', 'reminders').orderBy('version', 'desc').executeTakeFirst();
	const iso = (ms: number) => new Date(ms).toISOString();
	for (const person of PEOPLE) {
		const patientId = randomUUID();
		const start = localInstant(addDays(today, -7 * person.weeksAgo), '11:00', clinic.time_zone);
		const end = start + service.duration_minutes * 60_000;
		await db.kysely
			.insertInto('patient')
			.values({
				id: patientId,
				family_name: person.family,
				given_name: person.given,
				family_name_kana: person.familyKana,
				given_name_kana: person.givenKana,
				email: person.email,
				phone: person.phone,
				date_of_birth: null,
				preferred_locale: 'ja',
				created_at: iso(start - 86_400_000),
				...(await registerFields(db, {
					familyName: person.family,
					givenName: person.given,
					familyNameKana: person.familyKana,
					givenNameKana: person.givenKana
				}))
			})
			.execute();
		// A past visit holds no occupancy: nothing can be booked into the past.
		await db.kysely
			.insertInto('appointment')
			.values({
				id: randomUUID(),
				patient_id: patientId,
				practitioner_id: practitioner.id,
				bed_id: null,
				service_id: service.id,
				starts_at: iso(start),
				ends_at: iso(end),
				held_until: iso(end + service.buffer_minutes * 60_000),
				status: 'completed',
				source: 'staff',
				first_visit: 0,
				triage: null,
				manage_token_hash: null,
				locale: 'ja',
				created_at: iso(start - 86_400_000),
				cancelled_at: null
			})
			.execute();
		if (person.withdrew && reminders) {
			await db.kysely
				.insertInto('consent_signature')
				.values({
					id: randomUUID(),
					patient_id: patientId,
					document_id: reminders.id,
					agreed: 0,
					signed_name: `${person.family} ${person.given}`,
					signed_at: iso(start),
					ip: null,
					user_agent: null,
					recorded_by_staff_id: null
				})
				.execute();
		}
	}
}
