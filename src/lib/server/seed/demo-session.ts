/*
 * The demo patient's last visit as a session record (issue #15): points with their needles
 * counted in and out, and one conflict with his antiplatelet acknowledged at the bed, so a
 * newcomer sees what an acknowledged conflict looks like (docs/clinical-rules.md §3). Written
 * through the session use cases, so it is checked and audited like any other record.
 */
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { closeSession } from '../treatment-session/close-session';
import { setNeedleCounts } from '../treatment-session/needle-counts';
import { addSessionPoint } from '../treatment-session/session-points';
import { startSession } from '../treatment-session/start-session';

/** Deep needling at GB30 for a patient on an antiplatelet: the anticoagulant alert asks for a reason. */
export const DEMO_ACKNOWLEDGED_REASON =
	'坐骨神経痛の主訴部位のため環跳は深刺が必要。服薬内容（バイアスピリン）を本人に確認し、細めの鍼を使い、抜鍼後は1分以上圧迫する。';

export async function seedDemoSession(db: Db, visit: { id: string; patientId: string; startsAt: number }, staffId: string, timeZone: string): Promise<void> {
	const actor: AuditActor = { type: 'staff', id: staffId, ip: null, requestId: null };
	const at = (minutes: number) => new Date(visit.startsAt + minutes * 60_000);
	const started = await startSession(db, visit.patientId, { appointmentId: visit.id }, actor, { now: at(5), timeZone });
	if (!started.ok) throw new Error(`demo session: ${started.code}`);
	const points = [
		{ code: 'BL25', side: 'both', gauge: '3', lengthMm: '40', depthMm: '20', technique: 'retention' },
		{
			code: 'GB30',
			side: 'right',
			gauge: '3',
			lengthMm: '60',
			depthMm: '45',
			technique: 'retention',
			deep: 'on',
			'ack.anticoagulants.deepNeedling.GB30': DEMO_ACKNOWLEDGED_REASON
		},
		{ code: 'BL40', side: 'right', gauge: '1', lengthMm: '40', depthMm: '10', technique: 'single' }
	];
	for (const [i, point] of points.entries()) {
		const added = await addSessionPoint(db, visit.patientId, started.id, point, actor, at(6 + i));
		if (!added.ok) throw new Error(`demo session point ${point.code}: ${added.code}`);
	}
	const counted = await setNeedleCounts(db, visit.patientId, started.id, { needlesIn: '4', needlesOut: '4' }, actor, at(35));
	if (!counted.ok) throw new Error(`demo needle counts: ${counted.code}`);
	const closed = await closeSession(db, visit.patientId, started.id, actor, at(36));
	if (!closed.ok) throw new Error(`demo close: ${closed.code}`);
}
