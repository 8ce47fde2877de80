/*
 * A patient's progress from a series of check-ins (docs/clinical-rules.md §4): the baseline, the latest value
 * of each measure, the change, responder status, and the "not improving" prompt. Pure: the
 * clock comes in as `now`.
 */
import { MEASURE_INSTRUMENTS, MEASURE_KEYS, measureScores, type CheckIn, type MeasureKey } from './check-in';
import { changeFromBaseline, responderStatus, type ResponderStatus } from './instrument';

/** An attended treatment session (arrived or completed), for counting and for chart markers. */
export interface Session {
	id: string;
	startsAt: string;
}

export interface MeasurePoint {
	value: number;
	at: string;
	checkInId: string;
}

export interface MeasureProgress {
	measure: MeasureKey;
	baseline: MeasurePoint | null;
	/** The newest measurement after the baseline; null when there is none yet. */
	latest: MeasurePoint | null;
	/** latest − baseline as measured; null without both. */
	difference: number | null;
	/** The change signed so that positive is better. */
	improvement: number | null;
	percentImprovement: number | null;
	status: ResponderStatus;
}

export type NotImprovingStatus = 'no_baseline' | 'not_due' | 'improving' | 'not_improving';

export interface NotImprovingResult {
	status: NotImprovingStatus;
	/** Why a due review found no responder result: no leg-pain answer since baseline, or one below the threshold. */
	reason: 'no_follow_up' | 'below_threshold' | null;
	sessionsSinceBaseline: number;
	/** When both conditions (4 sessions, 3 weeks) are met; null until the 4th session has happened. */
	reviewFrom: string | null;
}

export interface ProgressSummary {
	baseline: CheckIn | null;
	latest: CheckIn | null;
	/** The activities the patient named at baseline (PSFS), in their order. */
	activities: string[];
	measures: Record<MeasureKey, MeasureProgress>;
	notImproving: NotImprovingResult;
}

export const REVIEW_AFTER_SESSIONS = 4;
export const REVIEW_AFTER_DAYS = 21;
const DAY_MS = 86_400_000;

const byTime = (a: { recordedAt: string }, b: { recordedAt: string }) => a.recordedAt.localeCompare(b.recordedAt);

/**
 * Baseline is the measurement at intake or the first session (docs/clinical-rules.md §4): the earliest check-in
 * from either; a portal check-in counts only when the patient has neither (it then came first).
 */
export function baselineOf(checkIns: readonly CheckIn[]): CheckIn | null {
	const sorted = [...checkIns].sort(byTime);
	return sorted.find((c) => c.source === 'intake' || c.source === 'session') ?? sorted[0] ?? null;
}

/**
 * Per measure: its baseline is its first value from the baseline check-in on (an intake may have
 * skipped a measure), its latest the newest value after that. PGIC needs no baseline.
 */
function measureProgress(measure: MeasureKey, series: readonly CheckIn[]): MeasureProgress {
	const instrument = MEASURE_INSTRUMENTS[measure];
	const points: MeasurePoint[] = [];
	for (const c of series) {
		const value = measureScores(c)[measure];
		if (value !== null) points.push({ value, at: c.recordedAt, checkInId: c.id });
	}
	const needsBaseline = instrument.responder.kind !== 'answer_in';
	const baseline = needsBaseline ? (points[0] ?? null) : null;
	const after = needsBaseline ? points.slice(1) : points;
	const latest = after.at(-1) ?? null;
	const change = baseline && latest ? changeFromBaseline(instrument, baseline.value, latest.value) : null;
	return {
		measure,
		baseline,
		latest,
		difference: change?.difference ?? null,
		improvement: change?.improvement ?? null,
		percentImprovement: change?.percentImprovement ?? null,
		status: responderStatus(instrument, needsBaseline ? (baseline?.value ?? null) : null, latest?.value ?? null)
	};
}

/**
 * docs/clinical-rules.md §4: not improving is no responder result on leg-pain NRS after 4 sessions or 3 weeks,
 * whichever comes later. Sessions count from the baseline (the baseline's own session included). Once both are
 * reached, the newest leg-pain answer decides: an early response that has since faded is not
 * improvement, and no answer since baseline is no responder result either. A baseline of 0 leaves
 * nothing to improve, so the rule cannot apply.
 */
export function assessNotImproving(leg: MeasureProgress, baseline: CheckIn | null, sessions: readonly Session[], now: Date): NotImprovingResult {
	if (!baseline || !leg.baseline || leg.baseline.value === 0) {
		return { status: 'no_baseline', reason: null, sessionsSinceBaseline: 0, reviewFrom: null };
	}
	const nowIso = now.toISOString();
	const counted = sessions
		.filter((s) => s.startsAt <= nowIso && (s.startsAt >= baseline.recordedAt || s.id === baseline.appointmentId))
		.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
	const fourth = counted[REVIEW_AFTER_SESSIONS - 1];
	const threeWeeks = new Date(Date.parse(baseline.recordedAt) + REVIEW_AFTER_DAYS * DAY_MS).toISOString();
	const reviewFrom = fourth ? (fourth.startsAt > threeWeeks ? fourth.startsAt : threeWeeks) : null;
	const base = { sessionsSinceBaseline: counted.length, reviewFrom };
	if (!reviewFrom || reviewFrom > nowIso) return { status: 'not_due', reason: null, ...base };
	if (leg.status === 'responder') return { status: 'improving', reason: null, ...base };
	return { status: 'not_improving', reason: leg.latest ? 'below_threshold' : 'no_follow_up', ...base };
}

export function summarizeProgress(checkIns: readonly CheckIn[], sessions: readonly Session[], now: Date): ProgressSummary {
	const baseline = baselineOf(checkIns);
	const series = baseline ? [...checkIns].sort(byTime).filter((c) => c.recordedAt >= baseline.recordedAt) : [];
	const measures = Object.fromEntries(MEASURE_KEYS.map((key) => [key, measureProgress(key, series)])) as Record<MeasureKey, MeasureProgress>;
	const firstPsfs = series.find((c) => c.psfs !== null);
	return {
		baseline,
		latest: series.length > 1 ? series.at(-1)! : null,
		activities: firstPsfs?.psfs?.map((a) => a.activity) ?? [],
		measures,
		notImproving: assessNotImproving(measures.legPain, baseline, sessions, now)
	};
}
