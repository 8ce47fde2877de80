import { translate } from '../../i18n/translate';
import { findClinic } from '../clinic/clinic-repository';
import type { Db } from '../db/database';
import type { Mailer } from '../mail/mailer';

/** The job that tells a patient's old address that the record's address was changed (issue #16). */
export const EMAIL_CHANGED_JOB = 'mail.patient_email_changed';

/**
 * The mail to the old address: the record's address was changed at the clinic, sign-in links now
 * go elsewhere, and whom to call when the patient did not ask for it. It names neither the patient
 * nor the new address: whoever reads the old mailbox learns no more than that.
 */
export async function sendEmailChangedMail(context: { db: Db; mailer: Mailer }, payload: Record<string, string>): Promise<void> {
	const to = payload.oldEmail?.trim();
	if (!to) return;
	const locale = payload.locale === 'en' ? 'en' : 'ja';
	const clinic = await findClinic(context.db);
	const clinicName = clinic ? (locale === 'ja' ? clinic.name_ja : clinic.name_en) : '';
	const result = await context.mailer.send(context.db, {
		to,
		kind: 'patient.email_changed',
		subject: translate(locale, 'patients.mailEmailChangedSubject', { clinic: clinicName }),
		text: translate(locale, 'patients.mailEmailChangedBody', { clinic: clinicName, phone: clinic?.phone ?? '' })
	});
	// Without SMTP the mail waits in the outbox; with SMTP a failed delivery is retried later.
	if (context.mailer.canDeliver && !result.delivered) throw new Error(result.error ?? 'delivery failed');
}
