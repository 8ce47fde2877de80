/*
 * Conflicts already in the record that nobody acknowledged in this session: an alert added to the
 * intake after the point was recorded, or a record older than the session's safety check (issue
 * #15). The practitioner gives a reason for each (`ack.<key>`); nothing else in the record changes.
 */
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { editSession, type SessionEditResult } from './edit-session';
import { acknowledgementReasons } from './schemas';
import { guardSessionChange, sessionTreatment } from './session-safety';

export async function acknowledgeOpenConflicts(
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
		// Against an empty record, every conflict of the record as it stands counts, less those acknowledged before.
		const care = { before: { points: [], electroacupuncture: false }, after: sessionTreatment(session.points, session.techniques) };
		const guarded = await guardSessionChange(tx, actor, session, care, reasons, at);
		if (!guarded.ok) return guarded;
		if (guarded.acknowledged === 0) return { ok: false, code: 'invalid', fields: { _: 'treatmentSession.error.nothingToAcknowledge' } };
		return {
			action: 'treatment_session.conflicts_acknowledged',
			before: { acknowledged: 0 },
			after: { acknowledged: guarded.acknowledged },
			detail: { acknowledged: guarded.acknowledged }
		};
	});
}
