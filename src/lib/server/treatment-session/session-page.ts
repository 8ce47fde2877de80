import { conflictLabel, labelConflicts, pointCautions, pointLabel } from '../../components/treatment-plan/plan-labels';
import { ACUPOINTS, acupointName, findAcupoint, type Acupoint, type ChartedPoint } from '../../domain/acupoints/points';
import { OCCURRED_BEFORE_START_MS } from '../../domain/clinical/session-rules';
import { toOffsetIso } from '../../domain/time';
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

export function sessionPageView(session: SessionView, locale: Locale, timeZone: string, now: Date) {
	const { safety } = session;
	const recorded = session.points.map((p) => p.code);
	return {
		session: {
			...session,
			heldPlanPoints: session.heldPlanPoints.map((p) => ({ ...p, label: pointLabel(p.code, locale) })),
			safety: {
				...safety,
				open: { ...safety.open, conflicts: labelConflicts(safety.open.conflicts, locale) },
				held: { ...safety.held, conflicts: labelConflicts(safety.held.conflicts, locale) },
				acknowledgements: safety.acknowledgements.map((a) => ({ ...a, label: conflictLabel(a.conflict, locale) }))
			}
		},
		points: pointCatalogue(locale),
		charted: chartedPoints(recorded),
		cautions: recordedCautions(recorded, locale),
		/** The bounds of an adverse event's time (docs/clinical-rules.md §3): a day before the start, and now. */
		occurredRange: {
			min: localValue(new Date(session.startedAt).getTime() - OCCURRED_BEFORE_START_MS, timeZone),
			max: localValue(now.getTime(), timeZone)
		}
	};
}
