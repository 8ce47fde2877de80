import { randomUUID } from 'node:crypto';
import { mayInvite } from '../../domain/patients/recall';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { enqueueJob } from '../jobs/queue';
import { patientRemindersWithdrawn } from './recall-list';
import { RECALL_INVITATION_JOB } from './recall-mail';
import { insertRecallInvitation } from './recall-repository';
import { updateClinic } from '../clinic/clinic-repository';
import { findPatient } from '../patients/patient-repository';

export type InviteResult = { ok: true; invitationId: string } | { ok: false; code: 'reminders_withdrawn' | 'no_email' | 'not_found' | 'forbidden' };

/**
 * One click on the recall list: an invitation to book, sent by mail through the job queue (the
 * usual patient mail path, so another channel can be added as another job). A patient who
 * withdrew consent to reminders is never invited. Each invitation is kept and audited.
 */
export async function inviteToRecall(db: Db, patientId: string, actor: AuditActor, now = db.clock.now()): Promise<InviteResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	if (!patientId || patientId.length > 64) return { ok: false, code: 'not_found' };
	return withTransaction(db, async (tx): Promise<InviteResult> => {
		const patient = await findPatient(tx, patientId, ['id', 'email'], { live: true, notErased: true });
		if (!patient) return { ok: false, code: 'not_found' };
		const withdrawn = await patientRemindersWithdrawn(tx, patientId);
		const hasEmail = patient.email.trim() !== '';
		if (!mayInvite({ remindersWithdrawn: withdrawn, hasEmail })) {
			await recordAudit(tx, actor, {
				action: 'recall.invite_refused',
				entityType: 'patient',
				entityId: patientId,
				patientId,
				detail: { reason: withdrawn ? 'reminders_withdrawn' : 'no_email' }
			});
			return { ok: false, code: withdrawn ? 'reminders_withdrawn' : 'no_email' };
		}
		const invitationId = randomUUID();
		await insertRecallInvitation(tx, { id: invitationId, patient_id: patientId, channel: 'mail', sent_at: now.toISOString(), sent_by: staffId });
		await recordAudit(tx, actor, { action: 'recall.invite', entityType: 'recall_invitation', entityId: invitationId, patientId, detail: { channel: 'mail' } });
		await enqueueJob(tx, RECALL_INVITATION_JOB, { invitationId }, undefined, now);
		return { ok: true, invitationId };
	});
}

/** The clinic's weeks for patients without a plan; the owner sets it on the recall page. */
export async function setRecallWeeks(db: Db, weeks: number, actor: AuditActor): Promise<{ ok: true } | { ok: false; code: 'invalid' | 'forbidden' }> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	if (!Number.isSafeInteger(weeks) || weeks < 1 || weeks > 104) return { ok: false, code: 'invalid' };
	return withTransaction(db, async (tx) => {
		await updateClinic(tx, { recall_weeks: weeks });
		await recordAudit(tx, actor, { action: 'recall.settings', entityType: 'clinic', entityId: 'recall_weeks', detail: { weeks } });
		return { ok: true } as const;
	});
}
