import { randomUUID } from 'node:crypto';
import { addDays, localDate, localInstant } from '../../domain/time';
import { createChargeForAppointment } from '../billing/create-charge';
import type { Db } from '../db/database';
import { demoVisitContext } from './demo-visit-context';

/*
 * The claim workflow in the demo clinic (issue #19, docs/jukyo-claim.md §11–§13): the insured demo
 * patient (seeded by demo-jukyo.ts) gets an address and sex on record and two insured visits last month,
 * so last month's 申請書 is complete but for the patient's confirmation and signature — the desk
 * can try signing, "ready", submitting, a 返戻 and a payment on it.
 */
export async function seedDemoClaimStatus(db: Db, now = db.clock.now()): Promise<void> {
	const patient = await db.kysely.selectFrom('patient').select(['id', 'address']).where('email', '=', 'insured@example.jp').executeTakeFirst();
	if (!patient) return;
	const { clinic, service, practitioner } = await demoVisitContext(db);
	const reception = await db.kysely.selectFrom('staff').select('id').where('role', '=', 'reception').orderBy('created_at').executeTakeFirstOrThrow();
	if (patient.address.trim() === '')
		await db.kysely
			.updateTable('patient')
			.set({ postal_code: '132-0021', address: '東京都江戸川区中央1丁目8-3', sex: 'male' })
			.where('id', '=', patient.id)
			.execute();
	const firstOfMonth = `${localDate(now.getTime(), clinic.time_zone).slice(0, 7)}-01`;
	// The course began last month: the first visit below becomes the consent's 初療 (create-charge.ts sets it when unset).
	await db.kysely.updateTable('doctor_consent').set({ first_treatment_on: null, expires_on: null }).where('patient_id', '=', patient.id).execute();
	// The day of last month's eligibility check (demo-jukyo.ts) and a week later: both last month.
	for (const day of [addDays(firstOfMonth, -20), addDays(firstOfMonth, -13)]) {
		const start = localInstant(day, '14:00', clinic.time_zone);
		const end = start + service.duration_minutes * 60_000;
		const appointmentId = randomUUID();
		await db.kysely
			.insertInto('appointment')
			.values({
				id: appointmentId,
				patient_id: patient.id,
				practitioner_id: practitioner.id,
				bed_id: null,
				service_id: service.id,
				starts_at: new Date(start).toISOString(),
				ends_at: new Date(end).toISOString(),
				held_until: new Date(end).toISOString(),
				status: 'completed',
				source: 'staff',
				first_visit: 0,
				triage: null,
				manage_token_hash: null,
				locale: 'ja',
				created_at: new Date(start - 86_400_000).toISOString(),
				cancelled_at: null
			})
			.execute();
		const charged = await createChargeForAppointment(
			db,
			appointmentId,
			{ payer: 'insurance', arts: 'combined' },
			{ type: 'staff', id: reception.id, ip: null, requestId: null },
			{ now }
		);
		if (!charged.ok) throw new Error(`demo claim visit: ${charged.code} ${JSON.stringify('reason' in charged ? charged.reason : '')}`);
	}
}
