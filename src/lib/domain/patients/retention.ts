/*
 * How long treatment records (施術録: visits, intake questionnaires, consents) must be kept: five
 * years after the last treatment (docs/clinical-rules.md §6). A deletion request cannot remove them sooner.
 *
 * The period is counted as the Civil Code counts years (民法 140条, 143条): the day of the last
 * treatment is not counted, and the period ends on the day before the same date five years on,
 * which is the anniversary itself, kept inclusive. A treatment on 29 February ends the period on
 * 28 February, the day before 1 March of a year without a leap day.
 */

export const TREATMENT_RECORD_YEARS = 5;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The latest of clinic-local dates 'YYYY-MM-DD'; null when there are none. */
export function lastTreatmentDay(treatmentDays: readonly string[]): string | null {
	let last: string | null = null;
	for (const day of treatmentDays) {
		if (!DATE.test(day)) throw new Error(`not a date: ${day}`);
		if (last === null || day > last) last = day;
	}
	return last;
}

/**
 * The last day the treatment records must still be kept, given the clinic-local dates of the
 * patient's treatments; null when there was no treatment, so nothing must be kept.
 */
export function keepTreatmentRecordsUntil(treatmentDays: readonly string[], years = TREATMENT_RECORD_YEARS): string | null {
	const last = lastTreatmentDay(treatmentDays);
	if (last === null) return null;
	const [, y, m, d] = DATE.exec(last)!;
	const year = Number(y) + years;
	const day = Math.min(Number(d), daysInMonth(year, Number(m)));
	return `${String(year).padStart(4, '0')}-${m}-${String(day).padStart(2, '0')}`;
}

/** Whether the records may go: true when none must be kept, or `today` is after the keep-until day. */
export function isRetentionOver(keepUntil: string | null, today: string): boolean {
	return keepUntil === null || today > keepUntil;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
