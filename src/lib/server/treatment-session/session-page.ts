import { conflictLabel, labelConflicts, pointCautions, pointLabel } from '../../components/treatment-plan/plan-labels';
import { wordSafetyAlerts } from '../../components/safety/safety-labels';
import { ACUPOINTS, acupointName, findAcupoint, type Acupoint, type ChartedPoint } from '../../domain/acupoints/points';
import { OCCURRED_BEFORE_START_MS } from '../../domain/clinical/session-rules';
import { toOffsetIso } from '../../domain/time';
import { instantFormat } from '../../format';
import { translate } from '../../i18n/translate';
import { FIELD_LABELS } from '../../components/treatment-session/session-labels';
import { defaultTapSide } from '../../components/treatment-session/point-picker-layout';
import type { PointSide } from '../../domain/clinical/point-suggestions';
import type { Locale } from '../../i18n/locales';
import type { SessionView } from './session-record';

/*
 * What the session record page shows that comes from the point atlas, the safety labels and the
 * clinic's clock, worked out here so the page's JavaScript carries none of them (issue #21: at
 * most 60 KB on first load). The page hydrates with these values, so it reads the same with or
 * without JavaScript.
 */

/** `YYYY-MM-DDTHH:MM` in clinic time, as a datetime-local field takes it. */
const localValue = (instant: number, timeZone: string) => toOffsetIso(instant, timeZone).slice(0, 16);

/** Every point of the atlas by its name in this language, with where the picker's figures mark it. */
export function pointCatalogue(locale: Locale) {
	return ACUPOINTS.map((point) => ({ code: point.code, name: acupointName(point, locale), chart: point.chart }));
}

/** The session's points as the body chart draws them. */
export function chartedPoints(codes: readonly string[]): ChartedPoint[] {
	return [...new Set(codes)]
		.map((code) => findAcupoint(code))
		.filter((p): p is Acupoint => p !== null)
		.map((p) => ({ code: p.code, pinyin: p.pinyin, japanese: p.japanese, chart: p.chart }));
}

/** Each recorded point's cautions in one line (docs/clinical-rules.md §2), by code; none for a point without. */
export function recordedCautions(codes: readonly string[], locale: Locale): Record<string, string> {
	return Object.fromEntries(codes.map((code) => [code, pointCautions(code, locale)]).filter(([, text]) => text !== ''));
}

/** A value an amendment changed, as the record shows it: points by code, a group by its fields. */
function amendedValue(value: unknown): string {
	if (value === null || value === undefined || value === '') return '—';
	if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' && 'code' in v ? `${String(v.code)}` : JSON.stringify(v))).join(', ') || '—';
	if (typeof value === 'object')
		return Object.entries(value)
			.map(([k, v]) => `${k}: ${String(v)}`)
			.join(', ');
	return String(value);
}

/** Each field an amendment changed, by its name in this language, with its values before and after. */
export function amendmentChanges(before: Record<string, unknown>, after: Record<string, unknown>, locale: Locale) {
	return Object.keys({ ...before, ...after }).map((field) => ({
		field,
		label: Object.hasOwn(FIELD_LABELS, field) ? translate(locale, FIELD_LABELS[field as keyof typeof FIELD_LABELS]) : field,
		before: amendedValue(before[field]),
		after: amendedValue(after[field])
	}));
}

export function sessionPageView(session: SessionView, locale: Locale, timeZone: string, now: Date, planSides: readonly PointSide[]) {
	const { safety } = session;
	const recorded = session.points.map((p) => p.code);
	const dateTime = instantFormat(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' });
	const instants = [
		session.startedAt,
		session.closedAt,
		session.lockAt,
		...safety.acknowledgements.map((a) => a.createdAt),
		...session.adverseEvents.flatMap((e) => [e.occurredAt, e.recordedAt]),
		...session.amendments.map((a) => a.createdAt)
	].filter((iso): iso is string => iso !== null);
	return {
		session: {
			...session,
			amendments: session.amendments.map(({ before, after, ...amendment }) => ({ ...amendment, changes: amendmentChanges(before, after, locale) })),
			heldPlanPoints: session.heldPlanPoints.map((p) => ({ ...p, label: pointLabel(p.code, locale) })),
			safety: {
				...safety,
				alerts: wordSafetyAlerts(safety.alerts, locale),
				open: { ...safety.open, conflicts: labelConflicts(safety.open.conflicts, locale) },
				held: { ...safety.held, conflicts: labelConflicts(safety.held.conflicts, locale) },
				acknowledgements: safety.acknowledgements.map((a) => ({ ...a, label: conflictLabel(a.conflict, locale) }))
			}
		},
		points: pointCatalogue(locale),
		/** The side a point tapped on the body chart gets unless another is picked: the plan's, else the session's. */
		tapSide: defaultTapSide(
			planSides,
			session.points.map((p) => p.side)
		),
		charted: chartedPoints(recorded),
		cautions: recordedCautions(recorded, locale),
		/** Each instant the page shows, as a date and time in the clinic's zone: the page ships no format module. */
		dates: Object.fromEntries(instants.map((iso) => [iso, dateTime.format(iso)])) as Record<string, string>,
		/** The end of the retention timer, as a time of day. */
		times: (session.retentionEndsAt
			? { [session.retentionEndsAt]: instantFormat(locale, timeZone, { timeStyle: 'short' }).format(session.retentionEndsAt) }
			: {}) as Record<string, string>,
		/** The bounds of an adverse event's time (docs/clinical-rules.md §3): a day before the start, and now. */
		occurredRange: {
			min: localValue(new Date(session.startedAt).getTime() - OCCURRED_BEFORE_START_MS, timeZone),
			max: localValue(now.getTime(), timeZone)
		}
	};
}
