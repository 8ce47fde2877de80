import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { ensureDefaultConsentDocuments } from './default-documents';

export const AT = '2026-01-01T00:00:00.000Z';
export const OWNER_ACTOR: AuditActor = { type: 'staff', id: null, ip: '192.0.2.1', requestId: null };

/** A staff member, for rows that name who recorded or published them. */
export async function insertStaff(db: Db, role: 'owner' | 'reception' = 'reception'): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('staff')
		.values({
			id,
			email: `${id}@example.jp`,
			display_name: role === 'owner' ? '院長' : '受付 田中',
			role,
			password_hash: 'x',
			totp_secret: null,
			totp_enabled: 0,
			totp_last_counter: null,
			disabled: 0,
			created_at: AT,
			password_changed_at: AT
		})
		.execute();
	return id;
}

export async function insertPatient(
	db: Db,
	name: { family: string; given: string; familyKana?: string; givenKana?: string } = {
		family: '山田',
		given: '花子',
		familyKana: 'ヤマダ',
		givenKana: 'ハナコ'
	}
): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('patient')
		.values({
			id,
			family_name: name.family,
			given_name: name.given,
			family_name_kana: name.familyKana ?? '',
			given_name_kana: name.givenKana ?? '',
			email: '',
			phone: '090-0000-0001',
			date_of_birth: null,
			preferred_locale: 'ja',
			created_at: AT
		})
		.execute();
	return id;
}

export const patientActor = (patientId: string): AuditActor => ({ type: 'patient', id: patientId, ip: '198.51.100.7', requestId: null });

/**
 * The patient's signed agreement to the current version of each kind given (privacy and treatment
 * by default), publishing the default texts first when none is published.
 */
export async function giveConsent(db: Db, patientId: string, kinds: ReadonlyArray<'privacy' | 'treatment'> = ['privacy', 'treatment'], at = AT): Promise<void> {
	await ensureDefaultConsentDocuments(db);
	for (const kind of kinds) {
		const document = await db.kysely
			.selectFrom('consent_document')
			.select('id')
			.where('kind', '=', kind)
			.orderBy('version', 'desc')
			.limit(1)
			.executeTakeFirstOrThrow();
		await db.kysely
			.insertInto('consent_signature')
			.values({
				id: randomUUID(),
				patient_id: patientId,
				document_id: document.id,
				agreed: 1,
				signed_name: '山田 花子',
				signed_at: at,
				ip: null,
				user_agent: null,
				recorded_by_staff_id: null,
				channel: 'portal'
			})
			.execute();
	}
}
