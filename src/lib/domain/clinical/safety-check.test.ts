import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACUPOINTS } from '../acupoints/points';
import { findSafetyConflicts, deriveSafetyAlerts, noSafetyFacts, type TreatmentToCheck } from '../safety/alerts';
import { checkTreatment, conflictKey, introducedConflicts, openConflicts, unacknowledgedConflicts } from './safety-check';

const plan = (points: TreatmentToCheck['points'], extra: Partial<TreatmentToCheck> = {}): TreatmentToCheck => ({ points, electroacupuncture: false, ...extra });

describe('checkTreatment', () => {
	it('finds nothing to acknowledge for a patient without alerts, away from the points’ cautions', () => {
		const check = checkTreatment(
			[],
			plan([{ code: 'BL25', deep: true }, { code: 'BL40' }], { electroacupuncture: true, bloodletting: true, moxibustion: 'indirect' })
		);
		expect(check).toEqual({ conflicts: [], hasContraindication: false });
	});

	it('asks a reason for a point’s own caution even without alerts: deep needling at BL40', () => {
		const check = checkTreatment([], plan([{ code: 'BL40', deep: true }]));
		expect(check.conflicts.map((c) => [c.key, c.prominent])).toEqual([['pointCaution.deepNeedling.BL40', true]]);
	});

	it('asks a reason for deep needling and bloodletting in a patient on blood thinners', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ anticoagulants: true }));
		const check = checkTreatment(alerts, plan([{ code: 'GB30', deep: true }, { code: 'BL25' }], { bloodletting: true }));
		expect(check.conflicts.map((c) => c.key)).toEqual(['anticoagulants.deepNeedling.GB30', 'anticoagulants.bloodletting']);
		expect(check.conflicts.every((c) => c.needsReason && !c.prominent)).toBe(true);
		expect(check.hasContraindication).toBe(false);
	});

	it('puts contraindications first and marks them as prominent', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ anticoagulants: true, pacemakerOrImplant: true }));
		const check = checkTreatment(alerts, plan([{ code: 'BL40', deep: true }], { electroacupuncture: true }));
		expect(check.conflicts.map((c) => [c.key, c.prominent])).toEqual([
			['implantedDevice.electroacupuncture', true],
			['pointCaution.deepNeedling.BL40', true],
			['anticoagulants.deepNeedling.BL40', false]
		]);
		expect(check.hasContraindication).toBe(true);
	});

	it('flags the points avoided in pregnancy and deep needling of the lower back', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ pregnant: true }));
		const check = checkTreatment(alerts, plan([{ code: 'SP6' }, { code: 'BL60' }, { code: 'BL25', deep: true }, { code: 'ST36', deep: true }]));
		expect(check.conflicts.map((c) => c.key)).toEqual(['pregnancy.point.SP6', 'pregnancy.point.BL60', 'pregnancy.deepNeedling.BL25']);
		expect(check.hasContraindication).toBe(true);
	});

	it('flags a point over a skin problem', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ skinProblemSites: ['knee'] }));
		expect(checkTreatment(alerts, plan([{ code: 'BL40' }, { code: 'BL25' }])).conflicts.map((c) => c.key)).toEqual(['skinProblemSites.site.BL40']);
	});

	it('keeps a point listed twice to one conflict', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ pregnant: true }));
		expect(checkTreatment(alerts, plan([{ code: 'LI4' }, { code: 'li4' }])).conflicts.map((c) => c.key)).toEqual(['pregnancy.point.LI4']);
	});
});

describe('unacknowledgedConflicts', () => {
	const alerts = deriveSafetyAlerts(noSafetyFacts({ bleedingDisorder: true }));
	const check = checkTreatment(alerts, plan([{ code: 'GB30', deep: true }], { bloodletting: true }));

	it('lists every conflict without a reason, blank reasons included', () => {
		const missing = unacknowledgedConflicts(check, { 'bleedingDisorder.bloodletting': '   ' });
		expect(missing.map((c) => c.key)).toEqual(['bleedingDisorder.deepNeedling.GB30', 'bleedingDisorder.bloodletting']);
	});

	it('is empty once each conflict has a reason', () => {
		const reasons = { 'bleedingDisorder.deepNeedling.GB30': '主治医に確認済み', 'bleedingDisorder.bloodletting': '主治医に確認済み' };
		expect(unacknowledgedConflicts(check, reasons)).toEqual([]);
	});
});

