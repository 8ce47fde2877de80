import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { personName } from '../../domain/patients/person-name';
import { localizePath, type Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import { policyMailParagraph } from '../cancellation-policy/policy-mail-text';
import type { Db } from '../db/database';
import type { MailAttachment, OutgoingMail } from '../mail/mailer';
import { BOOKING_LINK_TTL_MS, createMagicLink, magicLinkUrl } from '../portal/magic-link';
import { manageUrl } from './manage-url';
import { findVisitForMail } from './visits-for-mail';
import { patientChannels } from '../messaging/patient-channels';
import { reminderAnswerToken, reminderAnswerUrl } from '../reminders/answer-token';
import { instantFormat, type InstantFormat } from '../../format';
import { findPractitionerNames } from '../scheduling-settings/settings-repository';
import { getClinic } from '../clinic/clinic-repository';

const MAIL_TEXT = {
	confirmation: { subject: 'booking.mailConfirmSubject', body: 'booking.mailConfirmBody' },
	reminder: { subject: 'booking.mailReminderSubject', body: 'booking.mailReminderBody' },
	cancellation: { subject: 'booking.mailCancelSubject', body: 'booking.mailCancelBody' }
} as const;

export type BookingMailKind = 'confirmation' | 'reminder' | 'cancellation';

/** The visit as the patient's mails describe it, with the clinic; null without a patient. */
async function visitForMail(db: Db, appointmentId: string) {
	const row = await findVisitForMail(db, appointmentId);
	if (!row) return null;
	const clinic = await getClinic(db);
	const locale: Locale = row.locale;
	const ja = locale === 'ja';
	const format = dateTimeFormat(locale, clinic.time_zone);
	const params = {
		name: personName({ familyName: row.family_name, givenName: row.given_name }, locale),
		clinic: ja ? clinic.name_ja : clinic.name_en,
		when: format.format(new Date(row.starts_at)),
		service: ja ? row.name_ja : row.name_en,
		practitioner: ja ? `${row.family_name_ja} ${row.given_name_ja}` : `${row.given_name_en} ${row.family_name_en}`,
		address: `〒${clinic.postal_code} ${ja ? clinic.address_ja : clinic.address_en}`,
		phone: clinic.phone,
		hours: clinic.cancellation_cutoff_hours
	};
	return { row, clinic, locale, format, params };
}

/**
 * Confirmation, reminder or cancellation in the patient's language, with the appointment as an
 * .ics file (a cancellation carries METHOD:CANCEL for the same event, so calendars remove it).
 * A moved visit has a mail of its own (`movedVisitMail`).
 */
export async function bookingMail(
	db: Db,
	appointmentId: string,
	manageToken: string | null,
	kind: BookingMailKind,
	origin: string,
	options: { force?: boolean } = {}
): Promise<OutgoingMail | null> {
	const visit = await visitForMail(db, appointmentId);
	if (!visit) return null;
	const { row, locale } = visit;
	// A cancelled visit gets only its cancellation; a walk-in without an e-mail address gets nothing.
	if (!row.email || (row.status === 'cancelled') !== (kind === 'cancellation')) return null;
	// A patient who chose LINE alone gets confirmation and reminders there (issue #20), unless LINE failed for good.
	if (kind !== 'cancellation' && !options.force && !(await patientChannels(db, row.patient_id))?.mail) return null;
	const params = { ...visit.params, url: manageToken ? manageUrl(origin, locale, manageToken) : fallbackUrl(kind, row.id, locale, origin) };
	let text = translate(locale, MAIL_TEXT[kind].body, params);
	if (kind === 'reminder') {
		// "I'll come" / "I need to change": links to a page whose button answers (issue #17).
		const token = reminderAnswerToken(db.secrets, row.id);
		text += `\n\n${translate(locale, 'reminders.mailAnswer', { come: reminderAnswerUrl(origin, locale, token, 'come', manageToken), change: reminderAnswerUrl(origin, locale, token, 'change', manageToken) })}`;
	}
	if (kind === 'confirmation') {
		// Questionnaire and consent before the visit (issue #6): a week-long portal link, used once.
		const token = await createMagicLink(db, row.patient_id, BOOKING_LINK_TTL_MS);
		text += `\n\n${translate(locale, 'portal.mailPrepare', { url: magicLinkUrl(origin, locale, token, '/portal/intake') })}`;
		// The cancellation policy the visit is held to (issue #17).
		text += await policyMailParagraph(db, row.policy_version, locale);
	}
	return {
		to: row.email,
		kind: `booking.${kind}`,
		subject: translate(locale, MAIL_TEXT[kind].subject, params),
		text,
		attachments: () => [calendarOf(kind, visit, params.url)]
	};
}

/** What a move changed: the start it had and, when the desk gave it to someone else, the practitioner. */
export interface VisitMove {
	from: string;
	fromPractitionerId?: string;
}

/**
 * The ONE "your appointment has moved" mail (issues #17, #22), whether the desk moved the visit or
 * the patient did: the old and the new time in words, what changed, the visit as it is now, and
 * the updated .ics. Nothing when the visit was cancelled since or has no e-mail address; with
 * `byMailChoice`, nothing either for a patient who chose LINE alone (their LINE notice goes instead).
 */
export async function movedVisitMail(
	db: Db,
	appointmentId: string,
	move: VisitMove,
	origin: string,
	options: { manageToken?: string | null; byMailChoice?: boolean } = {}
): Promise<OutgoingMail | null> {
	const visit = await visitForMail(db, appointmentId);
	if (!visit) return null;
	const { row, locale, format } = visit;
	if (!row.email || row.status === 'cancelled' || row.status === 'blocked') return null;
	if (options.byMailChoice && !(await patientChannels(db, row.patient_id))?.mail) return null;
	const ja = locale === 'ja';
	const before =
		move.fromPractitionerId && move.fromPractitionerId !== row.practitioner_id ? await findPractitionerNames(db, move.fromPractitionerId) : undefined;
	const changed = [
		...(Date.parse(move.from) !== Date.parse(row.starts_at) ? [translate(locale, 'deskFollowup.movedChangedTime')] : []),
		...(before
			? [
					translate(locale, 'deskFollowup.movedChangedPractitioner', {
						from: ja ? `${before.family_name_ja} ${before.given_name_ja}` : `${before.given_name_en} ${before.family_name_en}`
					})
				]
			: [])
	];
	const params = {
		...visit.params,
		from: format.format(new Date(move.from)),
		to: visit.params.when,
		changed: changed.join(ja ? '、' : '; '),
		// Only the manage token's hash is kept: without the token the mail points to the visit in the portal.
		url: options.manageToken ? manageUrl(origin, locale, options.manageToken) : fallbackUrl('confirmation', row.id, locale, origin)
	};
	return {
		to: row.email,
		kind: 'booking.moved',
		subject: translate(locale, 'deskFollowup.movedSubject', params),
		text: translate(locale, 'deskFollowup.movedBody', params),
		attachments: () => [calendarOf('confirmation', visit, params.url)]
	};
}

function calendarOf(kind: BookingMailKind, visit: NonNullable<Awaited<ReturnType<typeof visitForMail>>>, url: string): MailAttachment {
	const { row, locale, params } = visit;
	return appointmentCalendar({
		kind,
		locale,
		appointmentId: row.id,
		startsAt: row.starts_at,
		endsAt: row.ends_at,
		clinicName: params.clinic,
		service: params.service,
		address: params.address,
		url
	});
}

export interface CalendarEvent {
	kind: BookingMailKind;
	locale: Locale;
	appointmentId: string;
	startsAt: string;
	endsAt: string;
	clinicName: string;
	service: string;
	address: string;
	url: string;
}

/** The appointment as an .ics file; a cancellation is METHOD:CANCEL for the same event. */
export function appointmentCalendar({ kind, locale, appointmentId, startsAt, endsAt, clinicName, service, address, url }: CalendarEvent): MailAttachment {
	const cancelled = kind === 'cancellation';
	const calendar = ical({
		name: clinicName,
		prodId: { company: 'shinkyu', product: 'booking', language: locale === 'ja' ? 'JA' : 'EN' },
		method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH
	});
	calendar.createEvent({
		status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		sequence: cancelled ? 1 : 0,
		id: `${appointmentId}@shinkyu`,
		start: new Date(startsAt),
		end: new Date(endsAt),
		summary: `${service} — ${clinicName}`,
		location: address,
		description: url,
		url
	});
	return { filename: 'appointment.ics', content: calendar.toString(), contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}` };
}

/** The format module remembers its formatters: a burst of bookings sends many mails. */
function dateTimeFormat(locale: Locale, timeZone: string): InstantFormat {
	return instantFormat(locale, timeZone, { dateStyle: 'full', timeStyle: 'short' });
}

/**
 * Without a manage token (a move made in the portal, where only the token's hash is known), the
 * mail points to the appointment in the portal; a cancellation points to booking again.
 */
function fallbackUrl(kind: BookingMailKind, appointmentId: string, locale: Locale, origin: string): string {
	const path = kind === 'cancellation' ? '/book' : `/portal/appointments/${appointmentId}`;
	return new URL(localizePath(path, locale), origin).toString();
}
