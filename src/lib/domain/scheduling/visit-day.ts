import { localDate } from '../time';

/*
 * A visit is greeted, completed or charged on its day or later, never before (issue #22): a tap
 * on the wrong row of tomorrow's list must not mark a patient arrived, nor money be taken for a
 * visit that has not happened. "Day" is the clinic's local day, so a 09:00 visit in Tokyo is
 * reachable from 00:00 Tokyo time, whatever the server's time zone.
 */

/** Whether the clinic-local day of the visit has come at `now`. */
export function visitDayHasCome(visitStart: number, now: number, timeZone: string): boolean {
	return localDate(now, timeZone) >= localDate(visitStart, timeZone);
}
