import { personName } from '../../domain/patients/person-name';
import { localizePath, type Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import type { Db } from '../db/database';
import type { OutgoingMail } from '../mail/mailer';
import { instantFormat } from '../../format';

/** The job that tells a patient the desk moved their visit (issue #22); payload: appointmentId, from (ISO). */
export const DESK_MOVE_MAIL_JOB = 'mail.desk_move';

/**
 * "Your appointment has moved": the old and the new time in the patient's language and the
 * clinic's time zone, written out as the booking mails write dates, naming the patient. Nothing
 * when the visit was cancelled since, or the patient has no e-mail address (a walk-in, a block).
 */
export async function deskMoveMail(db: Db, appointmentId: string, from: string, origin: string): Promise<OutgoingMail | null> {
	const row = await db.kysely
		.selectFrom('appointment')
		.innerJoin('patient', 'patient.id', 'appointment.patient_id')
		.innerJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
		.leftJoin('service', 'service.id', 'appointment.service_id')
		.select([
			'appointment.id',
			'appointment.starts_at',
			'appointment.status',
			'appointment.locale',
			'patient.email',
			'patient.family_name',
			'patient.given_name',
			'practitioner.family_name_ja',
			'practitioner.given_name_ja',
			'practitioner.family_name_en',
			'practitioner.given_name_en',
			'service.name_ja',
			'service.name_en'
		])
		.where('appointment.id', '=', appointmentId)
		.executeTakeFirst();
	if (!row || !row.email || row.status === 'cancelled' || row.status === 'blocked') return null;
	const clinic = await db.kysely.selectFrom('clinic').selectAll().executeTakeFirstOrThrow();
	const locale: Locale = row.locale;
	const ja = locale === 'ja';
	const format = instantFormat(ja ? 'ja' : 'en', clinic.time_zone, { dateStyle: 'full', timeStyle: 'short' });
	const params = {
		name: personName({ familyName: row.family_name, givenName: row.given_name }, locale),
		clinic: ja ? clinic.name_ja : clinic.name_en,
		from: format.format(new Date(from)),
		to: format.format(new Date(row.starts_at)),
		service: (ja ? row.name_ja : row.name_en) ?? '',
		practitioner: ja ? `${row.family_name_ja} ${row.given_name_ja}` : `${row.given_name_en} ${row.family_name_en}`,
		address: `〒${clinic.postal_code} ${ja ? clinic.address_ja : clinic.address_en}`,
		phone: clinic.phone,
		// Only the manage token's hash is kept: the mail points to the visit in the portal.
		url: new URL(localizePath(`/portal/appointments/${row.id}`, locale), origin).toString()
	};
	return {
		to: row.email,
		kind: 'booking.desk_move',
		subject: translate(locale, 'console.mail.movedSubject', params),
		text: translate(locale, 'console.mail.movedBody', params)
	};
}
