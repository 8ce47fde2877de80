import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACUPOINTS } from '../acupoints/points';
import {
	findSafetyConflicts,
	deriveSafetyAlerts,
	hasContraindication,
	noSafetyFacts,
	SAFETY_ALERT_CODES,
	type IntakeSafetyFacts,
	type TreatmentToCheck,
	type SafetyAlert
} from './alerts';

function plan(points: TreatmentToCheck['points'], extra: Partial<TreatmentToCheck> = {}): TreatmentToCheck {
	return { points, electroacupuncture: false, ...extra };
}

const BOOLEAN_FACTS = [
	'anticoagulants',
	'bleedingDisorder',
	'pacemakerOrImplant',
	'immunosuppressed',
	'diabetes',
	'needleFear',
	'faintingHistory',
	'metalAllergy',
	'alcoholSwabAllergy',
	'tapeAllergy'
] as const;

const codes = (alerts: SafetyAlert[]) => alerts.map((a) => a.code);

describe('deriveSafetyAlerts', () => {
	it('gives no alert when nothing is set', () => {
		expect(deriveSafetyAlerts(noSafetyFacts())).toEqual([]);
	});

	it('flags the points avoided in pregnancy and deep lumbosacral or lower-abdominal needling', () => {
		const [alert, ...rest] = deriveSafetyAlerts(noSafetyFacts({ pregnant: true }));
		expect(rest).toEqual([]);
		expect(alert).toMatchObject({
			code: 'pregnancy',
			severity: 'contraindication',
			avoidPoints: ['LI4', 'SP6', 'BL60', 'BL67', 'GB21'],
			avoidDeepNeedlingSites: ['lowerBack', 'buttock', 'lowerAbdomen']
		});
	});

	it('asks about an unknown pregnancy with a caution that still lists the points', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ pregnant: 'unknown' }));
		expect(codes(alerts)).toEqual(['pregnancyUnknown']);
		expect(alerts[0]).toMatchObject({ severity: 'caution', avoidPoints: ['LI4', 'SP6', 'BL60', 'BL67', 'GB21'] });
		expect(alerts[0]!.advice.en).toMatch(/ask/i);
		expect(alerts[0]!.advice.ja).toMatch(/確認/);
	});

	it.each([
		['anticoagulants', { code: 'anticoagulants', severity: 'caution', forbidsDeepNeedling: true, forbidsBloodletting: true }],
		['bleedingDisorder', { code: 'bleedingDisorder', severity: 'caution', forbidsDeepNeedling: true, forbidsBloodletting: true }],
		['pacemakerOrImplant', { code: 'implantedDevice', severity: 'contraindication', forbidsElectroacupuncture: true }],
		['immunosuppressed', { code: 'immunosuppressed', severity: 'caution' }],
		['diabetes', { code: 'diabetes', severity: 'caution' }],
		['needleFear', { code: 'needleFear', severity: 'caution' }],
		['faintingHistory', { code: 'faintingHistory', severity: 'caution' }],
		['metalAllergy', { code: 'metalAllergy', severity: 'caution' }],
		['alcoholSwabAllergy', { code: 'alcoholSwabAllergy', severity: 'caution' }],
		['tapeAllergy', { code: 'tapeAllergy', severity: 'caution' }]
	] as const)('gives one alert for %s alone', (fact, expected) => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ [fact]: true }));
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toMatchObject(expected);
		expect(alerts[0]!.avoidPoints).toBeUndefined();
	});

	it('keeps electroacupuncture, bloodletting and depth rules to the facts that call for them', () => {
		for (const fact of ['immunosuppressed', 'diabetes', 'needleFear', 'faintingHistory'] as const) {
			const [alert] = deriveSafetyAlerts(noSafetyFacts({ [fact]: true }));
			expect(alert).not.toHaveProperty('forbidsElectroacupuncture');
			expect(alert).not.toHaveProperty('forbidsBloodletting');
			expect(alert).not.toHaveProperty('forbidsDeepNeedling');
		}
	});

	it('tells a needle-shy or fainting patient to be treated lying down with a short first session', () => {
		for (const fact of ['needleFear', 'faintingHistory'] as const) {
			const [alert] = deriveSafetyAlerts(noSafetyFacts({ [fact]: true }));
			expect(alert!.advice.en).toMatch(/lying down/);
			expect(alert!.advice.en).toMatch(/first session short/);
			expect(alert!.advice.ja).toMatch(/寝た姿勢/);
			expect(alert!.advice.ja).toMatch(/初回/);
		}
	});

	it('forbids needling at each skin-problem and lymphoedema site, without duplicates or blanks', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ skinProblemSites: ['lowerLeg', 'lowerLeg', ' '], lymphoedemaSites: ['thigh'] }));
		expect(alerts).toEqual([
			expect.objectContaining({ code: 'skinProblemSites', severity: 'contraindication', avoidSites: ['lowerLeg'] }),
			expect.objectContaining({ code: 'lymphoedemaSites', severity: 'contraindication', avoidSites: ['thigh'] })
		]);
		expect(deriveSafetyAlerts(noSafetyFacts({ skinProblemSites: ['  '] }))).toEqual([]);
	});

	it('lists combined facts in the fixed order, one alert per fact', () => {
		const alerts = deriveSafetyAlerts(
			noSafetyFacts({ tapeAllergy: true, pregnant: true, diabetes: true, anticoagulants: true, bleedingDisorder: true, lymphoedemaSites: ['knee'] })
		);
		expect(codes(alerts)).toEqual(['pregnancy', 'anticoagulants', 'bleedingDisorder', 'diabetes', 'lymphoedemaSites', 'tapeAllergy']);
	});

	it('gives every alert advice in both languages, distinct for each code', () => {
		const everything = noSafetyFacts({
			...Object.fromEntries(BOOLEAN_FACTS.map((f) => [f, true])),
			pregnant: true,
			skinProblemSites: ['hand'],
			lymphoedemaSites: ['thigh']
		});
		const alerts = [...deriveSafetyAlerts(everything), ...deriveSafetyAlerts(noSafetyFacts({ pregnant: 'unknown' }))];
		expect(new Set(codes(alerts))).toEqual(new Set(SAFETY_ALERT_CODES));
		for (const a of alerts) {
			expect(a.advice.ja).toMatch(/[ぁ-んァ-ン]/);
			expect(a.advice.en).toMatch(/^[A-Z].*\.$/);
		}
		expect(new Set(alerts.map((a) => a.advice.en)).size).toBe(alerts.length);
	});

	it('never removes an alert when a fact becomes true or a site is added (property)', () => {
		const site = fc.constantFrom('lowerBack', 'buttock', 'thigh', 'knee', 'lowerLeg', 'ankleFoot', 'hand', 'shoulder');
		const facts = fc.record<IntakeSafetyFacts>({
			pregnant: fc.constantFrom(false, true, 'unknown' as const),
			anticoagulants: fc.boolean(),
			bleedingDisorder: fc.boolean(),
			pacemakerOrImplant: fc.boolean(),
			immunosuppressed: fc.boolean(),
			diabetes: fc.boolean(),
			needleFear: fc.boolean(),
			faintingHistory: fc.boolean(),
			skinProblemSites: fc.array(site, { maxLength: 3 }),
			lymphoedemaSites: fc.array(site, { maxLength: 3 }),
			metalAllergy: fc.boolean(),
			alcoholSwabAllergy: fc.boolean(),
			tapeAllergy: fc.boolean()
		});
		const change = fc.oneof(
			fc.constantFrom(...BOOLEAN_FACTS).map((fact) => (f: IntakeSafetyFacts) => ({ ...f, [fact]: true })),
			site.map((s) => (f: IntakeSafetyFacts) => ({ ...f, skinProblemSites: [...f.skinProblemSites, s] })),
			site.map((s) => (f: IntakeSafetyFacts) => ({ ...f, lymphoedemaSites: [...f.lymphoedemaSites, s] })),
			// From "no" to "yes" or "not known" adds an alert; "not known" to "yes" replaces the question with the answer.
			fc.constant((f: IntakeSafetyFacts) => (f.pregnant === false ? { ...f, pregnant: true } : f))
		);
		fc.assert(
			fc.property(facts, change, (before, add) => {
				const after = deriveSafetyAlerts(add(before));
				for (const a of deriveSafetyAlerts(before)) {
					const kept = after.find((b) => b.code === a.code);
					expect(kept).toBeDefined();
					for (const s of a.avoidSites ?? []) expect(kept!.avoidSites).toContain(s);
				}
			})
		);
	});
});

