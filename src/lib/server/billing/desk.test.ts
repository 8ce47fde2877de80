import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { prepareDatabase } from '../app';
import type { AuditActor } from '../audit/audit-log';
import { readConfig } from '../config';
import { localDate } from '../../domain/time';
import { insertStaff } from '../outcomes/test-fixtures';
import { loadChargeDesk } from './charge-desk';
import { chargeAccess, chargeOfReceipt, isReceiptOfCharge, type DeskViewer } from './desk-access';
import { deskToday, listChargesOfDay, listDayEntries } from './list-charges';
import { recordRefund } from './record-payment';
import { findVisitToCharge } from './visit-to-charge';

/* The desk's reads over the demo clinic: 佐藤 健 has four self-pay charges (issue #8). */

describeEachDatabase('the billing desk over the demo clinic', (db) => {
	let reception: DeskViewer;
	let treating: DeskViewer;
	let otherPractitioner: DeskViewer;
	let patientId = '';
	let chargeIds: string[] = [];
	const actorOf = (v: DeskViewer): AuditActor => ({ type: 'staff', id: v.id, ip: null, requestId: null });

	it('seeds the demo patient’s four visits as self-pay charges: three paid, the last in part, one receipt', async () => {
		await prepareDatabase(db(), { ...readConfig({}), seedDemo: true });
		const staff = await db().kysely.selectFrom('staff').select(['id', 'role']).where('role', 'in', ['reception', 'practitioner']).execute();
		reception = { id: staff.find((s) => s.role === 'reception')!.id, role: 'reception' };
		treating = { id: staff.find((s) => s.role === 'practitioner')!.id, role: 'practitioner' };
		otherPractitioner = { id: (await insertStaff(db(), 'practitioner')).id, role: 'practitioner' };
		patientId = (await db().kysely.selectFrom('patient').select('id').where('email', '=', 'patient5@example.jp').executeTakeFirstOrThrow()).id;
		const charges = await db()
			.kysely.selectFrom('charge')
			.select(['id', 'payer', 'due_jpy', 'service_date'])
			.where('patient_id', '=', patientId)
			.orderBy('service_date')
			.execute();
		expect(charges.map((c) => [c.payer, c.due_jpy])).toEqual([
			['self_pay', 5500],
			['self_pay', 5500],
			['self_pay', 5500],
			['self_pay', 5500]
		]);
		chargeIds = charges.map((c) => c.id);
		const paid = await db().kysely.selectFrom('payment').select(['charge_id', 'method', 'amount_jpy']).where('patient_id', '=', patientId).execute();
		expect(paid.map((p) => [chargeIds.indexOf(p.charge_id), p.method, p.amount_jpy]).sort()).toEqual([
			[0, 'cash', 5500],
			[1, 'card', 5500],
			[2, 'cash', 5500],
			[3, 'cash', 3000]
		]);
		const receipts = await db().kysely.selectFrom('receipt').select(['charge_id', 'number', 'reissue_of']).execute();
		expect(receipts).toEqual([{ charge_id: chargeIds[2], number: expect.stringMatching(/^\d{4}-000001$/), reissue_of: null }]);
	});

	it('lets the desk see every charge and a practitioner only those of the visits they treated', async () => {
		expect(await chargeAccess(db(), chargeIds[0]!, reception)).toBe('ok');
		expect(await chargeAccess(db(), chargeIds[0]!, treating)).toBe('ok');
		expect(await chargeAccess(db(), chargeIds[0]!, otherPractitioner)).toBe('forbidden');
		expect(await chargeAccess(db(), crypto.randomUUID(), reception)).toBe('not_found');
		const receipt = await db().kysely.selectFrom('receipt').select('id').executeTakeFirstOrThrow();
		expect(await chargeOfReceipt(db(), receipt.id)).toBe(chargeIds[2]);
		expect(await isReceiptOfCharge(db(), receipt.id, chargeIds[2]!)).toBe(true);
		expect(await isReceiptOfCharge(db(), receipt.id, chargeIds[0]!)).toBe(false);
	});

	it('opens a charge for the desk to change and for the treating practitioner to read, never for another', async () => {
		const desk = await loadChargeDesk(db(), chargeIds[3]!, reception, actorOf(reception));
		expect(desk).toMatchObject({
			ok: true,
			desk: {
				mayChange: true,
				patient: { familyName: '佐藤', givenName: '健' },
				practitioner: { nameJa: '佐藤 美穂' },
				charge: { ledger: { dueJpy: 5500, paidJpy: 3000, balanceJpy: 2500 } }
			}
		});
		expect(await loadChargeDesk(db(), chargeIds[3]!, treating, actorOf(treating))).toMatchObject({ ok: true, desk: { mayChange: false } });
		expect(await loadChargeDesk(db(), chargeIds[3]!, otherPractitioner, actorOf(otherPractitioner))).toEqual({ ok: false, code: 'forbidden' });
	});

	it('lists a day’s charges with what was received, filtered to the practitioner’s own visits', async () => {
		const last = await db().kysely.selectFrom('charge').select('service_date').where('id', '=', chargeIds[3]!).executeTakeFirstOrThrow();
		// The demo clinic may have charged a visit of its own that day (its insured visit falls on the 1st).
		const ours = async (viewer: typeof reception) => (await listChargesOfDay(db(), last.service_date, viewer)).filter((r) => chargeIds.includes(r.id));
		expect((await ours(reception)).map((r) => [r.id, r.dueJpy, r.receivedJpy, r.voided])).toEqual([[chargeIds[3], 5500, 3000, false]]);
		expect(await ours(treating)).toHaveLength(1);
		expect(await ours(otherPractitioner)).toEqual([]);
	});

	it('finds the visit to charge with its price and the charge that stands for it', async () => {
		const charge = await db().kysely.selectFrom('charge').select(['appointment_id']).where('id', '=', chargeIds[0]!).executeTakeFirstOrThrow();
		const visit = await findVisitToCharge(db(), charge.appointment_id!);
		expect(visit).toMatchObject({
			status: 'completed',
			liveChargeId: chargeIds[0],
			service: { priceJpy: 5500 },
			patient: { familyName: '佐藤', hasInsurerNumber: false }
		});
		expect(visit!.addOns.map((a) => a.priceJpy).every((n) => Number.isInteger(n))).toBe(true);
		expect(await findVisitToCharge(db(), crypto.randomUUID())).toBeNull();
	});

	it('lists the day’s payments and refunds in order, and counts the receipts issued that day', async () => {
		const today = await deskToday(db());
		const refunded = await recordRefund(db(), chargeIds[0]!, { method: 'cash', amountJpy: 500, reason: '重複して受け取った分' }, actorOf(reception));
		expect(refunded.ok).toBe(true);
		const day = await listDayEntries(db(), today);
		const ours = day.entries.filter((e) => e.chargeId === chargeIds[0]);
		expect(ours.map((e) => [e.kind, e.method, e.amountJpy, e.reason, e.patient.familyName])).toEqual([['refund', 'cash', 500, '重複して受け取った分', '佐藤']]);
		const receipt = await db().kysely.selectFrom('receipt').select('issued_at').executeTakeFirstOrThrow();
		const receiptDay = await listDayEntries(db(), localDate(Date.parse(receipt.issued_at), 'Asia/Tokyo'));
		expect([receiptDay.receipts, receiptDay.reissues]).toEqual([1, 0]);
		expect(receiptDay.entries.map((e) => [e.chargeId, e.kind, e.amountJpy])).toEqual([[chargeIds[2], 'payment', 5500]]);
	});
});
