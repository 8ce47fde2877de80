import type { InsuranceArts } from '../../domain/billing/billing-config';
import { endOfMonthAfter } from '../../domain/time';
import { isInsuredCondition } from '../../domain/billing/insured-conditions';
import type {
	BenefitRatio,
	ClaimFormInput,
	ClinicRegistrationForClaim,
	ConsentForClaim,
	EligibilityForClaim,
	HonkeCode,
	InsuranceKindCode,
	VisitForClaim
} from '../../domain/jukyo-claim/claim-input';
import { HOLDER_KIND_CODES, INSURANCE_KIND_CODES } from '../../domain/jukyo/eligibility';
import { translate } from '../../i18n/translate';
import type { Db } from '../db/database';
import { reportFeeOfMonth } from './doctor-report';
import { withMonthConfirmation } from './month-confirmations';
import { insuranceFeeLinesOf, insuredChargesForClaim, listConsentRows, patientsWithLiveInsuredCharges } from '../billing/billing-repository';
import { claimOutcomeOf } from './claim-outcomes';
import { findPatientRow } from '../patients/patient-repository';

/*
 * The records a month's 申請書 is filled from (docs/jukyo-claim.md §1), read from what shinkyu
 * keeps today: the insured charges of the month (not voided) with the card each was charged under
 * (charge_insurance_card) and their fee lines, the visit's practitioner and licences, the patient,
 * and the doctor's consents. No audit here: the use cases that show or print the result audit.
 */

function nextMonthStart(month: string): string {
	const end = endOfMonthAfter(`${month}-01`, 0);
	const [y, m] = [Number(end.slice(0, 4)), Number(end.slice(5, 7))];
	return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The patients with insured charges in the month (not voided), by patient number. */
export async function insuredPatientsOfMonth(db: Db, month: string): Promise<Array<{ id: string; name: string; patientNumber: string | null }>> {
	const rows = await patientsWithLiveInsuredCharges(db, { from: `${month}-01`, before: nextMonthStart(month) });
	return rows
		.map((r) => ({ id: r.id, name: `${r.family_name} ${r.given_name}`.trim(), patientNumber: r.patient_number }))
		.sort((a, b) => (a.patientNumber ?? '').localeCompare(b.patientNumber ?? '') || a.name.localeCompare(b.name, 'ja'));
}

/** 保険種別 from the 法別番号 (the first two digits of an 8-digit 保険者番号): 39 後期高齢者, 67 退職; 国保 (6 digits) and the rest 社国. */
export function insuranceKindOf(insurerNumber: string): InsuranceKindCode | null {
	if (!/^\d{6}(\d{2})?$/.test(insurerNumber)) return null;
	if (insurerNumber.length === 8 && insurerNumber.startsWith('39')) return '3';
	if (insurerNumber.length === 8 && insurerNumber.startsWith('67')) return '4';
	return '1';
}

/** 給付割合 from the patient's share in percent. */
export function benefitRatioOf(sharePercent: number | null): BenefitRatio | null {
	return sharePercent === 10 ? 9 : sharePercent === 20 ? 8 : sharePercent === 30 ? 7 : sharePercent === 0 ? 10 : null;
}

/** 本家区分 where the records decide it: 後期高齢者 by share (1–2割 高外一, 3割 高外7); otherwise unknown until the eligibility record holds it. */
export function honkeOf(kind: InsuranceKindCode | null, sharePercent: number | null): HonkeCode | null {
	if (kind !== '3') return null;
	return sharePercent === 30 ? '0' : sharePercent === 10 || sharePercent === 20 ? '8' : null;
}

const blankToNull = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : null);

