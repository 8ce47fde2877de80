import { isRequiredKind } from '../../domain/consent/kinds';
import { consentStatuses, needsAnswer, type KindStatus } from '../../domain/consent/status';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import {
	selectDocuments,
	selectSignatures,
	selectSigner,
	signerOf,
	type ConsentDocument,
	type ConsentSignature,
	type SignerName,
	type SignerSource
} from './consent-repository';

export interface KindOverview extends KindStatus<ConsentDocument, ConsentSignature> {
	required: boolean;
	/** The patient should be asked to read and answer the current version. */
	needsAnswer: boolean;
}

export interface ConsentOverview {
	patient: SignerName;
	kinds: KindOverview[];
	/** Every answer the patient gave, newest first. */
	signatures: ConsentSignature[];
}

/**
 * Where a patient stands on each kind of consent, with every signature; the read is audited. A
 * caller that has read the patient's record already (the chart) passes it, and the signer is not read again.
 */
export async function consentOverview(db: Db, patientId: string, actor: AuditActor, known?: SignerSource): Promise<ConsentOverview | null> {
	const patient = known ? signerOf(known) : await selectSigner(db, patientId);
	if (!patient) return null;
	const [documents, signatures] = await Promise.all([selectDocuments(db), selectSignatures(db, patientId)]);
	const kinds = consentStatuses(documents, signatures).map((status) => {
		const required = status.document?.required ?? isRequiredKind(status.kind);
		return { ...status, required, needsAnswer: status.document !== null && needsAnswer(status.status, required) };
	});
	await recordAudit(db, actor, { action: 'consent.overview', entityType: 'patient', entityId: patientId, patientId });
	return { patient, kinds, signatures };
}
