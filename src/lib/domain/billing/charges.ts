import {
	DEFAULT_BILLING_CONFIG,
	type BillingConfig,
	type InsuranceArts,
	type InsuranceFeeSchedule,
	type ShareRounding,
	type SharePercent
} from './billing-config';
import { versionOn } from './dated-config';
import type { ConsentRefusal } from './doctor-consent-validity';
import { assertYen, MAX_YEN, NotYenError } from './yen';
import type { EligibilityRefusal } from '../jukyo/eligibility';
import { visitFees, type FeeLineCode } from '../jukyo-claim/claim-fees';
import type { HomeVisitTier, JukyoFeeSchedule } from '../jukyo-claim/fees';

/*
 * What a visit costs and who pays it (issue #8, docs/clinical-rules.md §6). Pure: prices, fees and tax rates
 * come in as dated configuration.
 *
 * Tax: self-pay prices are tax-inclusive (総額表示, as the clinic shows them). The consumption tax
 * contained in them is worked out once per charge, on the sum of its taxable lines, and rounded
 * down. Once per receipt rather than per line because a qualified invoice (適格請求書) may round
 * only once per invoice and tax rate (消費税法施行令 第70条の10); rounding down because it never
 * states more tax than the patient paid. 療養費 fees carry no consumption tax.
 *
 * Insurance: the fee is the 療養費 schedule of the visit's day. The patient pays their share of it
 * rounded as the schedule says (to the yen, half up, since 2022); the claim to the insurer is the
 * rest of the percentage rounded down (MHLW Q&A of 2022-06-29), so the two may differ from the
 * fee by a yen: both are kept.
 */

export type Payer = 'self_pay' | 'insurance';

/** A service or add-on at its self-pay, tax-inclusive price. */
export interface ChargeItem {
	code: string;
	serviceId: string | null;
	unitPriceJpy: number;
	quantity: number;
}

export interface InsuranceVisit {
	sharePercent: SharePercent;
	/** 初検料 applies: the first visit of a course of insured treatment. */
	initialExam: boolean;
	arts: InsuranceArts;
	/** 電療料 applies. */
	electro: boolean;
	/** Given at the patient's home (訪問施術 or 往療); absent or null at the clinic. */
	place?: InsuranceVisitPlace | null;
}

/** An insured visit at the patient's home: 訪問施術 with its tier, or 往療 (docs/jukyo-claim.md §3). */
export interface InsuranceVisitPlace {
	kind: 'home_visit' | 'house_call';
	tier: HomeVisitTier | null;
	specialArea: boolean;
}

export interface ChargeRequest {
	/** The clinic-local day of the visit: it picks the fee schedule and tax rate. */
	serviceDate: string;
	/** The visit's own service, at its self-pay price (used when the visit is self-pay). */
	service: ChargeItem;
	/** Add-ons chosen in the session: always self-pay, also on an insured visit. */
	addOns: readonly ChargeItem[];
	/** Null for a self-pay visit. */
	insurance: InsuranceVisit | null;
}

export type ChargeLineKind = 'service' | 'add_on' | 'insurance_fee';
export const INSURANCE_FEE_CODES = ['initial_exam_single', 'initial_exam_combined', 'treatment_single', 'treatment_combined', 'electro'] as const;
export type InsuranceFeeCode = (typeof INSURANCE_FEE_CODES)[number];

export interface ComputedChargeLine {
	kind: ChargeLineKind;
	/** The service code, or an insurance fee code. */
	code: string;
	serviceId: string | null;
	quantity: number;
	unitPriceJpy: number;
	amountJpy: number;
	taxable: boolean;
}

export interface InsurancePortion {
	/** The schedule's effectiveFrom: which notice priced the visit. */
	scheduleFrom: string;
	feeTotalJpy: number;
	sharePercent: SharePercent;
	/** What the patient pays at the desk. */
	patientShareJpy: number;
	/** What the clinic claims from the insurer (請求額). */
	insurerClaimJpy: number;
}

export interface ComputedCharge {
	serviceDate: string;
	payer: Payer;
	lines: ComputedChargeLine[];
	/** Sum of the self-pay lines, tax included. */
	selfPayJpy: number;
	taxRatePercent: number;
	/** The consumption tax contained in `selfPayJpy`. */
	consumptionTaxJpy: number;
	insurance: InsurancePortion | null;
	/** What the patient owes for the visit: self-pay lines plus their insurance share. */
	patientDueJpy: number;
}