/** The input of the patient's 申請書 for the month; null when the patient is unknown or merged. */
export async function claimFormInputFor(db: Db, patientId: string, month: string, registration: ClinicRegistrationForClaim): Promise<ClaimFormInput | null> {
	const patient = await findPatientRow(db, patientId, { live: true });
	if (!patient) return null;
	const charges = await insuredChargesForClaim(db, patientId, { from: `${month}-01`, before: nextMonthStart(month) });
	const codes = await insuranceFeeLinesOf(
		db,
		charges.map((c) => c.id)
	);
	const consentRows = await listConsentRows(db, patientId, 'oldest_first');

	const visits: VisitForClaim[] = charges.map((c) => {
		const lines = codes.filter((l) => l.charge_id === c.id).map((l) => l.code);
		const arts: InsuranceArts = lines.some((l) => l.endsWith('_combined')) ? 'combined' : 'single';
		const licences = [c.hari_licence && `はり師 ${c.hari_licence}`, c.kyu_licence && `きゅう師 ${c.kyu_licence}`].filter(Boolean).join('・');
		return {
			date: c.service_date,
			kind: c.home_kind ?? 'clinic',
			homeVisitTier: c.home_tier ?? null,
			arts,
			initialExam: lines.some((l) => l.startsWith('initial_exam')),
			electro: lines.includes('electro'),
			specialArea: Number(c.special_area ?? 0) === 1,
			reportIssued: false,
			practitionerName: c.family_name_ja ? `${c.family_name_ja} ${c.given_name_ja ?? ''}`.trim() : '',
			practitionerLicence: licences === '' ? null : licences
		};
	});
	const consents: ConsentForClaim[] = consentRows.map((r) => {
		const conditions = (JSON.parse(r.conditions) as string[]).filter(isInsuredCondition);
		// The 同意書's 症状 and 発病日 (0037); a consent recorded before them has the diagnosis note only.
		const institution = [r.institution, r.institution_address].filter((v) => v.trim() !== '').join(' ');
		return {
			id: r.id,
			kind: r.kind,
			signedOn: r.signed_on,
			firstTreatmentOn: r.first_treatment_on,
			doctorName: r.doctor_name,
			institution,
			conditions,
			symptoms: blankToNull(r.symptoms) ?? r.condition_note,
			onsetOn: r.onset_on
		};
	});

	// The card of the month's last insured visit: the one the claim goes to (0016).
	const last = charges.at(-1);
	const insurerNumber = blankToNull(last?.insurer_number ?? patient.insurer_number);
	const sharePercent = last?.share_percent ?? null;
	// The eligibility check the charge relied on gives 保険種別, 本家区分 and 公費 (docs/jukyo-inin.md §3); older charges fall back to the numbers.
	const kind = last?.insurance_kind
		? (INSURANCE_KIND_CODES[last.insurance_kind] as InsuranceKindCode)
		: insurerNumber === null
			? null
			: insuranceKindOf(insurerNumber);
	const payer = blankToNull(last?.public_payer_number);
	const recipient = blankToNull(last?.public_recipient_number);
	const eligibility: EligibilityForClaim = {
		insuranceKind: kind,
		honke: last?.holder_kind ? (HOLDER_KIND_CODES[last.holder_kind] as HonkeCode) : honkeOf(kind, sharePercent),
		benefitRatio: benefitRatioOf(sharePercent),
		insurerNumber,
		insurerName: blankToNull(last?.insurer_name),
		symbol: blankToNull(last?.insurance_symbol ?? patient.insurance_symbol),
		number: blankToNull(last?.insurance_number ?? patient.insurance_number),
		branch: blankToNull(last?.insurance_branch ?? patient.insurance_branch),
		// What the patient still pays under the 公費 is not recorded: the 公費 申請書 claims 0 円 (docs/jukyo-claim.md §1).
		publicExpense:
			payer === null && recipient === null
				? null
				: { payerNumber: payer ?? '', recipientNumber: recipient ?? '', monthlyCopayJpy: last?.public_copay_monthly_jpy ?? null }
	};
	// The patient is the 被保険者 when the check says 本人 (or 後期高齢者); for a family member, the
	// check names the 被保険者 and 続柄, with the patient's address and phone unless it gives others.
	const holder = last?.holder_kind;
	const isInsuredPerson = holder === 'honnin' || holder === 'korei_ippan' || holder === 'korei_7';
	const patientName = `${patient.family_name} ${patient.given_name}`.trim();
	const familyInsured = !isInsuredPerson && blankToNull(last?.insured_name) !== null;
	const insuredOrPatient = (insured: string | null | undefined, own: string) => blankToNull(insured) ?? blankToNull(own);
	// The 施術報告書交付料 rides on the visit of the report's day, or else the month's last visit before it (or last).
	const report = await reportFeeOfMonth(db, patientId, month);
	if (report.issuedOn !== null && visits.length > 0) {
		const carrier = [...visits].reverse().find((v) => v.date <= report.issuedOn!) ?? visits.at(-1)!;
		carrier.reportIssued = true;
	}
	const firstTreatments = consents
		.map((c) => c.firstTreatmentOn)
		.filter((d): d is string => d !== null)
		.sort();
	return withMonthConfirmation(db, patientId, {
		month,
		registration,
		insured: isInsuredPerson
			? { name: patientName, postalCode: blankToNull(patient.postal_code), address: blankToNull(patient.address), phone: blankToNull(patient.phone) }
			: familyInsured
				? {
						name: blankToNull(last!.insured_name),
						postalCode: insuredOrPatient(last!.insured_postal_code, patient.postal_code),
						address: insuredOrPatient(last!.insured_address, patient.address),
						phone: insuredOrPatient(last!.insured_phone, patient.phone)
					}
				: { name: null, postalCode: null, address: null, phone: null },
		patient: {
			name: patientName,
			kana: blankToNull(`${patient.family_name_kana} ${patient.given_name_kana}`),
			sex: patient.sex === 'male' || patient.sex === 'female' ? patient.sex : null,
			// 続柄 as the (always Japanese) form prints it.
			relation: isInsuredPerson ? translate('ja', 'jukyoMonth.relationSelf') : familyInsured ? blankToNull(last!.insured_relation) : null,
			birthDate: patient.date_of_birth
		},
		eligibility,
		consents,
		visits,
		firstTreatmentOn: firstTreatments[0] ?? null,
		outcome: await claimOutcomeOf(db, patientId, month),
		homeVisitReason: [...charges].reverse().find((c) => c.home_reason !== null && c.home_reason !== undefined)?.home_reason ?? null,
		previousReportMonth: report.previousMonth,
		confirmedOn: null,
		confirmation: { state: 'unsigned' }
	});
}
