import { randomUUID } from 'node:crypto';
import { mayNeedle } from '../../domain/clinical/session-rules';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { editSession, type SessionEditResult } from './edit-session';
import { fieldCodesFrom } from './field-codes';
import { acknowledgementReasons, ZAddPointSchema, ZEditPointSchema, ZRemovePointSchema } from './schemas';
import { deleteSessionPoint, insertSessionPoints, licencesOf, type SessionPoint, updateSessionPoint } from './session-repository';
import { guardSessionChange, sessionTreatment } from './session-safety';

/** The points as the amendment keeps them: without ids, in the order they were added. */
const snapshot = (points: readonly SessionPoint[]) => points.map(({ id: _id, ...rest }) => rest);

/**
 * Adds one needled point, from the list or a tap on the body chart. Needling needs the session
 * practitioner's はり師 licence (docs/clinical-rules.md §6). The point is checked against the
 * patient's current alerts and its own cautions (docs/clinical-rules.md §2, §3): a conflict new to
 * this session needs a reason (`ack.<key>`), or nothing is saved.
 */
export async function addSessionPoint(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now?: Date
): Promise<SessionEditResult> {
	const parsed = ZAddPointSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const { reasons, fields } = acknowledgementReasons(input);
	if (Object.keys(fields).length > 0) return { ok: false, code: 'invalid', fields };
	const point = parsed.data;
	return editSession(db, patientId, sessionId, input, actor, { now }, async (tx, session, at) => {
		if (!mayNeedle(await licencesOf(tx, session.practitionerStaffId))) {
			return { ok: false, code: 'invalid', fields: { code: 'treatmentSession.error.needsHari' } };
		}
		const row = {
			code: point.code,
			side: point.side,
			gauge: point.gauge,
			lengthMm: point.lengthMm,
			depthMm: point.depthMm,
			technique: point.technique,
			deqi: point.deqi,
			deep: point.deep
		};
		const care = { before: sessionTreatment(session.points, session.techniques), after: sessionTreatment([...session.points, row], session.techniques) };
		const guarded = await guardSessionChange(tx, actor, session, care, reasons, at);
		if (!guarded.ok) return guarded;
		const id = randomUUID();
		await insertSessionPoints(tx, {
			id,
			session_id: sessionId,
			code: row.code,
			side: row.side,
			gauge: row.gauge,
			length_mm: row.lengthMm,
			depth_mm: row.depthMm,
			technique: row.technique,
			deqi: row.deqi,
			deep: row.deep ? 1 : 0,
			created_at: at.toISOString()
		});
		return {
			action: 'treatment_session.point.add',
			before: { points: snapshot(session.points) },
			after: { points: [...snapshot(session.points), row] },
			detail: { pointId: id, acknowledged: guarded.acknowledged }
		};
	});
}

export async function removeSessionPoint(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now?: Date
): Promise<SessionEditResult> {
	const parsed = ZRemovePointSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const { pointId } = parsed.data;
	return editSession(db, patientId, sessionId, input, actor, { now }, async (tx, session) => {
		if (!session.points.some((p) => p.id === pointId)) return { ok: false, code: 'invalid', fields: { pointId: 'treatmentSession.error.point' } };
		await deleteSessionPoint(tx, sessionId, pointId);
		return {
			action: 'treatment_session.point.remove',
			before: { points: snapshot(session.points) },
			after: { points: snapshot(session.points.filter((p) => p.id !== pointId)) },
			detail: { pointId }
		};
	});
}

/**
 * Completes or corrects one point in place (issue #22): a plan point copied into the session gets
 * its gauge, length, depth, technique and de qi at the bed instead of being removed and added
 * again. The point itself stays; the record-ownership rule and the amendment rule apply as to every
 * change (edit-session.ts), and the changed point is checked against the patient's alerts with the
 * one safety rule (docs/clinical-rules.md §3): marking it deep can bring in a conflict that needs a
 * reason.
 */
export async function editSessionPoint(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now?: Date
): Promise<SessionEditResult> {
	const parsed = ZEditPointSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const { reasons, fields } = acknowledgementReasons(input);
	if (Object.keys(fields).length > 0) return { ok: false, code: 'invalid', fields };
	const { pointId, ...detail } = parsed.data;
	return editSession(db, patientId, sessionId, input, actor, { now }, async (tx, session, at) => {
		const current = session.points.find((p) => p.id === pointId);
		if (!current) return { ok: false, code: 'invalid', fields: { pointId: 'treatmentSession.error.point' } };
		if (!mayNeedle(await licencesOf(tx, session.practitionerStaffId))) {
			return { ok: false, code: 'invalid', fields: { pointId: 'treatmentSession.error.needsHari' } };
		}
		const updated = { ...current, ...detail };
		const after = session.points.map((p) => (p.id === pointId ? updated : p));
		const care = { before: sessionTreatment(session.points, session.techniques), after: sessionTreatment(after, session.techniques) };
		const guarded = await guardSessionChange(tx, actor, session, care, reasons, at);
		if (!guarded.ok) return guarded;
		await updateSessionPoint(tx, sessionId, pointId, {
			side: detail.side,
			gauge: detail.gauge,
			length_mm: detail.lengthMm,
			depth_mm: detail.depthMm,
			technique: detail.technique,
			deqi: detail.deqi,
			deep: detail.deep ? 1 : 0
		});
		return {
			action: 'treatment_session.point.edit',
			before: { points: snapshot(session.points) },
			after: { points: snapshot(after) },
			detail: { pointId, acknowledged: guarded.acknowledged }
		};
	});
}
