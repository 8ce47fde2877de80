/*
 * No forgotten needle (docs/clinical-rules.md §3): forgotten needles are the incident Japanese
 * acupuncture clinics report most often. A session's needles are accounted for when every needle
 * counted in was counted out, and a session that records needled points also records its count.
 * This one rule decides whether a session is listed on the staff banner, blocks charging or
 * completing its visit, and may close. Pure: no clock, no database.
 */

export interface NeedleTally {
	needlesIn: number;
	needlesOut: number;
	/** Points recorded in the session; every session point is a needled point (はり師 only). */
	needledPoints: number;
}

/**
 * - `needles_in_body`: more needles counted in than out
 * - `count_missing`: needled points are recorded but no needle was counted in
 */
export type NeedleProblem = 'needles_in_body' | 'count_missing';

/** Why a session's needles are not accounted for; null when they are. */
export function unaccountedNeedles(tally: NeedleTally): NeedleProblem | null {
	if (tally.needlesIn > tally.needlesOut) return 'needles_in_body';
	if (tally.needledPoints > 0 && tally.needlesIn === 0) return 'count_missing';
	return null;
}

/** How many needles may still be in the patient: never below zero. */
export function needlesMissing(tally: Pick<NeedleTally, 'needlesIn' | 'needlesOut'>): number {
	return Math.max(0, tally.needlesIn - tally.needlesOut);
}
