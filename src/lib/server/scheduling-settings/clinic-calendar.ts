import { japaneseHoliday } from '../../domain/clinic/holidays';
import { addDays, datesBetween, localDate } from '../../domain/time';
import type { WeekdayPeriod } from '../../domain/scheduling/settings-rules';
import type { Db } from '../db/database';
import { getClinic } from '../clinic/clinic-repository';

/** How far ahead the owner decides on public holidays. */
export const HOLIDAY_LOOKAHEAD_DAYS = 365;

export interface ClinicCalendar {
	timeZone: string;
	today: string;
	rules: { slotStepMinutes: number; minNoticeMinutes: number; horizonDays: number; cancellationCutoffHours: number };
	openingHours: WeekdayPeriod[];
	closures: Array<{ date: string; reasonJa: string; reasonEn: string }>;
	holidays: Array<{ date: string; name: { ja: string; en: string }; open: boolean }>;
}

/** What the clinic scheduling page shows: rules, weekly hours, upcoming closures and holidays. */
export async function loadClinicCalendar(db: Db, now = db.clock.now().getTime()): Promise<ClinicCalendar> {
	const clinic = await getClinic(db);
	const today = localDate(now, clinic.time_zone);
	const last = addDays(today, HOLIDAY_LOOKAHEAD_DAYS);
	const [hours, closures, openings] = await Promise.all([
		db.kysely.selectFrom('opening_hours').selectAll().orderBy('weekday').orderBy('opens').execute(),
		db.kysely.selectFrom('clinic_closure').selectAll().where('date', '>=', today).orderBy('date').execute(),
		db.kysely.selectFrom('holiday_opening').select('date').where('date', '>=', today).execute()
	]);
	const opened = new Set(openings.map((o) => o.date));
	return {
		timeZone: clinic.time_zone,
		today,
		rules: {
			slotStepMinutes: clinic.slot_step_minutes,
			minNoticeMinutes: clinic.min_notice_minutes,
			horizonDays: clinic.horizon_days,
			cancellationCutoffHours: clinic.cancellation_cutoff_hours
		},
		openingHours: hours.map((h) => ({ weekday: h.weekday, start: h.opens, end: h.closes })),
		closures: closures.map((c) => ({ date: c.date, reasonJa: c.reason_ja, reasonEn: c.reason_en })),
		holidays: datesBetween(today, last).flatMap((date) => {
			const holiday = japaneseHoliday(date);
			return holiday ? [{ date, name: holiday.name, open: opened.has(date) }] : [];
		})
	};
}
