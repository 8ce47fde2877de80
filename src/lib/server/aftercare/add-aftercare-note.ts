import { randomUUID } from 'node:crypto';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { ZAftercareNoteSchema } from './schemas';
import { insertAftercareNote } from './aftercare-repository';
import { findPatient } from '../patients/patient-repository';

export type AddAftercareNoteResult =
	{ ok: true; id: string } | { ok: false; code: 'invalid'; fields: Record<string, string> } | { ok: false; code: 'not_found' };

/**
 * A practitioner's aftercare note (home exercise, what to watch for). `shared`: the patient sees
 * it in the portal. The audit row records whether it was shared, never the text.
 */
export async function addAftercareNote(
	db: Db,
	patientId: string,
	staffId: string,
	body: string,
	shared: boolean,
	actor: AuditActor,
	now = db.clock.now()
): Promise<AddAftercareNoteResult> {
	const parsed = ZAftercareNoteSchema.safeParse({ body, shared: shared ? 'yes' : undefined });
	if (!parsed.success) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
		return { ok: false, code: 'invalid', fields };
	}
	return withTransaction(db, async (tx) => {
		const patient = await findPatient(tx, patientId, ['id'], { live: true });
		if (!patient) return { ok: false, code: 'not_found' } as const;
		const id = randomUUID();
		await insertAftercareNote(tx, {
			id,
			patient_id: patientId,
			staff_id: staffId,
			created_at: now.toISOString(),
			body: parsed.data.body,
			shared_with_patient: parsed.data.shared ? 1 : 0
		});
		await recordAudit(tx, actor, { action: 'aftercare.create', entityType: 'aftercare_note', entityId: id, patientId, detail: { shared: parsed.data.shared } });
		return { ok: true, id } as const;
	});
}
