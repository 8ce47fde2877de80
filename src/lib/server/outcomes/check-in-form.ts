import { summarizeProgress } from '../../domain/outcomes/progress';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { selectCheckIns, selectSessions } from './outcome-repository';
import type { CheckInFormShape } from './schemas';

/**
 * What the portal check-in asks this patient: the PSFS activities named at baseline (null when
 * there are none yet, so the patient names them), and PGIC once they have had a first visit
 * (a change since treatment began needs a treatment). Reading the activities is audited.
 */
export async function checkInFormShape(db: Db, patientId: string, actor: AuditActor, now = db.clock.now()): Promise<CheckInFormShape> {
	const checkIns = await selectCheckIns(db, patientId);
	const sessions = await selectSessions(db, patientId, now);
	await recordAudit(db, actor, { action: 'outcome.check_in.form', entityType: 'patient', entityId: patientId, patientId });
	const { activities } = summarizeProgress(checkIns, [], now);
	return { activities: activities.length > 0 ? activities : null, askPgic: sessions.length > 0 };
}
