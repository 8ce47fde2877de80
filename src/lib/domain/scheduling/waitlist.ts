import type { WeeklyPeriod } from './availability';
import { localDate, localInstant, weekdayOf } from '../time';

/*
 * Who on the waiting list a freed slot fits, and in which order (issue #17). Pure: the caller
 * reads the waiting entries and the clinic's schedule, this decides.
 */

export interface WaitlistWish {
	id: string;
	serviceId: string;
	/** null: any practitioner who gives the service. */
	practitionerId: string | null;
	/** Clinic-local dates, both included. */
	dateFrom: string;
	dateTo: string;
	/** Preferred weekdays and times, clinic-local; empty: any time the clinic is open. */
	times: readonly WeeklyPeriod[];
	/** When they joined (ISO 8601): the longest-waiting comes first. */
	createdAt: string;
}

export interface FreedSlot {
	practitionerId: string;
	/** The instant the freed time begins. */
	start: number;
	/** The services this practitioner gives. */
	practitionerServiceIds: ReadonlySet<string>;
	timeZone: string;
}

/** Whether a visit of `durationMinutes` starting at the freed slot suits this wish. */
export function fitsWish(wish: WaitlistWish, slot: FreedSlot, durationMinutes: number): boolean {
	if (wish.practitionerId !== null && wish.practitionerId !== slot.practitionerId) return false;
	if (!slot.practitionerServiceIds.has(wish.serviceId)) return false;
	const day = localDate(slot.start, slot.timeZone);
	if (day < wish.dateFrom || day > wish.dateTo) return false;
	if (wish.times.length === 0) return true;
	const weekday = weekdayOf(day);
	const end = slot.start + durationMinutes * 60_000;
	return wish.times.some(
		(t) => t.weekday === weekday && localInstant(day, t.start, slot.timeZone) <= slot.start && end <= localInstant(day, t.end, slot.timeZone)
	);
}

/**
 * The wishes the freed slot fits, longest-waiting first (ties by id, so every instance agrees on
 * the order). `durationOf` gives a service's length in minutes, or undefined for a service that no
 * longer exists, whose wishes fit nothing.
 */
export function rankWishesForSlot<T extends WaitlistWish>(wishes: readonly T[], slot: FreedSlot, durationOf: (serviceId: string) => number | undefined): T[] {
	return wishes
		.filter((wish) => {
			const duration = durationOf(wish.serviceId);
			return duration !== undefined && fitsWish(wish, slot, duration);
		})
		.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.createdAt < b.createdAt ? -1 : 1));
}

/** A preferred time as the patient gave it: a weekday and a window that ends after it starts. */
export function isValidPreferredTime(time: WeeklyPeriod): boolean {
	return Number.isInteger(time.weekday) && time.weekday >= 0 && time.weekday <= 6 && time.start < time.end;
}
