import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import { findClinic } from '../clinic/clinic-repository';
import type { Db } from '../db/database';
import type { Mailer } from '../mail/mailer';
import { notifyPatient } from '../messaging/notify-patient';
import { BOOKING_LINK_TTL_MS, createMagicLink, magicLinkUrl } from '../portal/magic-link';

/**
 * Tells the patient that aftercare advice waits in the portal. The mail carries a sign-in link,
 * never the advice itself: mail passes through servers the clinic does not control.
 */
export async function notifyAftercareShared(db: Db, mailer: Mailer, patient: { id: string; email: string; locale: Locale }, origin: string): Promise<boolean> {
	const to = patient.email.trim();
	const clinic = await findClinic(db);
	const clinicName = clinic ? (patient.locale === 'ja' ? clinic.name_ja : clinic.name_en) : '';
	const mail =
		to === ''
			? undefined
			: {
					to,
					kind: 'aftercare.shared',
					subject: translate(patient.locale, 'outcomes.aftercare.mailSubject', { clinic: clinicName }),
					text: translate(patient.locale, 'outcomes.aftercare.mailBody', {
						url: magicLinkUrl(origin, patient.locale, await createMagicLink(db, patient.id, BOOKING_LINK_TTL_MS), '/portal/progress'),
						clinic: clinicName,
						phone: clinic?.phone ?? ''
					})
				};
	// By LINE, a plain portal link only: no sign-in link and no advice pass through a third party (issue #20).
	const sent = await notifyPatient(db, patient.id, { mail, line: { kind: 'aftercare' } }, mailer);
	return sent.mail || sent.line;
}
