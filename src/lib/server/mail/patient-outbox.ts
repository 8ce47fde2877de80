import { redactLinks } from '../../domain/auth/redact-links';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { findLivePatientsWithEmails, livePatientEmails } from '../patients/patient-repository';

/** One mail to a patient as reception sees it: whether it went, with every link's token removed. */
export interface PatientMail {
	id: string;
	to: string;
	/** The patients on record at that address (a family may share one). */
	patients: Array<{ id: string; familyName: string; givenName: string }>;
	subject: string;
	/** The text with its links redacted (domain/auth/redact-links.ts; the outbox stores them so, and rows from before that are redacted here). */
	body: string;
	createdAt: string;
	sentAt: string | null;
	error: string | null;
}

/**
 * The outbox for the desk (issue #22): "did the mail go?". Only mail to an address a patient has
 * on record, never staff mail (invitations, alerts to the clinic); and no link in it works, so
 * reading it never opens a patient's booking or portal. The read is audited: it shows who was
 * written to and when.
 */
export async function listPatientOutbox(db: Db, actor: AuditActor, limit = 100): Promise<PatientMail[]> {
	const rows = await db.kysely
		.selectFrom('mail_outbox')
		.select(['id', 'recipient', 'subject', 'body', 'created_at', 'sent_at', 'last_error'])
		.where('kind', 'not like', 'staff.%')
		.where('recipient', 'in', livePatientEmails(db))
		.orderBy('created_at', 'desc')
		.limit(limit)
		.execute();
	const addresses = [...new Set(rows.map((r) => r.recipient))];
	const patients = await findLivePatientsWithEmails(db, addresses);
	await recordAudit(db, actor, { action: 'outbox.patient_mail_read', entityType: 'mail_outbox', detail: { mails: rows.length } });
	return rows.map((r) => ({
		id: r.id,
		to: r.recipient,
		patients: patients.filter((p) => p.email === r.recipient).map((p) => ({ id: p.id, familyName: p.family_name, givenName: p.given_name })),
		subject: r.subject,
		body: redactLinks(r.body),
		createdAt: r.created_at,
		sentAt: r.sent_at,
		error: r.last_error === null ? null : redactLinks(r.last_error)
	}));
}
