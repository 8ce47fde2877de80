import { randomUUID } from 'node:crypto';
import type { StepAnswers } from '../../domain/intake/answers';
import { RED_FLAG_QUESTIONS, type RedFlagQuestion } from '../../domain/triage/assess';
import { addDays, localDate, localInstant, weekdayOf } from '../../domain/time';
import type { AuditActor } from '../audit/audit-log';
import { createChargeForAppointment } from '../billing/create-charge';
import { issueReceipt } from '../billing/issue-receipt';
import { recordPayment } from '../billing/record-payment';
import type { Db } from '../db/database';
import { registerFields } from '../patients/register-fields';
import { demoVisitContext } from './demo-visit-context';
import { seedDemoSession } from './demo-session';
import { seedDemoEarlierSessions, seedDemoExamAndPlan } from './demo-record';

/*
 * One demo patient with a history, so a newcomer sees a living chart: four past visits, a
 * submitted intake with a safety alert, signed consents, check-ins that improve, an aftercare
 * note shared with the patient, and the last visit's session record with a conflict acknowledged. The other demo patients stay new (tests rely on it).
 */

const WEDNESDAY = 3;

function answers(): StepAnswers {
	const flags = Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])) as Record<RedFlagQuestion, boolean>;
	return {
		history: { conditions: '高血圧（治療中）', operations: '', diabetes: false, bleedingDisorder: false, pregnant: 'no' },
		safety: {
			medicines: '降圧薬、バイアスピリン',
			bloodThinner: 'yes',
			bloodThinnerKinds: ['antiplatelet'],
			implantedDevice: false,
			allergies: [],
			otherAllergies: '',
			fainting: false,
			needleFear: false,
			skinProblemSites: [],
			skinProblemNote: '',
			lymphoedemaSites: []
		},
		complaint: {
			description: '右のお尻から太ももの裏、ふくらはぎにかけて痛みとしびれがある',
			onset: 'gradual',
			durationValue: 6,
			durationUnit: 'weeks',
			side: 'right',
			painFront: [],
			painBack: ['buttock-right', 'thigh-right', 'lowerLeg-right'],
			worseWith: ['sitting', 'bending'],
			betterWith: ['walking'],
			work: 'タクシー運転手（長時間の運転）',
			activities: '休日の散歩'
		},
		'red-flags': { ...flags, seenDoctor: true, painNrs: 5 },
		measures: {
			legPain: 7,
			backPain: 4,
			psfs: [
				{ activity: '車の運転を1時間続ける', score: 3 },
				{ activity: '30分歩く', score: 5 },
				{ activity: '靴下をはく', score: 4 }
			],
			sbi: [5, 4, 1, 6]
		}
	};
}

/** Check-ins after each visit: leg pain falls from 7 to 3, the activities come back. */
const FOLLOW_UPS = [
	{ legPain: 6, backPain: 4, psfs: [4, 5, 5], sbi: [4, 4, 1, 5], pgic: 3 },
	{ legPain: 5, backPain: 3, psfs: [5, 6, 6], sbi: [4, 3, 1, 4], pgic: 3 },
	{ legPain: 3, backPain: 2, psfs: [7, 7, 8], sbi: [2, 2, 0, 3], pgic: 2 }
] as const;

