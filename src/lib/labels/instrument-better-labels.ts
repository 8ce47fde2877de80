import type { Instrument } from '$lib/domain/outcomes/instrument';
import type { MessageKey } from '$lib/i18n/translate';

/** Which way an instrument score improves. */

export const INSTRUMENT_BETTER_LABELS: Record<Instrument['better'], MessageKey> = {
	lower: 'outcomes.instruments.better.lower',
	higher: 'outcomes.instruments.better.higher'
};
