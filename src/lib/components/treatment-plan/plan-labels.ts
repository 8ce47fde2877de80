import { findAcupoint, REGION_NAMES, type BodyRegion } from '$lib/domain/acupoints/points';
import type { CheckedConflict } from '$lib/domain/clinical/safety-check';
import type { SafetyConflict } from '$lib/domain/safety/alerts';
import type { Locale } from '$lib/i18n/locales';
import type { SuggestionReason } from '$lib/domain/clinical/point-suggestions';
import { translate, type MessageKey } from '$lib/i18n/translate';
import { SAFETY_SHORT_LABELS, SEVERITY_LABELS } from '../safety/safety-labels';

/*
 * Typed label maps (issue #21): a new reason or conflict without words is a type error. A point's
 * side is worded by PLAN_SIDE_LABELS in src/lib/labels/treatment-plan-labels.ts.
 */

/** Why the rules suggest a point. */
export const SUGGESTION_REASON_LABELS: Record<SuggestionReason, MessageKey> = {
	pattern: 'treatmentPlan.reason.pattern',
	root: 'treatmentPlan.reason.root',
	local: 'treatmentPlan.reason.local'
};

/** What the care meets: `{alert}: {point}…` for each kind of conflict. */
export const CONFLICT_KIND_LABELS: Record<SafetyConflict['kind'], MessageKey> = {
	point: 'treatmentPlan.conflict.point',
	site: 'treatmentPlan.conflict.site',
	deepNeedling: 'treatmentPlan.conflict.deepNeedling',
	directMoxibustion: 'safety.conflict.directMoxibustion',
	electroacupuncture: 'treatmentPlan.conflict.electroacupuncture',
	bloodletting: 'treatmentPlan.conflict.bloodletting'
};

/** `BL40 委中（いちゅう）` in Japanese, `BL40 Weizhong` in English; the code alone for an unknown point. */
export function pointLabel(code: string, locale: Locale): string {
	const point = findAcupoint(code);
	if (!point) return code;
	return locale === 'ja' ? `${point.code} ${point.japanese.kanji}（${point.japanese.reading}）` : `${point.code} ${point.pinyin}`;
}

/** The point's cautions (docs/clinical-rules.md §2) in one line; empty when it has none. */
export function pointCautions(code: string, locale: Locale): string {
	return (findAcupoint(code)?.cautions ?? []).map((c) => c[locale]).join(' ');
}

function regionName(site: string, locale: Locale): string {
	return site in REGION_NAMES ? REGION_NAMES[site as BodyRegion][locale] : site;
}

/**
 * One line saying which alert (or point caution) the care meets and where, e.g.
 * `抗凝固薬: BL40 委中（いちゅう）への深刺`; the plan and the session record both show it.
 */
export function conflictLabel(conflict: SafetyConflict, locale: Locale): string {
	const alert = translate(locale, SAFETY_SHORT_LABELS[conflict.alertCode]);
	const point = 'pointCode' in conflict ? pointLabel(conflict.pointCode, locale) : '';
	const site = conflict.kind === 'site' ? regionName(conflict.site, locale) : '';
	return translate(locale, CONFLICT_KIND_LABELS[conflict.kind], { alert, point, site });
}

/**
 * A conflict with its line (`conflictLabel`) and its severity in words, worked out on the server
 * so no page ships the point atlas (issue #21).
 */
export type LabelledConflict = CheckedConflict & { label: string; severityLabel: string };

export function labelConflicts(conflicts: readonly CheckedConflict[], locale: Locale): LabelledConflict[] {
	return conflicts.map((item) => ({
		...item,
		label: conflictLabel(item.conflict, locale),
		severityLabel: translate(locale, SEVERITY_LABELS[item.conflict.severity])
	}));
}
