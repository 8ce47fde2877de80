import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { selectDocument, selectSignature, selectSigner, type ConsentDocument, type ConsentSignature, type SignerName } from './consent-repository';

export interface SignedConsent {
	patient: SignerName;
	signature: ConsentSignature;
	/** The document exactly as it was answered: versions are never changed once published. */
	document: ConsentDocument;
}

/** One signature of this patient with the text as signed; null when it is not theirs. The read is audited. */
export async function getSignature(db: Db, patientId: string, signatureId: string, actor: AuditActor): Promise<SignedConsent | null> {
	if (signatureId.length > 64) return null;
	const patient = await selectSigner(db, patientId);
	if (!patient) return null;
	const signature = await selectSignature(db, patientId, signatureId);
	if (!signature) return null;
	const document = await selectDocument(db, signature.documentId);
	if (!document) return null;
	await recordAudit(db, actor, { action: 'consent.view', entityType: 'consent_signature', entityId: signature.id, patientId });
	return { patient, signature, document };
}
