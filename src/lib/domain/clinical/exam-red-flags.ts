/*
 * Red flags at the examination (docs/clinical-rules.md §1, issue 15). A finding weighs what the same
 * answer weighs in the self-check:
 * - emergency: no session can start; the patient is referred;
 * - urgent or see-doctor: the practitioner acknowledges it (with a reason) before a session, and
 *   the referral letter is offered;
 * - none: nothing stands in the way.
 * Facts of the patient's history that they gave in the intake or the self-check (a cancer at any
 * time) cannot become untrue at the bed, so they stay in the examination as given: nobody can
 * untick them to lift a warning.
 */
import { levelOfFlags, RED_FLAG_QUESTIONS, type RedFlagQuestion, type TriageLevel } from '../triage/assess';

/** Red-flag answers about the past: once given, true for good. A project decision (docs/clinical-rules.md §1). */
export const HISTORY_RED_FLAGS = ['cancerHistory'] as const satisfies readonly RedFlagQuestion[];
export type HistoryRedFlag = (typeof HISTORY_RED_FLAGS)[number];

export function isHistoryFlag(flag: RedFlagQuestion): flag is HistoryRedFlag {
	return (HISTORY_RED_FLAGS as readonly string[]).includes(flag);
}

/** The red flags the practitioner ticked, with every history fact the patient gave added; in the rules' order. */
export function withGivenHistory(ticked: readonly RedFlagQuestion[], given: readonly RedFlagQuestion[]): RedFlagQuestion[] {
	const flags = new Set<RedFlagQuestion>([...ticked, ...given.filter(isHistoryFlag)]);
	return RED_FLAG_QUESTIONS.filter((q) => flags.has(q));
}

export type SessionGate = 'clear' | 'blocked' | 'needs_acknowledgement';

/** Whether the level of the newest examination's red flags lets a session start. */
export function sessionGate(level: TriageLevel, acknowledged: boolean): SessionGate {
	if (level === 'emergency') return 'blocked';
	if (level === 'routine') return 'clear';
	return acknowledged ? 'clear' : 'needs_acknowledgement';
}

/** The level an examination's red flags reach, as the self-check would grade the same answers. */
export function examRedFlagLevel(redFlags: readonly RedFlagQuestion[]): TriageLevel {
	return levelOfFlags(redFlags);
}

/** Whether the practitioner is asked to acknowledge: an urgent or see-doctor finding. */
export function needsAcknowledgement(redFlags: readonly RedFlagQuestion[]): boolean {
	const level = examRedFlagLevel(redFlags);
	return level === 'urgent' || level === 'see_doctor';
}
