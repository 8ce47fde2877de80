import { buildClaimForms, type ClaimForm } from '../../domain/jukyo-claim/claim-form';
import { formatNumber } from '../../format';
import { summarySheets, type SummarySheet } from '../../domain/jukyo-claim/summary-sheets';
import { formatWarekiMonth } from '../../domain/jukyo-claim/wareki';
import { translator } from '../../i18n/translate';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { renderPdf, type PdfBlock } from '../documents/pdf';
import type { ClaimDraftOptions } from './claim-drafts';
import { claimFormInputFor, insuredPatientsOfMonth } from './claim-records';
import { loadClinicRegistrationForClaim } from './claim-registration';
import { loadJukyoConsentRules, loadJukyoFeeSchedules } from './fee-versions';

/*
 * 総括票 (I)/(II) of a month per 提出先 (docs/jukyo-claim.md §7), built from the same 申請書 as the
 * claims page, so each total is the sum of its 申請書. Always Japanese, as the forms are.
 */

const t = translator('ja');

/** Every 申請書 of the month. */
export async function monthClaimForms(db: Db, month: string, options: ClaimDraftOptions = {}): Promise<ClaimForm[]> {
	const registration = options.registration ?? (await loadClinicRegistrationForClaim(db));
	const rules = { feeSchedules: await loadJukyoFeeSchedules(db), consentRules: await loadJukyoConsentRules(db) };
	const forms: ClaimForm[] = [];
	for (const patient of await insuredPatientsOfMonth(db, month)) {
		const input = await claimFormInputFor(db, patient.id, month, registration);
		if (input) forms.push(...buildClaimForms(input, rules));
	}
	return forms;
}

export function submitToText(submitTo: string): string {
	return submitTo === 'kokuhoren' ? t('jukyoClaim.summary.kokuhoren') : t('jukyoClaim.summary.insurer', { number: submitTo.replace(/^insurer:/, '') });
}

function sheetBlocks(sheet: SummarySheet, clinicName: string): PdfBlock[] {
	const month = `${formatWarekiMonth(sheet.month)}分`;
	const money = (n: number) => `${formatNumber(n, 'ja')}円`;
	return [
		{ kind: 'title', text: t('jukyoClaim.summary.sheet1') },
		{
			kind: 'fields',
			rows: [
				[t('jukyoClaim.summary.submitTo'), submitToText(sheet.submitTo)],
				[t('jukyoClaim.summary.month'), month],
				[t('jukyoClaim.summary.clinic'), clinicName]
			]
		},
		{
			kind: 'table',
			header: [t('jukyoClaim.summary.payer'), t('jukyoClaim.summary.forms')],
			rows: sheet.payers.map((p) => [p.payerNumber, String(p.forms)]),
			widths: [3, 1]
		},
		{ kind: 'heading', text: t('jukyoClaim.summary.sheet2') },
		{
			kind: 'table',
			header: [t('jukyoClaim.summary.payer'), t('jukyoClaim.summary.forms'), t('jukyoClaim.summary.total'), t('jukyoClaim.summary.claim')],
			rows: [
				...sheet.payers.map((p) => [p.payerNumber, String(p.forms), money(p.totalJpy), money(p.claimJpy)]),
				[t('jukyoClaim.summary.sum'), String(sheet.forms), money(sheet.totalJpy), money(sheet.claimJpy)]
			],
			widths: [3, 1, 2, 2]
		},
		{ kind: 'note', text: t('jukyoClaim.summary.note') }
	];
}

/** The month's 総括票, one per 提出先 (audited); the PDF holds them all, each 提出先 after the other. */
export async function summarySheetsDocument(
	db: Db,
	month: string,
	actor: AuditActor,
	options: ClaimDraftOptions = {}
): Promise<{ sheets: SummarySheet[]; pdf: Buffer; filename: string }> {
	const registration = options.registration ?? (await loadClinicRegistrationForClaim(db));
	const sheets = summarySheets(month, await monthClaimForms(db, month, { registration }));
	const blocks =
		sheets.length === 0
			? [{ kind: 'paragraph' as const, text: t('jukyoClaim.summary.none') }]
			: sheets.flatMap((sheet) => sheetBlocks(sheet, registration.clinicName ?? ''));
	const pdf = await renderPdf({ title: `${t('jukyoClaim.summary.title')} ${month}`, author: registration.clinicName ?? 'shinkyu', lang: 'ja', blocks });
	await recordAudit(db, actor, { action: 'jukyo_claim.summary_pdf', entityType: 'jukyo_claim', entityId: month, detail: { sheets: sheets.length } });
	return { sheets, pdf, filename: `claim-summary-${month}.pdf` };
}
