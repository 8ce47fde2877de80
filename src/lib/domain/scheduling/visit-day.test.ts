import { describe, expect, it } from 'vitest';
import { visitDayHasCome } from './visit-day';

const TZ = 'Asia/Tokyo';
// Monday 2026-11-30, 10:00 in Tokyo.
const visit = Date.parse('2026-11-30T01:00:00Z');

describe('visitDayHasCome', () => {
	it('is false the evening before, in the clinic’s time zone', () => {
		expect(visitDayHasCome(visit, Date.parse('2026-11-29T14:59:59Z'), TZ)).toBe(false); // Sun 23:59:59 Tokyo
	});

	it('is true from the clinic’s midnight of the visit day, before and after the visit', () => {
		expect(visitDayHasCome(visit, Date.parse('2026-11-29T15:00:00Z'), TZ)).toBe(true); // Mon 00:00 Tokyo, Sunday in UTC
		expect(visitDayHasCome(visit, visit + 3_600_000, TZ)).toBe(true);
		expect(visitDayHasCome(visit, Date.parse('2026-12-05T00:00:00Z'), TZ)).toBe(true);
	});

	it('follows the clinic’s zone, not UTC', () => {
		const newYork = Date.parse('2026-11-30T15:00:00Z'); // Mon 10:00 in New York
		expect(visitDayHasCome(newYork, Date.parse('2026-11-30T04:59:00Z'), 'America/New_York')).toBe(false); // Sun 23:59 there
		expect(visitDayHasCome(newYork, Date.parse('2026-11-30T05:00:00Z'), 'America/New_York')).toBe(true);
	});
});
