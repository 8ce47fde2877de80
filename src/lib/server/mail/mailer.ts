import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/database';
import { redactLinks } from '../../domain/auth/redact-links';
import { logger } from '../log';

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	/** What the mail is for, e.g. `staff.invitation`; shown in the outbox, never personal data. */
	kind: string;
	/**
	 * Sent with the mail; the outbox keeps the text only, so they are built only when the mail is
	 * delivered (a calendar file costs more than the rest of a booking's mail).
	 */
	attachments?: () => MailAttachment[];
}

export interface MailAttachment {
	filename: string;
	content: string;
	contentType: string;
}

export interface Mailer {
	/** Keeps the mail in the outbox, then delivers it when SMTP is configured. Never throws on delivery. */
	send(db: Db, mail: OutgoingMail): Promise<{ id: string; delivered: boolean; error?: string }>;
	readonly canDeliver: boolean;
}

export function createMailer(smtpUrl: string | undefined, from = 'shinkyu <no-reply@example.jp>'): Mailer {
	const transport: Transporter | null = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
	return {
		canDeliver: transport !== null,
		async send(db, mail) {
			const id = randomUUID();
			await db.kysely
				.insertInto('mail_outbox')
				.values({
					id,
					recipient: mail.to,
					subject: mail.subject,
					// The outbox copy never holds a working link; the recipient alone gets the live one.
					body: redactLinks(mail.text),
					kind: mail.kind,
					created_at: db.clock.now().toISOString(),
					sent_at: null,
					last_error: null
				})
				.execute();
			if (!transport) return { id, delivered: false };
			try {
				await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments?.() });
				await db.kysely.updateTable('mail_outbox').set({ sent_at: db.clock.now().toISOString(), last_error: null }).where('id', '=', id).execute();
				return { id, delivered: true };
			} catch (cause) {
				const message = cause instanceof Error ? cause.message : String(cause);
				logger.warn({ mailId: id, kind: mail.kind, err: message }, 'mail delivery failed');
				await db.kysely
					.updateTable('mail_outbox')
					.set({ last_error: message.slice(0, 500) })
					.where('id', '=', id)
					.execute();
				return { id, delivered: false, error: message };
			}
		}
	};
}

export async function listOutbox(db: Db, limit = 100) {
	return db.kysely.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}
