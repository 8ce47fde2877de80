import type { InsuredCondition } from '../billing/insured-conditions';

/*
 * 療養費 for はり・きゅう is not paid while a doctor treats the same condition under insurance
 * (docs/jukyo-inin.md §6). The desk records that treatment with the day it began (and ended, when
 * it did); a charge for the condition on a day inside it is refused.
 */

export interface DoctorTreatmentFacts {
	id: string;
	condition: InsuredCondition;
	sinceOn: string;
	endedOn: string | null;
}

/** The recorded treatments that overlap an insured visit on `date` for any of `conditions`. */
export function doctorTreatmentsBlocking<T extends DoctorTreatmentFacts>(treatments: readonly T[], conditions: readonly InsuredCondition[], date: string): T[] {
	return treatments.filter((t) => conditions.includes(t.condition) && t.sinceOn <= date && (t.endedOn === null || date <= t.endedOn));
}
