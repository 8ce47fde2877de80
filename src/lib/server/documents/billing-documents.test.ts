import { expect, it } from 'vitest';
import { pdfText, squashed } from '../../../../tests/support/pdf-text';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { createChargeForAppointment } from '../billing/create-charge';
import { recordDoctorConsent } from '../billing/doctor-consent';
import { issueReceipt, reissueReceipt } from '../billing/issue-receipt';
import { recordPayment } from '../billing/record-payment';
import { billingWorld, checkEligibility, CONSENT_INPUT, insertSession, insertVisit, insuredPatient } from '../billing/test-fixtures';
import { setInvoiceRegistrationNumber, ZInvoiceRegistrationSchema } from '../clinic/invoice-registration';
import { receiptPdf, statementPdf } from './billing-documents';

const NOW = new Date('2027-11-02T03:00:00.000Z');
const text = (pdf: Buffer) => squashed(pdfText(pdf));

describeEachDatabase('receipts (領収書) and itemised statements (明細書) as PDF', (db) => {
	it('prints a receipt with its number and amount, and marks a reissued copy with the original’s number', async () => {
		const world = await billingWorld(db());
		const patientId = await insuredPatient(db());
		const visit = await insertVisit(db(), world, patientId, '2027-11-02T01:00:00.000Z');
		const charged = await createChargeForAppointment(db(), visit, { payer: 'self_pay', addOnServiceIds: [world.moxaId] }, world.actor, { now: NOW });
		if (!charged.ok) throw new Error(charged.code);
		await recordPayment(db(), charged.chargeId, { method: 'cash', amountJpy: 6600 }, world.actor, { now: NOW });
		const original = await issueReceipt(db(), charged.chargeId, world.actor, { now: NOW });
		if (!original.ok) throw new Error(original.code);

		const ja = await receiptPdf(db(), original.receipt.id, 'ja', world.actor);
		expect(ja!.filename).toBe(`領収書_${original.receipt.number}.pdf`);
		const jaText = text(ja!.pdf);
		for (const expected of ['領収書', original.receipt.number, '￥6,600', '様']) expect(jaText).toContain(squashed(expected));
		expect(jaText).not.toContain('再発行');
		// No registration number on record: none printed.
		expect(jaText).not.toContain(squashed('登録番号'));

		const copy = await reissueReceipt(db(), original.receipt.id, world.actor, { now: NOW });
		if (!copy.ok) throw new Error(copy.code);
		const reissuedJa = text((await receiptPdf(db(), copy.receipt.id, 'ja', world.actor))!.pdf);
		expect(reissuedJa).toContain(squashed(`再発行（元の領収書 ${original.receipt.number}）`));
		expect(reissuedJa).toContain(copy.receipt.number);
		const reissuedEn = text((await receiptPdf(db(), copy.receipt.id, 'en', world.actor))!.pdf);
		expect(reissuedEn).toContain(squashed(`Reissued`));
		expect(reissuedEn).toContain(squashed(`Reissue of receipt ${original.receipt.number}`));
		expect(reissuedEn).toContain('¥6,600');
		expect(await receiptPdf(db(), crypto.randomUUID(), 'ja', world.actor)).toBeNull();
	});

	it('prints the clinic’s 適格請求書発行事業者 registration number once the owner records it', async () => {
		const world = await billingWorld(db());
		const patientId = await insuredPatient(db());
		const visit = await insertVisit(db(), world, patientId, '2027-11-02T01:00:00.000Z');
		const charged = await createChargeForAppointment(db(), visit, { payer: 'self_pay' }, world.actor, { now: NOW });
		if (!charged.ok) throw new Error(charged.code);
		await recordPayment(db(), charged.chargeId, { method: 'cash', amountJpy: 5500 }, world.actor, { now: NOW });
		const parsed = ZInvoiceRegistrationSchema.parse({ invoiceRegistrationNumber: 'ｔ１-２３４５-６７８９-０１２３' });
		await setInvoiceRegistrationNumber(db(), parsed, world.actor);
		const issued = await issueReceipt(db(), charged.chargeId, world.actor, { now: NOW });
		if (!issued.ok) throw new Error(issued.code);
		expect(text((await receiptPdf(db(), issued.receipt.id, 'ja', world.actor))!.pdf)).toContain(squashed('登録番号 T1-2345-6789-0123'));
		expect(text((await receiptPdf(db(), issued.receipt.id, 'en', world.actor))!.pdf)).toContain(squashed('Registration number T1-2345-6789-0123'));
		expect(ZInvoiceRegistrationSchema.safeParse({ invoiceRegistrationNumber: 'T123' }).success).toBe(false);
	});

	it('itemises an insured visit with its 療養費 fee items and the patient’s share, in both languages', async () => {
		const world = await billingWorld(db());
		const patientId = await insuredPatient(db());
		const recorded = await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, signedOn: '2027-10-20' }, world.actor, { now: NOW });
		expect(recorded.ok).toBe(true);
		await checkEligibility(db(), world, patientId, '2027-11-02');
		const visit = await insertVisit(db(), world, patientId, '2027-11-02T01:00:00.000Z');
		await insertSession(db(), patientId, visit, { electroacupuncture: { hz: 2 }, moxibustion: null }, 6);
		const charged = await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: 30 }, world.actor, { now: NOW });
		if (!charged.ok) throw new Error(charged.code);

		const ja = text((await statementPdf(db(), charged.chargeId, 'ja', world.actor))!.pdf);
		for (const expected of ['明細書', '初検料（1術）', '電療料', '一部負担金（30%）', '保険者への請求額']) expect(ja).toContain(squashed(expected));
		expect(ja).toContain(squashed(`￥${charged.charge.patientDueJpy.toLocaleString('en')}`));
		const en = text((await statementPdf(db(), charged.chargeId, 'en', world.actor))!.pdf);
		for (const expected of ['Itemised statement', 'Electrotherapy surcharge', 'Patient’s share (30%)']) expect(en).toContain(squashed(expected));
		expect(await statementPdf(db(), crypto.randomUUID(), 'en', world.actor)).toBeNull();
	});
});
