import { patientShare } from '../billing/charges';
import { consentForDate, consentExpiry, type ConsentRefusal, type ConsentValidityRule } from '../billing/doctor-consent-validity';
import type { SharePercent } from '../billing/billing-config';
import { priceMonth, type ClaimFeeLine } from './claim-fees';
import type { ClaimBankAccount, ClaimFormInput, ClaimOutcome, ConsentForClaim, VisitForClaim } from './claim-input';
import { claimBlockers, type ClaimBlocker } from './claim-blockers';
import type { JukyoFeeSchedule } from './fees';
import { lastDayOfMonth } from './wareki';
import type { ClaimSignature } from './month-confirmation';

/*
 * The 療養費支給申請書 (様式第6号, はり・きゅう) of one patient and month as plain values, block by
 * block in the form's order (docs/jukyo-claim.md §1): header → 被保険者 → 施術内容 → 料金 → 施術証明
 * → 申請 → 支払機関 → 同意記録 → 委任. Dates stay 'YYYY-MM-DD' here; the PDF writes them in 和暦.
 * A 公費 patient gets a second form with the 公費 numbers, even when its claim is 0 円.
 */

/** The mark of a day in the 施術日 grid: 通所, 訪問施術料 tier, or 往療. */
export type DayMark = 'clinic' | 'home_1' | 'home_2' | 'home_3' | 'home_3_ten_plus' | 'house_call';

/** The printed symbols; the legend is printed with the grid (docs/jukyo-claim.md §1, not verified against the form). */
export const DAY_MARK_SYMBOLS: Record<DayMark, string> = {
	clinic: '○',
	home_1: '訪1',
	home_2: '訪2',
	home_3: '訪3',
	home_3_ten_plus: '訪3+',
	house_call: '往'
};

export interface ClaimFormPractitioner {
	name: string;
	licence: string | null;
	dates: string[];
}

export interface ClaimForm {
	/** 'main': the insurer's claim; 'public_expense': the separate 公費 claim. */
	kind: 'main' | 'public_expense';
	month: string;
	header: {
		insuranceKind: ClaimFormInput['eligibility']['insuranceKind'];
		honke: ClaimFormInput['eligibility']['honke'];
		benefitRatio: ClaimFormInput['eligibility']['benefitRatio'];
		insurerNumber: string | null;
		insurerName: string | null;
		publicExpense: { payerNumber: string; recipientNumber: string } | null;
	};
	insured: {
		symbol: string | null;
		number: string | null;
		branch: string | null;
		name: string | null;
		postalCode: string | null;
		address: string | null;
		phone: string | null;
	};
	patient: ClaimFormInput['patient'];
	treatment: {
		conditions: ConsentForClaim['conditions'];
		symptoms: string;
		onsetOn: string | null;
		firstTreatmentOn: string | null;
		consentedOn: string | null;
		periodFrom: string | null;
		periodTo: string | null;
		/** 実日数: days with a visit. */
		days: number;
		claimKind: 'new' | 'continuing';
		outcome: ClaimOutcome;
		homeVisitReason: 1 | 2 | 3 | null;
		/** Index 0 is day 1; null: no visit; 'outside': the month has no such day. */
		grid: Array<DayMark | null | 'outside'>;
	};
	fees: {
		lines: ClaimFeeLine[];
		totalJpy: number;
		/** The patient's share in percent (from 給付割合); null when the ratio is unknown. */
		sharePercent: number | null;
		patientShareJpy: number;
		claimJpy: number;
		previousReportMonth: string | null;
	};
	certification: {
		certifiedOn: string;
		practitioners: ClaimFormPractitioner[];
		clinicName: string | null;
		postalCode: string | null;
		address: string | null;
		phone: string | null;
		managerName: string | null;
		registrationNumber: string | null;
		healthCentreKind: 'clinic' | 'travelling' | null;
	};
	application: { appliedOn: string | null; insurerName: string | null; name: string | null; address: string | null; phone: string | null };
	payment: ClaimBankAccount | null;
	/** Filled when the month's claim does not carry the 同意書 original (the consent was signed before the month). */
	consentRecord: {
		doctorName: string;
		institution: string;
		consentedOn: string;
		conditions: ConsentForClaim['conditions'];
		careFrom: string | null;
		careUntil: string | null;
	} | null;
	/** True when the 同意書 original goes with this month's claim (signed in the month). */
	consentAttached: boolean;
	delegation: { delegatedOn: string | null; name: string | null; address: string | null; agentName: string | null; agentAddress: string | null };
	/** Who confirmed the month and signed (the patient or a 代理人); null while unsigned (docs/jukyo-claim.md §11). */
	signature: ClaimSignature | null;
	/** 別紙5 (continuation reasons) is needed: ≥1 year from 初療 and ≥16 visits this month. */
	continuationStatementNeeded: boolean;
	blockers: ClaimBlocker[];
}

