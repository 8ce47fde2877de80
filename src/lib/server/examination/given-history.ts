import { HISTORY_RED_FLAGS, type HistoryRedFlag } from '../../domain/clinical/exam-red-flags';
import type { Db } from '../db/database';
import { selfCheckAnswersOf } from '../booking/patient-visit-reads';
import { listSubmittedIntakeAnswers } from '../intake/intake-repository';

/*
 * History facts the patient gave before the examination (docs/clinical-rules.md §1): a "yes" to a
 * history question in a submitted intake, or in self-check answers brought with a booking. They
 * stay in every examination as given (domain/clinical/exam-red-flags.ts).
 */

export interface GivenHistoryFact {
	flag: HistoryRedFlag;
	source: 'intake' | 'self_check';
	/** When it was first given (ISO 8601, UTC). */
	givenAt: string;
}

function said(text: string | null, path: (value: Record<string, unknown>) => unknown): boolean {
	if (text === null) return false;
	try {
		const value = JSON.parse(text) as unknown;
		return value !== null && typeof value === 'object' && path(value as Record<string, unknown>) === true;
	} catch {
		return false;
	}
}

/** Each history fact the patient has given, with where and when it was first given; in the rules' order. */
export async function givenHistoryFacts(db: Db, patientId: string): Promise<GivenHistoryFact[]> {
	const [intakes, bookings] = await Promise.all([listSubmittedIntakeAnswers(db, patientId), selfCheckAnswersOf(db, patientId)]);
	const facts: GivenHistoryFact[] = [];
	for (const flag of HISTORY_RED_FLAGS) {
		const fromIntake = intakes.find((i) => said(i.answers, (a) => (a['red-flags'] as Record<string, unknown> | undefined)?.[flag]));
		const fromSelfCheck = bookings.find((b) => said(b.triage, (a) => a[flag]));
		const candidates: GivenHistoryFact[] = [
			...(fromIntake ? [{ flag, source: 'intake' as const, givenAt: fromIntake.submitted_at ?? '' }] : []),
			...(fromSelfCheck ? [{ flag, source: 'self_check' as const, givenAt: fromSelfCheck.triage_given_at ?? fromSelfCheck.created_at }] : [])
		];
		candidates.sort((a, b) => a.givenAt.localeCompare(b.givenAt));
		if (candidates[0]) facts.push(candidates[0]);
	}
	return facts;
}
