/*
 * The plan's points held back when the session started because they met the patient's current
 * alerts or their own cautions (start-session.ts, docs/clinical-rules.md §3). The practitioner
 * keeps them, giving a reason for each conflict, or leaves them out; either way they leave the list.
 */
import { randomUUID } from 'node:crypto';
import { allowedTechniques } from '../../domain/clinical/session-rules';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { editSession, type SessionEditResult } from './edit-session';
import { acknowledgementReasons } from './schemas';
import { insertSessionPoints, licencesOf, type SessionRecord, updateSession } from './session-repository';
import { guardSessionChange, sessionTreatment } from './session-safety';

const NOTHING_HELD = { ok: false, code: 'invalid', fields: { _: 'treatmentSession.error.nothingHeld' } } as const;

async function clearHeld(tx: Db, sessionId: string): Promise<void> {
	await updateSession(tx, sessionId, { held_plan_points: '[]' });
}

const heldCodes = (session: SessionRecord) => session.heldPlanPoints.map((p) => p.code);

/** Adds the held plan points to the record once each conflict they bring in has a reason (`ack.<key>`). */
export async function keepHeldPlanPoints(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now?: Date
): Promise<SessionEditResult> {
	const { reasons, fields } = acknowledgementReasons(input);
	if (Object.keys(fields).length > 0) return { ok: false, code: 'invalid', fields };
	return editSession(db, patientId, sessionId, input, actor, { now }, async (tx, session, at) => {
		const held = session.heldPlanPoints;
		if (held.length === 0) return NOTHING_HELD;
		if (!allowedTechniques(await licencesOf(tx, session.practitionerStaffId)).includes('needling')) {
			return { ok: false, code: 'invalid', fields: { _: 'treatmentSession.error.needsHari' } };
		}
		const care = { before: sessionTreatment(session.points, session.techniques), after: sessionTreatment([...session.points, ...held], session.techniques) };
		const guarded = await guardSessionChange(tx, actor, session, care, reasons, at);
		if (!guarded.ok) return guarded;
		await insertSessionPoints(
			tx,
			held.map((p) => ({
				id: randomUUID(),
				session_id: sessionId,
				code: p.code,
				side: p.side,
				gauge: null,
				length_mm: null,
				depth_mm: null,
				technique: null,
				deqi: null,
				deep: p.deep ? 1 : 0,
				created_at: at.toISOString()
			}))
		);
		await clearHeld(tx, sessionId);
		return {
			action: 'treatment_session.plan_points.keep',
			before: { heldPlanPoints: heldCodes(session) },
			after: { heldPlanPoints: [] },
			detail: { points: held.length, acknowledged: guarded.acknowledged }
		};
	});
}

/** Leaves the held plan points out of this session. */
export async function dropHeldPlanPoints(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now?: Date
): Promise<SessionEditResult> {
	return editSession(db, patientId, sessionId, input, actor, { now }, async (tx, session) => {
		if (session.heldPlanPoints.length === 0) return NOTHING_HELD;
		await clearHeld(tx, sessionId);
		return {
			action: 'treatment_session.plan_points.drop',
			before: { heldPlanPoints: heldCodes(session) },
			after: { heldPlanPoints: [] },
			detail: { points: session.heldPlanPoints.length }
		};
	});
}
