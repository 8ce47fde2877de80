import type { MessageKey } from '$lib/i18n/translate';
import type { WEEK_ORDER } from './form-fields';

/** A weekday (0 = Sunday, as Date.getUTCDay counts) by name: a typed label map (issue #21). */
export const WEEKDAY_LABELS: Record<(typeof WEEK_ORDER)[number], MessageKey> = {
	0: 'weekday.0',
	1: 'weekday.1',
	2: 'weekday.2',
	3: 'weekday.3',
	4: 'weekday.4',
	5: 'weekday.5',
	6: 'weekday.6'
};
