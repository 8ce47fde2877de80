import { describe, expect, it } from 'vitest';
import { upcomingDays, weeklyHours } from './opening-hours';

describe('weeklyHours', () => {
	it('lists the week from Monday with periods in order and closed days empty', () => {
		const week = weeklyHours([
			{ weekday: 1, opens: '14:30', closes: '19:30' },
			{ weekday: 1, opens: '09:00', closes: '12:30' },
			{ weekday: 6, opens: '09:00', closes: '14:00' }
		]);
		expect(week.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
		expect(week[0]!.periods).toEqual([
			{ opens: '09:00', closes: '12:30' },
			{ opens: '14:30', closes: '19:30' }
		]);
		expect(week[1]!.periods).toEqual([]);
	});
});

describe('upcomingDays', () => {
	const periods = [
		{ weekday: 1, opens: '09:00', closes: '12:30' },
		{ weekday: 2, opens: '09:00', closes: '12:30' }
	];
	const holidays: Record<string, { ja: string; en: string }> = { '2026-11-23': { ja: '勤労感謝の日', en: 'Labor Thanksgiving Day' } };

	it('lists seven days from today and closes on a public holiday', () => {
		const days = upcomingDays('2026-11-22', periods, (d) => holidays[d] ?? null);
		expect(days.map((d) => d.date)).toEqual(['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
		expect(days[0]).toMatchObject({ weekday: 0, periods: [], holiday: null });
		expect(days[1]).toMatchObject({ weekday: 1, periods: [], holiday: { en: 'Labor Thanksgiving Day' } });
		expect(days[2]).toMatchObject({ weekday: 2, periods: [{ opens: '09:00', closes: '12:30' }], holiday: null });
	});

	it('crosses a month and a year end', () => {
		const days = upcomingDays('2026-12-29', periods, () => null, 4);
		expect(days.map((d) => d.date)).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01']);
	});
});
