/*
 * The clinic's mail about a red flag. It names the patient number and the console page, never an
 * answer: mail travels through servers the clinic does not control.
 */
import { translate } from '../../i18n/translate';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { Mailer } from '../mail/mailer';
import { findPatient } from '../patients/patient-repository';
import { findClinic } from '../clinic/clinic-repository';

export const ALERTS_PATH = '/staff/alerts';

export function alertsUrl(origin: string | undefined): string {
	return origin ? new URL(ALERTS_PATH, origin).toString() : ALERTS_PATH;
}

export function redFlagMail(patientNumber: string | null, url: string): { subject: string; text: string } {
	const text = (['ja', 'en'] as const)
		.map((locale) =>
			translate(locale, 'intake.mail.body', {
				number: patientNumber ?? translate(locale, 'intake.mail.noNumber'),
				url
			})
		)
		.join('\n\n----\n\n');
	return { subject: `${translate('ja', 'intake.mail.subject')} / ${translate('en', 'intake.mail.subject')}`, text };
}

/** Mails the clinic's address when it has one; the console's alerts page shows the flag either way. */
export async function notifyClinicOfRedFlag(
	db: Db,
	mailer: Mailer,
	patientId: string,
	intakeId: string,
	actor: AuditActor,
	origin: string | undefined
): Promise<void> {
	const clinic = await findClinic(db);
	const patient = await findPatient(db, patientId, ['patient_number']);
	const to = clinic?.email.trim() ?? '';
	if (to !== '') {
		const mail = redFlagMail(patient?.patient_number ?? null, alertsUrl(origin));
		await mailer.send(db, { to, subject: mail.subject, text: mail.text, kind: 'intake.red_flag' });
	}
	await recordAudit(db, actor, { action: 'intake.red_flag_notify', entityType: 'intake', entityId: intakeId, patientId, detail: { mailed: to !== '' } });
}
