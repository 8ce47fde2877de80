import { PAYER_LABELS } from '../../labels/payer-labels';
import { formatInvoiceRegistrationNumber } from '../../domain/billing/invoice-registration';
import { personName } from '../../domain/patients/person-name';
import type { Locale } from '../../i18n/locales';
import { formatYen } from '../../format';
import type { AuditActor } from '../audit/audit-log';
import type { ChargeView } from '../billing/charge-view';
import { getCharge, getReceipt } from '../billing/charge-view';
import type { Db } from '../db/database';
import { courseLineOfCharge } from '../packages/visit-course';
import { documentContext, type DocumentContext } from './document-context';
import { renderPdf, type PdfBlock } from './pdf';
import { getPatient } from '../patients/patient-repository';

/*
 * The receipt (領収書) and the itemised statement (明細書) of issue #8, in either language. Money
 * only: neither prints anything clinical beyond the names of the fee items (docs/clinical-rules.md §6).
 */

export interface BillingPdf {
	pdf: Buffer;
	filename: string;
}

const nameOf = (p: { familyName: string; givenName: string }, locale: Locale) => (locale === 'ja' ? `${personName(p, locale)} 様` : personName(p, locale));

function payerText(ctx: DocumentContext, charge: ChargeView): string {
	const payer = ctx.t(PAYER_LABELS[charge.payer]);
	return charge.payer === 'insurance' && charge.sharePercent !== null
		? `${payer}（${ctx.t('billing.desk.sharePercentValue', { percent: charge.sharePercent })}）`
		: payer;
}

/** The receipt as handed to the patient; a reissued copy says so above everything else, with the original's number. */
export async function receiptPdf(db: Db, receiptId: string, locale: Locale, actor: AuditActor): Promise<BillingPdf | null> {
	const receipt = await getReceipt(db, receiptId, actor);
	if (!receipt) return null;
	const ctx = await documentContext(db, locale);
	const yen = (n: number) => formatYen(n, locale);
	const blocks: PdfBlock[] = [];
	const title = ctx.t('billing.receipt.title');
	if (receipt.reissueOfNumber)
		blocks.push({ kind: 'title', text: `【${ctx.t('billing.receipt.reissue')}】 ${ctx.t('billing.receipt.reissueOf', { number: receipt.reissueOfNumber })}` });
	blocks.push({ kind: 'title', text: title });
	blocks.push({
		kind: 'fields',
		rows: [
			[ctx.t('billing.doc.receiptNumber'), receipt.number],
			[ctx.t('billing.doc.issuedOn'), ctx.date(receipt.issuedAt)],
			[ctx.t('billing.doc.patient'), `${nameOf(receipt.patient, locale)}${receipt.patient.patientNumber ? `（${receipt.patient.patientNumber}）` : ''}`]
		]
	});
	blocks.push({ kind: 'heading', text: `${ctx.t('billing.doc.amountReceived')}\u3000${yen(receipt.receivedJpy)}` });
	blocks.push({ kind: 'paragraph', text: ctx.t('billing.doc.receivedFor', { date: ctx.date(`${receipt.charge.serviceDate}T03:00:00Z`) }) });
	// A visit paid by a prepaid course says which, and what is left of it (issue #18).
	const course = await courseLineOfCharge(db, receipt.charge.id);
	if (course) blocks.push({ kind: 'paragraph', text: ctx.t('packageReports.receipt.course', { line: locale === 'ja' ? course.nameJa : course.nameEn }) });
	blocks.push({
		kind: 'fields',
		rows: [
			[ctx.t('billing.doc.payer'), payerText(ctx, receipt.charge)],
			[ctx.t('billing.doc.due'), yen(receipt.dueJpy)],
			[ctx.t('billing.doc.received'), yen(receipt.receivedJpy)],
			[ctx.t('billing.doc.taxIncluded'), yen(receipt.consumptionTaxJpy)]
		]
	});
	blocks.push({ kind: 'heading', text: ctx.t('billing.doc.issuer') });
	blocks.push({ kind: 'paragraph', text: ctx.letterhead });
	// A registered clinic's receipt is a 適格簡易請求書 only with its registration number on it.
	if (receipt.clinic.invoiceRegistrationNumber) {
		blocks.push({ kind: 'fields', rows: [[ctx.t('desk.invoice.receiptLabel'), formatInvoiceRegistrationNumber(receipt.clinic.invoiceRegistrationNumber)]] });
	}
	const pdf = await renderPdf({ title: `${title} ${receipt.number}`, author: ctx.clinicName, lang: locale, blocks });
	const marker = receipt.reissueOfNumber ? `_${ctx.t('billing.receipt.reissue')}` : '';
	return { pdf, filename: `${title}_${receipt.number}${marker}.pdf` };
}

