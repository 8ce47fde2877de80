import { describe, expect, it } from 'vitest';
import { INSURANCE_FEE_SCHEDULES } from '../billing/billing-config';
import {
	BASE_FEE_ITEMS,
	feeScheduleOn,
	feeVersionProblems,
	FeeVersionError,
	HOME_VISIT_FEE_ITEMS,
	homeVisitTier,
	scheduleFromVersion,
	type FeeVersionRecord
} from './fees';

const base = {
	initial_exam_single: 1950,
	initial_exam_combined: 2230,
	treatment_single: 1610,
	treatment_combined: 1770,
	electro: 100,
	house_call: 2300,
	report: 480
};
const home = {
	home_visit_1_single: 3910,
	home_visit_1_combined: 4070,
	home_visit_2_single: 2760,
	home_visit_2_combined: 2920,
	home_visit_3_single: 2070,
	home_visit_3_combined: 2230,
	home_visit_3_ten_plus_single: 1760,
	home_visit_3_ten_plus_combined: 1920,
	special_area: 250
};
const items = (record: Record<string, number>) => Object.entries(record).map(([code, amountJpy]) => ({ code, amountJpy }));
const version = (effectiveFrom: string, record: Record<string, number>): FeeVersionRecord => ({
	effectiveFrom,
	shareRounding: 'yen_half_up',
	source: 'test',
	items: items(record)
});

describe('scheduleFromVersion', () => {
	it('reads the 2024-10 version with its home-visit tiers and 特別地域加算', () => {
		const s = scheduleFromVersion(version('2024-10-01', { ...base, ...home }));
		expect(s.treatmentJpy).toEqual({ single: 1610, combined: 1770 });
		expect(s.initialExamJpy).toEqual({ single: 1950, combined: 2230 });
		expect(s.homeVisitJpy?.['1']).toEqual({ single: 3910, combined: 4070 });
		expect(s.homeVisitJpy?.['3_ten_plus']).toEqual({ single: 1760, combined: 1920 });
		expect(s.specialAreaJpy).toBe(250);
		expect(s.houseCallJpy).toBe(2300);
		expect(s.houseCallOver4kmJpy).toBeNull();
		expect(s.reportJpy).toBe(480);
	});

	it('reads a version without home visits, with the 4 km 往療料', () => {
		const s = scheduleFromVersion(version('2024-06-01', { ...base, house_call_over_4km: 2550 }));
		expect(s.homeVisitJpy).toBeNull();
		expect(s.specialAreaJpy).toBeNull();
		expect(s.houseCallOver4kmJpy).toBe(2550);
	});

	it('matches the clinic-visit fees the desk charges by (domain/billing/billing-config.ts)', () => {
		const s = scheduleFromVersion(version('2024-06-01', base));
		const desk = INSURANCE_FEE_SCHEDULES.find((d) => d.effectiveFrom === '2024-06-01');
		expect(desk).toBeDefined();
		expect({ i: s.initialExamJpy, t: s.treatmentJpy, e: s.electroJpy }).toEqual({ i: desk!.initialExamJpy, t: desk!.treatmentJpy, e: desk!.electroJpy });
	});

	it('throws for a version that is not whole', () => {
		expect(() => scheduleFromVersion(version('2024-06-01', { treatment_single: 1 }))).toThrow(FeeVersionError);
		expect(() => scheduleFromVersion(version('2024-13-01', base))).toThrow(RangeError);
	});
});

describe('feeVersionProblems', () => {
	it('finds nothing wrong with a whole version', () => {
		expect(feeVersionProblems(items({ ...base, ...home }))).toEqual([]);
	});
	it('names every missing base item', () => {
		expect(feeVersionProblems(items({ electro: 100 }))).toEqual([{ code: 'missing_item', items: BASE_FEE_ITEMS.filter((c) => c !== 'electro') }]);
	});
	it('wants all home-visit items or none', () => {
		expect(feeVersionProblems(items({ ...base, special_area: 250 }))).toEqual([
			{ code: 'home_visit_incomplete', items: HOME_VISIT_FEE_ITEMS.filter((c) => c !== 'special_area') }
		]);
	});
	it('refuses unknown and duplicate codes and amounts that are not yen', () => {
		const problems = feeVersionProblems([...items(base), { code: 'massage', amountJpy: 1 }, { code: 'electro', amountJpy: 1.5 }]);
		expect(problems.map((p) => p.code)).toEqual(['unknown_item', 'duplicate_item', 'not_yen']);
		expect(problems[2]!.items).toEqual(['electro']);
		expect(feeVersionProblems([...items({ ...base, report: -1 })])).toEqual([{ code: 'not_yen', items: ['report'] }]);
	});
});

describe('feeScheduleOn', () => {
	const schedules = [scheduleFromVersion(version('2024-06-01', base)), scheduleFromVersion(version('2024-10-01', { ...base, ...home }))];
	it('chooses the version by the visit day', () => {
		expect(feeScheduleOn(schedules, '2024-05-31')).toBeNull();
		expect(feeScheduleOn(schedules, '2024-06-01')?.effectiveFrom).toBe('2024-06-01');
		expect(feeScheduleOn(schedules, '2024-09-30')?.homeVisitJpy).toBeNull();
		expect(feeScheduleOn(schedules, '2024-10-01')?.homeVisitJpy?.['2'].single).toBe(2760);
		expect(feeScheduleOn([...schedules].reverse(), '2026-12-01')?.effectiveFrom).toBe('2024-10-01');
	});
});

describe('homeVisitTier', () => {
	it('counts the patients at the same place on the same day', () => {
		expect([1, 2, 3, 9, 10, 40].map(homeVisitTier)).toEqual(['1', '2', '3', '3', '3_ten_plus', '3_ten_plus']);
		expect(() => homeVisitTier(0)).toThrow(RangeError);
		expect(() => homeVisitTier(1.5)).toThrow(RangeError);
	});
});
