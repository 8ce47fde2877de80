import { randomUUID } from 'node:crypto';
import { checkOccurredAt, type OccurredAtProblem } from '../../domain/clinical/session-rules';
import { localInstant } from '../../domain/time';
import { localizePath } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import type { Mailer } from '../mail/mailer';
import { fieldCodesFrom, type SessionFieldCodes } from './field-codes';
import { ZAdverseEventSchema } from './schemas';
import { findSessionPatient, insertAdverseEvent } from './session-repository';
import { clinicTimeZone } from '../clinic/clinic-settings';
import { listActiveOwnerEmails } from '../staff/staff-repository';

export type RecordAdverseEventResult =
	{ ok: true; id: string; notified: number } | { ok: false; code: 'invalid'; fields: SessionFieldCodes } | { ok: false; code: 'not_found' | 'forbidden' };

export interface AdverseEventOptions {
	/** The site's origin for the console link in the mail; without it the mail carries the path. */
	origin?: string;
	now?: Date;
}

/** What the transaction leaves: the saved event, a refused time, or nothing (unknown session). */
type SavedEvent = { id: string; patientNumber: string | null; recipients: string[] } | { invalid: SessionFieldCodes } | null;

const OCCURRED_AT_MESSAGE: Record<OccurredAtProblem, string> = {
	future: 'treatmentSession.error.occurredFuture',
	before_session: 'treatmentSession.error.occurredBeforeSession'
};

/**
 * Records an adverse event during or after a session (docs/clinical-rules.md §3: kind, severity, outcome), at
 * the clinic-local time it happened (now when not given): not in the future, and not long before
 * the session began. An event is its own record, not an edit of the session, so it may be added
 * after the lock time; its record time stays the moment it was written down.
 * A serious one mails every active owner after the commit, with only the patient number and a
 * link to the record: staff sign in to read the rest.
 */
export async function recordAdverseEvent(
	db: Db,
	mailer: Mailer,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: AdverseEventOptions = {}
): Promise<RecordAdverseEventResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZAdverseEventSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const event = parsed.data;
	const now = options.now ?? db.clock.now();
	const local = event.occurredAt;
	const occurredAt = local ? new Date(localInstant(local.date, local.time, await clinicTimeZone(db))) : now;
	const saved = await withTransaction(db, async (tx): Promise<SavedEvent> => {
		const patient = await findSessionPatient(tx, patientId);
		const session = await tx.kysely
			.selectFrom('treatment_session')
			.select(['id', 'started_at'])
			.where('id', '=', sessionId)
			.where('patient_id', '=', patientId)
			.executeTakeFirst();
		if (!patient || !session) return null;
		const problem = checkOccurredAt(occurredAt, session.started_at, now);
		if (problem) return { invalid: { occurredAt: OCCURRED_AT_MESSAGE[problem] } };
		const id = randomUUID();
		await insertAdverseEvent(tx, {
			id,
			patient_id: patientId,
			session_id: sessionId,
			occurred_at: occurredAt.toISOString(),
			kind: event.kind,
			severity: event.severity,
			outcome: event.outcome,
			description: event.description,
			staff_id: staffId,
			created_at: now.toISOString()
		});
		const owners = event.severity === 'serious' ? (await listActiveOwnerEmails(tx)).map((o) => o.email) : [];
		const recipients = [...new Set(owners.filter(Boolean))];
		await recordAudit(tx, actor, {
			action: 'adverse_event.record',
			entityType: 'adverse_event',
			entityId: id,
			patientId,
			detail: { sessionId, serious: event.severity === 'serious', notified: recipients.length }
		});
		return { id, patientNumber: patient.patientNumber, recipients };
	});
	if (!saved) return { ok: false, code: 'not_found' };
	if ('invalid' in saved) return { ok: false, code: 'invalid', fields: saved.invalid };
	// After the commit: a slow mail server must not hold the transaction; the outbox keeps each mail.
	const path = localizePath(`/staff/patients/${patientId}/sessions/${sessionId}`, 'ja');
	const link = options.origin ? new URL(path, options.origin).toString() : path;
	const number = saved.patientNumber ?? '—';
	for (const to of saved.recipients) {
		await mailer.send(db, {
			to,
			kind: 'adverse_event.serious',
			subject: translate('ja', 'treatmentSession.mail.subject', { number }),
			text: `${translate('ja', 'treatmentSession.mail.body', { number, link })}\n\n---\n\n${translate('en', 'treatmentSession.mail.body', { number, link })}`
		});
	}
	return { ok: true, id: saved.id, notified: saved.recipients.length };
}
