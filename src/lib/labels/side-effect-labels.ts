import type { MessageKey } from '$lib/i18n/translate';
import type { SideEffectKind, SideEffectSeverity } from '$lib/server/side-effects/schemas';

/** A side effect a patient reports: its kind and severity. */

export const SIDE_EFFECT_KIND_LABELS: Record<SideEffectKind, MessageKey> = {
	bruising: 'outcomes.sideEffects.kind.bruising',
	bleeding: 'outcomes.sideEffects.kind.bleeding',
	pain: 'outcomes.sideEffects.kind.pain',
	fatigue: 'outcomes.sideEffects.kind.fatigue',
	fainting: 'outcomes.sideEffects.kind.fainting',
	other: 'outcomes.sideEffects.kind.other'
};

export const SIDE_EFFECT_SEVERITY_LABELS: Record<SideEffectSeverity, MessageKey> = {
	mild: 'outcomes.sideEffects.severity.mild',
	moderate: 'outcomes.sideEffects.severity.moderate',
	serious: 'outcomes.sideEffects.severity.serious'
};
