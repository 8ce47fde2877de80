import { checkWholeNumber, DURATION_MINUTES } from './settings-rules';

/*
 * How long a visit may be when the desk changes its length (a resize in the schedule's calendar
 * or the move form's end time): the same rule as a service's duration, on the 5-minute grid that
 * occupancy is written in. Blocked time (a day off, a meeting) may be longer: it is not a visit.
 */

/** Whether [start, end) is a length the visit may have. */
export function isVisitLength(start: number, end: number, kind: 'visit' | 'blocked' = 'visit'): boolean {
	const minutes = (end - start) / 60_000;
	if (kind === 'blocked') return checkWholeNumber(minutes, { ...DURATION_MINUTES, max: 24 * 60 }) === null;
	return checkWholeNumber(minutes, DURATION_MINUTES) === null;
}
