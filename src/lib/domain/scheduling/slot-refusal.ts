import type { BookingRules } from './availability';
import { addDays, localDate, weekdayOf } from '../time';

/**
 * Why a time the patient chose could not be booked, in words that are true (issue #22): the start
 * has passed, it lies outside the booking window (too soon for the minimum notice, or beyond the
 * horizon), the clinic is closed that day, or — when none of these holds — someone took it just now.
 */
export type SlotRefusal = 'past' | 'outside_window' | 'closed' | 'taken';

const MINUTE = 60_000;

export function slotRefusal(
	start: number,
	now: number,
	rules: Pick<BookingRules, 'timeZone' | 'minNoticeMinutes' | 'horizonDays' | 'openingHours' | 'closedDates'>
): SlotRefusal {
	if (start <= now) return 'past';
	const date = localDate(start, rules.timeZone);
	const lastDay = addDays(localDate(now, rules.timeZone), rules.horizonDays);
	if (start < now + rules.minNoticeMinutes * MINUTE || date > lastDay) return 'outside_window';
	if (rules.closedDates.includes(date) || !rules.openingHours.some((p) => p.weekday === weekdayOf(date))) return 'closed';
	return 'taken';
}

/** The `count` starts nearest to `wanted`, earlier or later, each once, in time order. */
export function nearestStarts<T extends { start: number }>(slots: readonly T[], wanted: number, count: number): T[] {
	const seen = new Set<number>();
	const unique = slots.filter((s) => (seen.has(s.start) ? false : (seen.add(s.start), true)));
	return unique
		.sort((a, b) => Math.abs(a.start - wanted) - Math.abs(b.start - wanted) || a.start - b.start)
		.slice(0, count)
		.sort((a, b) => a.start - b.start);
}