export interface ClaimRules {
	feeSchedules: readonly JukyoFeeSchedule[];
	consentRules: readonly ConsentValidityRule[];
}

const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

function dayMark(visit: VisitForClaim): DayMark {
	if (visit.kind === 'clinic') return 'clinic';
	if (visit.kind === 'house_call') return 'house_call';
	return `home_${visit.homeVisitTier ?? '1'}` as DayMark;
}

/** The day one year after `date` ('YYYY-MM-DD'); 29 February goes to 1 March. */
export function oneYearAfter(date: string): string {
	const next = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
	return next.endsWith('-02-29') ? `${next.slice(0, 4)}-03-01` : next;
}

/** 別紙5: from one year after 初療, a month with 16 or more visits (docs/jukyo-claim.md §1). */
export function needsContinuationStatement(firstTreatmentOn: string | null, visitDates: readonly string[]): boolean {
	if (firstTreatmentOn === null) return false;
	const days = new Set(visitDates);
	if (days.size < 16) return false;
	const anniversary = oneYearAfter(firstTreatmentOn);
	return [...days].some((d) => d >= anniversary);
}

/** The patient's share of a month's total by 給付割合, rounded as the fee version says (docs/jukyo-claim.md §3). */
export function monthShare(totalJpy: number, sharePercent: number, schedule: JukyoFeeSchedule | null): number {
	if (sharePercent === 0) return 0;
	return patientShare(totalJpy, sharePercent as SharePercent, schedule?.shareRounding ?? 'yen_half_up');
}

export interface VisitConsentProblem {
	date: string;
	reason: ConsentRefusal;
}

/** The consent in force for each visit; the visits no consent covers, with the reason. */
export function consentCover(
	input: ClaimFormInput,
	rules: readonly ConsentValidityRule[]
): { inForce: ConsentForClaim | null; problems: VisitConsentProblem[] } {
	let inForce: ConsentForClaim | null = null;
	const problems: VisitConsentProblem[] = [];
	for (const visit of [...input.visits].sort(byDate)) {
		const cover = consentForDate(input.consents, visit.date, rules);
		if (cover.covered) inForce = cover.consent;
		else problems.push({ date: visit.date, reason: cover.reason });
	}
	return { inForce, problems };
}

/** Every 申請書 of the patient and month: the insurer's, then the 公費's when there is one. */
export function buildClaimForms(input: ClaimFormInput, rules: ClaimRules): ClaimForm[] {
	const main = buildMainForm(input, rules);
	const pe = input.eligibility.publicExpense;
	if (!pe) return [main];
	const claimJpy = pe.monthlyCopayJpy === null ? 0 : Math.max(0, main.fees.patientShareJpy - pe.monthlyCopayJpy);
	const patientShareJpy = main.fees.patientShareJpy - claimJpy;
	return [
		main,
		{
			...main,
			kind: 'public_expense',
			header: { ...main.header, publicExpense: { payerNumber: pe.payerNumber, recipientNumber: pe.recipientNumber } },
			fees: { ...main.fees, patientShareJpy, claimJpy }
		}
	];
}

