import { describe, expect, it } from 'vitest';
import {
	accountingRecordsKeptUntil,
	anniversary,
	isKeptFor,
	isNeverCameDeletionDue,
	lastDay,
	periodsOn,
	RETENTION_PERIODS,
	retentionDuties,
	treatmentRecordsKeptUntil,
	type RetentionPeriods
} from './retention';

describe('keeping treatment records (施術録) for five years from the last treatment', () => {
	it('needs nothing kept for a patient who was never treated and never charged', () => {
		expect(retentionDuties({ treatments: [], accountingDays: [] }, '2030-01-01')).toEqual([]);
	});

	it('counts from the last treatment of any kind, not only from completed visits', () => {
		const [duty] = retentionDuties(
			{
				treatments: [
					{ kind: 'visit', day: '2024-06-10' },
					// A session recorded after the last completed appointment (a walk-in, a visit left open).
					{ kind: 'session', day: '2025-02-03' },
					{ kind: 'examination', day: '2023-12-31' }
				],
				accountingDays: []
			},
			'2026-01-01'
		);
		expect(duty).toMatchObject({ reason: 'treatment_record', lastDay: '2025-02-03', lastKind: 'session', keepUntil: '2030-02-03', over: false, years: 5 });
	});

	it('counts an assessment alone (問診・検査・評価, then a referral) as treatment too', () => {
		const [duty] = retentionDuties({ treatments: [{ kind: 'examination', day: '2026-03-10' }], accountingDays: [] }, '2026-03-11');
		expect(duty).toMatchObject({ reason: 'treatment_record', lastKind: 'examination', keepUntil: '2031-03-10' });
	});

	it('keeps them through the fifth anniversary and lets them go the day after', () => {
		const facts = { treatments: [{ kind: 'visit' as const, day: '2024-06-10' }], accountingDays: [] };
		expect(retentionDuties(facts, '2029-06-10')[0]!.over).toBe(false);
		expect(retentionDuties(facts, '2029-06-11')[0]!.over).toBe(true);
		expect(isKeptFor(retentionDuties(facts, '2029-06-10'), 'treatment_record')).toBe(true);
		expect(isKeptFor(retentionDuties(facts, '2029-06-11'), 'treatment_record')).toBe(false);
		expect(isKeptFor(retentionDuties(facts, '2029-06-10'), 'accounting_record')).toBe(false);
	});

	it('ends a period that began on a leap day on 28 February', () => {
		expect(treatmentRecordsKeptUntil('2024-02-29', 5)).toBe('2029-02-28');
		expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
	});

	it('names the rule it keeps them under', () => {
		const [duty] = retentionDuties({ treatments: [{ kind: 'session', day: '2025-01-01' }], accountingDays: [] }, '2025-01-02');
		expect(duty!.source).toContain('受領委任');
	});
});

describe('keeping accounting records as the tax rules require', () => {
	it('keeps a year’s receipts for seven years from 16 March of the next year', () => {
		expect(accountingRecordsKeptUntil('2025-01-05', 7)).toBe('2033-03-15');
		expect(accountingRecordsKeptUntil('2025-12-31', 7)).toBe('2033-03-15');
		expect(accountingRecordsKeptUntil('2026-01-01', 7)).toBe('2034-03-15');
	});

	it('counts from the latest money record, and names the tax rule', () => {
		const duties = retentionDuties({ treatments: [{ kind: 'visit', day: '2025-11-02' }], accountingDays: ['2025-11-02', '2026-01-10'] }, '2031-01-01');
		expect(duties.map((d) => d.reason)).toEqual(['treatment_record', 'accounting_record']);
		expect(duties[1]).toMatchObject({ lastDay: '2026-01-10', lastKind: null, keepUntil: '2034-03-15', over: false, years: 7 });
		expect(duties[1]!.source).toContain('所得税法');
		// The 施術録 duty ends first; the books outlast it.
		expect(isKeptFor(duties, 'treatment_record')).toBe(false);
		expect(isKeptFor(duties, 'accounting_record')).toBe(true);
		expect(isKeptFor(retentionDuties({ treatments: [], accountingDays: ['2026-01-10'] }, '2034-03-16'), 'accounting_record')).toBe(false);
	});
});

describe('retention periods as dated configuration', () => {
	const periods: RetentionPeriods[] = [
		{ effectiveFrom: '2019-01-01', treatmentRecord: { years: 5, source: 'A' }, accountingRecord: { years: 7, source: 'B' } },
		{ effectiveFrom: '2031-04-01', treatmentRecord: { years: 6, source: 'C' }, accountingRecord: { years: 10, source: 'D' } }
	];

	it('judges a period by the version in effect on the day it starts', () => {
		const before = retentionDuties({ treatments: [{ kind: 'session', day: '2031-03-31' }], accountingDays: ['2031-03-31'] }, '2031-04-02', periods);
		expect(before.map((d) => [d.years, d.source, d.keepUntil])).toEqual([
			[5, 'A', '2036-03-31'],
			[7, 'B', '2039-03-15']
		]);
		const after = retentionDuties({ treatments: [{ kind: 'session', day: '2031-04-01' }], accountingDays: ['2031-04-01'] }, '2031-04-02', periods);
		expect(after.map((d) => [d.years, d.source, d.keepUntil])).toEqual([
			[6, 'C', '2037-04-01'],
			[10, 'D', '2042-03-15']
		]);
	});

	it('applies the first version to records older than it', () => {
		expect(periodsOn('2015-05-05', periods).treatmentRecord.source).toBe('A');
		expect(periodsOn('2015-05-05').treatmentRecord.years).toBe(5);
	});

	it('ships the periods the project states: five years for 施術録, seven for the books, each with its source', () => {
		for (const version of RETENTION_PERIODS) {
			expect(version.treatmentRecord.source).not.toBe('');
			expect(version.accountingRecord.source).not.toBe('');
		}
		expect(periodsOn('2026-01-01')).toMatchObject({ treatmentRecord: { years: 5 }, accountingRecord: { years: 7 } });
	});
});

describe('deleting the record of a person who booked and never came', () => {
	const never = { treated: false, hasMoneyRecords: false, lastContactDay: '2029-04-01' };

	it('is due the day after the first anniversary of the last contact, not before', () => {
		expect(isNeverCameDeletionDue(never, '2030-04-01')).toBe(false);
		expect(isNeverCameDeletionDue(never, '2030-04-02')).toBe(true);
		expect(isNeverCameDeletionDue(never, '2030-03-01')).toBe(false); // 11 months
		expect(isNeverCameDeletionDue(never, '2030-05-01')).toBe(true); // 13 months
	});

	it('never deletes a person who was treated, or who has money records', () => {
		expect(isNeverCameDeletionDue({ ...never, treated: true }, '2040-01-01')).toBe(false);
		expect(isNeverCameDeletionDue({ ...never, hasMoneyRecords: true }, '2040-01-01')).toBe(false);
	});
});

describe('dates', () => {
	it('finds the latest day and refuses a malformed one', () => {
		expect(lastDay(['2024-01-02', '2025-01-01', '2024-12-31'])).toBe('2025-01-01');
		expect(lastDay([])).toBeNull();
		expect(() => lastDay(['2024-1-2'])).toThrow();
		expect(() => anniversary('2024/01/02', 1)).toThrow();
	});
});