/**
 * Why insurance may not be charged: the consent, the eligibility check of the month
 * (domain/jukyo/eligibility.ts), a doctor treating the same condition (domain/jukyo/doctor-treatment.ts),
 * or no fee schedule for the day.
 */
export type InsuranceRefusal = ConsentRefusal | EligibilityRefusal | 'doctor_treats_condition' | 'no_insurer_number' | 'no_fee_schedule';

/** Whether insurance may be charged at all, decided by the caller from consent and card. */
export type InsuranceEligibility = { eligible: true } | { eligible: false; reason: Exclude<InsuranceRefusal, 'no_fee_schedule'> };

export type ChargeQuote = { ok: true; charge: ComputedCharge } | { ok: false; reason: InsuranceRefusal; selfPay: ComputedCharge };

const MAX_QUANTITY = 99;

/** The charge for a visit; an insured visit that may not be insured is refused with its self-pay price. */
export function quoteCharge(request: ChargeRequest, eligibility: InsuranceEligibility, config: BillingConfig = DEFAULT_BILLING_CONFIG): ChargeQuote {
	if (request.insurance === null) return { ok: true, charge: selfPayCharge(request, config) };
	if (!eligibility.eligible) return { ok: false, reason: eligibility.reason, selfPay: selfPayCharge(request, config) };
	const schedule = versionOn(config.feeSchedules, request.serviceDate);
	if (!schedule) return { ok: false, reason: 'no_fee_schedule', selfPay: selfPayCharge(request, config) };
	return { ok: true, charge: insuredCharge(request, request.insurance, schedule, config) };
}

function selfPayCharge(request: ChargeRequest, config: BillingConfig): ComputedCharge {
	const lines = [itemLine(request.service, 'service'), ...request.addOns.map((item) => itemLine(item, 'add_on'))];
	return summarise(request.serviceDate, 'self_pay', lines, null, config);
}

function insuredCharge(request: ChargeRequest, visit: InsuranceVisit, schedule: InsuranceFeeSchedule, config: BillingConfig): ComputedCharge {
	// The treatment line (a home visit's 訪問施術料 includes the treatment) stands for the visit's service.
	const fee = (code: InsuranceFeeCode | FeeLineCode, amount: number): ComputedChargeLine => ({
		kind: 'insurance_fee',
		code,
		serviceId: code.startsWith('treatment') || code.startsWith('home_visit') ? request.service.serviceId : null,
		quantity: 1,
		unitPriceJpy: assertYen(amount, code),
		amountJpy: amount,
		taxable: false
	});
	const feeLines = visit.place
		? homeVisitLines(request.serviceDate, visit, visit.place, schedule).map((item) => fee(item.code, item.unitJpy))
		: [
				...(visit.initialExam ? [fee(`initial_exam_${visit.arts}`, schedule.initialExamJpy[visit.arts])] : []),
				fee(`treatment_${visit.arts}`, schedule.treatmentJpy[visit.arts]),
				...(visit.electro ? [fee('electro', schedule.electroJpy)] : [])
			];
	const feeTotalJpy = sumYen(
		feeLines.map((l) => l.amountJpy),
		'insurance fee total'
	);
	const patientShareJpy = patientShare(feeTotalJpy, visit.sharePercent, schedule.shareRounding);
	const portion: InsurancePortion = {
		scheduleFrom: schedule.effectiveFrom,
		feeTotalJpy,
		sharePercent: visit.sharePercent,
		patientShareJpy,
		insurerClaimJpy: insurerClaim(feeTotalJpy, visit.sharePercent)
	};
	const lines = [...feeLines, ...request.addOns.map((item) => itemLine(item, 'add_on'))];
	return summarise(request.serviceDate, 'insurance', lines, portion, config);
}

/** Whether a schedule carries the home-visit fees (the versions stored in the database do). */
function isJukyoSchedule(schedule: InsuranceFeeSchedule): schedule is JukyoFeeSchedule {
	return 'houseCallJpy' in schedule && 'specialAreaJpy' in schedule;
}

/**
 * The fee lines of a home visit or call, priced as the monthly claim prices them (one rule:
 * domain/jukyo-claim/claim-fees.ts). The caller checks first with `homeVisitPricingProblem`, so a
 * visit the schedule cannot price is a programming error here.
 */
