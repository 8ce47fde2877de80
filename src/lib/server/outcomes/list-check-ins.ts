import type { CheckIn } from '../../domain/outcomes/check-in';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { selectCheckIns } from './outcome-repository';

/** A patient's check-ins, oldest first; the read is audited. */
export async function listCheckIns(db: Db, patientId: string, actor: AuditActor): Promise<CheckIn[]> {
	const checkIns = await selectCheckIns(db, patientId);
	await recordAudit(db, actor, { action: 'outcome.check_ins.read', entityType: 'patient', entityId: patientId, patientId });
	return checkIns;
}
