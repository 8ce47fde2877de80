import { clockMinutes } from '../time';

/*
 * What the owner may set in the scheduling settings. Pure checks on plain values; each answers
 * with a problem code (or none), and the shell turns the code into a localized message.
 */

/** Occupancy is written in 5-minute grains (server/booking/occupancy.ts): durations follow it. */
export const GRAIN_MINUTES = 5;
/** Slot steps that divide an hour into whole grains. */
export const SLOT_STEPS = [5, 10, 15, 20, 30, 60] as const;
/** Morning and afternoon: the gap between two periods is the lunch break. */
export const MAX_PERIODS_PER_DAY = 2;

export interface WholeNumberRule {
	min: number;
	max: number;
	multipleOf?: number;
}

/**
 * The longest any appointment holds a practitioner or bed: a day-long block. A service with its
 * buffer stays well under it. Reads of the schedule rely on it to leave past visits out of a scan.
 */
export const LONGEST_HOLD_MINUTES = 24 * 60;

export const DURATION_MINUTES: WholeNumberRule = { min: 5, max: 480, multipleOf: GRAIN_MINUTES };
export const BUFFER_MINUTES: WholeNumberRule = { min: 0, max: 120, multipleOf: GRAIN_MINUTES };
export const MIN_NOTICE_MINUTES: WholeNumberRule = { min: 0, max: 7 * 24 * 60, multipleOf: GRAIN_MINUTES };
export const HORIZON_DAYS: WholeNumberRule = { min: 1, max: 365 };
export const CANCELLATION_CUTOFF_HOURS: WholeNumberRule = { min: 0, max: 7 * 24 };
export const PRICE_JPY: WholeNumberRule = { min: 0, max: 1_000_000 };

export const DEFAULT_BOOKING_RULES = { slotStepMinutes: 15, minNoticeMinutes: 120, horizonDays: 90, cancellationCutoffHours: 24 } as const;

export type NumberProblem = 'not_whole' | 'too_small' | 'too_large' | 'not_multiple';

export function checkWholeNumber(value: number, rule: WholeNumberRule): NumberProblem | null {
	if (!Number.isSafeInteger(value)) return 'not_whole';
	if (value < rule.min) return 'too_small';
	if (value > rule.max) return 'too_large';
	if (rule.multipleOf && value % rule.multipleOf !== 0) return 'not_multiple';
	return null;
}

export function isSlotStep(minutes: number): boolean {
	return (SLOT_STEPS as readonly number[]).includes(minutes);
}

export type NoticeUnit = 'minutes' | 'hours';

export function noticeInMinutes(amount: number, unit: NoticeUnit): number {
	return unit === 'hours' ? amount * 60 : amount;
}

/** Whole hours read better ("2 hours"); anything else stays in minutes. */
export function noticeForDisplay(minutes: number): { amount: number; unit: NoticeUnit } {
	return minutes > 0 && minutes % 60 === 0 ? { amount: minutes / 60, unit: 'hours' } : { amount: minutes, unit: 'minutes' };
}

/** '9:00', '０９：００' or '09:00:00' (a time input with seconds) become '09:00'; anything else is kept. */
export function normalizeClockTime(value: string): string {
	const text = value.normalize('NFKC').trim();
	const match = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(text);
	return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : text;
}

export interface PeriodRow {
	/** As typed; an empty row (both blank) means "no period". */
	start: string;
	end: string;
}

export interface Period {
	start: string;
	end: string;
}

export type PeriodProblem = 'missing_time' | 'invalid_time' | 'end_not_after_start' | 'overlap' | 'too_many_periods';

export interface PeriodIssue {
	/** The row as given, so the form can mark the field the owner typed. */
	index: number;
	field: 'start' | 'end';
	problem: PeriodProblem;
}

/**
 * The periods of one weekday: each 'HH:MM' with start before end, none overlapping another
 * (touching is allowed: it reads as one long period). A day without periods is closed.
 */
