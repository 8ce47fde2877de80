import { describe, expect, it } from 'vitest';
import { localInstant } from '../time';
import { fitsWish, isValidPreferredTime, rankWishesForSlot, type FreedSlot, type WaitlistWish } from './waitlist';

const TZ = 'Asia/Tokyo';
// 2026-12-01 is a Tuesday (weekday 2).
const slot: FreedSlot = { practitionerId: 'p1', start: localInstant('2026-12-01', '10:00', TZ), practitionerServiceIds: new Set(['s60', 's30']), timeZone: TZ };
const durations: Record<string, number> = { s60: 60, s30: 30, s90: 90 };
const durationOf = (id: string) => durations[id];

function wish(over: Partial<WaitlistWish> & { id: string }): WaitlistWish {
	return { serviceId: 's60', practitionerId: null, dateFrom: '2026-11-25', dateTo: '2026-12-10', times: [], createdAt: '2026-11-20T00:00:00.000Z', ...over };
}

describe('fitsWish', () => {
	it('fits anyone with any practitioner, the date in range and no preferred times', () => {
		expect(fitsWish(wish({ id: 'a' }), slot, 60)).toBe(true);
	});
	it('refuses another practitioner than the one asked for', () => {
		expect(fitsWish(wish({ id: 'a', practitionerId: 'p2' }), slot, 60)).toBe(false);
		expect(fitsWish(wish({ id: 'a', practitionerId: 'p1' }), slot, 60)).toBe(true);
	});
	it('refuses a service the practitioner does not give', () => {
		expect(fitsWish(wish({ id: 'a', serviceId: 's90' }), slot, 90)).toBe(false);
	});
	it('counts the date range in clinic-local days, both ends included', () => {
		expect(fitsWish(wish({ id: 'a', dateFrom: '2026-12-01', dateTo: '2026-12-01' }), slot, 60)).toBe(true);
		expect(fitsWish(wish({ id: 'a', dateFrom: '2026-12-02' }), slot, 60)).toBe(false);
		expect(fitsWish(wish({ id: 'a', dateTo: '2026-11-30' }), slot, 60)).toBe(false);
		// 00:30 in Tokyo is still the previous day in UTC: the clinic's day counts.
		const early = { ...slot, start: localInstant('2026-12-01', '00:30', TZ) };
		expect(fitsWish(wish({ id: 'a', dateFrom: '2026-12-01', dateTo: '2026-12-01' }), early, 30)).toBe(true);
	});
	it('needs the whole visit inside a preferred window of that weekday', () => {
		const tuesdayMorning = [{ weekday: 2, start: '09:00', end: '11:00' }];
		expect(fitsWish(wish({ id: 'a', times: tuesdayMorning }), slot, 60)).toBe(true);
		expect(fitsWish(wish({ id: 'a', times: [{ weekday: 2, start: '09:00', end: '10:30' }] }), slot, 60)).toBe(false);
		expect(fitsWish(wish({ id: 'a', times: [{ weekday: 2, start: '10:30', end: '12:00' }] }), slot, 60)).toBe(false);
		expect(fitsWish(wish({ id: 'a', times: [{ weekday: 3, start: '09:00', end: '18:00' }] }), slot, 60)).toBe(false);
		expect(fitsWish(wish({ id: 'a', times: [{ weekday: 3, start: '09:00', end: '18:00' }, ...tuesdayMorning] }), slot, 60)).toBe(true);
	});
});

describe('rankWishesForSlot', () => {
	it('puts the longest-waiting first and leaves out those it does not fit', () => {
		const wishes = [
			wish({ id: 'late', createdAt: '2026-11-22T00:00:00.000Z' }),
			wish({ id: 'early', createdAt: '2026-11-01T00:00:00.000Z', practitionerId: 'p2' }),
			wish({ id: 'middle', createdAt: '2026-11-10T00:00:00.000Z', serviceId: 's30' }),
			wish({ id: 'gone', createdAt: '2026-10-01T00:00:00.000Z', serviceId: 'deleted' })
		];
		expect(rankWishesForSlot(wishes, slot, durationOf).map((w) => w.id)).toEqual(['middle', 'late']);
	});
	it('orders people who joined at the same instant by id, the same on every instance', () => {
		const wishes = [wish({ id: 'b' }), wish({ id: 'c' }), wish({ id: 'a' })];
		expect(rankWishesForSlot(wishes, slot, durationOf).map((w) => w.id)).toEqual(['a', 'b', 'c']);
	});
});

describe('isValidPreferredTime', () => {
	it('needs a weekday 0–6 and an end after the start', () => {
		expect(isValidPreferredTime({ weekday: 0, start: '09:00', end: '12:00' })).toBe(true);
		expect(isValidPreferredTime({ weekday: 7, start: '09:00', end: '12:00' })).toBe(false);
		expect(isValidPreferredTime({ weekday: 1, start: '12:00', end: '12:00' })).toBe(false);
	});
});
