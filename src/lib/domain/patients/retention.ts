import { versionOn, type DatedVersion } from '../billing/dated-config';

/*
 * How long a patient's records must be kept, and why. Two duties outlast a deletion request
 * (docs/clinical-rules.md §6):
 *
 * - 施術録 (treatment records: sessions, assessments, intake answers, consents, the doctor's
 *   consent): five years from the end of treatment under the 受領委任 rules (docs/insurance.md §5).
 *   The period runs from the LAST TREATMENT OF ANY KIND: a treatment session, a completed visit or
 *   an assessment (問診・検査・評価), whichever came last, not only from completed appointments.
 *   shinkyu keeps every patient's 施術録 this way, insured or not (a project decision: one rule).
 * - Accounting records (charges, payments, receipts): the income-tax rules for a sole proprietor
 *   (所得税法 148条・232条, 所得税法施行規則 63条4項・102条4項) keep books and receipts for seven
 *   years counted from 16 March of the year after the record (the day after 15 March, the filing
 *   deadline). That also covers consumption tax (消費税法施行令 50条・71条: seven years from two
 *   months after the end of the year). A clinic run by a company (法人) keeps its books seven years
 *   from the day after its own filing deadline (ten for a year with a loss): not modelled here.
 *
 * Periods are counted as the Civil Code counts years (民法 140条, 143条): a period that starts the
 * day after day D ends on D's anniversary; an anniversary that does not exist (29 February) ends
 * on 28 February.
 */

export type RetentionReason = 'treatment_record' | 'accounting_record';

export interface RetentionPeriods extends DatedVersion {
	treatmentRecord: { years: number; source: string };
	accountingRecord: { years: number; source: string };
}

/**
 * Dated configuration: add a version when a rule changes, never edit a past one. A period is judged
 * by the version in effect on the day it starts (the last treatment, or the record's day). The first
 * version starts with 受領委任 for はり・きゅう (2019-01-01, as the 地方厚生局 announced it) and also
 * covers anything older, since shinkyu keeps every 施術録 by the same rule.
 */
export const RETENTION_PERIODS: readonly RetentionPeriods[] = Object.freeze([
	{
		effectiveFrom: '2019-01-01',
		treatmentRecord: { years: 5, source: '受領委任の取扱規程（施術録の保存、docs/insurance.md §5）' },
		accountingRecord: { years: 7, source: '所得税法 148条・232条、所得税法施行規則 63条4項・102条4項' }
	}
]);

export type TreatmentKind = 'session' | 'visit' | 'examination';

export interface RetentionFacts {
	/** Clinic-local days ('YYYY-MM-DD') of every treatment of any kind. */
	treatments: ReadonlyArray<{ kind: TreatmentKind; day: string }>;
	/** Clinic-local days of the patient's money records. */
	accountingDays: readonly string[];
}

export interface RetentionDuty {
	reason: RetentionReason;
	/** The last treatment, or the day of the latest money record. */
	lastDay: string;
	/** What the last day was, for a treatment. */
	lastKind: TreatmentKind | null;
	/** The last day the records must still be kept. */
	keepUntil: string;
	/** True once `today` is after `keepUntil`: the duty has ended. */
	over: boolean;
	years: number;
	source: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDay(day: string): string {
	if (!DATE.test(day)) throw new Error(`not a date: ${day}`);
	return day;
}

/** The latest of clinic-local dates 'YYYY-MM-DD'; null when there are none. */
export function lastDay(days: readonly string[]): string | null {
	let last: string | null = null;
	for (const day of days) {
		checkDay(day);
		if (last === null || day > last) last = day;
	}
	return last;
}

/** The anniversary of `day` `years` on; 29 February falls back to 28 February. */
export function anniversary(day: string, years: number): string {
	const [, y, m, d] = DATE.exec(checkDay(day))!;
	const year = Number(y) + years;
	const date = Math.min(Number(d), daysInMonth(year, Number(m)));
	return `${String(year).padStart(4, '0')}-${m}-${String(date).padStart(2, '0')}`;
}

/** The version of the periods for a period that starts on `day`. */
export function periodsOn(day: string, periods: readonly RetentionPeriods[] = RETENTION_PERIODS): RetentionPeriods {
	const version = versionOn(periods, day) ?? [...periods].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
	if (!version) throw new Error('no retention periods configured');
	return version;
}

/** 施術録: kept until the anniversary of the last treatment `years` on. */
export function treatmentRecordsKeptUntil(lastTreatment: string, years: number): string {
	return anniversary(lastTreatment, years);
}

/** Books and receipts of the year of `day`: counted from 16 March of the next year, so kept until 15 March. */
export function accountingRecordsKeptUntil(day: string, years: number): string {
	const year = Number(checkDay(day).slice(0, 4));
	return `${String(year + 1 + years).padStart(4, '0')}-03-15`;
}

/**
 * Every duty that applies to a patient's records, treatment records first; a duty with no records
 * behind it (never treated, never charged) is left out. `today` is the clinic-local date.
 */
export function retentionDuties(facts: RetentionFacts, today: string, periods: readonly RetentionPeriods[] = RETENTION_PERIODS): RetentionDuty[] {
	const duties: RetentionDuty[] = [];
	const lastTreatment = lastDay(facts.treatments.map((t) => t.day));
	if (lastTreatment !== null) {
		const { years, source } = periodsOn(lastTreatment, periods).treatmentRecord;
		const keepUntil = treatmentRecordsKeptUntil(lastTreatment, years);
		const lastKind = facts.treatments.find((t) => t.day === lastTreatment)!.kind;
		duties.push({ reason: 'treatment_record', lastDay: lastTreatment, lastKind, keepUntil, over: today > keepUntil, years, source });
	}
	const lastRecord = lastDay(facts.accountingDays);
	if (lastRecord !== null) {
		const { years, source } = periodsOn(lastRecord, periods).accountingRecord;
		const keepUntil = accountingRecordsKeptUntil(lastRecord, years);
		duties.push({ reason: 'accounting_record', lastDay: lastRecord, lastKind: null, keepUntil, over: today > keepUntil, years, source });
	}
	return duties;
}

/** Whether records kept for `reason` must still be kept today. */
export function isKeptFor(duties: readonly RetentionDuty[], reason: RetentionReason): boolean {
	return duties.some((duty) => duty.reason === reason && !duty.over);
}

/**
 * A person who booked and never came is deleted one year after their last contact (the privacy
 * page's promise): the start of their last appointment, whatever became of it, or the day their
 * record was made when that is later.
 */
export const NEVER_CAME_YEARS = 1;

export interface NeverCameFacts {
	/** Any treatment of any kind: a session, a completed visit, an assessment. */
	treated: boolean;
	/** Any charge, payment or receipt: money records are never deleted. */
	hasMoneyRecords: boolean;
	/** Clinic-local day of the last appointment, or of the record's creation when later. */
	lastContactDay: string;
}

/** Whether the record of a person who never came is due for deletion on `today`. */
export function isNeverCameDeletionDue(facts: NeverCameFacts, today: string, years = NEVER_CAME_YEARS): boolean {
	if (facts.treated || facts.hasMoneyRecords) return false;
	return today > anniversary(facts.lastContactDay, years);
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
