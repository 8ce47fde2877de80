import type { Locale } from '../../i18n/locales';
import { findClinic } from '../clinic/clinic-repository';
import type { Db } from '../db/database';
import type { MailAttachment } from '../mail/mailer';
import { appointmentCalendar } from './booking-mail';
import { findBookingByToken } from './manage-booking';
import { manageUrl } from './manage-url';

/**
 * The booked visit as an .ics file, for "add to calendar" on the confirmation and manage pages
 * (issue #22): the same event, with the same id, as the file the confirmation mail carries, so a
 * calendar that has both keeps one. Only a booked visit: after a cancellation there is nothing to add.
 */
export async function bookingCalendarFile(db: Db, token: string, locale: Locale, origin: string): Promise<MailAttachment | null> {
	const booking = await findBookingByToken(db, token);
	if (!booking || booking.appointment.status !== 'booked') return null;
	const clinic = await findClinic(db);
	const { appointment } = booking;
	return appointmentCalendar({
		kind: 'confirmation',
		locale,
		appointmentId: appointment.id,
		startsAt: appointment.starts_at,
		endsAt: appointment.ends_at,
		clinicName: clinic ? (locale === 'ja' ? clinic.name_ja : clinic.name_en) : '',
		service: booking.service?.name[locale] ?? '',
		address: booking.clinic.address[locale],
		url: manageUrl(origin, locale, token)
	});
}
