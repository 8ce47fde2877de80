import { describe, expect, it } from 'vitest';
import { zonedDayBounds } from './zoned-day';

describe('zonedDayBounds', () => {
	it('starts a Tokyo day at 15:00 UTC the day before', () => {
		expect(zonedDayBounds('2026-11-25', 'Asia/Tokyo')).toEqual({
			start: '2026-11-24T15:00:00.000Z',
			end: '2026-11-25T14:59:59.999Z'
		});
	});

	it('gives a 23-hour day when daylight saving begins', () => {
		const { start, end } = zonedDayBounds('2026-03-29', 'Europe/London');
		expect(start).toBe('2026-03-29T00:00:00.000Z');
		expect(end).toBe('2026-03-29T22:59:59.999Z');
	});
});
