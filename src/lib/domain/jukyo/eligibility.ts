import { daysFrom } from '../time';
import { versionOn, type DatedVersion } from '../billing/dated-config';

/*
 * How the desk confirmed a patient's insurance (資格確認) for insured visits, and what an insured
 * charge may rely on (docs/jukyo-inin.md §3). Pure: "today" comes in as an argument.
 */

/** マイナ保険証 through the eligibility app, 資格確認書, 資格情報のお知らせ, or an old card in its grace period. */
export const ELIGIBILITY_METHODS = ['myna_app', 'eligibility_certificate', 'eligibility_notice', 'old_card'] as const;
export type EligibilityMethod = (typeof ELIGIBILITY_METHODS)[number];

/** 保険種別 on the 申請書: 1 社国, 2 公費, 3 後高, 4 退職 (docs/jukyo-inin.md §3). */
export const INSURANCE_KINDS = ['shakoku', 'kohi', 'koki', 'taishoku'] as const;
export type InsuranceKind = (typeof INSURANCE_KINDS)[number];

/** 本家区分: 2 本外, 4 六外, 6 家外, 8 高外一, 0 高外7. */
export const HOLDER_KINDS = ['honnin', 'mishugaku', 'kazoku', 'korei_ippan', 'korei_7'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

/** The number printed on the form for each 本家区分. */
/** 家族 and 未就学: the insurance is held by someone else, the 被保険者 the 申請書 names. */
export function isFamilyMember(holder: HolderKind): boolean {
	return holder === 'kazoku' || holder === 'mishugaku';
}

export const HOLDER_KIND_CODES: Record<HolderKind, string> = { honnin: '2', mishugaku: '4', kazoku: '6', korei_ippan: '8', korei_7: '0' };
export const INSURANCE_KIND_CODES: Record<InsuranceKind, string> = { shakoku: '1', kohi: '2', koki: '3', taishoku: '4' };

/** 給付割合 in tenths: what insurance pays (the patient pays the rest). */
export const BENEFIT_PERCENTS = [100, 90, 80, 70] as const;
export type BenefitPercent = (typeof BENEFIT_PERCENTS)[number];

export const ELIGIBILITY_RESULTS = ['confirmed', 'not_confirmed'] as const;
export type EligibilityResult = (typeof ELIGIBILITY_RESULTS)[number];

/** 保険者番号: 6 digits (国保) or 8 (法別番号 + 都道府県 + 保険者 + 検証番号). */
export const INSURER_NUMBER = /^(\d{6}|\d{8})$/;
/** 公費負担者番号 8 digits; 受給者番号 7 digits. */
export const PUBLIC_PAYER_NUMBER = /^\d{8}$/;
export const PUBLIC_RECIPIENT_NUMBER = /^\d{7}$/;

export interface EligibilityFacts {
	id: string;
	/** Clinic-local day of the check, 'YYYY-MM-DD'. */
	checkedOn: string;
	/** When it was recorded (ISO instant): the later of two checks on one day wins. */
	checkedAt: string;
	method: EligibilityMethod;
	result: EligibilityResult;
	benefitPercent: BenefitPercent;
	/** Validity of the card or certificate shown; null when it has no end (マイナ保険証). */
	validUntil: string | null;
}

/**
 * Until when an old 保険証 may still be accepted after an online check, by the day of the visit
 * (docs/jukyo-inin.md §3). Dated data: when the grace is extended, add a version.
 */
export interface OldCardGrace extends DatedVersion {
	acceptedUntil: string;
	source: string;
}

export const OLD_CARD_GRACE: readonly OldCardGrace[] = Object.freeze([
	{ effectiveFrom: '2024-12-02', acceptedUntil: '2026-03-31', source: '事務連絡 2025-11-12, docs/jukyo-inin.md §3' }
]);

export type EligibilityRefusal = 'no_eligibility_this_month' | 'eligibility_not_confirmed' | 'eligibility_expired' | 'old_card_grace_over';

export type EligibilityCover<E extends EligibilityFacts = EligibilityFacts> =
	{ covered: true; record: E } | { covered: false; reason: EligibilityRefusal; record: E | null };

/**
 * The check an insured visit on `date` relies on: the newest one of the same calendar month made on
 * or before the visit's day. Insurance is confirmed at least at the start of each month
 * (docs/jukyo-inin.md §3), so a check of last month does not carry over.
 */
export function eligibilityForVisit<E extends EligibilityFacts>(
	records: readonly E[],
	date: string,
	grace: readonly OldCardGrace[] = OLD_CARD_GRACE
): EligibilityCover<E> {
	const month = date.slice(0, 7);
	const record = [...records]
		.filter((r) => r.checkedOn.slice(0, 7) === month && r.checkedOn <= date)
		.sort((a, b) => b.checkedOn.localeCompare(a.checkedOn) || b.checkedAt.localeCompare(a.checkedAt))[0];
	if (!record) return { covered: false, reason: 'no_eligibility_this_month', record: null };
	if (record.result !== 'confirmed') return { covered: false, reason: 'eligibility_not_confirmed', record };
	if (record.validUntil !== null && record.validUntil < date) return { covered: false, reason: 'eligibility_expired', record };
	if (record.method === 'old_card') {
		// Before the first version the old card was simply the card.
		const rule = versionOn(grace, date);
		if (rule && date > rule.acceptedUntil) return { covered: false, reason: 'old_card_grace_over', record };
	}
	return { covered: true, record };
}

/** Whether the desk must be asked for a check before an insured visit on `date` (the month's first, or none valid yet). */
export function needsEligibilityCheck(records: readonly EligibilityFacts[], date: string): boolean {
	return !eligibilityForVisit(records, date).covered;
}

/** The patient's share in percent for a 給付割合; null when the charge rules have no such share (10割給付). */
export function sharePercentFor(benefit: BenefitPercent): 10 | 20 | 30 | null {
	const share = 100 - benefit;
	return share === 10 || share === 20 || share === 30 ? share : null;
}

/** Days before a card's or certificate's end from which the desk is warned, as for the 同意書. */
export const ELIGIBILITY_WARNING_DAYS = 30;

export type EligibilityWarning = { status: 'expiring' | 'expired'; validUntil: string; daysLeft: number };

/**
 * The warning for one patient, judged on the newest check only: a newer check with a new card
 * needs no warning about the old one. As with the 同意書 (domain/billing/consent-warning.ts), the
 * expiry day itself still counts as valid, and the warning stops 90 days after it.
 */
export function eligibilityWarning(
	records: readonly Pick<EligibilityFacts, 'checkedOn' | 'checkedAt' | 'validUntil'>[],
	today: string,
	warningDays = ELIGIBILITY_WARNING_DAYS
): EligibilityWarning | null {
	const newest = [...records].sort((a, b) => b.checkedOn.localeCompare(a.checkedOn) || b.checkedAt.localeCompare(a.checkedAt))[0];
	if (!newest || newest.validUntil === null) return null;
	const daysLeft = daysFrom(today, newest.validUntil);
	if (daysLeft < -90 || daysLeft > warningDays) return null;
	return { status: daysLeft < 0 ? 'expired' : 'expiring', validUntil: newest.validUntil, daysLeft };
}
