import type { MessageKey } from '$lib/i18n/translate';
import type { SideEffectKind, SideEffectSeverity } from '$lib/server/side-effects/schemas';

/** A reported side effect, as the staff list names it. */

export const STAFF_SIDE_EFFECT_KIND_LABELS: Record<SideEffectKind, MessageKey> = {
	bruising: 'outcomes.staffSideEffects.kind.bruising',
	bleeding: 'outcomes.staffSideEffects.kind.bleeding',
	pain: 'outcomes.staffSideEffects.kind.pain',
	fatigue: 'outcomes.staffSideEffects.kind.fatigue',
	fainting: 'outcomes.staffSideEffects.kind.fainting',
	other: 'outcomes.staffSideEffects.kind.other'
};

export const STAFF_SIDE_EFFECT_SEVERITY_LABELS: Record<SideEffectSeverity, MessageKey> = {
	mild: 'outcomes.staffSideEffects.severity.mild',
	moderate: 'outcomes.staffSideEffects.severity.moderate',
	serious: 'outcomes.staffSideEffects.severity.serious'
};
