import { personName } from '../../domain/patients/person-name';
import { localizePath, type Locale } from '../../i18n/locales';
import { translate, type MessageKey } from '../../i18n/translate';
import { manageTokenContext } from '../booking/booking-mail-jobs';
import { manageUrl } from '../booking/manage-url';
import { findVisitForMail } from '../booking/visits-for-mail';
import type { Db } from '../db/database';
import type { JobContext } from '../jobs/worker';
import { BOOKING_DECLINED_MAIL_JOB, BOOKING_PENDING_MAIL_JOB } from './approval-mail-jobs';
import { instantFormat } from '../../format';
import { getClinic } from '../clinic/clinic-repository';

type RequestMailKind = 'pending' | 'declined';

const TEXT: Record<RequestMailKind, { subject: MessageKey; body: MessageKey }> = {
	pending: { subject: 'bookingControls.mailPendingSubject', body: 'bookingControls.mailPendingBody' },
	declined: { subject: 'bookingControls.mailDeclinedSubject', body: 'bookingControls.mailDeclinedBody' }
};

/** The mail about a booking request: received and awaiting the desk, or declined (issue #17). */
async function requestMail(db: Db, appointmentId: string, manageToken: string | null, kind: RequestMailKind, origin: string) {
	const row = await findVisitForMail(db, appointmentId);
	// Decided since it was queued (approved before the "received" mail went): nothing to say.
	if (!row || !row.email) return null;
	if (kind === 'pending' && (row.status !== 'booked' || row.approval !== 'pending')) return null;
	if (kind === 'declined' && row.status !== 'cancelled') return null;
	const clinic = await getClinic(db);
	const locale: Locale = row.locale;
	const ja = locale === 'ja';
	const params = {
		name: personName({ familyName: row.family_name, givenName: row.given_name }, locale),
		clinic: ja ? clinic.name_ja : clinic.name_en,
		when: instantFormat(ja ? 'ja' : 'en', clinic.time_zone, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(row.starts_at)),
		service: ja ? row.name_ja : row.name_en,
		phone: clinic.phone,
		url: manageToken ? manageUrl(origin, locale, manageToken) : new URL(localizePath('/book', locale), origin).toString()
	};
	return {
		to: row.email,
		kind: `booking.${kind}`,
		subject: translate(locale, TEXT[kind].subject, params),
		text: translate(locale, TEXT[kind].body, params)
	};
}

async function sendRequestMail(context: JobContext, payload: Record<string, string>, kind: RequestMailKind): Promise<void> {
	const appointmentId = payload.appointmentId!;
	const manageToken = payload.manageToken ? context.db.secrets.open(payload.manageToken, manageTokenContext(appointmentId)) : null;
	const mail = await requestMail(context.db, appointmentId, manageToken, kind, context.origin);
	if (!mail) return;
	const result = await context.mailer.send(context.db, mail);
	if (context.mailer.canDeliver && !result.delivered) throw new Error(result.error ?? 'delivery failed');
}

export const BOOKING_REQUEST_MAIL_HANDLERS = {
	[BOOKING_PENDING_MAIL_JOB]: (context: JobContext, payload: Record<string, string>) => sendRequestMail(context, payload, 'pending'),
	[BOOKING_DECLINED_MAIL_JOB]: (context: JobContext, payload: Record<string, string>) => sendRequestMail(context, payload, 'declined')
};
