import { describe, expect, it } from 'vitest';
import { sequenceProblems } from '../../domain/billing/receipt-number';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { Db } from '../db/database';
import { getReceipt } from './charge-view';
import { createChargeForAppointment } from './create-charge';
import { issueReceipt, reissueReceipt } from './issue-receipt';
import { recordPayment, recordRefund } from './record-payment';
import { billingWorld, insertVisit, insuredPatient, type BillingWorld } from './test-fixtures';
import { voidCharge } from './void-charge';

const at = (iso: string) => ({ now: new Date(iso) });

/** A self-pay charge of 5,500 yen, paid in full unless told otherwise. */
async function paidCharge(db: Db, world: BillingWorld, paidJpy = 5500) {
	const patientId = await insuredPatient(db);
	const appointmentId = await insertVisit(db, world, patientId, '2027-11-02T01:00:00.000Z');
	const created = await createChargeForAppointment(db, appointmentId, { payer: 'self_pay' }, world.actor, at('2027-11-02T03:00:00.000Z'));
	if (!created.ok) throw new Error(created.code);
	if (paidJpy > 0) await recordPayment(db, created.chargeId, { method: 'cash', amountJpy: paidJpy }, world.actor);
	return { patientId, chargeId: created.chargeId };
}

describeEachDatabase('receipts and money that never changes', (db) => {
	describe('receipts (領収書)', () => {
		it('numbers the first receipt of a year 1 and keeps one original per charge', async () => {
			const world = await billingWorld(db());
			const { chargeId } = await paidCharge(db(), world, 3000);
			const issued = await issueReceipt(db(), chargeId, world.actor, at('2040-03-01T01:00:00.000Z'));
			expect(issued).toMatchObject({
				ok: true,
				receipt: { number: '2040-000001', year: 2040, sequence: 1, reissueOf: null, dueJpy: 5500, receivedJpy: 3000, consumptionTaxJpy: 500 }
			});
			expect(await issueReceipt(db(), chargeId, world.actor, at('2040-03-01T02:00:00.000Z'))).toEqual({
				ok: false,
				code: 'already_issued',
				receiptId: issued.ok ? issued.receipt.id : ''
			});
			const audit = await db()
				.kysely.selectFrom('audit_log')
				.select('action')
				.where('entity_id', '=', issued.ok ? issued.receipt.id : '')
				.execute();
			expect(audit).toEqual([{ action: 'receipt.issue' }]);
		});

		it('reissues under a new number marked as a copy of the original, also when copying a copy', async () => {
			const world = await billingWorld(db());
			const { chargeId } = await paidCharge(db(), world);
			const original = await issueReceipt(db(), chargeId, world.actor, at('2040-04-01T01:00:00.000Z'));
			if (!original.ok) throw new Error(original.code);
			const copy = await reissueReceipt(db(), original.receipt.id, world.actor, at('2040-04-02T01:00:00.000Z'));
			if (!copy.ok) throw new Error(copy.code);
			const copyOfCopy = await reissueReceipt(db(), copy.receipt.id, world.actor, at('2040-04-03T01:00:00.000Z'));
			expect([copy, copyOfCopy].map((r) => r.ok && [r.receipt.sequence - original.receipt.sequence, r.receipt.reissueOf])).toEqual([
				[1, original.receipt.id],
				[2, original.receipt.id]
			]);
			const view = await getReceipt(db(), copyOfCopy.ok ? copyOfCopy.receipt.id : '', world.actor);
			expect(view).toMatchObject({ reissueOfNumber: original.receipt.number, receivedJpy: 5500, charge: { id: chargeId, receipts: [{}, {}, {}] } });
			expect(await reissueReceipt(db(), crypto.randomUUID(), world.actor)).toEqual({ ok: false, code: 'not_found' });
		});

		it('issues no receipt before anything is received or after all was refunded', async () => {
			const world = await billingWorld(db());
			const unpaid = await paidCharge(db(), world, 0);
			expect(await issueReceipt(db(), unpaid.chargeId, world.actor, at('2040-05-01T01:00:00.000Z'))).toEqual({ ok: false, code: 'nothing_received' });
			const refunded = await paidCharge(db(), world);
			await voidCharge(db(), refunded.chargeId, { reason: '取り消し' }, world.actor);
			await recordRefund(db(), refunded.chargeId, { method: 'cash', amountJpy: 5500, reason: '取り消し' }, world.actor);
			expect(await issueReceipt(db(), refunded.chargeId, world.actor, at('2040-05-01T01:00:00.000Z'))).toEqual({ ok: false, code: 'nothing_received' });
		});

		it('numbers by the clinic’s year: 23:59 on New Year’s Eve in Tokyo is still the old year', async () => {
			const world = await billingWorld(db());
			const late = await issueReceipt(db(), (await paidCharge(db(), world)).chargeId, world.actor, at('2041-12-31T14:59:00.000Z'));
			const early = await issueReceipt(db(), (await paidCharge(db(), world)).chargeId, world.actor, at('2041-12-31T15:00:00.000Z'));
			expect([late, early].map((r) => r.ok && r.receipt.number)).toEqual(['2041-000001', '2042-000001']);
		});

		it('gives 50 receipts issued at once the numbers 1 to 50, none missing and none twice', async () => {
			const world = await billingWorld(db());
			const charges: string[] = [];
			for (let i = 0; i < 50; i += 1) charges.push((await paidCharge(db(), world)).chargeId);
			const issued = await Promise.all(charges.map((chargeId) => issueReceipt(db(), chargeId, world.actor, at('2045-06-01T01:00:00.000Z'))));
			const sequences = issued.map((r) => (r.ok ? r.receipt.sequence : -1));
			expect(sequenceProblems(sequences)).toEqual({ missing: [], duplicates: [] });
			expect([...sequences].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
			const stored = await db().kysely.selectFrom('receipt').select('number').where('year', '=', 2045).orderBy('sequence').execute();
			expect(stored.map((r) => r.number)).toEqual(Array.from({ length: 50 }, (_, i) => `2045-${String(i + 1).padStart(6, '0')}`));
		});
	});

	describe('financial rows', () => {
		it('cannot be changed or deleted, only moved to another patient by a merge', async () => {
			const world = await billingWorld(db());
			const { chargeId, patientId } = await paidCharge(db(), world);
			const issued = await issueReceipt(db(), chargeId, world.actor, at('2043-01-10T01:00:00.000Z'));
			await voidCharge(db(), chargeId, { reason: '取り消し' }, world.actor);
			const k = db().kysely;
			const frozen = /cannot be changed or deleted/;
			await expect(k.updateTable('charge').set({ due_jpy: 1 }).where('id', '=', chargeId).execute()).rejects.toThrow(frozen);
			await expect(k.deleteFrom('charge').where('id', '=', chargeId).execute()).rejects.toThrow(frozen);
			await expect(k.updateTable('charge_line').set({ amount_jpy: 0, unit_price_jpy: 0 }).where('charge_id', '=', chargeId).execute()).rejects.toThrow(frozen);
			await expect(k.deleteFrom('charge_line').where('charge_id', '=', chargeId).execute()).rejects.toThrow(frozen);
			await expect(k.updateTable('payment').set({ amount_jpy: 1 }).where('charge_id', '=', chargeId).execute()).rejects.toThrow(frozen);
			await expect(k.deleteFrom('payment').where('charge_id', '=', chargeId).execute()).rejects.toThrow(frozen);
			await expect(k.updateTable('receipt').set({ received_jpy: 0 }).where('charge_id', '=', chargeId).execute()).rejects.toThrow(frozen);
			await expect(k.deleteFrom('receipt').where('charge_id', '=', chargeId).execute()).rejects.toThrow(frozen);
			await expect(k.deleteFrom('charge_void').where('charge_id', '=', chargeId).execute()).rejects.toThrow(frozen);
			const rows = await k.selectFrom('payment').select(['amount_jpy']).where('charge_id', '=', chargeId).execute();
			expect(rows).toEqual([{ amount_jpy: 5500 }]);

			const survivor = await insuredPatient(db());
			for (const table of ['charge', 'payment', 'receipt'] as const) {
				await k.updateTable(table).set({ patient_id: survivor }).where('patient_id', '=', patientId).execute();
			}
			expect(
				await k
					.selectFrom('receipt')
					.select('patient_id')
					.where('id', '=', issued.ok ? issued.receipt.id : '')
					.executeTakeFirst()
			).toEqual({ patient_id: survivor });
		});

		it('keeps the receipt counter counting up one at a time', async () => {
			const world = await billingWorld(db());
			await issueReceipt(db(), (await paidCharge(db(), world)).chargeId, world.actor, at('2044-02-01T01:00:00.000Z'));
			const k = db().kysely;
			const counter = /only counts up by one/;
			await expect(k.updateTable('receipt_counter').set({ value: 5 }).where('year', '=', 2044).execute()).rejects.toThrow(counter);
			await expect(k.updateTable('receipt_counter').set({ value: 0 }).where('year', '=', 2044).execute()).rejects.toThrow(counter);
			await expect(k.deleteFrom('receipt_counter').where('year', '=', 2044).execute()).rejects.toThrow(counter);
			const next = await issueReceipt(db(), (await paidCharge(db(), world)).chargeId, world.actor, at('2044-02-01T02:00:00.000Z'));
			expect(next.ok && next.receipt.number).toBe('2044-000002');
		});
	});
});
