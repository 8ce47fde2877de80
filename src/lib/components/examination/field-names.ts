import { MUSCLES, REFLEXES, type Muscle, type Reflex } from '$lib/domain/clinical/examination';
import { EXAMINATION_SIDE_LABELS } from '../../labels/examination-finding-labels';
import { MUSCLE_LABELS, REFLEX_LABELS } from '../../domain/clinical/examination-labels';
import type { MessageKey, Translate } from '$lib/i18n/translate';

/** A field of the examination form in words, for the error summary: "Left: SLR angle". */
export function examFieldLabel(t: Translate, field: string): string {
	const [first, ...rest] = field.split('.');
	if (first === 'left' || first === 'right') {
		const side = t(EXAMINATION_SIDE_LABELS[first]);
		const [kind, item] = rest;
		const what =
			kind === 'slrAngle'
				? t('examination.slrAngleShort')
				: kind === 'reflex' && REFLEXES.includes(item as Reflex)
					? t(REFLEX_LABELS[item as Reflex])
					: kind === 'strength' && MUSCLES.includes(item as Muscle)
						? t(MUSCLE_LABELS[item as Muscle])
						: '';
		return what ? t('examination.fieldOfSide', { side, field: what }) : side;
	}
	const own: Record<string, MessageKey> = {
		kind: 'examination.kind',
		side: 'examination.side',
		pattern: 'examination.pattern',
		patternNotes: 'examination.patternNotes',
		tongue: 'examination.tongue',
		pulse: 'examination.pulse',
		notes: 'examination.notes',
		root: 'examination.root'
	};
	return own[first ?? ''] ? t(own[first ?? '']!) : '';
}
