import { mayClose } from '../../domain/clinical/session-rules';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { closeOpenSession, findSession } from './session-repository';

export type CloseSessionResult =
	| { ok: true; closedAt: string }
	| { ok: false; code: 'counts_differ' | 'count_missing'; needlesIn: number; needlesOut: number }
	| { ok: false; code: 'not_found' | 'already_closed' };

/**
 * Closes the session: refused while needles inserted and removed differ, or while needled points are
 * recorded with no needle counted (docs/clinical-rules.md §3). The
 * refusal carries both numbers so the practitioner sees which needles to look for. The record
 * locks 24 hours after this moment.
 */
export async function closeSession(db: Db, patientId: string, sessionId: string, actor: AuditActor, now = db.clock.now()): Promise<CloseSessionResult> {
	return withTransaction(db, async (tx) => {
		const session = await findSession(tx, patientId, sessionId);
		if (!session) return { ok: false, code: 'not_found' } as const;
		if (session.closedAt !== null) return { ok: false, code: 'already_closed' } as const;
		const check = mayClose({ needlesIn: session.needlesIn, needlesOut: session.needlesOut, needledPoints: session.points.length });
		if (!check.ok) {
			await recordAudit(tx, actor, {
				action: 'treatment_session.close_refused',
				entityType: 'treatment_session',
				entityId: sessionId,
				patientId,
				detail: { reasons: check.reasons }
			});
			const code = check.reasons.includes('count_missing') ? 'count_missing' : 'counts_differ';
			return { ok: false, code, needlesIn: session.needlesIn, needlesOut: session.needlesOut } as const;
		}
		const closedAt = now.toISOString();
		await closeOpenSession(tx, sessionId, closedAt);
		await recordAudit(tx, actor, {
			action: 'treatment_session.close',
			entityType: 'treatment_session',
			entityId: sessionId,
			patientId,
			detail: { needles: session.needlesIn, points: session.points.length }
		});
		return { ok: true, closedAt } as const;
	});
}