describe('introducedConflicts, for a change to a session record', () => {
	const pregnant = deriveSafetyAlerts(noSafetyFacts({ pregnant: true }));
	const session = (codes: string[]) => checkTreatment(pregnant, plan(codes.map((code) => ({ code }))));

	it('asks about the point the change adds, not about the ones already there', () => {
		const introduced = introducedConflicts(session(['LI4']), session(['LI4', 'SP6', 'ST36']), new Set());
		expect(introduced.conflicts.map((c) => c.key)).toEqual(['pregnancy.point.SP6']);
		expect(introduced.hasContraindication).toBe(true);
	});

	it('does not ask again about a conflict acknowledged earlier in the session (LI4 taken out and put back)', () => {
		expect(introducedConflicts(session([]), session(['LI4']), new Set(['pregnancy.point.LI4'])).conflicts).toEqual([]);
	});

	it('asks nothing for a change that removes a point', () => {
		expect(introducedConflicts(session(['LI4', 'SP6']), session(['SP6']), new Set()).conflicts).toEqual([]);
	});

	it('asks about electroacupuncture once it is recorded for a pacemaker wearer', () => {
		const device = deriveSafetyAlerts(noSafetyFacts({ pacemakerOrImplant: true }));
		const before = checkTreatment(device, plan([{ code: 'GB30' }]));
		const after = checkTreatment(device, plan([{ code: 'GB30' }], { electroacupuncture: true }));
		expect(introducedConflicts(before, after, new Set()).conflicts.map((c) => c.key)).toEqual(['implantedDevice.electroacupuncture']);
	});
});

describe('openConflicts', () => {
	it('lists what was never acknowledged, contraindications first', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ pregnant: 'unknown', pacemakerOrImplant: true }));
		const check = checkTreatment(alerts, plan([{ code: 'SP6' }, { code: 'LI4' }], { electroacupuncture: true }));
		expect(openConflicts(check, new Set(['pregnancyUnknown.point.LI4'])).conflicts.map((c) => c.key)).toEqual([
			'implantedDevice.electroacupuncture',
			'pregnancyUnknown.point.SP6'
		]);
	});
});

describe('checkTreatment, for any facts and plan', () => {
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
		bloodletting: fc.boolean(),
		moxibustion: fc.constantFrom('direct', 'indirect', 'needle_top', 'stick', 'unspecified', null)
	});

	it('keeps every conflict of the safety rules, each once, each needing a reason', () => {
		fc.assert(
			fc.property(anyFacts, anyPlan, (f, p) => {
				const alerts = deriveSafetyAlerts(f);
				const check = checkTreatment(alerts, p);
				const expected = new Set(findSafetyConflicts(alerts, p).map(conflictKey));
				const keys = check.conflicts.map((c) => c.key);
				return (
					new Set(keys).size === keys.length &&
					keys.length === expected.size &&
					keys.every((k) => expected.has(k)) &&
					check.conflicts.every((c) => c.needsReason)
				);
			})
		);
	});

	it('never lists a caution above a contraindication', () => {
		fc.assert(
			fc.property(anyFacts, anyPlan, (f, p) => {
				const flags = checkTreatment(deriveSafetyAlerts(f), p).conflicts.map((c) => c.prominent);
				return flags.indexOf(false) === -1 || !flags.slice(flags.indexOf(false)).includes(true);
			})
		);
	});

	it('asks about a change only what the care after it has, the care before it had not, and nobody acknowledged', () => {
		fc.assert(
			fc.property(anyFacts, anyPlan, anyPlan, fc.subarray(ACUPOINTS.map((p) => `pregnancy.point.${p.code}`)), (f, before, after, acked) => {
				const alerts = deriveSafetyAlerts(f);
				const b = checkTreatment(alerts, before);
				const a = checkTreatment(alerts, after);
				const keys = introducedConflicts(b, a, new Set(acked)).conflicts.map((c) => c.key);
				const expected = a.conflicts.map((c) => c.key).filter((k) => !b.conflicts.some((c) => c.key === k) && !acked.includes(k));
				return keys.length === expected.length && keys.every((k) => expected.includes(k));
			})
		);
	});
});
