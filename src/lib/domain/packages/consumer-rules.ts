import type { DatedVersion } from '../billing/dated-config';

/*
 * The consumer-law limits on what a clinic may keep when a patient cancels a prepaid course
 * (issue #18), as dated configuration with the source of each limit named. Add a version when the
 * law changes; never edit a past one. A past cancellation is judged by the version of its day.
 *
 * Which law applies:
 * - 特定商取引法 第41条・第49条 (特定継続的役務提供) sets fixed caps on the fee for cancelling a
 *   continuous service — but only for the designated types of 特定商取引法施行令 別表第四 (esthetics,
 *   cosmetic medicine, language schools, tutoring, cram schools, computer classes, marriage
 *   introduction) above one month and ¥50,000. Acupuncture and moxibustion (鍼灸) are NOT among
 *   them, so a 回数券 of a 鍼灸院 is not a 特定継続的役務 and its fixed caps do not apply. The
 *   version keeps the designated list so a clinic that also sells, say, an esthetic course sees why
 *   the answer differs.
 * - 消費者契約法 第9条第1項第1号 applies to every consumer contract, so to a 鍼灸 回数券: a
 *   cancellation fee is void for the part that exceeds the 平均的な損害 (the average damage such a
 *   cancellation causes a business of that kind). The law gives no figure: the clinic must document
 *   its actual average cost and may charge no more. Since 2023-06-01 (令和4年改正, 第9条第2項)
 *   the clinic must also try to explain how the fee was worked out when the patient asks.
 *
 * OWNER MUST CHECK WITH AN ADVISER: the documented average damage per cancellation, and the
 * shinkyu guide ceiling below (a conservative default borrowed from the 特定商取引法 figures for
 * comparable services, not a legal limit for 鍼灸).
 */

export type FeeLimitSource = 'consumer_contract_act_9' | 'specified_commercial_transactions_49';

export interface ConsumerRulesVersion extends DatedVersion {
	/** The limit that applies to a 鍼灸 course and where it comes from. */
	appliesToAcupuncture: FeeLimitSource;
	source: string;
	/** The designated 特定継続的役務 types (for information: 鍼灸 is not one). */
	designatedContinuousServices: readonly string[];
	/** 特定商取引法 caps after the service began, for the designated types: the lower of these. */
	specifiedCapAfterStart: { maxJpy: number; maxPercentOfUnused: number; source: string };
	/**
	 * shinkyu's default ceiling on a clinic's fee, whatever the clinic documents: the lower of these.
	 * Owner must check with an adviser.
	 */
	guideCeiling: { maxJpy: number; maxPercentOfUnused: number; adviserCheck: true };
}

export const CONSUMER_RULES: readonly ConsumerRulesVersion[] = Object.freeze([
	{
		effectiveFrom: '2001-04-01',
		appliesToAcupuncture: 'consumer_contract_act_9',
		source: '消費者契約法 第9条第1項第1号 (平均的な損害を超える解約料は無効)',
		designatedContinuousServices: ['esthetics', 'cosmetic_medicine', 'language_school', 'tutoring', 'cram_school', 'computer_class', 'marriage_introduction'],
		specifiedCapAfterStart: { maxJpy: 20_000, maxPercentOfUnused: 10, source: '特定商取引法 第49条第2項第1号, 同施行令 別表第五 (エステティック)' },
		guideCeiling: { maxJpy: 20_000, maxPercentOfUnused: 10, adviserCheck: true }
	},
	{
		effectiveFrom: '2023-06-01',
		appliesToAcupuncture: 'consumer_contract_act_9',
		source: '消費者契約法 第9条第1項第1号; 第9条第2項 (令和4年改正: 算定根拠の説明の努力義務)',
		designatedContinuousServices: ['esthetics', 'cosmetic_medicine', 'language_school', 'tutoring', 'cram_school', 'computer_class', 'marriage_introduction'],
		specifiedCapAfterStart: { maxJpy: 20_000, maxPercentOfUnused: 10, source: '特定商取引法 第49条第2項第1号, 同施行令 別表第五 (エステティック)' },
		guideCeiling: { maxJpy: 20_000, maxPercentOfUnused: 10, adviserCheck: true }
	}
]);
