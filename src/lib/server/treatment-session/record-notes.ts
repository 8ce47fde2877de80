import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { editSession, type SessionEditResult } from './edit-session';
import { fieldCodesFrom } from './field-codes';
import { ZNotesSchema } from './schemas';
import { updateSession } from './session-repository';

/** The practitioner's free-text notes. The audit row says that they changed, never what they say. */
export async function recordNotes(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now?: Date
): Promise<SessionEditResult> {
	const parsed = ZNotesSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const { notes } = parsed.data;
	return editSession(db, patientId, sessionId, input, actor, { now }, async (tx, session) => {
		await updateSession(tx, sessionId, { notes });
		return { action: 'treatment_session.notes', before: { notes: session.notes }, after: { notes }, detail: { length: notes.length } };
	});
}
