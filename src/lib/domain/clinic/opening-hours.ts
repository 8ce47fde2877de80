export interface OpeningPeriod {
	weekday: number;
	opens: string;
	closes: string;
}

export interface DayHours {
	weekday: number;
	periods: Array<{ opens: string; closes: string }>;
}

/** Monday first, as a Japanese clinic lists its week; a day with no period is closed. */
export function weeklyHours(periods: readonly OpeningPeriod[]): DayHours[] {
	return [1, 2, 3, 4, 5, 6, 0].map((weekday) => ({
		weekday,
		periods: periods
			.filter((p) => p.weekday === weekday)
			.map(({ opens, closes }) => ({ opens, closes }))
			.sort((a, b) => a.opens.localeCompare(b.opens))
	}));
}

export interface ClinicDay {
	/** YYYY-MM-DD in the clinic's time zone. */
	date: string;
	weekday: number;
}

export interface UpcomingDay extends ClinicDay {
	periods: Array<{ opens: string; closes: string }>;
	holiday: { ja: string; en: string } | null;
}

/**
 * The clinic's next `count` days from `today` (YYYY-MM-DD): opening periods by weekday, and closed
 * on Japanese public holidays (the scheduling settings may later open a holiday).
 */
export function upcomingDays(
	today: string,
	periods: readonly OpeningPeriod[],
	holidayOn: (date: string) => { ja: string; en: string } | null,
	count = 7
): UpcomingDay[] {
	const week = weeklyHours(periods);
	const start = new Date(`${today}T00:00:00Z`);
	return Array.from({ length: count }, (_, offset) => {
		const day = new Date(start.getTime() + offset * 86_400_000);
		const date = day.toISOString().slice(0, 10);
		const weekday = day.getUTCDay();
		const holiday = holidayOn(date);
		return { date, weekday, holiday, periods: holiday ? [] : (week.find((d) => d.weekday === weekday)?.periods ?? []) };
	});
}
