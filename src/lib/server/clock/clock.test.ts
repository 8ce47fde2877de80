import { describe, expect, it } from 'vitest';
import { fixedClock, manualClock, systemClock } from './clock';

describe('clock', () => {
	it('answers the same instant from a fixed clock, as a fresh Date each time', () => {
		const clock = fixedClock('2026-11-27T00:00:00Z');
		const first = clock.now();
		first.setFullYear(2000);
		expect(clock.now().toISOString()).toBe('2026-11-27T00:00:00.000Z');
	});

	it('refuses a fixed clock that is not an instant', () => {
		expect(() => fixedClock('not a date')).toThrow(/not an instant/);
	});

	it('moves a manual clock only when told', () => {
		const clock = manualClock(Date.parse('2026-11-27T00:00:00Z'));
		clock.advance(60_000);
		expect(clock.now().toISOString()).toBe('2026-11-27T00:01:00.000Z');
		clock.set('2027-01-01T00:00:00Z');
		expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
	});

	it('reads the system time from the system clock', () => {
		const before = performance.timeOrigin + performance.now();
		const read = systemClock.now().getTime();
		expect(Math.abs(read - before)).toBeLessThan(5_000);
	});
});
