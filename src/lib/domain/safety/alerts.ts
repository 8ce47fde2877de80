/*
 * Safety alerts for the treatment record (docs/clinical-rules.md §3): derived from the intake's safety facts,
 * shown on the chart, and checked against the points and techniques of a plan and of a session record. Pure: no I/O,
 * no clock. An alert informs the practitioner; it never replaces their judgement.
 */
import { findAcupoint } from '../acupoints/points';

export interface LocalizedAdvice {
	readonly ja: string;
	readonly en: string;
}

/** What the intake tells us about safety. Site lists hold body region codes (acupoints/body-regions.ts). */
export interface IntakeSafetyFacts {
	pregnant: boolean | 'unknown';
	anticoagulants: boolean;
	bleedingDisorder: boolean;
	pacemakerOrImplant: boolean;
	immunosuppressed: boolean;
	diabetes: boolean;
	needleFear: boolean;
	faintingHistory: boolean;
	skinProblemSites: readonly string[];
	lymphoedemaSites: readonly string[];
	metalAllergy: boolean;
	alcoholSwabAllergy: boolean;
	tapeAllergy: boolean;
}

/** Facts that call for no alert: the starting point for building facts, in code and in tests. */
export function noSafetyFacts(overrides: Partial<IntakeSafetyFacts> = {}): IntakeSafetyFacts {
	return {
		pregnant: false,
		anticoagulants: false,
		bleedingDisorder: false,
		pacemakerOrImplant: false,
		immunosuppressed: false,
		diabetes: false,
		needleFear: false,
		faintingHistory: false,
		skinProblemSites: [],
		lymphoedemaSites: [],
		metalAllergy: false,
		alcoholSwabAllergy: false,
		tapeAllergy: false,
		...overrides
	};
}

export const SAFETY_ALERT_CODES = [
	'pregnancy',
	'pregnancyUnknown',
	'anticoagulants',
	'bleedingDisorder',
	'implantedDevice',
	'immunosuppressed',
	'diabetes',
	'skinProblemSites',
	'lymphoedemaSites',
	'needleFear',
	'faintingHistory',
	'metalAllergy',
	'alcoholSwabAllergy',
	'tapeAllergy'
] as const;
export type SafetyAlertCode = (typeof SAFETY_ALERT_CODES)[number];

export type AlertSeverity = 'contraindication' | 'caution';

export interface SafetyAlert {
	code: SafetyAlertCode;
	severity: AlertSeverity;
	advice: LocalizedAdvice;
	/** Acupoint codes (docs/clinical-rules.md §2) the plan should leave out. */
	avoidPoints?: string[];
	forbidsElectroacupuncture?: boolean;
	/** Body region codes where no needle goes. */
	avoidSites?: string[];
	/** Body region codes where only shallow needling is acceptable. */
	avoidDeepNeedlingSites?: string[];
	/** Shallow needling everywhere. */
	forbidsDeepNeedling?: boolean;
	forbidsBloodletting?: boolean;
}

/** Points traditionally avoided in pregnancy (docs/clinical-rules.md §2 cautions, §3). */
export const PREGNANCY_AVOID_POINTS = ['LI4', 'SP6', 'BL60', 'BL67', 'GB21'] as const;
/**
 * Sites where deep needling is avoided in pregnancy: the lumbosacral area and the lower abdomen
 * (docs/clinical-rules.md §3). On the body charts the lumbosacral area is the lower back and the
 * buttock, where the sacral points lie: BL54 at the level of the fourth sacral foramen and GB30 on
 * the line to the sacral hiatus (§2). The charts have no lower-abdomen region yet; the code is
 * reserved for it.
 */
export const PREGNANCY_NO_DEEP_SITES = ['lowerBack', 'buttock', 'lowerAbdomen'] as const;

