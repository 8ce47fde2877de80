import { PAYMENT_METHOD_LABELS } from '../../labels/payment-method-labels';
import { FEE_CAP_LABELS } from '../../domain/packages/package-labels';
import type { RefundComputation } from '../../domain/packages/refund';
import { personName } from '../../domain/patients/person-name';
import { formatYen } from '../../format';
import type { Locale } from '../../i18n/locales';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { documentContext } from '../documents/document-context';
import { renderPdf, type PdfBlock } from '../documents/pdf';
import type { BillingPdf } from '../documents/billing-documents';
import { getPatient } from '../patients/patient-repository';

/*
 * The refund receipt of a cancelled course (issue #18), printed with billing's PDF machinery
 * (documents/pdf.ts, as the 領収書): the computation exactly as stored with the refund entry —
 * unused visits × the per-visit price actually paid, minus the fee, the limit that set the fee and
 * the law it rests on (消費者契約法 第9条, domain/packages/consumer-rules.ts). Money only.
 */

/** The PDF of the refund of `saleId`, held by `patientId`; null when there is no such refund. */
export async function refundReceiptPdf(
	db: Db,
	patientId: string,
	saleId: string,
	locale: Locale,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<BillingPdf | null> {
	if (!saleId || saleId.length > 64 || !patientId || patientId.length > 64) return null;
	const sale = await db.kysely
		.selectFrom('package_sale')
		.select(['id', 'patient_id', 'name_ja', 'name_en', 'sold_on', 'visit_count'])
		.where('id', '=', saleId)
		.where('patient_id', '=', patientId)
		.executeTakeFirst();
	if (!sale) return null;
	const refund = await db.kysely
		.selectFrom('package_entry')
		.select(['id', 'entered_at', 'method', 'detail', 'amount_jpy', 'fee_jpy'])
		.where('package_sale_id', '=', saleId)
		.where('kind', '=', 'refund')
		.executeTakeFirst();
	if (!refund) return null;
	const patient = await getPatient(db, sale.patient_id, ['family_name', 'given_name', 'patient_number']);
	const q = JSON.parse(refund.detail) as RefundComputation;
	const ctx = await documentContext(db, locale);
	const t = ctx.t;
	const yen = (n: number) => formatYen(n, locale);
	const name = personName({ familyName: patient.family_name, givenName: patient.given_name }, locale);
	const title = t('packageReports.refundReceipt.title');
	const rows: Array<readonly [string, string]> = [
		[t('packageReports.refundReceipt.unused', { visits: q.unusedVisits, perVisit: yen(q.perVisitJpy) }), yen(q.unusedValueJpy)],
		[t('packages.refund.paid'), yen(q.paidJpy)],
		[t('packages.refund.consumed'), yen(q.consumedValueJpy)],
		[t('packages.refund.held'), yen(q.heldJpy)],
		[`${t('packages.refund.fee')}（${t(FEE_CAP_LABELS[q.feeCappedBy])}）`, `− ${yen(q.feeJpy)}`],
		[t('packages.refund.amount'), yen(q.refundJpy)]
	];
	if (q.stillOwedJpy > 0) rows.push([t('packages.refund.stillOwed'), yen(q.stillOwedJpy)]);
	const blocks: PdfBlock[] = [
		{ kind: 'title', text: title },
		{
			kind: 'fields',
			rows: [
				[t('billing.doc.issuedOn'), ctx.date((options.now ?? db.clock.now()).toISOString())],
				[t('packageReports.refundReceipt.patient'), `${locale === 'ja' ? `${name} 様` : name}${patient.patient_number ? `（${patient.patient_number}）` : ''}`],
				[t('packageReports.refundReceipt.course'), locale === 'ja' ? sale.name_ja : sale.name_en],
				[t('packageReports.refundReceipt.soldOn'), ctx.date(`${sale.sold_on}T03:00:00Z`)],
				[t('packageReports.refundReceipt.refundedOn'), ctx.date(refund.entered_at)],
				[t('packageReports.refundReceipt.method'), refund.method ? t(PAYMENT_METHOD_LABELS[refund.method]) : '—']
			]
		},
		{ kind: 'heading', text: t('packageReports.refundReceipt.amountHeading', { amount: yen(q.refundJpy) }) },
		{ kind: 'heading', text: t('packageReports.refundReceipt.computation') },
		{ kind: 'fields', rows },
		{ kind: 'note', text: t('packages.refund.rounding') },
		{ kind: 'heading', text: t('packageReports.refundReceipt.lawHeading') },
		{ kind: 'paragraph', text: t('packageReports.refundReceipt.capUsed', { cap: t(FEE_CAP_LABELS[q.feeCappedBy]) }) },
		{ kind: 'paragraph', text: t('packageReports.refundReceipt.law', { source: q.lawSource, from: q.rulesFrom }) },
		{ kind: 'heading', text: t('billing.doc.issuer') },
		{ kind: 'paragraph', text: ctx.letterhead }
	];
	const pdf = await renderPdf({ title: `${title} ${name}`, author: ctx.clinicName, lang: locale, blocks });
	await recordAudit(db, actor, {
		action: 'package.refund_receipt_print',
		entityType: 'package_sale',
		entityId: saleId,
		patientId: sale.patient_id,
		detail: { refundEntryId: refund.id, locale }
	});
	return { pdf, filename: `${title}_${patient.patient_number ?? 'P'}_${refund.entered_at.slice(0, 10)}.pdf` };
}