describe('findSafetyConflicts', () => {
	const pregnant = deriveSafetyAlerts(noSafetyFacts({ pregnant: true }));

	it('finds no conflict when there are no alerts', () => {
		expect(findSafetyConflicts([], plan([{ code: 'SP6', deep: true }], { electroacupuncture: true, bloodletting: true }))).toEqual([]);
	});

	it('flags SP6 in a plan for a pregnant patient as a contraindication', () => {
		const conflicts = findSafetyConflicts(pregnant, plan([{ code: 'GB30' }, { code: 'sp6' }, { code: 'BL40' }]));
		expect(conflicts).toEqual([{ alertCode: 'pregnancy', severity: 'contraindication', kind: 'point', pointCode: 'SP6' }]);
		expect(hasContraindication(conflicts)).toBe(true);
	});

	it('flags every point avoided in pregnancy, in the plan’s order', () => {
		const conflicts = findSafetyConflicts(pregnant, plan(['GB21', 'BL67', 'ST36', 'BL60', 'LI4'].map((code) => ({ code }))));
		expect(conflicts.map((c) => (c.kind === 'point' ? c.pointCode : c.kind))).toEqual(['GB21', 'BL67', 'BL60', 'LI4']);
	});

	it('flags deep needling of the lower back in pregnancy but not shallow needling there', () => {
		expect(findSafetyConflicts(pregnant, plan([{ code: 'BL25', deep: true }]))).toEqual([
			{ alertCode: 'pregnancy', severity: 'contraindication', kind: 'deepNeedling', pointCode: 'BL25', site: 'lowerBack' }
		]);
		expect(findSafetyConflicts(pregnant, plan([{ code: 'BL25', deep: false }, { code: 'BL25' }]))).toEqual([]);
	});

	it('flags deep needling of the sacrum and buttock in pregnancy, BL54 and GB30 (docs/clinical-rules.md §3)', () => {
		expect(
			findSafetyConflicts(
				pregnant,
				plan([
					{ code: 'BL54', deep: true },
					{ code: 'GB30', deep: true }
				])
			)
		).toEqual([
			{ alertCode: 'pregnancy', severity: 'contraindication', kind: 'deepNeedling', pointCode: 'BL54', site: 'buttock' },
			{ alertCode: 'pregnancy', severity: 'contraindication', kind: 'deepNeedling', pointCode: 'GB30', site: 'buttock' }
		]);
		expect(findSafetyConflicts(pregnant, plan([{ code: 'BL54' }, { code: 'GB30', deep: false }]))).toEqual([]);
	});

	it('gives the same point conflicts as cautions while pregnancy is unknown', () => {
		const conflicts = findSafetyConflicts(deriveSafetyAlerts(noSafetyFacts({ pregnant: 'unknown' })), plan([{ code: 'SP6' }]));
		expect(conflicts).toEqual([{ alertCode: 'pregnancyUnknown', severity: 'caution', kind: 'point', pointCode: 'SP6' }]);
		expect(hasContraindication(conflicts)).toBe(false);
	});

	it('flags electroacupuncture with a pacemaker, and nothing without electroacupuncture', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ pacemakerOrImplant: true }));
		expect(findSafetyConflicts(alerts, plan([{ code: 'GB30' }], { electroacupuncture: true }))).toEqual([
			{ alertCode: 'implantedDevice', severity: 'contraindication', kind: 'electroacupuncture' }
		]);
		expect(findSafetyConflicts(alerts, plan([{ code: 'GB30' }]))).toEqual([]);
	});

	it('allows electroacupuncture when no alert forbids it', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ diabetes: true, needleFear: true }));
		expect(findSafetyConflicts(alerts, plan([{ code: 'GB30', deep: true }], { electroacupuncture: true }))).toEqual([]);
	});

	it('flags bloodletting and deep needling for a patient on blood thinners', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ anticoagulants: true }));
		expect(findSafetyConflicts(alerts, plan([{ code: 'GB30', deep: true }, { code: 'BL40' }], { bloodletting: true }))).toEqual([
			{ alertCode: 'anticoagulants', severity: 'caution', kind: 'deepNeedling', pointCode: 'GB30', site: 'buttock' },
			{ alertCode: 'anticoagulants', severity: 'caution', kind: 'bloodletting' }
		]);
	});

	it('flags a point inside a skin-problem or lymphoedema site, by the given site or the point’s own region', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ skinProblemSites: ['lowerLeg'], lymphoedemaSites: ['thigh'] }));
		const conflicts = findSafetyConflicts(
			alerts,
			plan([{ code: 'BL57' }, { code: 'GB31' }, { code: 'GB30' }, { code: 'EX-B2', site: 'lowerLeg' }, { code: 'XX99' }])
		);
		expect(conflicts).toEqual([
			{ alertCode: 'skinProblemSites', severity: 'contraindication', kind: 'site', pointCode: 'BL57', site: 'lowerLeg' },
			{ alertCode: 'skinProblemSites', severity: 'contraindication', kind: 'site', pointCode: 'EX-B2', site: 'lowerLeg' },
			{ alertCode: 'lymphoedemaSites', severity: 'contraindication', kind: 'site', pointCode: 'GB31', site: 'thigh' }
		]);
	});

	it('reports the conflicts of combined alerts alert by alert', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ pregnant: true, pacemakerOrImplant: true, bleedingDisorder: true }));
		const conflicts = findSafetyConflicts(alerts, plan([{ code: 'LI4', deep: true }], { electroacupuncture: true, bloodletting: true }));
		expect(conflicts.map((c) => [c.alertCode, c.kind])).toEqual([
			['pregnancy', 'point'],
			['bleedingDisorder', 'deepNeedling'],
			['bleedingDisorder', 'bloodletting'],
			['implantedDevice', 'electroacupuncture']
		]);
	});

	it('does not change the alerts or the plan it is given', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ pregnant: true, skinProblemSites: ['hand'] }));
		const p = plan([{ code: 'LI4' }], { electroacupuncture: true });
		const before = JSON.stringify([alerts, p]);
		findSafetyConflicts(alerts, p);
		expect(JSON.stringify([alerts, p])).toBe(before);
	});
});

