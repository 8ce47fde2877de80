import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { markSideEffectReportHandled } from './side-effect-repository';

export type MarkHandledResult = { ok: true } | { ok: false; code: 'not_found' | 'already_handled' };

/** A staff member has dealt with a report (called the patient, recorded the outcome); audited. */
export async function markSideEffectHandled(db: Db, id: string, staffId: string, actor: AuditActor, now = db.clock.now()): Promise<MarkHandledResult> {
	return withTransaction(db, async (tx) => {
		const report = await tx.kysely.selectFrom('side_effect_report').select(['patient_id', 'handled_at']).where('id', '=', id).executeTakeFirst();
		if (!report) return { ok: false, code: 'not_found' } as const;
		if (report.handled_at !== null) return { ok: false, code: 'already_handled' } as const;
		await markSideEffectReportHandled(tx, id, staffId, now.toISOString());
		await recordAudit(tx, actor, { action: 'side_effect.handled', entityType: 'side_effect_report', entityId: id, patientId: report.patient_id });
		return { ok: true } as const;
	});
}
