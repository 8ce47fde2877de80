import { describe, expect, it } from 'vitest';
import { isRetentionOver, keepTreatmentRecordsUntil, lastTreatmentDay } from './retention';

describe('keeping treatment records for five years', () => {
	it('needs nothing kept for a patient who was never treated', () => {
		expect(keepTreatmentRecordsUntil([])).toBeNull();
		expect(isRetentionOver(null, '2030-01-01')).toBe(true);
	});

	it('keeps them until the fifth anniversary of the last treatment', () => {
		expect(keepTreatmentRecordsUntil(['2021-03-10', '2024-06-10', '2023-12-31'])).toBe('2029-06-10');
	});

	it('ends a period that began on a leap day on 28 February', () => {
		expect(keepTreatmentRecordsUntil(['2024-02-29'])).toBe('2029-02-28');
		// Four years on there is a 29 February again.
		expect(keepTreatmentRecordsUntil(['2024-02-29'], 4)).toBe('2028-02-29');
	});

	it('counts the last day as still within the period', () => {
		expect(isRetentionOver('2029-06-10', '2029-06-10')).toBe(false);
		expect(isRetentionOver('2029-06-10', '2029-06-11')).toBe(true);
	});

	it('finds the latest day and refuses a malformed one', () => {
		expect(lastTreatmentDay(['2024-01-02', '2025-01-01', '2024-12-31'])).toBe('2025-01-01');
		expect(() => lastTreatmentDay(['2024-1-2'])).toThrow();
	});
});
