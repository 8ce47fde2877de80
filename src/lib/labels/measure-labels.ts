import type { MeasureKey } from '$lib/domain/outcomes/check-in';
import type { MessageKey } from '$lib/i18n/translate';

/** The outcome measures a patient tracks. */

export const MEASURE_LABELS: Record<MeasureKey, MessageKey> = {
	legPain: 'outcomes.measure.legPain',
	backPain: 'outcomes.measure.backPain',
	psfs: 'outcomes.measure.psfs',
	sbi: 'outcomes.measure.sbi',
	pgic: 'outcomes.measure.pgic'
};
