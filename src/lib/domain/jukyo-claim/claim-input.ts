import type { InsuranceArts } from '../billing/billing-config';
import type { DoctorConsentFacts } from '../billing/doctor-consent-validity';
import type { InsuredCondition } from '../billing/insured-conditions';
import type { HomeVisitTier } from './fees';
import type { ClaimSignature } from './month-confirmation';

/*
 * What the 療養費支給申請書 (様式第6号, はり・きゅう) is filled from (docs/jukyo-claim.md §1). The
 * server assembles it from the records; the registration part comes from the clinic's 受領委任
 * settings. Every field a record may not hold yet is nullable: the form shows it blank and the
 * draft names it as missing.
 */

/** 支払機関欄: the account the insurer pays into. */
export interface ClaimBankAccount {
	bankName: string;
	/** 銀行 / 金庫 / 農協 … as printed after the name. */
	bankKind: string;
	branchName: string;
	/** 本店 / 支店 / 出張所. */
	branchKind: string;
	accountType: 'ordinary' | 'current' | 'notice' | 'special';
	accountNumber: string;
	holderKana: string;
}

/** The clinic's 受領委任 registration as the form needs it (施術証明欄, 支払機関欄, 委任欄). */
export interface ClinicRegistrationForClaim {
	clinicName: string | null;
	postalCode: string | null;
	address: string | null;
	phone: string | null;
	/** 施術管理者 (はり・きゅう). */
	managerName: string | null;
	/** 登録記号番号 of the 施術管理者. */
	registrationNumber: string | null;
	/** 保健所登録区分: 1 施術所所在地, 2 出張専門施術者住所地. */
	healthCentreKind: 'clinic' | 'travelling' | null;
	bank: ClaimBankAccount | null;
}

/** 保険種別: 1 社国, 2 公費, 3 後高, 4 退職. */
export type InsuranceKindCode = '1' | '2' | '3' | '4';
/** 本家区分: 2 本外, 4 六外, 6 家外, 8 高外一, 0 高外7. */
export type HonkeCode = '2' | '4' | '6' | '8' | '0';
/** 給付割合 in tenths (割). */
export type BenefitRatio = 10 | 9 | 8 | 7;

export interface PublicExpenseForClaim {
	payerNumber: string;
	recipientNumber: string;
	/** What the patient still pays in the month under the 公費; null when the 公費 pays nothing of the share. */
	monthlyCopayJpy: number | null;
}

export interface EligibilityForClaim {
	insuranceKind: InsuranceKindCode | null;
	honke: HonkeCode | null;
	benefitRatio: BenefitRatio | null;
	insurerNumber: string | null;
	insurerName: string | null;
	symbol: string | null;
	number: string | null;
	branch: string | null;
	publicExpense: PublicExpenseForClaim | null;
}

export interface InsuredPersonForClaim {
	/** 被保険者 (the card holder; the patient for 本人). */
	name: string | null;
	postalCode: string | null;
	address: string | null;
	phone: string | null;
}

export interface PatientForClaim {
	name: string;
	kana: string | null;
	sex: 'male' | 'female' | null;
	/** 続柄 to the 被保険者 (本人, 妻, 子 …). */
	relation: string | null;
	birthDate: string | null;
}

export interface ConsentForClaim extends DoctorConsentFacts {
	kind: 'initial' | 'renewal';
	doctorName: string;
	/** The doctor's 保険医療機関 (name and address as recorded). */
	institution: string;
	conditions: InsuredCondition[];
	/** 症状 (required on claims from 2024-10). */
	symptoms: string;
	/** 発病又は負傷年月日, when the 同意書 records it. */
	onsetOn: string | null;
}

/** How a visit was given: 通所, 訪問施術 (planned home care, tier by patients at the place), 往療 (an unplanned call). */
export type VisitKind = 'clinic' | 'home_visit' | 'house_call';

export interface VisitForClaim {
	date: string;
	kind: VisitKind;
	/** For a home visit: 訪問施術料 tier. */
	homeVisitTier: HomeVisitTier | null;
	arts: InsuranceArts;
	initialExam: boolean;
	electro: boolean;
	/** 特別地域加算 applies (home visit or house call in a 特別地域). */
	specialArea: boolean;
	/** A 施術報告書 was given this visit (its 交付料 is claimed). */
	reportIssued: boolean;
	practitionerName: string;
	practitionerLicence: string | null;
}

/** 転帰: 継続, 治癒, 中止, 転医. */
export const CLAIM_OUTCOMES = ['continuing', 'cured', 'stopped', 'transferred'] as const;
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

export interface ClaimFormInput {
	/** The claim month, 'YYYY-MM'. */
	month: string;
	registration: ClinicRegistrationForClaim;
	insured: InsuredPersonForClaim;
	patient: PatientForClaim;
	eligibility: EligibilityForClaim;
	/** Every consent of the patient (earlier ones too: the course's 初療 and the period in force). */
	consents: readonly ConsentForClaim[];
	/** The month's insured visits, any order. */
	visits: readonly VisitForClaim[];
	/** 初療年月日 of the course; by default the first treatment of the earliest consent. */
	firstTreatmentOn: string | null;
	outcome: ClaimOutcome;
	/** 往療又は訪問の理由 1–3, for a month with home visits or calls. */
	homeVisitReason: 1 | 2 | 3 | null;
	/** The month of the previous 施術報告書交付料, 'YYYY-MM'. */
	previousReportMonth: string | null;
	/** The day the patient confirmed and signed the month (申請・委任 dates); null: left to fill by hand. */
	confirmedOn: string | null;
	/** The patient's monthly confirmation and signature (docs/jukyo-claim.md §11). */
	confirmation: MonthConfirmationForClaim;
}

/** Whether the month's dates are signed for; 'changed': signed, but the visits changed since (a later visit asks again). */
export type MonthConfirmationForClaim =
	{ state: 'signed'; signature: ClaimSignature } | { state: 'unsigned' } | { state: 'changed'; added: string[]; removed: string[] };