function homeVisitLines(serviceDate: string, visit: InsuranceVisit, place: InsuranceVisitPlace, schedule: InsuranceFeeSchedule) {
	const problem = homeVisitPricingProblem(serviceDate, visit, place, schedule);
	if (problem) throw new RangeError(`a ${place.kind} on ${serviceDate} cannot be priced: ${problem}`);
	const priced = visitFees(claimVisit(serviceDate, visit, place), schedule as JukyoFeeSchedule);
	return 'items' in priced ? priced.items : [];
}

function claimVisit(serviceDate: string, visit: InsuranceVisit, place: InsuranceVisitPlace) {
	return {
		date: serviceDate,
		kind: place.kind,
		homeVisitTier: place.tier,
		arts: visit.arts,
		initialExam: visit.initialExam,
		electro: visit.electro,
		specialArea: place.specialArea,
		reportIssued: false,
		practitionerName: '',
		practitionerLicence: null
	};
}

/** Why a home visit or call cannot be priced by the schedule of its day (before 2024-10 訪問施術料 did not exist), or null. */
export function homeVisitPricingProblem(
	serviceDate: string,
	visit: InsuranceVisit,
	place: InsuranceVisitPlace,
	schedule: InsuranceFeeSchedule
): 'no_home_visit_fee' | 'home_visit_without_tier' | null {
	if (!isJukyoSchedule(schedule)) return 'no_home_visit_fee';
	const priced = visitFees(claimVisit(serviceDate, visit, place), schedule);
	if ('items' in priced) return null;
	return priced.problem.code === 'home_visit_without_tier' ? 'home_visit_without_tier' : 'no_home_visit_fee';
}

function summarise(serviceDate: string, payer: Payer, lines: ComputedChargeLine[], insurance: InsurancePortion | null, config: BillingConfig): ComputedCharge {
	const taxRate = versionOn(config.taxRates, serviceDate);
	if (!taxRate) throw new RangeError(`no consumption-tax rate configured for ${serviceDate}`);
	const selfPayJpy = sumYen(
		lines.filter((l) => l.taxable).map((l) => l.amountJpy),
		'self-pay total'
	);
	return {
		serviceDate,
		payer,
		lines,
		selfPayJpy,
		taxRatePercent: taxRate.ratePercent,
		consumptionTaxJpy: includedTax(selfPayJpy, taxRate.ratePercent),
		insurance,
		patientDueJpy: sumYen([selfPayJpy, insurance?.patientShareJpy ?? 0], 'patient due')
	};
}

function itemLine(item: ChargeItem, kind: 'service' | 'add_on'): ComputedChargeLine {
	assertYen(item.unitPriceJpy, `price of ${item.code}`);
	if (!Number.isSafeInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_QUANTITY)
		throw new RangeError(`quantity of ${item.code} must be a whole number from 1 to ${MAX_QUANTITY}`);
	return {
		kind,
		code: item.code,
		serviceId: item.serviceId,
		quantity: item.quantity,
		unitPriceJpy: item.unitPriceJpy,
		amountJpy: assertYen(item.unitPriceJpy * item.quantity, `amount of ${item.code}`),
		taxable: true
	};
}

function sumYen(amounts: readonly number[], what: string): number {
	const total = amounts.reduce((sum, amount) => sum + amount, 0);
	if (total > MAX_YEN) throw new NotYenError(what, total);
	return total;
}

/** The consumption tax contained in a tax-inclusive amount, rounded down. */
export function includedTax(taxInclusiveJpy: number, ratePercent: number): number {
	assertYen(taxInclusiveJpy, 'tax-inclusive amount');
	return Math.floor((taxInclusiveJpy * ratePercent) / (100 + ratePercent));
}

/** The patient's share of a 療養費 fee (fee × percent, rounded half up to the yen or the ten yen). */
export function patientShare(feeJpy: number, sharePercent: SharePercent, rounding: ShareRounding): number {
	assertYen(feeJpy, 'insurance fee');
	const hundredths = feeJpy * sharePercent; // the share in hundredths of a yen: exact integers
	return rounding === 'yen_half_up' ? Math.floor((hundredths + 50) / 100) : Math.floor((hundredths + 500) / 1000) * 10;
}

/** The insurer's part of a 療養費 fee (fee × (100 − percent), rounded down to the yen). */
export function insurerClaim(feeJpy: number, sharePercent: SharePercent): number {
	assertYen(feeJpy, 'insurance fee');
	return Math.floor((feeJpy * (100 - sharePercent)) / 100);
}