const ADVICE = {
	pregnancy: {
		ja: '妊娠中です。合谷・三陰交・崑崙・至陰・肩井は使わず、腰・仙骨部・殿部（秩辺・環跳など）と下腹部には深く刺さないでください。',
		en: 'The patient is pregnant. Leave out LI4, SP6, BL60, BL67 and GB21, and do not needle deeply over the lower back, the sacrum and buttock (BL54, GB30) or the lower abdomen.'
	},
	pregnancyUnknown: {
		ja: '妊娠の可能性が未確認です。施術前に確認し、それまでは妊娠中と同じく合谷・三陰交・崑崙・至陰・肩井と、腰・仙骨部・殿部・下腹部への深刺を避けてください。',
		en: 'Pregnancy has not been ruled out. Ask before treating; until then, avoid LI4, SP6, BL60, BL67, GB21 and deep needling over the lower back, sacrum, buttock or lower abdomen, as in pregnancy.'
	},
	anticoagulants: {
		ja: '抗凝固薬・抗血小板薬を服用中です。浅く刺し、抜鍼後は長めに圧迫してください。刺絡（瀉血）は行わないでください。',
		en: 'Takes blood thinners. Needle shallowly, press longer after removing each needle, and do no bloodletting.'
	},
	bleedingDisorder: {
		ja: '出血しやすい病気があります。浅く刺し、抜鍼後は長めに圧迫してください。刺絡（瀉血）は行わないでください。',
		en: 'Has a bleeding disorder. Needle shallowly, press longer after removing each needle, and do no bloodletting.'
	},
	implantedDevice: {
		ja: 'ペースメーカーなどの電子機器が体内にあります。低周波鍼通電（電気鍼）は行わないでください。',
		en: 'Has a pacemaker or another implanted electronic device. Do not use electroacupuncture.'
	},
	immunosuppressed: {
		ja: '免疫が低下しています。感染のリスクが高いため、清潔操作を徹底し、刺入部の状態を記録してください。',
		en: 'Immune system is weakened, so the risk of infection is higher. Keep to strict clean technique and note the state of the needled skin.'
	},
	diabetes: {
		ja: '糖尿病があります。感染しやすく治りにくいため、清潔操作を徹底し、特に足への施術では皮膚の状態を確認してください。',
		en: 'Has diabetes: infections come more easily and heal slowly. Keep to strict clean technique and check the skin, the feet above all.'
	},
	skinProblemSites: {
		ja: '皮膚の傷・炎症・感染がある部位には刺さないでください。',
		en: 'Do not needle where the skin is broken, inflamed or infected.'
	},
	lymphoedemaSites: {
		ja: 'リンパ浮腫のある部位には刺さないでください。',
		en: 'Do not needle a limb or area with lymphoedema.'
	},
	needleFear: {
		ja: '鍼への恐怖心があります。仰向けなど寝た姿勢で施術し、初回は本数と時間を控えめにしてください。',
		en: 'Is afraid of needles. Treat lying down, and keep the first session short with few needles.'
	},
	faintingHistory: {
		ja: '失神したことがあります。必ず寝た姿勢で施術し、初回は短めにして、施術中も様子を見てください。',
		en: 'Has fainted before. Always treat lying down, keep the first session short and watch the patient throughout.'
	},
	metalAllergy: {
		ja: '金属アレルギーがあります。原因の金属を確認し、それを含まない鍼を選ぶか、鍼を使わない方法に切り替えてください。',
		en: 'Has a metal allergy. Find out which metal, and choose needles without it or a technique that uses no needles.'
	},
	alcoholSwabAllergy: {
		ja: 'アルコール綿で皮膚が荒れます。アルコールを含まない消毒薬を使ってください。',
		en: 'Reacts to alcohol swabs. Disinfect the skin with an alcohol-free antiseptic.'
	},
	tapeAllergy: {
		ja: 'テープでかぶれます。円皮鍼などの貼るものは避けるか、低刺激のテープを使ってください。',
		en: 'Reacts to adhesive tape. Avoid press needles and other taped items, or use a low-irritation tape.'
	}
} as const satisfies Record<SafetyAlertCode, LocalizedAdvice>;

function alert(code: SafetyAlertCode, severity: AlertSeverity, extra: Partial<SafetyAlert> = {}): SafetyAlert {
	return { code, severity, advice: ADVICE[code], ...extra };
}

function uniqueSites(sites: readonly string[]): string[] {
	return [...new Set(sites.map((site) => site.trim()).filter((site) => site !== ''))];
}

/** Every alert the facts call for, in the order of SAFETY_ALERT_CODES; none when nothing is set. */
export function deriveSafetyAlerts(facts: IntakeSafetyFacts): SafetyAlert[] {
	const alerts: SafetyAlert[] = [];
	const pregnancyRules = {
		avoidPoints: [...PREGNANCY_AVOID_POINTS],
		avoidDeepNeedlingSites: [...PREGNANCY_NO_DEEP_SITES]
	};
	if (facts.pregnant === true) alerts.push(alert('pregnancy', 'contraindication', pregnancyRules));
	// Not knowing is not a no: ask, and treat as pregnant until asked.
	if (facts.pregnant === 'unknown') alerts.push(alert('pregnancyUnknown', 'caution', pregnancyRules));
	const bleeding = { forbidsDeepNeedling: true, forbidsBloodletting: true };
	if (facts.anticoagulants) alerts.push(alert('anticoagulants', 'caution', bleeding));
	if (facts.bleedingDisorder) alerts.push(alert('bleedingDisorder', 'caution', bleeding));
	if (facts.pacemakerOrImplant) alerts.push(alert('implantedDevice', 'contraindication', { forbidsElectroacupuncture: true }));
	if (facts.immunosuppressed) alerts.push(alert('immunosuppressed', 'caution'));
	if (facts.diabetes) alerts.push(alert('diabetes', 'caution'));
	const skinSites = uniqueSites(facts.skinProblemSites);
	if (skinSites.length > 0) alerts.push(alert('skinProblemSites', 'contraindication', { avoidSites: skinSites }));
	const lymphSites = uniqueSites(facts.lymphoedemaSites);
	if (lymphSites.length > 0) alerts.push(alert('lymphoedemaSites', 'contraindication', { avoidSites: lymphSites }));
	if (facts.needleFear) alerts.push(alert('needleFear', 'caution'));
	if (facts.faintingHistory) alerts.push(alert('faintingHistory', 'caution'));
	if (facts.metalAllergy) alerts.push(alert('metalAllergy', 'caution'));
	if (facts.alcoholSwabAllergy) alerts.push(alert('alcoholSwabAllergy', 'caution'));
	if (facts.tapeAllergy) alerts.push(alert('tapeAllergy', 'caution'));
	return alerts;
}

