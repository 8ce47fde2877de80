import { personName } from '../../domain/patients/person-name';
import { localizePath } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import { findClinic } from '../clinic/clinic-repository';
import type { Db } from '../db/database';
import type { Mailer } from '../mail/mailer';
import { notifyPatient } from '../messaging/notify-patient';
import { patientRemindersWithdrawn } from './recall-list';

/** The job that mails a recall invitation (issue #17). */
export const RECALL_INVITATION_JOB = 'mail.recall_invitation';

/**
 * The invitation: a short note from the clinic with a link to the booking page in the patient's
 * language. Consent is checked again when it is sent, so a withdrawal after the click still counts.
 */
export async function sendRecallInvitation(context: { db: Db; mailer: Mailer; origin: string }, payload: Record<string, string>): Promise<void> {
	const invitation = await context.db.kysely
		.selectFrom('recall_invitation')
		.innerJoin('patient', 'patient.id', 'recall_invitation.patient_id')
		.select(['patient.id', 'patient.email', 'patient.family_name', 'patient.given_name', 'patient.preferred_locale'])
		.where('recall_invitation.id', '=', payload.invitationId ?? '')
		.executeTakeFirst();
	if (!invitation) return;
	if (await patientRemindersWithdrawn(context.db, invitation.id)) return;
	const locale = invitation.preferred_locale === 'en' ? 'en' : 'ja';
	const clinic = await findClinic(context.db);
	const clinicName = clinic ? (locale === 'ja' ? clinic.name_ja : clinic.name_en) : '';
	const url = `${context.origin}${localizePath('/book', locale)}`;
	// By the patient's channels (issue #20); the mail itself is queued and retried like any other.
	await notifyPatient(context.db, invitation.id, {
		mail: {
			to: invitation.email,
			kind: 'recall.invitation',
			subject: translate(locale, 'recall.mailSubject', { clinic: clinicName }),
			text: translate(locale, 'recall.mailBody', {
				name: personName({ familyName: invitation.family_name, givenName: invitation.given_name }, locale),
				clinic: clinicName,
				url,
				phone: clinic?.phone ?? ''
			})
		},
		line: { kind: 'link', titleKey: 'recall.lineTitle', path: '/book' }
	});
}
