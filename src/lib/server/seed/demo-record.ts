/*
 * The rest of the demo patient's record (issue #22), so a newcomer sees the whole chart: the first
 * visit's examination, the treatment plan made from it, and a closed session record for each of
 * the earlier visits with the needles counted in and out alike (docs/clinical-rules.md §3–§4).
 * Written through the clinical use cases, so each part is checked and audited like any other.
 *
 * The plan is written after the sessions: a session started while a plan is active begins with its
 * points, and the sessions here (and the last visit's, demo-session.ts) list their own.
 */
import { addDays, localDate } from '../../domain/time';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { recordExamination, updateExamination } from '../examination/examination-service';
import { ZExamFormSchema } from '../examination/schemas';
import { savePlan } from '../treatment-plan/save-plan';
import { closeSession } from '../treatment-session/close-session';
import { setNeedleCounts } from '../treatment-session/needle-counts';
import { addSessionPoint } from '../treatment-session/session-points';
import { startSession } from '../treatment-session/start-session';
import { DEMO_ACKNOWLEDGED_REASON } from './demo-session';

interface Visit {
	id: string;
	startsAt: number;
}

/** Shallow points only: the deep GB30 waits for the last visit, where its conflict is acknowledged at the bed. */
const EARLY_POINTS = [
	{ code: 'BL25', side: 'both', gauge: '3', lengthMm: '40', depthMm: '20', technique: 'retention' },
	{ code: 'BL40', side: 'right', gauge: '1', lengthMm: '40', depthMm: '10', technique: 'single' }
];

export async function seedDemoEarlierSessions(db: Db, patientId: string, visits: Visit[], staffId: string, timeZone: string): Promise<void> {
	const actor: AuditActor = { type: 'staff', id: staffId, ip: null, requestId: null };
	for (const visit of visits) {
		const at = (minutes: number) => new Date(visit.startsAt + minutes * 60_000);
		const started = await startSession(db, patientId, { appointmentId: visit.id }, actor, { now: at(5), timeZone });
		if (!started.ok) throw new Error(`demo session: ${started.code}`);
		for (const [i, point] of EARLY_POINTS.entries()) {
			const added = await addSessionPoint(db, patientId, started.id, point, actor, at(6 + i));
			if (!added.ok) throw new Error(`demo session point ${point.code}: ${added.code}`);
		}
		// BL25 on both sides and BL40: three needles in, three out.
		const counted = await setNeedleCounts(db, patientId, started.id, { needlesIn: '3', needlesOut: '3' }, actor, at(35));
		if (!counted.ok) throw new Error(`demo needle counts: ${counted.code}`);
		const closed = await closeSession(db, patientId, started.id, actor, at(36));
		if (!closed.ok) throw new Error(`demo close: ${closed.code}`);
	}
}

/** The first visit's examination (S1 on the right, confirmed) and the plan made at it. */
export async function seedDemoExamAndPlan(db: Db, patientId: string, firstVisit: Visit, staffId: string, timeZone: string): Promise<void> {
	const actor: AuditActor = { type: 'staff', id: staffId, ip: null, requestId: null };
	const examinedAt = new Date(firstVisit.startsAt + 10 * 60_000);
	const form = ZExamFormSchema.parse({
		kind: 'initial',
		side: 'right',
		'pain.back.thigh-right': 'on',
		'pain.back.lowerLeg-right': 'on',
		'numb.back.ankleFoot-right': 'on',
		'right.numb.littleToe': 'on',
		'right.slrAngle': '50',
		'right.slrPain': 'on',
		'right.reflex.ankle': 'reduced',
		'right.strength.plantarFlexion': '4',
		notes: '右SLR 50°で殿部から下腿後面に放散痛。アキレス腱反射やや低下。膀胱直腸障害なし。'
	});
	const exam = await recordExamination(db, patientId, { ...form, appointmentId: firstVisit.id }, staffId, actor, examinedAt);
	if (!exam.ok) throw new Error(`demo examination: ${exam.code}`);
	const confirmed = await updateExamination(db, patientId, exam.id, { root: 'S1', pattern: 'taiyang' }, actor);
	if (!confirmed.ok) throw new Error(`demo examination confirm: ${confirmed.code}`);

	const today = localDate(firstVisit.startsAt, timeZone);
	const plan = await savePlan(
		db,
		patientId,
		{
			goals: ['車の運転を1時間続ける', '30分歩く', '靴下をはく'],
			frequencyPerWeek: 1,
			plannedSessions: 6,
			reviewDate: addDays(today, 42),
			points: [
				{ code: 'BL25', side: 'both', deep: false },
				{ code: 'GB30', side: 'right', deep: true },
				{ code: 'BL40', side: 'right', deep: false }
			],
			electroacupuncture: false,
			moxibustion: false,
			bloodletting: false,
			notes: '抗血小板薬服用中: 細めの鍼、抜鍼後は十分に圧迫。深刺は環跳のみ。',
			acknowledgements: { 'anticoagulants.deepNeedling.GB30': DEMO_ACKNOWLEDGED_REASON }
		},
		staffId,
		actor,
		{ now: new Date(firstVisit.startsAt + 15 * 60_000), today }
	);
	if (!plan.ok) throw new Error(`demo plan: ${plan.code}`);
}
