import type { Slot } from './availability';
import { addDays } from '../time';

/*
 * A series of visits from a treatment plan (issue #17): which days, and what to offer when the
 * wanted time is taken. Pure: the free slots come in as plain values from `freeSlots`.
 */

/** The most visits one series books; a plan has at most 100 sessions (treatment-plan/schemas.ts). */
export const MAX_SERIES_VISITS = 30;
/** How many days either side of a taken visit the nearest free alternative is looked for. */
export const ALTERNATIVE_WINDOW_DAYS = 3;

/**
 * The clinic-local days of a series: "weekly × 6" is the same weekday six weeks running; n visits a
 * week spread over the week from the first day (twice a week: day 0 and day 3, three times: 0, 2, 4).
 */
export function seriesDates(firstDate: string, frequencyPerWeek: number, count: number): string[] {
	const perWeek = Math.min(7, Math.max(1, Math.floor(frequencyPerWeek)));
	const offsets = Array.from({ length: perWeek }, (_, i) => Math.floor((i * 7) / perWeek));
	const dates: string[] = [];
	for (let i = 0; i < count; i++) dates.push(addDays(firstDate, Math.floor(i / perWeek) * 7 + offsets[i % perWeek]!));
	return dates;
}

/** The visits a plan still needs: planned, less those held or given (never below zero). */
export function remainingVisits(plannedSessions: number, visitsSoFar: number): number {
	return Math.max(0, plannedSessions - visitsSoFar);
}

/** "About to run out": the last booked visit of a series or plan is the next one, or none is left. */
export function isRunningOut(upcomingVisits: number): boolean {
	return upcomingVisits <= 1;
}

export interface SeriesVisitProposal {
	/** The wanted start: the series' weekday and time. */
	wanted: number;
	/** The free slot at exactly the wanted time with the wanted practitioner, or null when taken. */
	slot: Slot | null;
	/** When taken: the nearest free slot (the same practitioner first), or null when none is near. */
	alternative: Slot | null;
}

const DAY_MS = 86_400_000;

/**
 * Each wanted start as it can be booked: free as asked, or taken with the nearest alternative. The
 * alternative is the free slot closest in time to the wanted start, with the same practitioner when
 * one is within the window, otherwise with anyone; on a tie the earlier slot. Slots already proposed
 * for another visit of the series are not offered twice.
 */
export function proposeSeries(
	wanted: readonly number[],
	slots: readonly Slot[],
	practitionerId: string,
	windowDays = ALTERNATIVE_WINDOW_DAYS
): SeriesVisitProposal[] {
	const used: Slot[] = [];
	const overlapsUsed = (s: Slot) =>
		used.some((u) => s.start < u.end && u.start < s.end && (u.practitionerId === s.practitionerId || (u.bedId !== null && u.bedId === s.bedId)));
	return wanted.map((start) => {
		const exact = slots.find((s) => s.start === start && s.practitionerId === practitionerId && !overlapsUsed(s)) ?? null;
		const alternative = exact
			? null
			: nearestSlot(
					slots.filter((s) => !overlapsUsed(s)),
					start,
					practitionerId,
					windowDays
				);
		const chosen = exact ?? alternative;
		if (chosen) used.push(chosen);
		return { wanted: start, slot: exact, alternative };
	});
}

export function nearestSlot(slots: readonly Slot[], wanted: number, practitionerId: string, windowDays = ALTERNATIVE_WINDOW_DAYS): Slot | null {
	const near = slots.filter((s) => Math.abs(s.start - wanted) <= windowDays * DAY_MS);
	const closest = (list: readonly Slot[]) =>
		list.reduce<Slot | null>((best, s) => {
			if (!best) return s;
			const d = Math.abs(s.start - wanted) - Math.abs(best.start - wanted);
			return d < 0 || (d === 0 && s.start < best.start) ? s : best;
		}, null);
	return closest(near.filter((s) => s.practitionerId === practitionerId)) ?? closest(near);
}