export async function seedDemoHistory(db: Db, now = db.clock.now().getTime()): Promise<void> {
	const { clinic, service, practitioner } = await demoVisitContext(db);
	const bed = await db.kysely.selectFrom('bed').select('id').orderBy('sort_order').executeTakeFirstOrThrow();
	const documents = await db.kysely
		.selectFrom('consent_document')
		.select(['id', 'kind', 'version'])
		.where('kind', 'in', ['treatment', 'privacy', 'reminders'])
		.execute();

	const patientId = randomUUID();
	const today = localDate(now, clinic.time_zone);
	const lastWednesday = addDays(today, -((weekdayOf(today) - WEDNESDAY + 7) % 7 || 7));
	const visitDays = [21, 14, 7, 0].map((back) => addDays(lastWednesday, -back));
	const visitStart = (day: string) => localInstant(day, '10:00', clinic.time_zone);
	const iso = (ms: number) => new Date(ms).toISOString();
	const firstVisit = visitStart(visitDays[0]!);

	await db.kysely
		.insertInto('patient')
		.values({
			id: patientId,
			family_name: '佐藤',
			given_name: '健',
			family_name_kana: 'サトウ',
			given_name_kana: 'ケン',
			email: 'patient5@example.jp',
			phone: '090-0000-0005',
			date_of_birth: '1971-09-05',
			preferred_locale: 'ja',
			created_at: iso(firstVisit - 3 * 86_400_000),
			...(await registerFields(db, { familyName: '佐藤', givenName: '健', familyNameKana: 'サトウ', givenNameKana: 'ケン' }))
		})
		.execute();

	const visits = visitDays.map((day, i) => {
		const start = visitStart(day);
		const end = start + service.duration_minutes * 60_000;
		return {
			id: randomUUID(),
			patient_id: patientId,
			practitioner_id: practitioner.id,
			bed_id: bed.id,
			service_id: service.id,
			starts_at: iso(start),
			ends_at: iso(end),
			held_until: iso(end + service.buffer_minutes * 60_000),
			status: 'completed' as const,
			source: i === 0 ? ('online' as const) : ('staff' as const),
			first_visit: i === 0 ? 1 : 0,
			triage: null,
			manage_token_hash: null,
			locale: 'ja' as const,
			created_at: iso(firstVisit - 3 * 86_400_000),
			cancelled_at: null
		};
	});
	// Past visits hold no occupancy: nothing can be booked into the past.
	await db.kysely.insertInto('appointment').values(visits).execute();

	const intakeAnswers = answers();
	const submittedAt = iso(firstVisit - 2 * 86_400_000);
	await db.kysely
		.insertInto('intake')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: visits[0]!.id,
			status: 'submitted',
			current_step: 'review',
			answers: JSON.stringify(intakeAnswers),
			red_flag_level: null,
			red_flag_acknowledged_at: null,
			red_flag_acknowledged_by: null,
			entered_by_staff_id: null,
			created_at: submittedAt,
			updated_at: submittedAt,
			submitted_at: submittedAt
		})
		.execute();

	await db.kysely
		.insertInto('consent_signature')
		.values(
			documents.map((d) => ({
				id: randomUUID(),
				patient_id: patientId,
				document_id: d.id,
				agreed: 1,
				signed_name: '佐藤 健',
				signed_at: submittedAt,
				ip: null,
				user_agent: null,
				recorded_by_staff_id: null
			}))
		)
		.execute();

	const measures = intakeAnswers.measures!;
	await db.kysely
		.insertInto('outcome_check_in')
		.values([
			{
				id: randomUUID(),
				patient_id: patientId,
				appointment_id: visits[0]!.id,
				recorded_at: submittedAt,
				source: 'intake',
				leg_pain: measures.legPain,
				back_pain: measures.backPain,
				psfs: JSON.stringify(measures.psfs),
				sbi: JSON.stringify(measures.sbi),
				pgic: null
			},
			...FOLLOW_UPS.map((f, i) => ({
				id: randomUUID(),
				patient_id: patientId,
				appointment_id: visits[i + 1]!.id,
				recorded_at: iso(visitStart(visitDays[i + 1]!) - 30 * 60_000),
				source: 'portal' as const,
				leg_pain: f.legPain,
				back_pain: f.backPain,
				psfs: JSON.stringify(measures.psfs.map((p, j) => ({ activity: p.activity, score: f.psfs[j] }))),
				sbi: JSON.stringify(f.sbi),
				pgic: f.pgic
			}))
		])
		.execute();

	await db.kysely
		.insertInto('aftercare_note')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			staff_id: practitioner.staff_id!,
			created_at: iso(visitStart(visitDays[3]!) + 60 * 60_000),
			body: '運転の合間に1時間ごとに車を降りて、太ももの裏を伸ばしましょう。座るときは腰の後ろに丸めたタオルを当ててください。',
			shared_with_patient: 1
		})
		.execute();

	// The earlier visits' session records (issue #22), then the last one's with a conflict acknowledged at the bed (issue #15).
	const byStart = visits.map((v) => ({ id: v.id, startsAt: Date.parse(v.starts_at) }));
	await seedDemoEarlierSessions(db, patientId, byStart.slice(0, -1), practitioner.staff_id!, clinic.time_zone);
	const last = visits[visits.length - 1]!;
	await seedDemoSession(db, { id: last.id, patientId, startsAt: Date.parse(last.starts_at) }, practitioner.staff_id!, clinic.time_zone);
	await seedDemoExamAndPlan(db, patientId, byStart[0]!, practitioner.staff_id!, clinic.time_zone);

	await seedDemoMoney(
		db,
		visits.map((v) => ({ id: v.id, endsAt: Date.parse(v.ends_at) }))
	);
}

/**
 * The four visits charged self-pay at the desk: three paid (cash, card, cash) with a receipt for
 * the third, the last one paid in part, so the billing pages show every state (issue #8).
 */
async function seedDemoMoney(db: Db, visits: Array<{ id: string; endsAt: number }>): Promise<void> {
	const desk = await db.kysely.selectFrom('staff').select('id').where('role', '=', 'reception').orderBy('created_at').executeTakeFirst();
	if (!desk) return;
	// The billing use cases accept only a staff actor: the demo reception took the money.
	const actor: AuditActor = { type: 'staff', id: desk.id, ip: null, requestId: null };
	const payments = [[['cash', null]], [['card', null]], [['cash', null]], [['cash', 3000]]] as const;
	for (const [i, visit] of visits.entries()) {
		const at = (minutes: number) => ({ now: new Date(visit.endsAt + minutes * 60_000) });
		const charged = await createChargeForAppointment(db, visit.id, { payer: 'self_pay' }, actor, at(5));
		if (!charged.ok) throw new Error(`demo charge: ${charged.code}`);
		for (const [method, amount] of payments[i] ?? []) {
			await recordPayment(db, charged.chargeId, { method, amountJpy: amount ?? charged.charge.patientDueJpy }, actor, at(6));
		}
		if (i === 2) await issueReceipt(db, charged.chargeId, actor, at(7));
	}
}
