import { intersect, isFree, normalize, saturated, subtract, type Interval } from './interval';
import { addDays, datesBetween, localDate, localInstant, weekdayOf } from '../time';

/*
 * Free slots from the clinic's rules, its existing appointments and holds (issue #5). Pure: the
 * clock comes in as `now`, and everything the database knows comes in as plain values.
 */

export interface WeeklyPeriod {
	/** 0 = Sunday … 6 = Saturday. */
	weekday: number;
	/** Wall-clock 'HH:MM' in the clinic's time zone. */
	start: string;
	end: string;
}

export interface BookingRules {
	timeZone: string;
	slotStepMinutes: number;
	minNoticeMinutes: number;
	horizonDays: number;
	openingHours: readonly WeeklyPeriod[];
	/** Clinic-local days on which nobody is booked: closures, and public holidays not opened. */
	closedDates: readonly string[];
}

export interface PractitionerSchedule {
	id: string;
	/** Several periods on one weekday leave the gaps between them as breaks. */
	workingHours: readonly WeeklyPeriod[];
	timeOff: readonly Interval[];
	serviceIds: readonly string[];
	/** How many patients at once (one per bed while needles are retained); 1 when absent. */
	capacity?: number;
}

export interface ServiceSpec {
	id: string;
	durationMinutes: number;
	/** Time after the treatment that keeps practitioner and bed (cleaning, notes). */
	bufferMinutes: number;
	needsBed: boolean;
}

/** An existing appointment, hold or block, already including its buffer. */
export interface BusyInterval extends Interval {
	resource: { kind: 'practitioner' | 'bed'; id: string };
	/** Blocked time takes every place a practitioner has, not just one. */
	whole?: boolean;
}

export interface AvailabilityQuery {
	/** Clinic-local days, inclusive. */
	from: string;
	to: string;
	practitionerId?: string;
	now: number;
}

export interface Slot {
	start: number;
	/** The end of the treatment itself; the buffer follows it. */
	end: number;
	practitionerId: string;
	bedId: string | null;
}

const MINUTE = 60_000;

export function freeSlots(
	rules: BookingRules,
	service: ServiceSpec,
	practitioners: readonly PractitionerSchedule[],
	bedIds: readonly string[],
	busy: readonly BusyInterval[],
	query: AvailabilityQuery
): Slot[] {
	const closed = new Set(rules.closedDates);
	const dates = datesBetween(query.from, query.to).filter((d) => !closed.has(d));
	const earliest = query.now + rules.minNoticeMinutes * MINUTE;
	const lastDay = addDays(localDate(query.now, rules.timeZone), rules.horizonDays);
	const bookableDates = dates.filter((d) => d <= lastDay);
	const opening = periodsOn(bookableDates, rules.openingHours, rules.timeZone);
	const busyBy = groupBedBusy(busy);
	const practitionerBusy = groupPractitionerBusy(busy);
	const occupied = (service.durationMinutes + service.bufferMinutes) * MINUTE;
	const step = rules.slotStepMinutes * MINUTE;
	// Beds are tried in the clinic's order, so the same bed is used first.
	const bedBusy = bedIds.map((id) => ({ id, busy: busyBy.get(id) ?? [] }));

	const slots: Slot[] = [];
	const candidates = [...practitioners]
		.filter((p) => p.serviceIds.includes(service.id))
		.filter((p) => !query.practitionerId || p.id === query.practitionerId)
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	// Slots start on the step grid counted from each clinic-local midnight.
	const days = bookableDates.map((date) => ({
		start: localInstant(date, '00:00', rules.timeZone),
		end: localInstant(addDays(date, 1), '00:00', rules.timeZone)
	}));
	for (const practitioner of candidates) {
		const working = intersect(periodsOn(bookableDates, practitioner.workingHours, rules.timeZone), opening);
		// A practitioner with several places is busy only where every place is taken.
		const capacity = practitioner.capacity ?? 1;
		const full = saturated(
			(practitionerBusy.get(practitioner.id) ?? []).map((b) => ({ start: b.start, end: b.end, weight: b.whole ? capacity : 1 })),
			capacity
		);
		const free = subtract(subtract(working, practitioner.timeOff), full);
		let w = 0;
		for (const day of days) {
			for (; w < free.length && free[w]!.end <= day.start; w++);
			for (let v = w; v < free.length && free[v]!.start < day.end; v++) {
				const windowStart = Math.max(free[v]!.start, day.start);
				const windowEnd = Math.min(free[v]!.end, day.end);
				let start = day.start + Math.ceil((windowStart - day.start) / step) * step;
				for (; start + occupied <= windowEnd; start += step) {
					if (start < earliest) continue;
					const needed = { start, end: start + occupied };
					const bed = service.needsBed ? bedBusy.find((b) => isFree(b.busy, needed)) : undefined;
					if (service.needsBed && !bed) continue;
					slots.push({ start, end: start + service.durationMinutes * MINUTE, practitionerId: practitioner.id, bedId: bed?.id ?? null });
				}
			}
		}
	}
	return slots.sort((a, b) => a.start - b.start || (a.practitionerId < b.practitionerId ? -1 : 1));
}

function periodsOn(dates: readonly string[], weekly: readonly WeeklyPeriod[], timeZone: string): Interval[] {
	const intervals: Interval[] = [];
	for (const date of dates) {
		const weekday = weekdayOf(date);
		for (const period of weekly) {
			if (period.weekday !== weekday) continue;
			intervals.push({ start: localInstant(date, period.start, timeZone), end: localInstant(date, period.end, timeZone) });
		}
	}
	return normalize(intervals);
}

function groupPractitionerBusy(busy: readonly BusyInterval[]): Map<string, BusyInterval[]> {
	const grouped = new Map<string, BusyInterval[]>();
	for (const b of busy) {
		if (b.resource.kind !== 'practitioner') continue;
		const list = grouped.get(b.resource.id);
		if (list) list.push(b);
		else grouped.set(b.resource.id, [b]);
	}
	return grouped;
}

/** Each bed's busy intervals, normalized. */
function groupBedBusy(busy: readonly BusyInterval[]): Map<string, Interval[]> {
	const grouped = new Map<string, Interval[]>();
	for (const b of busy) {
		if (b.resource.kind !== 'bed') continue;
		const list = grouped.get(b.resource.id);
		if (list) list.push({ start: b.start, end: b.end });
		else grouped.set(b.resource.id, [{ start: b.start, end: b.end }]);
	}
	for (const [id, list] of grouped) grouped.set(id, normalize(list));
	return grouped;
}
