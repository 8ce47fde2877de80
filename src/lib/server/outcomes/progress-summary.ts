import type { CheckIn } from '../../domain/outcomes/check-in';
import { summarizeProgress, type ProgressSummary, type Session } from '../../domain/outcomes/progress';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { selectCheckIns, selectSessions } from './outcome-repository';

export interface PatientProgress extends ProgressSummary {
	/** Every check-in, oldest first (for the chart and its table). */
	checkIns: CheckIn[];
	/** Attended sessions up to now (chart markers, the "not improving" count). */
	sessions: Session[];
}

/**
 * Baseline, latest, change and responder status per measure, the "not improving" prompt
 * (docs/clinical-rules.md §4) and the PSFS activities named at baseline. One audited read.
 */
export async function progressSummary(db: Db, patientId: string, actor: AuditActor, now = db.clock.now()): Promise<PatientProgress> {
	// Both reads go out together: one wait for the database instead of two (issue #21, chart open).
	const [checkIns, sessions] = await Promise.all([selectCheckIns(db, patientId), selectSessions(db, patientId, now)]);
	await recordAudit(db, actor, { action: 'outcome.progress.read', entityType: 'patient', entityId: patientId, patientId });
	return { ...summarizeProgress(checkIns, sessions, now), checkIns, sessions };
}
