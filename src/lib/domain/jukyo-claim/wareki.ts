/*
 * Gregorian clinic-local days ('YYYY-MM-DD') as Japanese era dates (和暦), as the 療養費 forms
 * write every date (docs/jukyo-claim.md §1). The first year of an era is 元年. Pure, and
 * deliberately separate from the formatting helpers: the forms need the era's parts, not a
 * locale's rendering of them.
 */

export type EraCode = 'meiji' | 'taisho' | 'showa' | 'heisei' | 'reiwa';

export interface Era {
	code: EraCode;
	name: string;
	/** The one-character form circled on the birth date (明・大・昭・平・令). */
	short: string;
	/** The first day of the era. */
	startsOn: string;
}

/** Newest first. Meiji counts from 1868-10-23 (the day of the 改元 in the Gregorian calendar). */
export const ERAS: readonly Era[] = Object.freeze([
	{ code: 'reiwa', name: '令和', short: '令', startsOn: '2019-05-01' },
	{ code: 'heisei', name: '平成', short: '平', startsOn: '1989-01-08' },
	{ code: 'showa', name: '昭和', short: '昭', startsOn: '1926-12-25' },
	{ code: 'taisho', name: '大正', short: '大', startsOn: '1912-07-30' },
	{ code: 'meiji', name: '明治', short: '明', startsOn: '1868-10-23' }
]);

export interface WarekiDate {
	era: Era;
	/** 1 for 元年. */
	year: number;
	month: number;
	day: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The era date of a day; null before 明治. Throws for a string that is not a day. */
export function toWareki(date: string): WarekiDate | null {
	const match = DATE.exec(date);
	if (!match) throw new RangeError(`not a calendar date: ${date}`);
	const era = ERAS.find((e) => e.startsOn <= date);
	if (!era) return null;
	return { era, year: Number(match[1]) - Number(era.startsOn.slice(0, 4)) + 1, month: Number(match[2]), day: Number(match[3]) };
}

/** '元' for the first year of an era, otherwise the number. */
export function eraYearText(year: number): string {
	return year === 1 ? '元' : String(year);
}

/** '令和6年10月1日'; '' for null or a day before 明治. */
export function formatWareki(date: string | null): string {
	if (date === null) return '';
	const w = toWareki(date);
	return w ? `${w.era.name}${eraYearText(w.year)}年${w.month}月${w.day}日` : '';
}

/** The claim month 'YYYY-MM' as '令和6年10月' (the era of the month's last day, as a 改元 month is claimed in the new era). */
export function formatWarekiMonth(month: string): string {
	if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`not a month: ${month}`);
	const w = toWareki(`${month}-${String(lastDayOfMonth(month)).padStart(2, '0')}`);
	return w ? `${w.era.name}${eraYearText(w.year)}年${w.month}月` : '';
}

/** The number of days of a month 'YYYY-MM' (leap years included). */
export function lastDayOfMonth(month: string): number {
	const year = Number(month.slice(0, 4));
	const m = Number(month.slice(5, 7));
	if (m === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	return [4, 6, 9, 11].includes(m) ? 30 : 31;
}
