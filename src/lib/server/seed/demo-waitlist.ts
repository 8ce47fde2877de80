import { randomUUID } from 'node:crypto';
import { addDays, localDate } from '../../domain/time';
import { randomToken, sha256Hex } from '../crypto';
import type { Db } from '../db/database';

/**
 * A short waiting list (キャンセル待ち, issue #17), so the desk's list shows people, their wishes
 * and how long they have waited. Written directly: these people do not exist, and no link to the
 * entries is ever mailed (the tokens are thrown away).
 */
export async function seedDemoWaitlist(db: Db, now = db.clock.now().getTime()): Promise<void> {
	const clinic = await db.kysely.selectFrom('clinic').select('time_zone').executeTakeFirstOrThrow();
	const service = await db.kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirst();
	const patients = await db.kysely
		.selectFrom('patient')
		.select(['id', 'preferred_locale'])
		.where('phone', 'in', ['090-0000-0002', '+44 20 7946 0003', '090-0000-0004'])
		.orderBy('phone')
		.execute();
	const practitioner = await db.kysely.selectFrom('practitioner').select('id').orderBy('id').executeTakeFirst();
	if (!service || patients.length === 0) return;
	const today = localDate(now, clinic.time_zone);
	const HOUR = 3_600_000;
	const wishes = [
		{ waitedHours: 74, practitionerId: null, days: 14, times: [] },
		{
			waitedHours: 26,
			practitionerId: practitioner?.id ?? null,
			days: 21,
			times: [
				{ weekday: 2, start: '09:00', end: '12:30' },
				{ weekday: 4, start: '09:00', end: '12:30' }
			]
		},
		{ waitedHours: 5, practitionerId: null, days: 7, times: [{ weekday: 6, start: '09:00', end: '19:00' }] }
	];
	await db.kysely
		.insertInto('waitlist_entry')
		.values(
			patients.map((patient, i) => {
				const wish = wishes[i]!;
				return {
					id: randomUUID(),
					patient_id: patient.id,
					service_id: service.id,
					practitioner_id: wish.practitionerId,
					date_from: today,
					date_to: addDays(today, wish.days),
					times: JSON.stringify(wish.times),
					locale: patient.preferred_locale === 'en' ? ('en' as const) : ('ja' as const),
					status: 'waiting' as const,
					source: i === 1 ? ('desk' as const) : ('online' as const),
					manage_token_hash: sha256Hex(randomToken()),
					appointment_id: null,
					created_at: new Date(now - wish.waitedHours * HOUR).toISOString(),
					closed_at: null
				};
			})
		)
		.execute();
}