/** A point of a plan or a session record, as the safety check reads it. */
export interface PointToCheck {
	code: string;
	/** Body region code; when absent, the acupoint's own region (acupoints/points.ts) is used. */
	site?: string;
	/** Needled deeply; undefined counts as not deep. */
	deep?: boolean;
}

/** The kinds of moxibustion a record names (clinical/session-rules.ts MOXA_TYPES); a plan says only whether. */
export type MoxibustionToCheck = 'direct' | 'indirect' | 'needle_top' | 'stick' | 'unspecified';

/**
 * The care a plan proposes or a session records, as the safety check reads it: the same shape
 * from both, so one rule decides for both (docs/clinical-rules.md §3).
 */
export interface TreatmentToCheck {
	points: readonly PointToCheck[];
	electroacupuncture: boolean;
	bloodletting?: boolean;
	/** Moxibustion used, and which kind when known; null or absent when none. */
	moxibustion?: MoxibustionToCheck | null;
}

/** Where a conflict comes from: one of the patient's alerts, or the caution of the point itself. */
export type ConflictSource = SafetyAlertCode | 'pointCaution';
export const CONFLICT_SOURCES: readonly ConflictSource[] = [...SAFETY_ALERT_CODES, 'pointCaution'];

interface ConflictBase {
	/** The alert met, or `pointCaution` for a point's own caution (docs/clinical-rules.md §2). */
	alertCode: ConflictSource;
	severity: AlertSeverity;
}

export type SafetyConflict = ConflictBase &
	(
		| { kind: 'point'; pointCode: string }
		| { kind: 'site'; pointCode: string; site: string }
		| { kind: 'deepNeedling'; pointCode: string; site: string | null }
		| { kind: 'directMoxibustion'; pointCode: string }
		| { kind: 'electroacupuncture' }
		| { kind: 'bloodletting' }
	);

export const CONFLICT_KINDS: readonly SafetyConflict['kind'][] = ['point', 'site', 'deepNeedling', 'directMoxibustion', 'electroacupuncture', 'bloodletting'];

function normalisePointCode(code: string): string {
	return code.trim().toUpperCase();
}

function siteOf(point: PointToCheck): string | null {
	return point.site ?? findAcupoint(point.code)?.region ?? null;
}

/**
 * Every conflict between the care and the patient's alerts, alert by alert, then in the care's
 * point order; after them, the points' own cautions (docs/clinical-rules.md §2): deep needling
 * where only shallow needling is safe, direct moxibustion where it is not done. The one rule of
 * the plan, the session record and any other place care is written.
 */
export function findSafetyConflicts(alerts: readonly SafetyAlert[], care: TreatmentToCheck): SafetyConflict[] {
	const conflicts: SafetyConflict[] = [];
	for (const a of alerts) {
		const base: ConflictBase = { alertCode: a.code, severity: a.severity };
		const avoidPoints = new Set((a.avoidPoints ?? []).map(normalisePointCode));
		for (const point of care.points) {
			const pointCode = normalisePointCode(point.code);
			const site = siteOf(point);
			if (avoidPoints.has(pointCode)) conflicts.push({ ...base, kind: 'point', pointCode });
			if (site !== null && a.avoidSites?.includes(site)) conflicts.push({ ...base, kind: 'site', pointCode, site });
			const deepHere = a.forbidsDeepNeedling === true || (site !== null && a.avoidDeepNeedlingSites?.includes(site) === true);
			if (point.deep === true && deepHere) conflicts.push({ ...base, kind: 'deepNeedling', pointCode, site });
		}
		if (a.forbidsElectroacupuncture && care.electroacupuncture) conflicts.push({ ...base, kind: 'electroacupuncture' });
		if (a.forbidsBloodletting && care.bloodletting === true) conflicts.push({ ...base, kind: 'bloodletting' });
	}
	for (const point of care.points) {
		const limits = findAcupoint(point.code)?.limits;
		if (!limits) continue;
		const pointCode = normalisePointCode(point.code);
		if (point.deep === true && limits.deepNeedling) {
			conflicts.push({ alertCode: 'pointCaution', severity: limits.deepNeedling, kind: 'deepNeedling', pointCode, site: siteOf(point) });
		}
		if (care.moxibustion === 'direct' && limits.directMoxibustion) {
			conflicts.push({ alertCode: 'pointCaution', severity: limits.directMoxibustion, kind: 'directMoxibustion', pointCode });
		}
	}
	return conflicts;
}

/** Whether any conflict is a contraindication, not only a caution. */
export function hasContraindication(conflicts: readonly SafetyConflict[]): boolean {
	return conflicts.some((c) => c.severity === 'contraindication');
}