export function checkDayPeriods(rows: readonly PeriodRow[]): { periods: Period[]; issues: PeriodIssue[] } {
	const issues: PeriodIssue[] = [];
	const valid: Array<Period & { index: number }> = [];
	let filled = 0;
	rows.forEach((row, index) => {
		const start = normalizeClockTime(row.start);
		const end = normalizeClockTime(row.end);
		if (start === '' && end === '') return;
		if (++filled > MAX_PERIODS_PER_DAY) {
			issues.push({ index, field: 'start', problem: 'too_many_periods' });
			return;
		}
		const rowIssues: PeriodIssue[] = [];
		for (const [field, value] of [
			['start', start],
			['end', end]
		] as const) {
			if (value === '') rowIssues.push({ index, field, problem: 'missing_time' });
			else if (clockMinutes(value) === null) rowIssues.push({ index, field, problem: 'invalid_time' });
		}
		if (rowIssues.length === 0 && start >= end) rowIssues.push({ index, field: 'end', problem: 'end_not_after_start' });
		issues.push(...rowIssues);
		if (rowIssues.length === 0) valid.push({ start, end, index });
	});
	valid.sort((a, b) => a.start.localeCompare(b.start));
	for (let i = 1; i < valid.length; i++) {
		if (valid[i]!.start < valid[i - 1]!.end) issues.push({ index: valid[i]!.index, field: 'start', problem: 'overlap' });
	}
	issues.sort((a, b) => a.index - b.index || (a.field === b.field ? 0 : a.field === 'start' ? -1 : 1));
	return { periods: valid.map(({ start, end }) => ({ start, end })), issues };
}

export interface WeekdayPeriod extends Period {
	/** 0 = Sunday … 6 = Saturday. */
	weekday: number;
}

/** The same rule over a whole week, for callers that did not come through the form. */
export function weekPeriodsProblem(periods: readonly WeekdayPeriod[]): PeriodProblem | 'invalid_weekday' | null {
	if (periods.some((p) => !Number.isInteger(p.weekday) || p.weekday < 0 || p.weekday > 6)) return 'invalid_weekday';
	for (let weekday = 0; weekday <= 6; weekday++) {
		const { issues } = checkDayPeriods(periods.filter((p) => p.weekday === weekday));
		if (issues.length > 0) return issues[0]!.problem;
	}
	return null;
}

export type TimeOffProblem = 'end_not_after_start' | 'already_over';

/** Time off is a half-open [start, end) in instants; one that has ended changes nothing. */
export function checkTimeOff(start: number, end: number, now: number): TimeOffProblem | null {
	if (end <= start) return 'end_not_after_start';
	if (end <= now) return 'already_over';
	return null;
}

/** Uppercase letters and digits, as the codes in the API and on receipts. */
export function isServiceCode(code: string): boolean {
	return /^[A-Z0-9]{1,16}$/.test(code);
}

/**
 * Moxibustion is the technique of the きゅう師 licence, a licence of its own beside はり師
 * (docs/clinical-rules.md §6): only a practitioner who holds it may offer a moxibustion-only service.
 */
export const KYU_LICENCE_SERVICE_CODES: readonly string[] = ['MOXA'];

export function needsKyuLicence(serviceCode: string): boolean {
	return KYU_LICENCE_SERVICE_CODES.includes(serviceCode);
}

export function mayOfferService(serviceCode: string, practitioner: { kyuLicence: string | null }): boolean {
	return !needsKyuLicence(serviceCode) || Boolean(practitioner.kyuLicence?.trim());
}

/**
 * How many patients one practitioner may have at the same time: one per bed while needles are
 * retained (置鍼). Beds stay one patient each; eight is more than any clinic's beds per practitioner.
 */
export const CONCURRENT_PATIENTS: WholeNumberRule = { min: 1, max: 8 };
