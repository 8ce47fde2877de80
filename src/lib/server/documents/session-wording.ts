import { acupointName, findAcupoint } from '../../domain/acupoints/points';
import type { Cupping, Electroacupuncture, Moxibustion } from '../../domain/clinical/session-rules';
import { DEQI_LABELS, FIELD_LABELS, MOXA_LABELS, SIDE_LABELS, TECHNIQUE_LABELS } from '../../components/treatment-session/session-labels';
import type { MessageKey } from '../../i18n/translate';
import type { DocumentContext } from './document-context';
import type { RecordPoint } from './record-sessions';

/*
 * A session's recorded values in words, for the 施術録: the same catalogue keys as the session
 * page, so the printed record reads like the screen: the label maps are the session page's own
 * (components/treatment-session/session-labels.ts, issue #21), so each code is worded once.
 */

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

export function amendedFieldName(ctx: DocumentContext, field: string): string {
	return word(ctx, FIELD_LABELS, field);
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
