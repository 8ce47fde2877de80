import type { ChartView } from '$lib/domain/acupoints/body-regions';
import type { MoxaType } from '$lib/domain/clinical/session-rules';
import type { PointSide } from '$lib/domain/clinical/point-suggestions';
import type { MessageKey, Translate } from '$lib/i18n/translate';
import type {
	ADVERSE_EVENT_KINDS,
	ADVERSE_EVENT_OUTCOMES,
	ADVERSE_EVENT_SEVERITIES,
	DEQI_LEVELS,
	NEEDLE_TECHNIQUES
} from '$lib/server/treatment-session/schemas';

/*
 * Typed label maps for what the session record shows by code (issue #21): every key is written
 * out, so the type checker holds each code to a message and the build sends the page only the
 * messages it names.
 */

export const SIDE_LABELS: Record<PointSide, MessageKey> = {
	left: 'treatmentSession.points.side.left',
	right: 'treatmentSession.points.side.right',
	both: 'treatmentSession.points.side.both',
	midline: 'treatmentSession.points.side.midline'
};

export const TECHNIQUE_LABELS: Record<(typeof NEEDLE_TECHNIQUES)[number], MessageKey> = {
	retention: 'treatmentSession.points.technique.retention',
	single: 'treatmentSession.points.technique.single',
	sparrow_pecking: 'treatmentSession.points.technique.sparrow_pecking',
	rotation: 'treatmentSession.points.technique.rotation'
};

export const DEQI_LABELS: Record<(typeof DEQI_LEVELS)[number], MessageKey> = {
	none: 'treatmentSession.points.deqi.none',
	mild: 'treatmentSession.points.deqi.mild',
	strong: 'treatmentSession.points.deqi.strong'
};

export const MOXA_LABELS: Record<MoxaType, MessageKey> = {
	direct: 'treatmentSession.tech.moxa.direct',
	indirect: 'treatmentSession.tech.moxa.indirect',
	needle_top: 'treatmentSession.tech.moxa.needle_top',
	stick: 'treatmentSession.tech.moxa.stick'
};

export const ADVERSE_KIND_LABELS: Record<(typeof ADVERSE_EVENT_KINDS)[number], MessageKey> = {
	bruising: 'treatmentSession.adverse.kind.bruising',
	bleeding: 'treatmentSession.adverse.kind.bleeding',
	pain: 'treatmentSession.adverse.kind.pain',
	fatigue: 'treatmentSession.adverse.kind.fatigue',
	fainting: 'treatmentSession.adverse.kind.fainting',
	other: 'treatmentSession.adverse.kind.other'
};

export const ADVERSE_SEVERITY_LABELS: Record<(typeof ADVERSE_EVENT_SEVERITIES)[number], MessageKey> = {
	mild: 'treatmentSession.adverse.severity.mild',
	moderate: 'treatmentSession.adverse.severity.moderate',
	serious: 'treatmentSession.adverse.severity.serious'
};

export const ADVERSE_OUTCOME_LABELS: Record<(typeof ADVERSE_EVENT_OUTCOMES)[number], MessageKey> = {
	resolved: 'treatmentSession.adverse.outcome.resolved',
	resolving: 'treatmentSession.adverse.outcome.resolving',
	ongoing: 'treatmentSession.adverse.outcome.ongoing',
	referred: 'treatmentSession.adverse.outcome.referred'
};

/** The fields of the record an amendment names (the server words them); another field shows by its own name. */
type AmendedField =
	| 'points'
	| 'needlesIn'
	| 'needlesOut'
	| 'notes'
	| 'preLegPain'
	| 'preBackPain'
	| 'electroacupuncture'
	| 'moxibustion'
	| 'cupping'
	| 'retentionMinutes'
	| 'timerStartedAt';

export const FIELD_LABELS: Record<AmendedField, MessageKey> = {
	points: 'treatmentSession.field.points',
	needlesIn: 'treatmentSession.field.needlesIn',
	needlesOut: 'treatmentSession.field.needlesOut',
	notes: 'treatmentSession.field.notes',
	preLegPain: 'treatmentSession.field.preLegPain',
	preBackPain: 'treatmentSession.field.preBackPain',
	electroacupuncture: 'treatmentSession.field.electroacupuncture',
	moxibustion: 'treatmentSession.field.moxibustion',
	cupping: 'treatmentSession.field.cupping',
	retentionMinutes: 'treatmentSession.field.retentionMinutes',
	timerStartedAt: 'treatmentSession.field.timerStartedAt'
};

export const VIEW_LABELS: Record<ChartView, MessageKey> = {
	front: 'points.view.front',
	back: 'points.view.back',
	side: 'points.view.side'
};

/** A stored code in words by its label map; a code the map does not know shows as itself. */
export function codeLabel(t: Translate, labels: Readonly<Record<string, MessageKey>>, code: string): string {
	return Object.hasOwn(labels, code) ? t(labels[code]!) : code;
}
