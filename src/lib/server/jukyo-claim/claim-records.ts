import type { InsuranceArts } from '../../domain/billing/billing-config';
import { endOfMonthAfter } from '../../domain/time';
import { isInsuredCondition } from '../../domain/billing/insured-conditions';
import type { BenefitRatio, ClaimFormInput, ClinicRegistrationForClaim, ConsentForClaim, EligibilityForClaim, HonkeCode, InsuranceKindCode, VisitForClaim } from '../../domain/jukyo-claim/claim-input';
import type { Db } from '../db/database';
import { withMonthConfirmation } from './month-confirmations';

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
	const rows = await db.kysely
		.selectFrom('charge as c')
		.innerJoin('patient as p', 'p.id', 'c.patient_id')
		.leftJoin('charge_void as v', 'v.charge_id', 'c.id')
		.select(['p.id', 'p.family_name', 'p.given_name', 'p.patient_number'])
		.distinct()
		.where('c.payer', '=', 'insurance')
		.where('v.charge_id', 'is', null)
		.where('c.service_date', '>=', `${month}-01`)
		.where('c.service_date', '<', nextMonthStart(month))
		.execute();
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
	const patient = await db.kysely.selectFrom('patient').selectAll().where('id', '=', patientId).where('merged_into_id', 'is', null).executeTakeFirst();
	if (!patient) return null;
	const charges = await db.kysely
		.selectFrom('charge as c')
		.leftJoin('charge_void as v', 'v.charge_id', 'c.id')
		.leftJoin('charge_insurance_card as card', 'card.charge_id', 'c.id')
		.leftJoin('appointment as a', 'a.id', 'c.appointment_id')
		.leftJoin('practitioner as pr', 'pr.id', 'a.practitioner_id')
		.select(['c.id', 'c.service_date', 'c.share_percent', 'card.insurer_number', 'card.insurance_symbol', 'card.insurance_number', 'card.insurance_branch', 'pr.family_name_ja', 'pr.given_name_ja', 'pr.hari_licence', 'pr.kyu_licence'])
		.where('c.patient_id', '=', patientId)
		.where('c.payer', '=', 'insurance')
		.where('v.charge_id', 'is', null)
		.where('c.service_date', '>=', `${month}-01`)
		.where('c.service_date', '<', nextMonthStart(month))
		.orderBy('c.service_date')
		.orderBy('c.created_at')
		.execute();
	const codes =
		charges.length === 0
			? []
			: await db.kysely
					.selectFrom('charge_line')
					.select(['charge_id', 'code'])
					.where('kind', '=', 'insurance_fee')
					.where(
						'charge_id',
						'in',
						charges.map((c) => c.id)
					)
					.execute();
	const consentRows = await db.kysely.selectFrom('doctor_consent').selectAll().where('patient_id', '=', patientId).orderBy('signed_on').execute();

	const visits: VisitForClaim[] = charges.map((c) => {
		const lines = codes.filter((l) => l.charge_id === c.id).map((l) => l.code);
		const arts: InsuranceArts = lines.some((l) => l.endsWith('_combined')) ? 'combined' : 'single';
		const licences = [c.hari_licence && `はり師 ${c.hari_licence}`, c.kyu_licence && `きゅう師 ${c.kyu_licence}`].filter(Boolean).join('・');
		return {
			date: c.service_date,
			kind: 'clinic',
			homeVisitTier: null,
			arts,
			initialExam: lines.some((l) => l.startsWith('initial_exam')),
			electro: lines.includes('electro'),
			specialArea: false,
			reportIssued: false,
			practitionerName: c.family_name_ja ? `${c.family_name_ja} ${c.given_name_ja ?? ''}`.trim() : '',
			practitionerLicence: licences === '' ? null : licences
		};
	});
	const consents: ConsentForClaim[] = consentRows.map((r) => {
		const conditions = (JSON.parse(r.conditions) as string[]).filter(isInsuredCondition);
		return { id: r.id, kind: r.kind, signedOn: r.signed_on, firstTreatmentOn: r.first_treatment_on, doctorName: r.doctor_name, institution: r.institution, conditions, symptoms: r.condition_note, onsetOn: null };
	});

	// The card of the month's last insured visit: the one the claim goes to (0016).
	const last = charges.at(-1);
	const insurerNumber = blankToNull(last?.insurer_number ?? patient.insurer_number);
	const sharePercent = last?.share_percent ?? null;
	const kind = insurerNumber === null ? null : insuranceKindOf(insurerNumber);
	const eligibility: EligibilityForClaim = {
		insuranceKind: kind,
		honke: honkeOf(kind, sharePercent),
		benefitRatio: benefitRatioOf(sharePercent),
		insurerNumber,
		insurerName: null,
		symbol: blankToNull(last?.insurance_symbol ?? patient.insurance_symbol),
		number: blankToNull(last?.insurance_number ?? patient.insurance_number),
		branch: blankToNull(last?.insurance_branch ?? patient.insurance_branch),
		publicExpense: null
	};
	const firstTreatments = consents.map((c) => c.firstTreatmentOn).filter((d): d is string => d !== null).sort();
	return withMonthConfirmation(db, patientId, {
		month,
		registration,
		// The 被保険者 is not recorded apart from the patient yet: left blank, and named as missing.
		insured: { name: null, postalCode: null, address: null, phone: null },
		patient: {
			name: `${patient.family_name} ${patient.given_name}`.trim(),
			kana: blankToNull(`${patient.family_name_kana} ${patient.given_name_kana}`),
			sex: patient.sex === 'male' || patient.sex === 'female' ? patient.sex : null,
			relation: null,
			birthDate: patient.date_of_birth
		},
		eligibility,
		consents,
		visits,
		firstTreatmentOn: firstTreatments[0] ?? null,
		outcome: 'continuing',
		homeVisitReason: null,
		previousReportMonth: null,
		confirmedOn: null,
		confirmation: { state: 'unsigned' }
	});
}
