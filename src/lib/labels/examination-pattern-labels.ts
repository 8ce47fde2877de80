import type { MessageKey } from '$lib/i18n/translate';
import type { Pattern } from '$lib/domain/clinical/examination';

/** The six-channel pattern an examination records, or `auto` (let the findings decide). */

export const EXAMINATION_PATTERN_LABELS: Record<Pattern | 'auto', MessageKey> = {
	auto: 'examination.pattern.auto',
	taiyang: 'examination.pattern.taiyang',
	shaoyang: 'examination.pattern.shaoyang',
	mixed: 'examination.pattern.mixed',
	other: 'examination.pattern.other'
};
