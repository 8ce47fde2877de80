import { randomUUID } from 'node:crypto';
import { addDays, localDate, localInstant, weekdayOf } from '../../domain/time';
import type { Db } from '../db/database';
import { registerFields } from '../patients/register-fields';
import { demoVisitContext } from './demo-visit-context';

/*
 * A visit of the last open day whose session is still open with a needle not counted out (6 in, 5 out), so
 * a newcomer sees the console's "needles not accounted for" banner, the visit refused at the desk
 * and the day-end list (docs/clinical-rules.md §3). The patient's privacy consent came with the
 * online booking and the treatment consent was taken aloud by the practitioner: the consent
 * channels show on the chart's consents page.
 */
export async function seedDemoOpenSession(db: Db, now = db.clock.now().getTime()): Promise<void> {
	const { clinic, service, practitioner } = await demoVisitContext(db);
	const bed = await db.kysely.selectFrom('bed').select('id').orderBy('sort_order', 'desc').executeTakeFirstOrThrow();
	const documents = await db.kysely
		.selectFrom('consent_document')
		.select(['id', 'kind'])
		.where('kind', 'in', ['privacy', 'treatment'])
		.where('version', '=', 1)
		.execute();
	const iso = (ms: number) => new Date(ms).toISOString();
	// The last day before today the demo clinic was open (it closes on Wednesdays and Sundays).
	const openDays = new Set((await db.kysely.selectFrom('opening_hours').select('weekday').execute()).map((h) => Number(h.weekday)));
	let day = addDays(localDate(now, clinic.time_zone), -1);
	for (let i = 0; i < 7 && !openDays.has(weekdayOf(day)); i++) day = addDays(day, -1);
	const start = localInstant(day, '10:00', clinic.time_zone);
	const end = start + service.duration_minutes * 60_000;
	const bookedAt = start - 2 * 86_400_000;
	const minutes = (n: number) => iso(start + n * 60_000);

	const patientId = randomUUID();
	await db.kysely
		.insertInto('patient')
		.values({
			id: patientId,
			family_name: '小林',
			given_name: '真一',
			family_name_kana: 'コバヤシ',
			given_name_kana: 'シンイチ',
			email: 'patient6@example.jp',
			phone: '090-0000-0006',
			date_of_birth: '1979-11-20',
			preferred_locale: 'ja',
			created_at: iso(bookedAt),
			...(await registerFields(db, { familyName: '小林', givenName: '真一', familyNameKana: 'コバヤシ', givenNameKana: 'シンイチ' }))
		})
		.execute();
	const appointmentId = randomUUID();
	// A past visit holds no occupancy: nothing can be booked into the past.
	await db.kysely
		.insertInto('appointment')
		.values({
			id: appointmentId,
			patient_id: patientId,
			practitioner_id: practitioner.id,
			bed_id: bed.id,
			service_id: service.id,
			starts_at: iso(start),
			ends_at: iso(end),
			held_until: iso(end + service.buffer_minutes * 60_000),
			status: 'arrived',
			source: 'online',
			first_visit: 1,
			triage: null,
			manage_token_hash: null,
			locale: 'ja',
			created_at: iso(bookedAt),
			cancelled_at: null
		})
		.execute();
	const signature = { patient_id: patientId, agreed: 1, ip: null, user_agent: null };
	await db.kysely
		.insertInto('consent_signature')
		.values(
			documents.map((d) =>
				d.kind === 'privacy'
					? {
							...signature,
							id: randomUUID(),
							document_id: d.id,
							signed_name: '小林 真一',
							signed_at: iso(bookedAt),
							recorded_by_staff_id: null,
							channel: 'online_booking' as const
						}
					: {
							...signature,
							id: randomUUID(),
							document_id: d.id,
							signed_name: '',
							signed_at: minutes(2),
							recorded_by_staff_id: practitioner.staff_id,
							channel: 'verbal' as const
						}
			)
		)
		.execute();
	const sessionId = randomUUID();
	await db.kysely
		.insertInto('treatment_session')
		.values({
			id: sessionId,
			patient_id: patientId,
			appointment_id: appointmentId,
			practitioner_staff_id: practitioner.staff_id!,
			bed_id: bed.id,
			started_at: minutes(5),
			closed_at: null,
			pre_leg_pain: 6,
			pre_back_pain: 3,
			check_in_id: null,
			needles_in: 6,
			needles_out: 5,
			retention_minutes: 20,
			timer_started_at: minutes(10),
			notes: '',
			created_at: minutes(5),
			updated_at: minutes(32)
		})
		.execute();
	await db.kysely
		.insertInto('session_point')
		.values(
			[
				['BL25', 'both'],
				['GB30', 'right'],
				['BL40', 'right']
			].map(([code, side], i) => ({
				id: randomUUID(),
				session_id: sessionId,
				code: code!,
				side: side as 'both' | 'right',
				gauge: '3',
				length_mm: 40,
				depth_mm: null,
				technique: 'retention',
				deqi: null,
				created_at: minutes(6 + i)
			}))
		)
		.execute();
}
