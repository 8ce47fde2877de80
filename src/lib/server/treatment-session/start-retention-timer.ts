import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { editSession, type SessionEditResult } from './edit-session';
import { fieldCodesFrom } from './field-codes';
import { ZTimerSchema } from './schemas';
import { updateSession } from './session-repository';

/**
 * Starts (or restarts) the retention timer (docs/clinical-rules.md §3: usually 20–30 minutes). The start is
 * stored on the server, so the end time survives a reload and shows on every device.
 */
export async function startRetentionTimer(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now?: Date
): Promise<SessionEditResult> {
	const parsed = ZTimerSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const { retentionMinutes } = parsed.data;
	return editSession(db, patientId, sessionId, input, actor, { now, openOnly: true }, async (tx, session, at) => {
		const startedAt = at.toISOString();
		await updateSession(tx, sessionId, { retention_minutes: retentionMinutes, timer_started_at: startedAt });
		return {
			action: 'treatment_session.timer.start',
			before: { retentionMinutes: session.retentionMinutes, timerStartedAt: session.timerStartedAt },
			after: { retentionMinutes, timerStartedAt: startedAt },
			detail: { retentionMinutes }
		};
	});
}
