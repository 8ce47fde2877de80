import { STAFF_ROLE_LABELS } from '../../labels/staff-role-labels';
import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import type { StaffRole } from '../db/schema';
import type { OutgoingMail } from '../mail/mailer';
import { formatInstant } from '../../format';

/** The invitation e-mail, in the language the owner was using. */
export function invitationMail(input: {
	to: string;
	role: StaffRole;
	url: string;
	expiresAt: Date;
	clinicName: string;
	timeZone: string;
	locale: Locale;
}): OutgoingMail {
	const date = formatInstant(input.expiresAt, input.locale, input.timeZone, { dateStyle: 'long', timeStyle: 'short' });
	const role = translate(input.locale, STAFF_ROLE_LABELS[input.role]);
	return {
		to: input.to,
		kind: 'staff.invitation',
		subject: translate(input.locale, 'mail.inviteSubject', { clinic: input.clinicName }),
		text: translate(input.locale, 'mail.inviteBody', { clinic: input.clinicName, role, date, url: input.url })
	};
}
