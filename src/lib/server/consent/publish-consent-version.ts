import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { isRequiredKind } from '../../domain/consent/kinds';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { insertConsentDocument, selectCurrentVersion, selectDocuments } from './consent-repository';
import { ZPublishConsentSchema } from './schemas';

/** Field name → message key. */
export type PublishFields = Record<string, string>;

export type PublishConsentResult = { ok: true; documentId: string; version: number } | { ok: false; code: 'invalid'; fields: PublishFields };

/** Publishers of one database queue here, so two owners never both take the same next version. */
const PUBLISH_LOCK = 7231006;

/**
 * Publishes the next version (highest + 1) of one kind. Earlier versions and every signature stay
 * exactly as they were; patients who agreed to an earlier version become `outdated`. Whether a
 * kind is required is fixed by the kind (docs/clinical-rules.md §6: health data needs explicit consent).
 */
export async function publishConsentVersion(
	db: Db,
	input: Record<string, unknown>,
	staffId: string,
	actor: AuditActor,
	now = db.clock.now()
): Promise<PublishConsentResult> {
	const parsed = ZPublishConsentSchema.safeParse(input);
	if (!parsed.success) {
		const fields: PublishFields = {};
		for (const issue of parsed.error.issues) {
			const field = issue.path.map(String).join('.') || '_';
			fields[field] ??= /^(consent|validation)\./.test(issue.message)
				? issue.message
				: issue.code === 'too_big'
					? 'consent.error.tooLong'
					: 'validation.invalid';
		}
		return { ok: false, code: 'invalid', fields };
	}
	const data = parsed.data;
	if (data.required !== isRequiredKind(data.kind)) return { ok: false, code: 'invalid', fields: { required: 'consent.error.requiredFixed' } };
	return withTransaction(db, async (tx) => {
		if (tx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`.execute(tx.kysely);
		const version = (await selectCurrentVersion(tx, data.kind)) + 1;
		const previous = (await selectDocuments(tx)).find((d) => d.kind === data.kind && d.version === version - 1);
		if (
			previous &&
			previous.titleJa === data.titleJa &&
			previous.titleEn === data.titleEn &&
			previous.bodyJa === data.bodyJa &&
			previous.bodyEn === data.bodyEn
		) {
			// Nothing changed: a new version would ask every patient to sign the same text again.
			return { ok: false, code: 'invalid', fields: { bodyJa: 'consent.error.unchanged' } } as const;
		}
		const id = randomUUID();
		await insertConsentDocument(tx, {
			id,
			kind: data.kind,
			version,
			required: data.required ? 1 : 0,
			title_ja: data.titleJa,
			title_en: data.titleEn,
			body_ja: data.bodyJa,
			body_en: data.bodyEn,
			created_at: now.toISOString(),
			created_by: staffId
		});
		await recordAudit(tx, actor, { action: 'consent.publish', entityType: 'consent_document', entityId: id, detail: { kind: data.kind, version } });
		return { ok: true, documentId: id, version } as const;
	});
}
