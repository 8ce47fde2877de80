import { describe, expect, it } from 'vitest';
import { decideAttendanceAnswer, isAttendanceChoice } from './attendance-answer';

const START = Date.parse('2026-12-10T01:00:00Z');
const BEFORE = START - 3_600_000;

describe('decideAttendanceAnswer', () => {
	it('confirms a booked visit that has not begun and clears an earlier change request', () => {
		expect(decideAttendanceAnswer({ status: 'booked', startsAt: START }, 'come', BEFORE)).toEqual({
			ok: true,
			confirmedAt: new Date(BEFORE).toISOString(),
			changeRequestedAt: null
		});
	});
	it('records a change request and clears an earlier confirmation', () => {
		expect(decideAttendanceAnswer({ status: 'booked', startsAt: START }, 'change', BEFORE)).toEqual({
			ok: true,
			confirmedAt: null,
			changeRequestedAt: new Date(BEFORE).toISOString()
		});
	});
	it('refuses a cancelled, arrived or completed visit', () => {
		for (const status of ['cancelled', 'arrived', 'completed', 'no_show'])
			expect(decideAttendanceAnswer({ status, startsAt: START }, 'come', BEFORE)).toEqual({ ok: false, code: 'not_open' });
	});
	it('refuses once the visit has begun', () => {
		expect(decideAttendanceAnswer({ status: 'booked', startsAt: START }, 'come', START)).toEqual({ ok: false, code: 'not_open' });
	});
	it('knows its two choices and nothing else', () => {
		expect(isAttendanceChoice('come')).toBe(true);
		expect(isAttendanceChoice('change')).toBe(true);
		expect(isAttendanceChoice('cancel')).toBe(false);
		expect(isAttendanceChoice(undefined)).toBe(false);
	});
});