/** The itemised statement of one charge: every line, the insurance split when insured, the tax and what was paid. */
export async function statementPdf(db: Db, chargeId: string, locale: Locale, actor: AuditActor): Promise<BillingPdf | null> {
	const charge = await getCharge(db, chargeId, actor);
	if (!charge) return null;
	const patient = await getPatient(db, charge.patientId, ['patient_number', 'family_name', 'given_name']);
	const ctx = await documentContext(db, locale);
	const yen = (n: number) => formatYen(n, locale);
	const title = ctx.t('billing.doc.statementTitle');
	const blocks: PdfBlock[] = [{ kind: 'title', text: title }];
	if (charge.voided) blocks.push({ kind: 'note', text: ctx.t('billing.desk.voidedNotice', { reason: charge.voided.reason }) });
	blocks.push({
		kind: 'fields',
		rows: [
			[
				ctx.t('billing.doc.patient'),
				`${nameOf({ familyName: patient.family_name, givenName: patient.given_name }, locale)}${patient.patient_number ? `（${patient.patient_number}）` : ''}`
			],
			[ctx.t('billing.doc.serviceDate'), ctx.date(`${charge.serviceDate}T03:00:00Z`)],
			[ctx.t('billing.doc.payer'), payerText(ctx, charge)]
		]
	});
	blocks.push({ kind: 'heading', text: ctx.t('billing.doc.items') });
	blocks.push({
		kind: 'table',
		header: [ctx.t('billing.desk.colItem'), ctx.t('billing.desk.colQuantity'), ctx.t('billing.desk.colUnitPrice'), ctx.t('billing.desk.colAmount')],
		widths: [4, 1, 2, 2],
		rows: charge.lines.map((l) => [locale === 'ja' ? l.nameJa : l.nameEn, String(l.quantity), yen(l.unitPriceJpy), yen(l.amountJpy)])
	});
	const totals: Array<readonly [string, string]> = [];
	if (charge.payer === 'insurance') {
		totals.push([ctx.t('billing.desk.insuranceFee'), yen(charge.insuranceFeeJpy)]);
		totals.push([ctx.t('billing.desk.patientShare', { percent: charge.sharePercent ?? 0 }), yen(charge.patientShareJpy)]);
		totals.push([ctx.t('billing.desk.insurerClaim'), yen(charge.insurerClaimJpy)]);
	}
	if (charge.selfPayJpy > 0 || charge.payer === 'self_pay') totals.push([ctx.t('billing.desk.selfPayTotal'), yen(charge.selfPayJpy)]);
	totals.push([ctx.t('billing.desk.taxIncluded', { rate: charge.taxRatePercent }), yen(charge.consumptionTaxJpy)]);
	totals.push([ctx.t('billing.desk.due'), yen(charge.chargedJpy)]);
	totals.push([ctx.t('billing.desk.paid'), yen(charge.ledger.paidJpy - charge.ledger.refundedJpy)]);
	totals.push([ctx.t('billing.desk.balance'), yen(charge.ledger.balanceJpy)]);
	blocks.push({ kind: 'fields', rows: totals });
	if (charge.payer === 'insurance') blocks.push({ kind: 'note', text: ctx.t('billing.doc.insuranceNote') });
	blocks.push({ kind: 'heading', text: ctx.t('billing.doc.issuer') });
	blocks.push({ kind: 'paragraph', text: ctx.letterhead });
	const pdf = await renderPdf({ title, author: ctx.clinicName, lang: locale, blocks });
	return { pdf, filename: `${title}_${patient.patient_number ?? 'P'}_${charge.serviceDate}.pdf` };
}
