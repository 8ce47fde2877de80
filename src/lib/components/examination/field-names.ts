import type { MessageKey, Translate } from '$lib/i18n/translate';

/** A field of the examination form in words, for the error summary: "Left: SLR angle". */
export function examFieldLabel(t: Translate, field: string): string {
	const [first, ...rest] = field.split('.');
	if (first === 'left' || first === 'right') {
		const side = t(`examination.side.${first}`);
		const [kind, item] = rest;
		const what =
			kind === 'slrAngle'
				? t('examination.slrAngleShort')
				: kind === 'reflex'
					? t(`examination.reflex.${item}` as MessageKey)
					: kind === 'strength'
						? t(`examination.muscle.${item}` as MessageKey)
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
