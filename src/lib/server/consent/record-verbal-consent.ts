import { randomUUID } from 'node:crypto';
import { mayTakeVerbally } from '../../domain/consent/required-consent';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { insertConsentSignature, selectCurrentVersion, selectSigner } from './consent-repository';
import { ZVerbalConsentSchema } from './schemas';

export type VerbalConsentResult =
	| { ok: true; signatureId: string; version: number }
	| { ok: false; code: 'invalid'; fields: Record<string, string> }
	| { ok: false; code: 'not_found' | 'forbidden' | 'no_document' };

/**
 * A treatment consent the patient gave aloud at the desk, after the treatment text was explained:
 * recorded against the current treatment document with channel `verbal` and the staff member who
 * took it (docs/clinical-rules.md §6). It counts as a current treatment consent until the text
 * changes, like a signed one. Only staff take it, and they confirm the explanation was given.
 */
export async function recordVerbalTreatmentConsent(
	db: Db,
	patientId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now = db.clock.now()
): Promise<VerbalConsentResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZVerbalConsentSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: { confirm: 'consent.error.confirmVerbal' } };
	if (!mayTakeVerbally(parsed.data.kind)) return { ok: false, code: 'invalid', fields: { kind: 'consent.error.kind' } };
	return withTransaction(db, async (tx): Promise<VerbalConsentResult> => {
		const patient = await selectSigner(tx, patientId);
		if (!patient) return { ok: false, code: 'not_found' };
		const version = await selectCurrentVersion(tx, 'treatment');
		const document = await tx.kysely
			.selectFrom('consent_document')
			.select('id')
			.where('kind', '=', 'treatment')
			.where('version', '=', version)
			.executeTakeFirst();
		if (!document) return { ok: false, code: 'no_document' };
		const id = randomUUID();
		await insertConsentSignature(tx, {
			id,
			patient_id: patient.id,
			document_id: document.id,
			agreed: 1,
			// Nothing was typed: the name on record is whose consent was taken.
			signed_name: '',
			signed_at: now.toISOString(),
			ip: null,
			user_agent: null,
			recorded_by_staff_id: staffId,
			channel: 'verbal'
		});
		await recordAudit(tx, actor, {
			action: 'consent.verbal',
			entityType: 'consent_signature',
			entityId: id,
			patientId: patient.id,
			detail: { documentId: document.id, kind: 'treatment', version, agreed: true, channel: 'verbal', takenBy: staffId }
		});
		return { ok: true, signatureId: id, version };
	});
}
