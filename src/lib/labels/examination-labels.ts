import type { ExaminationTable } from '$lib/server/db/schema-examination';
import type { MessageKey } from '$lib/i18n/translate';
import type { TriageLevel } from '$lib/domain/triage/assess';

/** An examination: its kind and the red-flag level it found. */

export const EXAMINATION_KIND_LABELS: Record<ExaminationTable['kind'], MessageKey> = {
	initial: 'examination.kind.initial',
	reassessment: 'examination.kind.reassessment'
};

export const EXAMINATION_LEVEL_LABELS: Record<Exclude<TriageLevel, 'routine'>, MessageKey> = {
	emergency: 'examination.level.emergency',
	urgent: 'examination.level.urgent',
	see_doctor: 'examination.level.see_doctor'
};
