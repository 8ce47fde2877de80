import holidayJp from '@holiday-jp/holiday_jp';

export interface Holiday {
	name: { ja: string; en: string };
}

const HOLIDAYS = holidayJp.holidays as Record<string, { name: string; name_en: string } | undefined>;

/** The Japanese public holiday on a calendar day (YYYY-MM-DD), if any. */
export function japaneseHoliday(date: string): Holiday | null {
	const entry = HOLIDAYS[date];
	return entry ? { name: { ja: entry.name, en: entry.name_en } } : null;
}
