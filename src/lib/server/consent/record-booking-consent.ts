import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../audit/audit-log';
import { recordAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import { insertConsentSignature } from './consent-repository';
import { ensureDefaultConsentDocuments } from './default-documents';
import { CONSENT_LIMITS } from './schemas';

export interface BookingConsent {
	patientId: string;
	/** The name as typed on the booking form. */
	signedName: string;
	ip: string | null;
	userAgent: string | null;
}

/**
 * The privacy consent ticked on the booking form (online `/book` or `POST /api/v1/bookings` with
 * `consent.privacy: true`), recorded as an answer to the current privacy document: its version,
 * the time and the channel `online_booking` (docs/clinical-rules.md §6: keep a record of the
 * consent, its version and time). Runs inside the booking's transaction, so a booking never
 * exists without its consent record. A clinic without a published privacy text gets version 1 of
 * the default texts first, as a starting server would.
 */
export async function recordBookingPrivacyConsent(tx: Db, consent: BookingConsent, actor: AuditActor, now: Date): Promise<string> {
	const current = () =>
		tx.kysely.selectFrom('consent_document').select(['id', 'version']).where('kind', '=', 'privacy').orderBy('version', 'desc').limit(1).executeTakeFirst();
	let document = await current();
	if (!document) {
		await ensureDefaultConsentDocuments(tx, now);
		document = await current();
		if (!document) throw new Error('no privacy document after publishing the defaults');
	}
	const id = randomUUID();
	await insertConsentSignature(tx, {
		id,
		patient_id: consent.patientId,
		document_id: document.id,
		agreed: 1,
		signed_name: consent.signedName.slice(0, CONSENT_LIMITS.typedName),
		signed_at: now.toISOString(),
		ip: consent.ip?.slice(0, 100) ?? null,
		user_agent: consent.userAgent?.slice(0, 500) ?? null,
		recorded_by_staff_id: null,
		channel: 'online_booking'
	});
	await recordAudit(tx, actor, {
		action: 'consent.sign',
		entityType: 'consent_signature',
		entityId: id,
		patientId: consent.patientId,
		detail: { documentId: document.id, kind: 'privacy', version: Number(document.version), agreed: true, channel: 'online_booking' }
	});
	return id;
}
