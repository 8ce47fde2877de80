import { describe, expect, it } from 'vitest';
import { formatReminderHours, parseReminderHours, reminderInstants, storedReminderHours } from './reminder-timing';

describe('parseReminderHours', () => {
	it('reads hours largest first, in either comma, without duplicates', () => {
		expect(parseReminderHours('2, 24')).toEqual([24, 2]);
		expect(parseReminderHours('24、2、24')).toEqual([24, 2]);
		expect(parseReminderHours('')).toEqual([]);
	});
	it('refuses what is not a list of 1 to 168 hours, or more than four', () => {
		for (const bad of ['0', '169', 'abc', '1.5', '-2', '1,2,3,4,5']) expect(parseReminderHours(bad), bad).toBeNull();
	});
	it('falls back to a day before for a stored value that no longer parses', () => {
		expect(storedReminderHours('x')).toEqual([24]);
		expect(storedReminderHours('48,2')).toEqual([48, 2]);
	});
	it('writes the hours back as the setting stores them', () => {
		expect(formatReminderHours([24, 2])).toBe('24,2');
	});
});

describe('reminderInstants', () => {
	const start = Date.parse('2026-12-10T01:00:00Z');
	it('leaves out reminders whose moment has passed', () => {
		const now = start - 10 * 3_600_000;
		expect(reminderInstants(start, [24, 2], now)).toEqual([{ hoursBefore: 2, at: start - 2 * 3_600_000 }]);
	});
});
