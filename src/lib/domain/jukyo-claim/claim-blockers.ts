import type { ConsentRefusal } from '../billing/doctor-consent-validity';
import type { PricingProblem } from './claim-fees';
import type { ClaimFormInput } from './claim-input';

/*
 * What keeps a draft 申請書 from being submitted (docs/jukyo-claim.md §1: a claim missing 資格 data,
 * the 施術管理者's registration or a valid consent is returned). Each blocker names the fields or
 * the days at fault so the claims page can say what to fix.
 */

/** The fields a blocker may name as missing, each labelled in claim-labels.ts. */
export const CLAIM_FIELDS = [
	'insuranceKind',
	'honke',
	'benefitRatio',
	'insurerNumber',
	'number',
	'publicExpense',
	'kana',
	'sex',
	'relation',
	'birthDate',
	'name',
	'address',
	'clinicName',
	'phone',
	'managerName',
	'registrationNumber',
	'healthCentreKind',
	'bank'
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

export type ClaimBlocker =
	| { code: 'no_visits' }
	| { code: 'missing_consent' }
	| { code: 'visit_outside_consent'; date: string; reason: ConsentRefusal }
	| { code: 'missing_eligibility'; fields: ClaimField[] }
	| { code: 'missing_patient'; fields: ClaimField[] }
	| { code: 'missing_insured'; fields: ClaimField[] }
	| { code: 'missing_registration'; fields: ClaimField[] }
	| { code: 'missing_symptoms' }
	| { code: 'unsigned_month' }
	| { code: 'signature_outdated'; added: string[]; removed: string[] }
	| ({ code: 'pricing' } & { problem: PricingProblem });

const blank = (value: string | null | undefined) => value === null || value === undefined || value.trim() === '';

export function claimBlockers(
	input: ClaimFormInput,
	found: { consentProblems: Array<{ date: string; reason: ConsentRefusal }>; pricingProblems: PricingProblem[]; hasConsent: boolean }
): ClaimBlocker[] {
	const blockers: ClaimBlocker[] = [];
	if (input.visits.length === 0) blockers.push({ code: 'no_visits' });
	if (!found.hasConsent) blockers.push({ code: 'missing_consent' });
	else for (const p of found.consentProblems) blockers.push({ code: 'visit_outside_consent', date: p.date, reason: p.reason });
	if (found.hasConsent && input.consents.every((c) => blank(c.symptoms))) blockers.push({ code: 'missing_symptoms' });

	const e = input.eligibility;
	const eligibility = [
		e.insuranceKind === null ? 'insuranceKind' : null,
		e.honke === null ? 'honke' : null,
		e.benefitRatio === null ? 'benefitRatio' : null,
		blank(e.insurerNumber) ? 'insurerNumber' : null,
		blank(e.number) ? 'number' : null,
		e.publicExpense && (blank(e.publicExpense.payerNumber) || blank(e.publicExpense.recipientNumber)) ? 'publicExpense' : null
	].filter((f): f is ClaimField => f !== null);
	if (eligibility.length > 0) blockers.push({ code: 'missing_eligibility', fields: eligibility });

	const p = input.patient;
	const patient = [
		blank(p.kana) ? 'kana' : null,
		p.sex === null ? 'sex' : null,
		blank(p.relation) ? 'relation' : null,
		blank(p.birthDate) ? 'birthDate' : null
	].filter((f): f is ClaimField => f !== null);
	if (patient.length > 0) blockers.push({ code: 'missing_patient', fields: patient });

	const insured = [blank(input.insured.name) ? 'name' : null, blank(input.insured.address) ? 'address' : null].filter((f): f is ClaimField => f !== null);
	if (insured.length > 0) blockers.push({ code: 'missing_insured', fields: insured });

	const r = input.registration;
	const registration = [
		blank(r.clinicName) ? 'clinicName' : null,
		blank(r.address) ? 'address' : null,
		blank(r.phone) ? 'phone' : null,
		blank(r.managerName) ? 'managerName' : null,
		blank(r.registrationNumber) ? 'registrationNumber' : null,
		r.healthCentreKind === null ? 'healthCentreKind' : null,
		r.bank === null ? 'bank' : null
	].filter((f): f is ClaimField => f !== null);
	if (registration.length > 0) blockers.push({ code: 'missing_registration', fields: registration });

	for (const problem of found.pricingProblems) blockers.push({ code: 'pricing', problem });
	// The patient's monthly confirmation (docs/jukyo-claim.md §11): only for a month with visits.
	if (input.visits.length > 0 && input.confirmation.state === 'unsigned') blockers.push({ code: 'unsigned_month' });
	if (input.visits.length > 0 && input.confirmation.state === 'changed')
		blockers.push({ code: 'signature_outdated', added: input.confirmation.added, removed: input.confirmation.removed });
	return blockers;
}
