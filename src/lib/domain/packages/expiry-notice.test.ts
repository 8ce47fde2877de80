import { describe, expect, it } from 'vitest';
import { dueExpiryNotice } from './expiry-notice';

describe('dueExpiryNotice', () => {
	it('owes nothing before 30 days are left', () => {
		expect(dueExpiryNotice(31, [])).toBeNull();
		expect(dueExpiryNotice(365, [])).toBeNull();
	});

	it('owes the 30-day notice from day 30 to day 8, once', () => {
		expect(dueExpiryNotice(30, [])).toBe(30);
		expect(dueExpiryNotice(8, [])).toBe(30);
		expect(dueExpiryNotice(29, [30])).toBeNull();
	});

	it('owes the 7-day notice from day 7 to the last valid day, once, whether or not the 30-day one went', () => {
		expect(dueExpiryNotice(7, [30])).toBe(7);
		expect(dueExpiryNotice(0, [30])).toBe(7);
		expect(dueExpiryNotice(5, [])).toBe(7);
		expect(dueExpiryNotice(3, [30, 7])).toBeNull();
		expect(dueExpiryNotice(3, [7])).toBeNull();
	});

	it('owes nothing after the last valid day or for a nonsense count', () => {
		expect(dueExpiryNotice(-1, [])).toBeNull();
		expect(dueExpiryNotice(2.5, [])).toBeNull();
		expect(dueExpiryNotice(Number.NaN, [])).toBeNull();
	});

	it('sends at most one notice per threshold over any run of days, and the 7-day one whenever a run falls in its week', () => {
		for (let firstRun = 40; firstRun >= 0; firstRun--) {
			for (const step of [1, 2, 5, 9, 23]) {
				const sent: number[] = [];
				for (let day = firstRun; day >= 0; day -= step) {
					const due = dueExpiryNotice(day, sent);
					if (due !== null) sent.push(due);
				}
				expect(new Set(sent).size).toBe(sent.length);
				const ranInLastWeek = Array.from({ length: 8 }, (_, d) => d).some((d) => d <= firstRun && (firstRun - d) % step === 0);
				expect(sent.includes(7)).toBe(ranInLastWeek);
			}
		}
	});
});
