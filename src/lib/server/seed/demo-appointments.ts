import { randomUUID } from 'node:crypto';
import { ageOn } from '../../domain/intake/triage';
import { addDays, localDate } from '../../domain/time';
import { RED_FLAG_QUESTIONS, type TriageAnswers } from '../../domain/triage/assess';
import { triageForBooking } from '../../domain/triage/booking-triage';
import { appointmentRow } from '../booking/appointment-row';
import { getAvailability } from '../booking/get-availability';
import { claimOccupancy } from '../booking/appointment-repository';
import { practitionerPlaces, resourcesOf } from '../booking/occupancy';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import type { AuditActor } from '../audit/audit-log';
import { ensureDefaultConsentDocuments } from '../consent/default-documents';
import { recordVerbalTreatmentConsent } from '../consent/record-verbal-consent';
import { registerFields } from '../patients/register-fields';

const DEMO_PATIENTS = [
	{ family_name: '山田', given_name: '花子', family_name_kana: 'ヤマダ', given_name_kana: 'ハナコ', phone: '090-0000-0001', preferred_locale: 'ja' },
	{ family_name: '鈴木', given_name: '一郎', family_name_kana: 'スズキ', given_name_kana: 'イチロウ', phone: '090-0000-0002', preferred_locale: 'ja' },
	{ family_name: 'Morgan', given_name: 'Alex', family_name_kana: '', given_name_kana: '', phone: '+44 20 7946 0003', preferred_locale: 'en' },
	{ family_name: '中村', given_name: '由美', family_name_kana: 'ナカムラ', given_name_kana: 'ユミ', phone: '090-0000-0004', preferred_locale: 'ja' }
] as const;

/**
 * A few patients with appointments over the coming week, so a newcomer's schedule is not empty.
 * Written directly (no confirmation mail): these people do not exist. The first one was booked
 * online after the self-check advised seeing a doctor (two weeks of severe pain, no doctor yet), so
 * the schedule shows how such a visit is marked (docs/clinical-rules.md §1). Each has given the
 * treatment consent aloud at an earlier visit, except 鈴木 一郎: his visits show what the desk and the
 * bedside see when it is missing (docs/clinical-rules.md §6).
 */
export async function seedDemoAppointments(db: Db, now = db.clock.now().getTime()): Promise<void> {
	const clinic = await db.kysely.selectFrom('clinic').select('time_zone').executeTakeFirstOrThrow();
	const services = await db.kysely.selectFrom('service').select(['id', 'code', 'buffer_minutes']).where('code', 'in', ['FOLLOW', 'EA']).execute();
	const patients = [];
	for (const [i, p] of DEMO_PATIENTS.entries()) {
		patients.push({
			...p,
			id: randomUUID(),
			email: `patient${i + 1}@example.jp`,
			date_of_birth: `19${60 + i * 7}-0${i + 3}-1${i}`,
			created_at: new Date(now).toISOString(),
			...(await registerFields(db, {
				familyName: p.family_name,
				givenName: p.given_name,
				familyNameKana: p.family_name_kana,
				givenNameKana: p.given_name_kana
			}))
		});
	}
	await db.kysely.insertInto('patient').values(patients).execute();
	await recordDemoTreatmentConsents(
		db,
		patients.filter((p) => p.family_name !== CONSENT_MISSING_FOR),
		now
	);
	const today = localDate(now, clinic.time_zone);
	let turn = 0;
	for (let offset = 1; offset <= 7; offset++) {
		const day = addDays(today, offset);
		const service = services[offset % services.length]!;
		const availability = await getAvailability(db, { service: service.id, from: day, to: day }, { now });
		if (!availability.ok || availability.slots.length === 0) continue;
		for (const index of [1, 9, 20]) {
			// Slots listed earlier may have been taken by the previous demo appointment of the day.
			const fresh = await getAvailability(db, { service: service.id, from: day, to: day }, { now });
			const slot = fresh.ok ? fresh.slots[Math.min(index, fresh.slots.length - 1)] : undefined;
			if (!slot) continue;
			const flagged = turn === 0;
			const patient = patients[turn++ % patients.length]!;
			const appointment = appointmentRow({
				slot,
				patientId: patient.id,
				serviceId: service.id,
				bufferMinutes: service.buffer_minutes,
				source: flagged ? 'online' : 'staff',
				locale: patient.preferred_locale,
				now,
				triage: flagged ? seeDoctorSelfCheck(ageOn(patient.date_of_birth, today) ?? 60) : undefined
			});
			await withTransaction(db, async (tx) => {
				await tx.kysely.insertInto('appointment').values(appointment).execute();
				await claimOccupancy(
					tx,
					appointment.id,
					resourcesOf(appointment),
					slot.start,
					Date.parse(appointment.held_until),
					await practitionerPlaces(tx, appointment.practitioner_id)
				);
			});
		}
	}
}

/** The demo patient whose treatment consent is missing on purpose (tests/e2e/consent.test.ts records it). */
const CONSENT_MISSING_FOR = '鈴木';

async function recordDemoTreatmentConsents(db: Db, patients: { id: string }[], now: number): Promise<void> {
	const practitioner = await db.kysely.selectFrom('staff').select('id').where('role', '=', 'practitioner').orderBy('created_at').executeTakeFirstOrThrow();
	await ensureDefaultConsentDocuments(db, new Date(now));
	const takenBy: AuditActor = { type: 'staff', id: practitioner.id, ip: null, requestId: null };
	for (const patient of patients) {
		const consent = await recordVerbalTreatmentConsent(db, patient.id, { confirm: 'on' }, takenBy, new Date(now));
		if (!consent.ok) throw new Error(`demo treatment consent: ${consent.code}`);
	}
}

/** Self-check answers that reach see_doctor: pain for two weeks, 7 out of 10 at worst, no doctor yet. */
function seeDoctorSelfCheck(age: number) {
	const answers: TriageAnswers = {
		...(Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])) as Record<(typeof RED_FLAG_QUESTIONS)[number], boolean>),
		seenDoctor: false,
		age,
		durationDays: 14,
		painNrs: 7
	};
	const triage = triageForBooking(answers);
	if (!triage.ok) throw new Error('the demo self-check must be bookable');
	return { answers, level: triage.level, reasons: triage.reasons };
}
