import type { DatedVersion } from './dated-config';

/*
 * Prices, fees and tax as dated configuration (docs/clinical-rules.md §6: fee amounts change and are
 * configuration too; the fee table is docs/insurance.md §3). Add a version when a notice changes
 * them; never edit a past one.
 */

export interface TaxRateVersion extends DatedVersion {
	/** Standard consumption-tax rate in percent. */
	ratePercent: number;
}

/** 消費税 (standard rate). Self-pay treatment is taxable; 療養費 is not (消費税法 別表第二). */
export const CONSUMPTION_TAX_RATES: readonly TaxRateVersion[] = Object.freeze([
	{ effectiveFrom: '1997-04-01', ratePercent: 5 },
	{ effectiveFrom: '2014-04-01', ratePercent: 8 },
	{ effectiveFrom: '2019-10-01', ratePercent: 10 }
]);

/**
 * How the patient's share of a 療養費 fee is rounded. Since the June 2022 revision the share is
 * computed to the yen with fractions of a yen rounded half up (MHLW Q&A of 2022-05-31, 問47);
 * `ten_yen_half_up` (健康保険法 §75) is kept for schedules that say so.
 */
export type ShareRounding = 'yen_half_up' | 'ten_yen_half_up';

/** 1術 is needling or moxibustion alone; 2術 both in one visit. */
export type InsuranceArts = 'single' | 'combined';

export interface InsuranceFeeSchedule extends DatedVersion {
	/** 初検料: the first visit of a course of treatment, on top of the treatment fee. */
	initialExamJpy: Record<InsuranceArts, number>;
	/** 施術料: every visit. */
	treatmentJpy: Record<InsuranceArts, number>;
	/** 電療料: electroacupuncture or an electric moxibustion device used in the visit. */
	electroJpy: number;
	shareRounding: ShareRounding;
	source: string;
}

/** はり・きゅう 療養費 支給基準, clinic visits (no home-visit fees). */
export const INSURANCE_FEE_SCHEDULES: readonly InsuranceFeeSchedule[] = Object.freeze([
	{
		effectiveFrom: '2022-06-01',
		initialExamJpy: { single: 1780, combined: 1860 },
		treatmentJpy: { single: 1550, combined: 1610 },
		electroJpy: 34,
		shareRounding: 'yen_half_up',
		source: '療養費の支給基準 (令和4年6月1日改定)'
	},
	{
		effectiveFrom: '2024-06-01',
		initialExamJpy: { single: 1950, combined: 2230 },
		treatmentJpy: { single: 1610, combined: 1770 },
		electroJpy: 100,
		shareRounding: 'yen_half_up',
		source: '療養費の支給基準 (令和6年6月1日改定)'
	}
]);

/** The patient's share of the 療養費 fee, in percent of the fee (by age and income bracket). */
export const SHARE_PERCENTS = [10, 20, 30] as const;
export type SharePercent = (typeof SHARE_PERCENTS)[number];

export interface BillingConfig {
	taxRates: readonly TaxRateVersion[];
	feeSchedules: readonly InsuranceFeeSchedule[];
}

export const DEFAULT_BILLING_CONFIG: BillingConfig = Object.freeze({ taxRates: CONSUMPTION_TAX_RATES, feeSchedules: INSURANCE_FEE_SCHEDULES });
