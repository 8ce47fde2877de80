import { describe, expect, it } from 'vitest';
import { localInstant } from '../time';
import { nearestStarts, slotRefusal } from './slot-refusal';

const TZ = 'Asia/Tokyo';
// Open Monday, Tuesday, Thursday to Saturday; closed Wednesday and Sunday; one closure day.
const rules = {
	timeZone: TZ,
	minNoticeMinutes: 120,
	horizonDays: 60,
	openingHours: [1, 2, 4, 5, 6].map((weekday) => ({ weekday, start: '09:00', end: '19:00' })),
	closedDates: ['2026-12-10']
};
const NOW = localInstant('2026-12-07', '10:00', TZ); // a Monday, 10:00 in Tokyo
const at = (date: string, time: string) => localInstant(date, time, TZ);

describe('why a chosen time could not be booked', () => {
	it('says a time that has passed is in the past', () => {
		expect(slotRefusal(at('2026-12-07', '09:30'), NOW, rules)).toBe('past');
		expect(slotRefusal(NOW, NOW, rules)).toBe('past');
	});

	it('says a time within the minimum notice, or beyond the horizon, is outside the booking window', () => {
		expect(slotRefusal(at('2026-12-07', '11:30'), NOW, rules)).toBe('outside_window');
		expect(slotRefusal(at('2026-12-07', '12:00'), NOW, rules)).not.toBe('outside_window');
		expect(slotRefusal(at('2027-02-06', '10:00'), NOW, rules)).toBe('outside_window');
		expect(slotRefusal(at('2027-02-05', '10:00'), NOW, rules)).toBe('taken');
	});

	it('says the clinic is closed on a closed weekday and on a closure day', () => {
		expect(slotRefusal(at('2026-12-09', '10:00'), NOW, rules)).toBe('closed');
		expect(slotRefusal(at('2026-12-13', '10:00'), NOW, rules)).toBe('closed');
		expect(slotRefusal(at('2026-12-10', '10:00'), NOW, rules)).toBe('closed');
	});

	it('otherwise says someone has just taken it', () => {
		expect(slotRefusal(at('2026-12-08', '15:00'), NOW, rules)).toBe('taken');
	});
});

describe('the nearest free times', () => {
	const slot = (time: string, practitionerId = 'a') => ({ start: at('2026-12-08', time), practitionerId });
	it('offers the nearest starts on either side, each once, in time order', () => {
		const slots = [slot('09:00'), slot('10:00'), slot('10:00', 'b'), slot('11:30'), slot('14:00'), slot('10:30')];
		expect(nearestStarts(slots, at('2026-12-08', '10:45'), 3).map((s) => s.start)).toEqual([
			at('2026-12-08', '10:00'),
			at('2026-12-08', '10:30'),
			at('2026-12-08', '11:30')
		]);
	});

	it('prefers the earlier of two equally near starts, and offers fewer when fewer exist', () => {
		expect(nearestStarts([slot('11:00'), slot('09:00')], at('2026-12-08', '10:00'), 1).map((s) => s.start)).toEqual([at('2026-12-08', '09:00')]);
		expect(nearestStarts([], at('2026-12-08', '10:00'), 3)).toEqual([]);
	});
});