describe('the pregnancy rule, point by point and site by site (docs/clinical-rules.md §3)', () => {
	const avoided = ['LI4', 'SP6', 'BL60', 'BL67', 'GB21'];
	const lumbosacral = ACUPOINTS.filter((p) => p.region === 'lowerBack' || p.region === 'buttock').map((p) => p.code);
	const alertsFor = (pregnant: boolean | 'unknown') => deriveSafetyAlerts(noSafetyFacts({ pregnant }));

	it('names BL54 and GB30 among the lumbosacral points, with the lower back’s', () => {
		expect(lumbosacral.sort()).toEqual(['BL23', 'BL25', 'BL54', 'EX-B2', 'GB30']);
	});

	it.each([
		[true, 'pregnancy', 'contraindication'],
		['unknown', 'pregnancyUnknown', 'caution']
	] as const)('for pregnant = %s, flags each avoided point, shallow or deep, and nothing else on its own', (pregnant, code, severity) => {
		for (const point of ACUPOINTS) {
			for (const deep of [false, true]) {
				const found = findSafetyConflicts(alertsFor(pregnant), plan([{ code: point.code, deep }])).filter((c) => c.alertCode === code);
				const expected = [
					...(avoided.includes(point.code) ? [{ alertCode: code, severity, kind: 'point', pointCode: point.code }] : []),
					...(deep && lumbosacral.includes(point.code) ? [{ alertCode: code, severity, kind: 'deepNeedling', pointCode: point.code, site: point.region }] : [])
				];
				expect(found, `${point.code} deep=${deep}`).toEqual(expected);
			}
		}
	});

	it('flags nothing of pregnancy for a patient who is not pregnant', () => {
		const all = ACUPOINTS.map((p) => ({ code: p.code, deep: true }));
		expect(findSafetyConflicts(alertsFor(false), plan(all)).filter((c) => c.alertCode !== 'pointCaution')).toEqual([]);
	});
});

