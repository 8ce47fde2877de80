import type { MessageKey } from '$lib/i18n/translate';

/** Days of the week by number (0 Sunday), as the clinic page shows them (the waitlist has its own: waitlist-weekday-labels.ts). */

/** A day of the week as JavaScript numbers it (`Date#getDay`): 0 is Sunday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The clinic's opening-hours table. */
export const WEEKDAY_LABELS: Record<Weekday, MessageKey> = {
	'0': 'weekday.0',
	'1': 'weekday.1',
	'2': 'weekday.2',
	'3': 'weekday.3',
	'4': 'weekday.4',
	'5': 'weekday.5',
	'6': 'weekday.6'
};
