import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACUPOINTS } from '../acupoints/points';
import { checkPlanAgainstAlerts, deriveSafetyAlerts, noSafetyFacts, type PlanToCheck } from '../safety/alerts';
import { checkPlan, conflictKey, unacknowledgedConflicts } from './plan-check';

const plan = (points: PlanToCheck['points'], extra: Partial<PlanToCheck> = {}): PlanToCheck => ({ points, electroacupuncture: false, ...extra });

describe('checkPlan', () => {
	it('finds nothing to acknowledge for a patient without alerts', () => {
		const check = checkPlan([], plan([{ code: 'BL40', deep: true }], { electroacupuncture: true, bloodletting: true }));
		expect(check).toEqual({ conflicts: [], hasContraindication: false });
	});

	it('asks a reason for deep needling and bloodletting in a patient on blood thinners', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ anticoagulants: true }));
		const check = checkPlan(alerts, plan([{ code: 'BL40', deep: true }, { code: 'BL25' }], { bloodletting: true }));
		expect(check.conflicts.map((c) => c.key)).toEqual(['anticoagulants.deepNeedling.BL40', 'anticoagulants.bloodletting']);
		expect(check.conflicts.every((c) => c.needsReason && !c.prominent)).toBe(true);
		expect(check.hasContraindication).toBe(false);
	});

	it('puts contraindications first and marks them as prominent', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ anticoagulants: true, pacemakerOrImplant: true }));
		const check = checkPlan(alerts, plan([{ code: 'BL40', deep: true }], { electroacupuncture: true }));
		expect(check.conflicts.map((c) => [c.key, c.prominent])).toEqual([
			['implantedDevice.electroacupuncture', true],
			['anticoagulants.deepNeedling.BL40', false]
		]);
		expect(check.hasContraindication).toBe(true);
	});

	it('flags the points avoided in pregnancy and deep needling of the lower back', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ pregnant: true }));
		const check = checkPlan(alerts, plan([{ code: 'SP6' }, { code: 'BL60' }, { code: 'BL23', deep: true }, { code: 'BL40', deep: true }]));
		expect(check.conflicts.map((c) => c.key)).toEqual(['pregnancy.point.SP6', 'pregnancy.point.BL60', 'pregnancy.deepNeedling.BL23']);
		expect(check.hasContraindication).toBe(true);
	});

	it('flags a point over a skin problem', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ skinProblemSites: ['knee'] }));
		expect(checkPlan(alerts, plan([{ code: 'BL40' }, { code: 'BL25' }])).conflicts.map((c) => c.key)).toEqual(['skinProblemSites.site.BL40']);
	});

	it('keeps a point listed twice to one conflict', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ pregnant: true }));
		expect(checkPlan(alerts, plan([{ code: 'LI4' }, { code: 'li4' }])).conflicts.map((c) => c.key)).toEqual(['pregnancy.point.LI4']);
	});
});

describe('unacknowledgedConflicts', () => {
	const alerts = deriveSafetyAlerts(noSafetyFacts({ bleedingDisorder: true }));
	const check = checkPlan(alerts, plan([{ code: 'GB30', deep: true }], { bloodletting: true }));

	it('lists every conflict without a reason, blank reasons included', () => {
		const missing = unacknowledgedConflicts(check, { 'bleedingDisorder.bloodletting': '   ' });
		expect(missing.map((c) => c.key)).toEqual(['bleedingDisorder.deepNeedling.GB30', 'bleedingDisorder.bloodletting']);
	});

	it('is empty once each conflict has a reason', () => {
		const reasons = { 'bleedingDisorder.deepNeedling.GB30': '主治医に確認済み', 'bleedingDisorder.bloodletting': '主治医に確認済み' };
		expect(unacknowledgedConflicts(check, reasons)).toEqual([]);
	});
});

describe('checkPlan, for any facts and plan', () => {
	const anyFacts = fc.record({
		pregnant: fc.constantFrom(true, false, 'unknown' as const),
		anticoagulants: fc.boolean(),
		bleedingDisorder: fc.boolean(),
		pacemakerOrImplant: fc.boolean(),
		immunosuppressed: fc.boolean(),
		diabetes: fc.boolean(),
		needleFear: fc.boolean(),
		faintingHistory: fc.boolean(),
		skinProblemSites: fc.subarray(['lowerBack', 'buttock', 'thigh', 'knee', 'lowerLeg', 'ankleFoot']),
		lymphoedemaSites: fc.subarray(['thigh', 'lowerLeg']),
		metalAllergy: fc.boolean(),
		alcoholSwabAllergy: fc.boolean(),
		tapeAllergy: fc.boolean()
	});
	const anyPlan = fc.record({
		points: fc.uniqueArray(fc.record({ code: fc.constantFrom(...ACUPOINTS.map((p) => p.code)), deep: fc.boolean() }), { selector: (p) => p.code }),
		electroacupuncture: fc.boolean(),
		bloodletting: fc.boolean()
	});

	it('keeps every conflict of the safety rules, each once, each needing a reason', () => {
		fc.assert(
			fc.property(anyFacts, anyPlan, (f, p) => {
				const alerts = deriveSafetyAlerts(f);
				const check = checkPlan(alerts, p);
				const expected = new Set(checkPlanAgainstAlerts(alerts, p).map(conflictKey));
				const keys = check.conflicts.map((c) => c.key);
				return new Set(keys).size === keys.length && keys.length === expected.size && keys.every((k) => expected.has(k)) && check.conflicts.every((c) => c.needsReason);
			})
		);
	});

	it('never lists a caution above a contraindication', () => {
		fc.assert(
			fc.property(anyFacts, anyPlan, (f, p) => {
				const flags = checkPlan(deriveSafetyAlerts(f), p).conflicts.map((c) => c.prominent);
				return flags.indexOf(false) === -1 || !flags.slice(flags.indexOf(false)).includes(true);
			})
		);
	});
});
