import { acupointName, findAcupoint } from '../../domain/acupoints/points';
import type { Cupping, Electroacupuncture, Moxibustion, MoxaType } from '../../domain/clinical/session-rules';
import type { MessageKey } from '../../i18n/translate';
import type { AdverseEventKind, AdverseEventOutcome, AdverseEventSeverity, PointSide } from '../db/schema-session';
import type { DEQI_LEVELS, NEEDLE_TECHNIQUES } from '../treatment-session/schemas';
import type { DocumentContext } from './document-context';
import type { RecordPoint } from './record-sessions';

/*
 * A session's recorded values in words, for the 施術録: the same catalogue keys as the session
 * page, so the printed record reads like the screen.
 */

/*
 * Typed label maps (issue #21) for the codes a session stores: a new code without words is a type
 * error. The same keys as the session page's.
 */
const SIDE_LABELS: Record<PointSide, MessageKey> = {
	left: 'treatmentSession.points.side.left',
	right: 'treatmentSession.points.side.right',
	both: 'treatmentSession.points.side.both',
	midline: 'treatmentSession.points.side.midline'
};
const TECHNIQUE_LABELS: Record<(typeof NEEDLE_TECHNIQUES)[number], MessageKey> = {
	retention: 'treatmentSession.points.technique.retention',
	single: 'treatmentSession.points.technique.single',
	sparrow_pecking: 'treatmentSession.points.technique.sparrow_pecking',
	rotation: 'treatmentSession.points.technique.rotation'
};
const DEQI_LABELS: Record<(typeof DEQI_LEVELS)[number], MessageKey> = {
	none: 'treatmentSession.points.deqi.none',
	mild: 'treatmentSession.points.deqi.mild',
	strong: 'treatmentSession.points.deqi.strong'
};
const MOXA_LABELS: Record<MoxaType, MessageKey> = {
	direct: 'treatmentSession.tech.moxa.direct',
	indirect: 'treatmentSession.tech.moxa.indirect',
	needle_top: 'treatmentSession.tech.moxa.needle_top',
	stick: 'treatmentSession.tech.moxa.stick'
};
export const ADVERSE_KIND_LABELS: Record<AdverseEventKind, MessageKey> = {
	bruising: 'treatmentSession.adverse.kind.bruising',
	bleeding: 'treatmentSession.adverse.kind.bleeding',
	pain: 'treatmentSession.adverse.kind.pain',
	fatigue: 'treatmentSession.adverse.kind.fatigue',
	fainting: 'treatmentSession.adverse.kind.fainting',
	other: 'treatmentSession.adverse.kind.other'
};
export const ADVERSE_SEVERITY_LABELS: Record<AdverseEventSeverity, MessageKey> = {
	mild: 'treatmentSession.adverse.severity.mild',
	moderate: 'treatmentSession.adverse.severity.moderate',
	serious: 'treatmentSession.adverse.severity.serious'
};
export const ADVERSE_OUTCOME_LABELS: Record<AdverseEventOutcome, MessageKey> = {
	resolved: 'treatmentSession.adverse.outcome.resolved',
	resolving: 'treatmentSession.adverse.outcome.resolving',
	ongoing: 'treatmentSession.adverse.outcome.ongoing',
	referred: 'treatmentSession.adverse.outcome.referred'
};

/** A catalogue word for a stored code, or the code itself if the map has no such word (older rows). */
function word(ctx: DocumentContext, labels: Readonly<Record<string, MessageKey>>, code: string | null): string {
	if (code === null || code === '') return '—';
	return Object.hasOwn(labels, code) ? ctx.t(labels[code]!) : code;
}

export function pointCells(ctx: DocumentContext, point: RecordPoint): string[] {
	const { t } = ctx;
	const known = findAcupoint(point.code);
	return [
		known ? `${point.code} ${acupointName(known, ctx.locale)}` : point.code,
		word(ctx, SIDE_LABELS, point.side),
		point.gauge ? t('treatmentSession.points.gaugeOption', { gauge: point.gauge }) : '—',
		point.lengthMm === null ? '—' : t('treatmentSession.points.lengthOption', { mm: point.lengthMm }),
		[point.depthMm === null ? '' : t('treatmentSession.points.depthValue', { mm: point.depthMm }), point.deep ? t('treatmentSession.points.deep') : '']
			.filter(Boolean)
			.join(ctx.locale === 'ja' ? '・' : ', ') || '—',
		word(ctx, TECHNIQUE_LABELS, point.technique),
		word(ctx, DEQI_LABELS, point.deqi)
	];
}

export function pointHeader({ t }: DocumentContext): string[] {
	return [
		t('treatmentSession.points.colPoint'),
		t('treatmentSession.points.colSide'),
		t('treatmentSession.points.colGauge'),
		t('treatmentSession.points.colLength'),
		t('treatmentSession.points.colDepth'),
		t('treatmentSession.points.colTechnique'),
		t('treatmentSession.points.colDeqi')
	];
}

export function electroacupunctureText({ t }: DocumentContext, ea: Electroacupuncture | null): string {
	return ea ? t('treatmentSession.tech.eaSummary', { pairs: ea.pairs, hz: ea.frequencyHz, minutes: ea.minutes }) : t('documents.records.notUsed');
}

export function moxibustionText(ctx: DocumentContext, moxa: Moxibustion | null): string {
	return moxa ? ctx.t('treatmentSession.tech.moxaSummary', { type: word(ctx, MOXA_LABELS, moxa.type), cones: moxa.cones }) : ctx.t('documents.records.notUsed');
}

export function cuppingText({ t }: DocumentContext, cupping: Cupping | null): string {
	return cupping ? t('treatmentSession.tech.cuppingSummary', { cups: cupping.cups, minutes: cupping.minutes }) : t('documents.records.notUsed');
}

/** The fields an amendment can name (treatment-session/*.ts `before`/`after`). */
type AmendableField =
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

/** Each amendable field in words; any other field prints as itself. */
const AMENDABLE_FIELD_LABELS: Record<AmendableField, MessageKey> = {
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

export function amendedFieldName(ctx: DocumentContext, field: string): string {
	return word(ctx, AMENDABLE_FIELD_LABELS, field);
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** One value of an amendment (before or after) in words; anything unexpected is shown as stored, never dropped. */
export function amendedValue(ctx: DocumentContext, field: string, value: unknown): string {
	if (value === null || value === undefined || value === '') {
		return ['electroacupuncture', 'moxibustion', 'cupping'].includes(field) ? ctx.t('documents.records.notUsed') : '—';
	}
	if (field === 'points' && Array.isArray(value)) {
		if (value.length === 0) return '—';
		return value
			.map((p) =>
				isObject(p) && typeof p.code === 'string'
					? pointCells(ctx, p as unknown as RecordPoint)
							.filter((cell) => cell !== '—')
							.join(ctx.t('list.separator'))
					: JSON.stringify(p)
			)
			.join('\n');
	}
	if (field === 'electroacupuncture' && isObject(value)) return electroacupunctureText(ctx, value as unknown as Electroacupuncture);
	if (field === 'moxibustion' && isObject(value)) return moxibustionText(ctx, value as unknown as Moxibustion);
	if (field === 'cupping' && isObject(value)) return cuppingText(ctx, value as unknown as Cupping);
	if (field === 'timerStartedAt' && typeof value === 'string') return ctx.dateTime(value);
	if (field === 'retentionMinutes' && typeof value === 'number') return ctx.t('documents.records.minutes', { minutes: value });
	return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}
