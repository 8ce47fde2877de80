import { randomUUID } from 'node:crypto';
import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { findClinic } from '../clinic/clinic-repository';
import { sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import type { Mailer } from '../mail/mailer';
import type { TContact } from './schemas';
import { insertContactMessage, markContactMessageRowHandled } from './contact-repository';

export const CONTACT_LIMIT = { messages: 3, windowMinutes: 10 } as const;

export type ContactResult = { ok: true } | { ok: false; code: 'rate_limited'; retryAfterSeconds: number };

/**
 * Keeps a message from the clinic page's contact form and mails it to the clinic. A robot that
 * fills the hidden field is told "thank you" and nothing is kept.
 */
export async function sendContactMessage(
	db: Db,
	mailer: Mailer,
	input: TContact,
	context: { actor: AuditActor; locale: Locale },
	now = db.clock.now()
): Promise<ContactResult> {
	if (input.website) return { ok: true };
	// Hashed so the clinic can slow down a flood without keeping anyone's address.
	const senderKey = sha256Hex(`contact-sender:${context.actor.ip ?? 'unknown'}`);
	const windowStart = new Date(now.getTime() - CONTACT_LIMIT.windowMinutes * 60_000);
	const recent = await db.kysely
		.selectFrom('contact_message')
		.select('created_at')
		.where('sender_key', '=', senderKey)
		.where('created_at', '>', windowStart.toISOString())
		.orderBy('created_at')
		.execute();
	if (recent.length >= CONTACT_LIMIT.messages) {
		const oldest = new Date(recent[0]!.created_at);
		const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + CONTACT_LIMIT.windowMinutes * 60_000 - now.getTime()) / 1000));
		return { ok: false, code: 'rate_limited', retryAfterSeconds };
	}
	const id = randomUUID();
	await withTransaction(db, async (tx) => {
		await insertContactMessage(tx, {
			id,
			created_at: now.toISOString(),
			name: input.name,
			email: input.email,
			phone: input.phone,
			message: input.message,
			locale: context.locale,
			sender_key: senderKey,
			handled_at: null
		});
		await recordAudit(tx, context.actor, { action: 'contact.received', entityType: 'contact_message', entityId: id });
	});
	const clinic = await findClinic(db);
	if (clinic?.email) {
		await mailer.send(db, {
			to: clinic.email,
			kind: 'contact.message',
			subject: translate('ja', 'contact.mailSubject', { name: input.name }),
			text: translate('ja', 'contact.mailBody', {
				name: input.name,
				email: input.email,
				phone: input.phone || '—',
				language: context.locale === 'ja' ? '日本語' : 'English',
				message: input.message
			})
		});
	}
	return { ok: true };
}

export async function listContactMessages(db: Db, limit = 100) {
	return db.kysely.selectFrom('contact_message').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}

export async function markContactMessageHandled(db: Db, id: string, actor: AuditActor): Promise<boolean> {
	return withTransaction(db, async (tx) => {
		if (!(await markContactMessageRowHandled(tx, id, tx.clock.now().toISOString()))) return false;
		await recordAudit(tx, actor, { action: 'contact.handled', entityType: 'contact_message', entityId: id });
		return true;
	});
}