describe('the implanted-device rule and the techniques', () => {
	const device = deriveSafetyAlerts(noSafetyFacts({ pacemakerOrImplant: true }));

	it.each(['direct', 'indirect', 'needle_top', 'stick', 'unspecified', null] as const)(
		'flags electroacupuncture with a pacemaker whatever the moxibustion (%s), and that moxibustion alone not at all',
		(moxibustion) => {
			expect(findSafetyConflicts(device, plan([{ code: 'GB30' }], { electroacupuncture: true, moxibustion }))).toEqual([
				{ alertCode: 'implantedDevice', severity: 'contraindication', kind: 'electroacupuncture' }
			]);
			expect(findSafetyConflicts(device, plan([{ code: 'GB30', deep: true }], { electroacupuncture: false, moxibustion }))).toEqual([]);
		}
	);

	it('flags electroacupuncture with no point recorded yet', () => {
		expect(findSafetyConflicts(device, plan([], { electroacupuncture: true })).map((c) => c.kind)).toEqual(['electroacupuncture']);
	});
});

describe('the points’ own cautions (docs/clinical-rules.md §2)', () => {
	it('flags deep needling at BL40 (vessels), BL23 (kidney) and GB21 (lung apex) as contraindications, and at EX-B2 as a caution', () => {
		const conflicts = findSafetyConflicts([], plan(['BL40', 'BL23', 'GB21', 'EX-B2', 'GB30', 'BL54'].map((code) => ({ code, deep: true }))));
		expect(conflicts).toEqual([
			{ alertCode: 'pointCaution', severity: 'contraindication', kind: 'deepNeedling', pointCode: 'BL40', site: 'knee' },
			{ alertCode: 'pointCaution', severity: 'contraindication', kind: 'deepNeedling', pointCode: 'BL23', site: 'lowerBack' },
			{ alertCode: 'pointCaution', severity: 'contraindication', kind: 'deepNeedling', pointCode: 'GB21', site: 'shoulder' },
			{ alertCode: 'pointCaution', severity: 'caution', kind: 'deepNeedling', pointCode: 'EX-B2', site: 'lowerBack' }
		]);
	});

	it('leaves shallow needling at those points alone', () => {
		expect(findSafetyConflicts([], plan(['BL40', 'BL23', 'GB21', 'EX-B2'].map((code) => ({ code, deep: false }))))).toEqual([]);
	});

	it('flags direct moxibustion while BL40 is used, and no other kind of moxibustion', () => {
		expect(findSafetyConflicts([], plan([{ code: 'BL40' }, { code: 'BL25' }], { moxibustion: 'direct' }))).toEqual([
			{ alertCode: 'pointCaution', severity: 'contraindication', kind: 'directMoxibustion', pointCode: 'BL40' }
		]);
		for (const moxibustion of ['indirect', 'needle_top', 'stick', 'unspecified', null] as const) {
			expect(findSafetyConflicts([], plan([{ code: 'BL40' }], { moxibustion })), String(moxibustion)).toEqual([]);
		}
	});

	it('comes after the alerts’ conflicts, so both a bleeding risk and the vessels at BL40 are asked about', () => {
		const alerts = deriveSafetyAlerts(noSafetyFacts({ anticoagulants: true }));
		expect(findSafetyConflicts(alerts, plan([{ code: 'BL40', deep: true }])).map((c) => [c.alertCode, c.kind])).toEqual([
			['anticoagulants', 'deepNeedling'],
			['pointCaution', 'deepNeedling']
		]);
	});

	it('finds every point with a limit among the points whose cautions forbid deep needling or direct moxibustion', () => {
		for (const point of ACUPOINTS) {
			const text = point.cautions.map((c) => c.en).join(' ');
			const forbidsDepth = /no deep|shallow needling only|do not needle deeply/i.test(text);
			expect(Boolean(point.limits?.deepNeedling), point.code).toBe(forbidsDepth);
			expect(Boolean(point.limits?.directMoxibustion), point.code).toBe(/no direct moxibustion/i.test(text));
		}
	});
});
