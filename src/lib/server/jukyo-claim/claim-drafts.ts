import { z } from 'zod';
import type { ClaimBlocker } from '../../domain/jukyo-claim/claim-blockers';
import { buildClaimForms, type ClaimForm, type ClaimRules } from '../../domain/jukyo-claim/claim-form';
import type { ClinicRegistrationForClaim } from '../../domain/jukyo-claim/claim-input';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { claimFormPdf } from './claim-pdf';
import { frozenClaimForm } from './claim-workflow';
import { claimFormInputFor, insuredPatientsOfMonth } from './claim-records';
import { loadClinicRegistrationForClaim } from './claim-registration';
import { loadJukyoConsentRules, loadJukyoFeeSchedules } from './fee-versions';

/*
 * The month's draft 申請書 for the claims page, and one 申請書 as a PDF (docs/jukyo-claim.md §1).
 * Both read insurance data of patients, so both are audited. The registration is a parameter so the
 * clinic's 受領委任 settings can be handed in; by default today's clinic settings stand in.
 */

export const ZClaimMonthSchema = z.string('jukyoClaim.page.badMonth').regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'jukyoClaim.page.badMonth');
export const ZClaimFormKindSchema = z.enum(['main', 'public_expense']).default('main');

export interface ClaimDraft {
	patientId: string;
	patientName: string;
	patientNumber: string | null;
	kind: ClaimForm['kind'];
	days: number;
	totalJpy: number;
	claimJpy: number;
	blockers: ClaimBlocker[];
	continuationStatementNeeded: boolean;
}

export interface ClaimDraftOptions {
	registration?: ClinicRegistrationForClaim;
}

async function loadRules(db: Db): Promise<ClaimRules> {
	const [feeSchedules, consentRules] = await Promise.all([loadJukyoFeeSchedules(db), loadJukyoConsentRules(db)]);
	return { feeSchedules, consentRules };
}

/** Every 申請書 of the month (a 公費 patient has two), each with what blocks it. */
export async function listClaimDrafts(
	db: Db,
	month: string,
	actor: AuditActor,
	options: ClaimDraftOptions = {}
): Promise<{ drafts: ClaimDraft[]; registration: ClinicRegistrationForClaim }> {
	const registration = options.registration ?? (await loadClinicRegistrationForClaim(db));
	const rules = await loadRules(db);
	const patients = await insuredPatientsOfMonth(db, month);
	const drafts: ClaimDraft[] = [];
	for (const patient of patients) {
		const input = await claimFormInputFor(db, patient.id, month, registration);
		if (!input) continue;
		for (const form of buildClaimForms(input, rules)) {
			drafts.push({
				patientId: patient.id,
				patientName: patient.name,
				patientNumber: patient.patientNumber,
				kind: form.kind,
				days: form.treatment.days,
				totalJpy: form.fees.totalJpy,
				claimJpy: form.fees.claimJpy,
				blockers: form.blockers,
				continuationStatementNeeded: form.continuationStatementNeeded
			});
		}
	}
	await recordAudit(db, actor, { action: 'jukyo_claim.list', entityType: 'jukyo_claim', entityId: month, detail: { forms: drafts.length } });
	return { drafts, registration };
}

/** One 申請書 as a PDF; null when the patient is unknown, merged, or has no such form that month. */
export async function claimFormDocument(
	db: Db,
	patientId: string,
	month: string,
	kind: ClaimForm['kind'],
	actor: AuditActor,
	options: ClaimDraftOptions = {}
): Promise<{ pdf: Buffer; filename: string; form: ClaimForm } | null> {
	const registration = options.registration ?? (await loadClinicRegistrationForClaim(db));
	const input = await claimFormInputFor(db, patientId, month, registration);
	if (!input || input.visits.length === 0) return null;
	const built = buildClaimForms(input, await loadRules(db)).find((f) => f.kind === kind);
	if (!built) return null;
	// Past its draft, a claim prints the form frozen when it was marked ready (docs/jukyo-claim.md §12).
	const form = (await frozenClaimForm(db, patientId, month, kind)) ?? built;
	const pdf = await claimFormPdf(form);
	await recordAudit(db, actor, {
		action: 'jukyo_claim.pdf',
		entityType: 'jukyo_claim',
		entityId: `${month}:${kind}`,
		patientId,
		detail: { blockers: form.blockers.map((b) => b.code) }
	});
	return { pdf, filename: `claim-${month}-${kind === 'main' ? 'insurer' : 'public'}-${patientId.slice(0, 8)}.pdf`, form };
}
