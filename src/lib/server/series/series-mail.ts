import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { personName } from '../../domain/patients/person-name';
import { localizePath, type Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/messages/ja';
import { bookedSeriesVisitsForMail, cancelledVisitsForMail, type VisitForMail } from '../booking/visits-for-mail';
import type { Db } from '../db/database';
import type { JobContext } from '../jobs/worker';
import type { Mailer, OutgoingMail } from '../mail/mailer';
import { notifyPatient } from '../messaging/notify-patient';
import { instantFormat } from '../../format';
import { getClinic } from '../clinic/clinic-repository';

export const SERIES_CONFIRMATION_MAIL_JOB = 'mail.series_confirmation';
/** "This and the following" cancelled: one message for every visit it took (payload `appointmentIds`, comma-separated). */
export const SERIES_CANCELLATION_MAIL_JOB = 'mail.series_cancellation';

/**
 * The mail of several visits in the patient's language: each listed, and one .ics holding every
 * visit (each keeps the id a later move or cancellation of it uses, so the patient's calendar
 * follows); `cancelled` makes it METHOD:CANCEL, which removes them.
 */
async function visitsMail(
	db: Db,
	visits: VisitForMail[],
	origin: string,
	text: { kind: string; subject: MessageKey; body: MessageKey; path: string; cancelled: boolean }
): Promise<(OutgoingMail & { patientId: string }) | null> {
	const first = visits[0];
	if (!first || !first.email) return null;
	const clinic = await getClinic(db);
	const locale: Locale = first.locale;
	const ja = locale === 'ja';
	const format = instantFormat(ja ? 'ja' : 'en', clinic.time_zone, { dateStyle: 'full', timeStyle: 'short' });
	const clinicName = ja ? clinic.name_ja : clinic.name_en;
	const address = `〒${clinic.postal_code} ${ja ? clinic.address_ja : clinic.address_en}`;
	const url = new URL(localizePath(text.path, locale), origin).toString();
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
	const method = text.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH;
	const calendar = ical({ name: clinicName, prodId: { company: 'shinkyu', product: 'booking', language: ja ? 'JA' : 'EN' }, method });
	for (const v of visits) {
		calendar.createEvent({
			status: text.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
			...(text.cancelled ? { sequence: 1 } : {}),
			id: `${v.id}@shinkyu`,
			start: new Date(v.starts_at),
			end: new Date(v.ends_at),
			summary: `${params.service} — ${clinicName}`,
			location: address,
			url
		});
	}
	return {
		patientId: first.patient_id,
		to: first.email,
		kind: text.kind,
		subject: translate(locale, text.subject, params),
		text: translate(locale, text.body, params),
		attachments: () => [
			{
				filename: 'appointments.ics',
				content: calendar.toString(),
				contentType: `text/calendar; charset=utf-8; method=${text.cancelled ? 'CANCEL' : 'PUBLISH'}`
			}
		]
	};
}

/** One mail for a whole series (issue #17): every visit still booked. */
export async function seriesMail(db: Db, seriesId: string, origin: string): Promise<OutgoingMail | null> {
	const visits = await bookedSeriesVisitsForMail(db, seriesId);
	const mail = await visitsMail(db, visits, origin, {
		kind: 'booking.series',
		subject: 'series.mailSubject',
		body: 'series.mailBody',
		path: '/portal',
		cancelled: false
	});
	return mail && { to: mail.to, kind: mail.kind, subject: mail.subject, text: mail.text, attachments: mail.attachments };
}

/**
 * One mail for several visits of a series cancelled together (issue #17): each cancelled visit
 * listed, and one .ics that removes every one of them. Null when none of them is cancelled.
 */
export async function seriesCancellationMail(
	db: Db,
	appointmentIds: readonly string[],
	origin: string
): Promise<(OutgoingMail & { patientId: string }) | null> {
	if (appointmentIds.length === 0) return null;
	const visits = await cancelledVisitsForMail(db, appointmentIds);
	return visitsMail(db, visits, origin, {
		kind: 'booking.series_cancellation',
		subject: 'deskFollowup.seriesCancelSubject',
		body: 'deskFollowup.seriesCancelBody',
		path: '/book',
		cancelled: true
	});
}

/** Sends at once, and fails the job when the mail server refuses, so the queue retries it. */
function deliveringMailer(mailer: Mailer): Mailer {
	return {
		canDeliver: mailer.canDeliver,
		async send(db, mail) {
			const result = await mailer.send(db, mail);
			if (mailer.canDeliver && !result.delivered) throw new Error(result.error ?? 'delivery failed');
			return result;
		}
	};
}

export const SERIES_MAIL_HANDLERS = {
	[SERIES_CANCELLATION_MAIL_JOB]: async (context: JobContext, payload: Record<string, string>) => {
		const built = await seriesCancellationMail(context.db, (payload.appointmentIds ?? '').split(',').filter(Boolean), context.origin);
		if (!built) return;
		const { patientId, ...mail } = built;
		// By the patient's channels (issue #20): on LINE a title and the link to book again, nothing more.
		await notifyPatient(
			context.db,
			patientId,
			{ mail, line: { kind: 'link', titleKey: 'deskFollowup.lineSeriesCancelled', path: '/book' } },
			deliveringMailer(context.mailer)
		);
	},
	[SERIES_CONFIRMATION_MAIL_JOB]: async (context: JobContext, payload: Record<string, string>) => {
		const mail = await seriesMail(context.db, payload.seriesId!, context.origin);
		if (!mail) return;
		const result = await context.mailer.send(context.db, mail);
		if (context.mailer.canDeliver && !result.delivered) throw new Error(result.error ?? 'delivery failed');
	}
};
