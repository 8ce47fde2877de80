import { describe, expect, it } from 'vitest';
import { isVisitLength } from './visit-length';

const at = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00Z`);

describe('isVisitLength', () => {
	it('takes a visit length on the 5-minute grid from five minutes to eight hours', () => {
		expect(isVisitLength(at('09:00'), at('09:05'))).toBe(true);
		expect(isVisitLength(at('09:00'), at('10:15'))).toBe(true);
		expect(isVisitLength(at('09:00'), at('17:00'))).toBe(true);
	});

	it('refuses an end at or before the start, off the grid, or past eight hours', () => {
		expect(isVisitLength(at('09:00'), at('09:00'))).toBe(false);
		expect(isVisitLength(at('09:00'), at('08:30'))).toBe(false);
		expect(isVisitLength(at('09:00'), at('09:07'))).toBe(false);
		expect(isVisitLength(at('09:00'), at('17:05'))).toBe(false);
		expect(isVisitLength(at('09:00'), Number.NaN)).toBe(false);
	});

	it('lets blocked time run up to a whole day', () => {
		expect(isVisitLength(at('09:00'), at('19:00'), 'blocked')).toBe(true);
		expect(isVisitLength(at('09:00'), at('09:03'), 'blocked')).toBe(false);
	});
});
