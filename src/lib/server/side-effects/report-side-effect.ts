import { randomUUID } from 'node:crypto';
import { localizePath } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { latestVisitUntil } from '../booking/patient-visit-reads';
import { withTransaction } from '../db/transaction';
import type { Mailer } from '../mail/mailer';
import { ZSideEffectSchema } from './schemas';
import { insertSideEffectReport } from './side-effect-repository';
import { findPatient } from '../patients/patient-repository';
import { findActiveStaffEmail, listActiveOwnerEmails } from '../staff/staff-repository';

export type ReportSideEffectResult =
	| { ok: true; id: string; appointmentId: string | null; notified: number }
	| { ok: false; code: 'invalid'; fields: Record<string, string> }
	| { ok: false; code: 'not_found' };

export interface ReportOptions {
	/** The site's origin for the console link in the mail; without it the mail carries the path. */
	origin?: string;
	now?: Date;
}

/** Visits that took place: a cancelled or blocked slot cannot have caused a side effect. */
const PAST_VISIT = ['booked', 'arrived', 'completed'] as const;

/**
 * A patient reports a side effect after treatment (docs/clinical-rules.md §3). It is linked to their latest
 * past appointment; that appointment's practitioner is mailed, and for a serious event every
 * active owner too ("a serious event alerts the clinic owner"). Mails and the audit row carry no
 * clinical text: only the patient number and a link to the console, where staff sign in to read.
 */
export async function reportSideEffect(
	db: Db,
	mailer: Mailer,
	patientId: string,
	input: unknown,
	actor: AuditActor,
	options: ReportOptions = {}
): Promise<ReportSideEffectResult> {
	const parsed = ZSideEffectSchema.safeParse(input);
	if (!parsed.success) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
		return { ok: false, code: 'invalid', fields };
	}
	const report = parsed.data;
	const now = options.now ?? db.clock.now();
	const saved = await withTransaction(db, async (tx) => {
		const patient = await findPatient(tx, patientId, ['id', 'patient_number'], { live: true });
		if (!patient) return null;
		const visit = await latestVisitUntil(tx, patientId, PAST_VISIT, now.toISOString());
		const id = randomUUID();
		await insertSideEffectReport(tx, {
			id,
			patient_id: patientId,
			appointment_id: visit?.id ?? null,
			created_at: now.toISOString(),
			kind: report.kind,
			severity: report.severity,
			description: report.description,
			handled_at: null,
			handled_by: null
		});
		const recipients = await recipientsFor(tx, visit?.staff_id ?? null, report.severity === 'serious');
		await recordAudit(tx, actor, {
			action: 'side_effect.report',
			entityType: 'side_effect_report',
			entityId: id,
			patientId,
			detail: { linkedToVisit: visit !== undefined, notified: recipients.length }
		});
		return { id, appointmentId: visit?.id ?? null, patientNumber: patient.patient_number, recipients };
	});
	if (!saved) return { ok: false, code: 'not_found' };
	// Mail after the commit: a slow mail server must not hold the transaction, and the outbox keeps each one.
	const link = options.origin ? new URL(localizePath('/staff/side-effects', 'ja'), options.origin).toString() : '/staff/side-effects';
	const number = saved.patientNumber ?? '—';
	for (const to of saved.recipients) {
		await mailer.send(db, {
			to,
			kind: 'side_effect.reported',
			subject: translate('ja', 'outcomes.mail.subject', { number }),
			text: `${translate('ja', 'outcomes.mail.body', { number, link })}\n\n---\n\n${translate('en', 'outcomes.mail.body', { number, link })}`
		});
	}
	return { ok: true, id: saved.id, appointmentId: saved.appointmentId, notified: saved.recipients.length };
}

/** The practitioner's staff e-mail, and for a serious report every active owner's; each address once. */
async function recipientsFor(db: Db, practitionerStaffId: string | null, serious: boolean): Promise<string[]> {
	const addresses = new Set<string>();
	if (practitionerStaffId) {
		const staff = await findActiveStaffEmail(db, practitionerStaffId);
		if (staff?.email) addresses.add(staff.email);
	}
	if (serious) {
		const owners = await listActiveOwnerEmails(db);
		for (const owner of owners) if (owner.email) addresses.add(owner.email);
	}
	return [...addresses];
}
