import ical, { ICalEventStatus } from 'ical-generator';
import type { Locale } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import type { Db } from '../db/database';
import { practitionerVisitsBetween } from '../booking/schedule-reads';
import { patientInitials } from './initials';
import { getPractitioner } from '../scheduling-settings/settings-repository';
import { findClinic } from '../clinic/clinic-repository';

const DAY_MS = 86_400_000;
/** What a calendar app gets: the last month (for reference) and the next three months. */
export const FEED_PAST_DAYS = 30;
export const FEED_FUTURE_DAYS = 90;

/**
 * A practitioner's schedule as iCalendar for their phone. It leaves the clinic's control, so it
 * carries only initials and the treatment: no full name, phone, note or triage answer.
 */
export async function practitionerCalendar(db: Db, practitionerId: string, locale: Locale, now = db.clock.now().getTime()): Promise<string> {
	const [clinic, practitioner, rows] = await Promise.all([
		findClinic(db),
		getPractitioner(db, practitionerId),
		practitionerVisitsBetween(
			db,
			practitionerId,
			new Date(now - FEED_PAST_DAYS * DAY_MS).toISOString(),
			new Date(now + FEED_FUTURE_DAYS * DAY_MS).toISOString()
		)
	]);
	const ja = locale === 'ja';
	const practitionerName = ja ? `${practitioner.family_name_ja} ${practitioner.given_name_ja}` : `${practitioner.given_name_en} ${practitioner.family_name_en}`;
	const calendar = ical({
		name: translate(locale, 'schedule.feedName', { clinic: (ja ? clinic?.name_ja : clinic?.name_en) ?? 'shinkyu', name: practitionerName }),
		prodId: { company: 'shinkyu', product: 'practitioner-feed', language: ja ? 'JA' : 'EN' },
		// Calendar apps poll; a quarter of an hour keeps the desk's changes reasonably fresh.
		ttl: 15 * 60
	});
	for (const row of rows) {
		const who =
			row.family_name !== null && row.given_name !== null
				? patientInitials({
						familyName: row.family_name,
						givenName: row.given_name,
						familyNameKana: row.family_name_kana ?? '',
						givenNameKana: row.given_name_kana ?? ''
					})
				: null;
		const service = (ja ? row.name_ja : row.name_en) ?? '';
		calendar.createEvent({
			id: `${row.id}@shinkyu`,
			start: new Date(row.starts_at),
			end: new Date(row.ends_at),
			stamp: new Date(now),
			summary: row.status === 'blocked' ? translate(locale, 'schedule.feedBlocked') : [who, service].filter(Boolean).join(' '),
			status: ICalEventStatus.CONFIRMED
		});
	}
	return calendar.toString();
}
