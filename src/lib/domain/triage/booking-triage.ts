/*
 * Self-check answers that come with a booking (docs/clinical-rules.md §1). The same rule as the
 * result page: emergency and urgent answers are sent to care, not to an acupuncture visit, so such a
 * booking is refused whoever sends it (the /book form or the API); a see_doctor or routine level
 * books, and the visit keeps the level and its reasons for the practitioner to discuss.
 */
import { assess, mayBook, type TriageAnswers, type TriageLevel, type TriageReason } from './assess';

export type BookableLevel = Extract<TriageLevel, 'see_doctor' | 'routine'>;
export type RefusedLevel = Extract<TriageLevel, 'emergency' | 'urgent'>;

export type BookingTriage = { ok: true; level: BookableLevel; reasons: TriageReason[] } | { ok: false; level: RefusedLevel; reasons: TriageReason[] };

export function triageForBooking(answers: TriageAnswers): BookingTriage {
	const { level, reasons } = assess(answers);
	return mayBook(level) ? { ok: true, level: level as BookableLevel, reasons } : { ok: false, level: level as RefusedLevel, reasons };
}

/** Whether a visit's self-check level is one the practitioner must see on the schedule: anything above routine. */
export function isFlagged(level: TriageLevel | null): level is Exclude<TriageLevel, 'routine'> {
	return level !== null && level !== 'routine';
}
