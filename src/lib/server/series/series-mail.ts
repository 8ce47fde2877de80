import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { personName } from '../../domain/patients/person-name';
import { localizePath, type Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import type { Db } from '../db/database';
import type { JobContext } from '../jobs/worker';
import type { OutgoingMail } from '../mail/mailer';
import { instantFormat } from '../../format';

export const SERIES_CONFIRMATION_MAIL_JOB = 'mail.series_confirmation';

/**
 * One mail for a whole series (issue #17): every visit still booked, listed in the patient's
 * language, with one .ics holding every visit (each keeps the id a later move or cancellation of it
 * uses, so the patient's calendar follows).
 */
export async function seriesMail(db: Db, seriesId: string, origin: string): Promise<OutgoingMail | null> {
	const visits = await db.kysely
		.selectFrom('appointment')
		.innerJoin('patient', 'patient.id', 'appointment.patient_id')
		.innerJoin('service', 'service.id', 'appointment.service_id')
		.innerJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
		.select([
			'appointment.id',
			'appointment.starts_at',
			'appointment.ends_at',
			'appointment.locale',
			'patient.email',
			'patient.family_name',
			'patient.given_name',
			'service.name_ja',
			'service.name_en',
			'practitioner.family_name_ja',
			'practitioner.given_name_ja',
			'practitioner.family_name_en',
			'practitioner.given_name_en'
		])
		.where('appointment.series_id', '=', seriesId)
		.where('appointment.status', '=', 'booked')
		.orderBy('appointment.starts_at')
		.execute();
	const first = visits[0];
	if (!first || !first.email) return null;
	const clinic = await db.kysely.selectFrom('clinic').selectAll().executeTakeFirstOrThrow();
	const locale: Locale = first.locale;
	const ja = locale === 'ja';
	const format = instantFormat(ja ? 'ja' : 'en', clinic.time_zone, { dateStyle: 'full', timeStyle: 'short' });
	const clinicName = ja ? clinic.name_ja : clinic.name_en;
	const address = `〒${clinic.postal_code} ${ja ? clinic.address_ja : clinic.address_en}`;
	const url = new URL(localizePath('/portal', locale), origin).toString();
	const lines = visits.map((v, i) => {
		const practitioner = ja ? `${v.family_name_ja} ${v.given_name_ja}` : `${v.given_name_en} ${v.family_name_en}`;
		return translate(locale, 'series.mailVisitLine', { n: i + 1, when: format.format(new Date(v.starts_at)), practitioner });
	});
	const params = {
		name: personName({ familyName: first.family_name, givenName: first.given_name }, locale),
		clinic: clinicName,
		count: visits.length,
		service: ja ? first.name_ja : first.name_en,
		visits: lines.join('\n'),
		address,
		phone: clinic.phone,
		url
	};
	const calendar = ical({ name: clinicName, prodId: { company: 'shinkyu', product: 'booking', language: ja ? 'JA' : 'EN' }, method: ICalCalendarMethod.PUBLISH });
	for (const v of visits) {
		calendar.createEvent({
			status: ICalEventStatus.CONFIRMED,
			id: `${v.id}@shinkyu`,
			start: new Date(v.starts_at),
			end: new Date(v.ends_at),
			summary: `${params.service} — ${clinicName}`,
			location: address,
			url
		});
	}
	return {
		to: first.email,
		kind: 'booking.series',
		subject: translate(locale, 'series.mailSubject', params),
		text: translate(locale, 'series.mailBody', params),
		attachments: () => [{ filename: 'appointments.ics', content: calendar.toString(), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }]
	};
}

export const SERIES_MAIL_HANDLERS = {
	[SERIES_CONFIRMATION_MAIL_JOB]: async (context: JobContext, payload: Record<string, string>) => {
		const mail = await seriesMail(context.db, payload.seriesId!, context.origin);
		if (!mail) return;
		const result = await context.mailer.send(context.db, mail);
		if (context.mailer.canDeliver && !result.delivered) throw new Error(result.error ?? 'delivery failed');
	}
};
