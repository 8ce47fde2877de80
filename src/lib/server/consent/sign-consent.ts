import { randomUUID } from 'node:crypto';
import { signingProblems, type SigningFields } from '../../domain/consent/signing';
import { normaliseText } from '../../domain/patients/normalise';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { insertConsentSignature, selectCurrentVersion, selectDocument, selectSigner } from './consent-repository';
import { CONSENT_LIMITS } from './schemas';

export interface TSignConsent {
	patientId: string;
	documentId: string;
	/** Agree (true), or decline / withdraw an optional consent (false). */
	agreed: boolean;
	/** The "I have read and agree" box; callers without one (an API) pass true with an agreement. */
	confirmed?: boolean;
	typedName: string;
	/** The device the answer was given on: the patient's phone, or the desk's tablet. */
	ip: string | null;
	userAgent: string | null;
	/** Set when the answer was recorded at the desk. */
	staffId?: string | null;
}

export type SignConsentResult = { ok: true; signatureId: string } | { ok: false; code: 'invalid'; fields: SigningFields } | { ok: false; code: 'not_found' };

const clip = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));

/**
 * Records one answer to the current version of a consent document. Signatures are never changed
 * or deleted (the schema refuses it): a withdrawal is a new row with agreed = 0. The audit row
 * holds ids and the answer, never the typed name.
 */
export async function signConsent(db: Db, input: TSignConsent, actor: AuditActor, now = db.clock.now()): Promise<SignConsentResult> {
	return withTransaction(db, async (tx) => {
		const signer = await selectSigner(tx, input.patientId);
		if (!signer) return { ok: false, code: 'not_found' } as const;
		const document = input.documentId.length <= CONSENT_LIMITS.id ? await selectDocument(tx, input.documentId) : null;
		const isCurrent = document !== null && document.version === (await selectCurrentVersion(tx, document.kind));
		// A name that matches the register is never longer than the limit; a longer one cannot match.
		const typedName = normaliseText(input.typedName.slice(0, CONSENT_LIMITS.typedName * 2)).slice(0, CONSENT_LIMITS.typedName + 1);
		const fields = signingProblems({
			isCurrent,
			required: document?.required ?? true,
			agreed: input.agreed,
			confirmed: input.confirmed ?? input.agreed,
			typedName,
			name: signer
		});
		if (!document || Object.keys(fields).length > 0) return { ok: false, code: 'invalid', fields } as const;
		const id = randomUUID();
		await insertConsentSignature(tx, {
			id,
			patient_id: signer.id,
			document_id: document.id,
			agreed: input.agreed ? 1 : 0,
			signed_name: typedName.slice(0, CONSENT_LIMITS.typedName),
			signed_at: now.toISOString(),
			ip: clip(input.ip, 100),
			user_agent: clip(input.userAgent, 500),
			recorded_by_staff_id: input.staffId ?? null,
			channel: input.staffId ? 'desk' : 'portal'
		});
		await recordAudit(tx, actor, {
			action: 'consent.sign',
			entityType: 'consent_signature',
			entityId: id,
			patientId: signer.id,
			detail: { documentId: document.id, kind: document.kind, version: document.version, agreed: input.agreed, atDesk: Boolean(input.staffId) }
		});
		return { ok: true, signatureId: id } as const;
	});
}