function buildMainForm(input: ClaimFormInput, rules: ClaimRules): ClaimForm {
	const visits = [...input.visits].sort(byDate);
	const dates = [...new Set(visits.map((v) => v.date))];
	const monthStart = `${input.month}-01`;
	const monthEnd = `${input.month}-${String(lastDayOfMonth(input.month)).padStart(2, '0')}`;
	const { inForce, problems: consentProblems } = consentCover(input, rules.consentRules);
	const earliest = [...input.consents].filter((c) => c.firstTreatmentOn !== null).sort((a, b) => (a.firstTreatmentOn! < b.firstTreatmentOn! ? -1 : 1))[0];
	const firstTreatmentOn = input.firstTreatmentOn ?? earliest?.firstTreatmentOn ?? dates[0] ?? null;
	const priced = priceMonth(visits, rules.feeSchedules);
	const e = input.eligibility;
	const sharePercent = e.benefitRatio === null ? null : (10 - e.benefitRatio) * 10;
	const patientShareJpy = sharePercent === null ? 0 : monthShare(priced.totalJpy, sharePercent, priced.lastSchedule);

	const grid: ClaimForm['treatment']['grid'] = Array.from({ length: 31 }, (_, i) => (i + 1 > lastDayOfMonth(input.month) ? 'outside' : null));
	for (const visit of visits) {
		const index = Number(visit.date.slice(8, 10)) - 1;
		grid[index] ??= dayMark(visit);
	}
	const practitioners = new Map<string, ClaimFormPractitioner>();
	for (const visit of visits) {
		const key = `${visit.practitionerName}\u0000${visit.practitionerLicence ?? ''}`;
		const entry = practitioners.get(key) ?? { name: visit.practitionerName, licence: visit.practitionerLicence, dates: [] };
		if (!entry.dates.includes(visit.date)) entry.dates.push(visit.date);
		practitioners.set(key, entry);
	}
	const consentAttached = inForce !== null && inForce.signedOn >= monthStart;
	const careFrom = inForce?.firstTreatmentOn ?? null;
	const reg = input.registration;
	const form: ClaimForm = {
		kind: 'main',
		month: input.month,
		header: {
			insuranceKind: e.insuranceKind,
			honke: e.honke,
			benefitRatio: e.benefitRatio,
			insurerNumber: e.insurerNumber,
			insurerName: e.insurerName,
			publicExpense: null
		},
		insured: { symbol: e.symbol, number: e.number, branch: e.branch, ...input.insured },
		patient: input.patient,
		treatment: {
			conditions: inForce?.conditions ?? [],
			symptoms: inForce?.symptoms ?? '',
			onsetOn: inForce?.onsetOn ?? earliest?.onsetOn ?? null,
			firstTreatmentOn,
			consentedOn: inForce?.signedOn ?? null,
			periodFrom: dates.length === 0 ? null : firstTreatmentOn !== null && firstTreatmentOn > monthStart ? firstTreatmentOn : monthStart,
			periodTo: dates.length === 0 ? null : input.outcome === 'continuing' ? monthEnd : dates[dates.length - 1]!,
			days: dates.length,
			claimKind: firstTreatmentOn !== null && firstTreatmentOn >= monthStart ? 'new' : 'continuing',
			outcome: input.outcome,
			homeVisitReason: visits.some((v) => v.kind !== 'clinic') ? input.homeVisitReason : null,
			grid
		},
		fees: {
			lines: priced.lines,
			totalJpy: priced.totalJpy,
			sharePercent,
			patientShareJpy,
			claimJpy: priced.totalJpy - patientShareJpy,
			previousReportMonth: input.previousReportMonth
		},
		certification: {
			certifiedOn: monthEnd,
			practitioners: [...practitioners.values()],
			clinicName: reg.clinicName,
			postalCode: reg.postalCode,
			address: reg.address,
			phone: reg.phone,
			managerName: reg.managerName,
			registrationNumber: reg.registrationNumber,
			healthCentreKind: reg.healthCentreKind
		},
		application: {
			appliedOn: input.confirmedOn,
			insurerName: e.insurerName,
			name: input.insured.name,
			address: input.insured.address,
			phone: input.insured.phone
		},
		payment: reg.bank,
		consentRecord:
			inForce && !consentAttached
				? {
						doctorName: inForce.doctorName,
						institution: inForce.institution,
						consentedOn: inForce.signedOn,
						conditions: inForce.conditions,
						careFrom,
						careUntil: careFrom === null ? null : safeExpiry(careFrom, rules.consentRules)
					}
				: null,
		consentAttached,
		delegation: {
			delegatedOn: input.confirmedOn,
			name: input.insured.name,
			address: input.insured.address,
			agentName: reg.managerName,
			agentAddress: reg.address
		},
		continuationStatementNeeded: needsContinuationStatement(firstTreatmentOn, dates),
		signature: input.confirmation.state === 'signed' ? input.confirmation.signature : null,
		blockers: []
	};
	form.blockers = claimBlockers(input, { consentProblems, pricingProblems: priced.problems, hasConsent: input.consents.length > 0 });
	return form;
}

function safeExpiry(startedOn: string, rules: readonly ConsentValidityRule[]): string | null {
	try {
		return consentExpiry(startedOn, rules);
	} catch {
		return null;
	}
}
