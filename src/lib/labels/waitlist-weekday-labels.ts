import type { MessageKey } from '$lib/i18n/translate';
import type { Weekday } from './weekday-labels';

/** Days of the week by number (0 Sunday), as a waitlist entry's wished times name them. */
export const WAITLIST_WEEKDAY_LABELS: Record<Weekday, MessageKey> = {
	'0': 'waitlist.weekday.0',
	'1': 'waitlist.weekday.1',
	'2': 'waitlist.weekday.2',
	'3': 'waitlist.weekday.3',
	'4': 'waitlist.weekday.4',
	'5': 'waitlist.weekday.5',
	'6': 'waitlist.weekday.6'
};
