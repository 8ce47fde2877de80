import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';

export interface AftercareNote {
	id: string;
	createdAt: string;
	body: string;
	shared: boolean;
	authorName: string;
}

/** A patient's aftercare notes, newest first; `sharedOnly` for the portal. The read is audited. */
export async function listAftercareNotes(db: Db, patientId: string, options: { sharedOnly: boolean }, actor: AuditActor): Promise<AftercareNote[]> {
	let query = db.kysely
		.selectFrom('aftercare_note as n')
		.innerJoin('staff as s', 's.id', 'n.staff_id')
		.select(['n.id', 'n.created_at', 'n.body', 'n.shared_with_patient', 's.display_name'])
		.where('n.patient_id', '=', patientId);
	if (options.sharedOnly) query = query.where('n.shared_with_patient', '=', 1);
	const rows = await query.orderBy('n.created_at', 'desc').orderBy('n.id').execute();
	await recordAudit(db, actor, { action: 'aftercare.read', entityType: 'patient', entityId: patientId, patientId, detail: { sharedOnly: options.sharedOnly } });
	return rows.map((r) => ({ id: r.id, createdAt: r.created_at, body: r.body, shared: r.shared_with_patient === 1, authorName: r.display_name }));
}
