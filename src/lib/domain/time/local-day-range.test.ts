import { describe, expect, it } from 'vitest';
import { localDayRange } from '.';

describe('localDayRange', () => {
	it('starts a Tokyo day at 15:00 UTC the day before and ends where the next begins', () => {
		expect(localDayRange('2026-11-25', 'Asia/Tokyo')).toEqual({
			start: '2026-11-24T15:00:00.000Z',
			end: '2026-11-25T15:00:00.000Z'
		});
	});

	it('gives a 23-hour day when daylight saving begins', () => {
		const { start, end } = localDayRange('2026-03-29', 'Europe/London');
		expect(start).toBe('2026-03-29T00:00:00.000Z');
		expect(end).toBe('2026-03-29T23:00:00.000Z');
	});
});
