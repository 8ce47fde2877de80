import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { BillingWorld } from '../billing/test-fixtures';
import { insertStaff } from '../outcomes/test-fixtures';
import { AFTER, boardRow, MONTH, REGISTRATION, septemberClaim } from './test-claim-fixtures';
import { moveClaim } from './claim-workflow';
import { paymentsOfMonth, recordInsurerPayment, reverseInsurerPayment } from './insurer-payments';

/* Reversing an insurer payment recorded by mistake (issue #21): the claim it paid is submitted again and can be paid anew. */

describeEachDatabase('reversing an insurer payment', (db) => {
	const submittedClaim = () => septemberClaim(db(), 'submitted');
	const row = (world: BillingWorld, patientId: string) => boardRow(db(), world, patientId);

	const pay = (world: BillingWorld, versionId: string, destination: string, amount: string) =>
		recordInsurerPayment(
			db(),
			{ confirm: 'on', receivedOn: '2027-10-19', amountJpy: amount, destination, claim: versionId, [`amount_${versionId}`]: amount },
			world.actor,
			{ now: AFTER }
		);

	const reverse = (world: BillingWorld, paymentId: string, extra: Record<string, unknown> = {}) =>
		reverseInsurerPayment(db(), { paymentId, reason: '金額の入力誤り', confirm: 'on', ...extra }, world.actor, { now: AFTER });

	it('takes a mistyped payment out of the paid figure, submits the claim again, and lets it be paid correctly', async () => {
		const { world, patientId, versionId, destination } = await submittedClaim();
		const typo = await pay(world, versionId, destination, '403');
		if (!typo.ok) throw new Error(typo.code);
		expect(await row(world, patientId)).toMatchObject({ status: 'paid', money: { claimJpy: 4039, paidJpy: 403, differenceJpy: 3636 } });

		expect(await reverse(world, typo.id)).toEqual({ ok: true, id: expect.any(String), claims: [{ claimVersionId: versionId, status: 'submitted' }] });
		const after = await row(world, patientId);
		expect(after).toMatchObject({ status: 'submitted', submittedOn: '2027-10-05', money: { claimJpy: 4039, paidJpy: 0, differenceJpy: 4039 } });
		expect(after.versions.at(-1)!.events.map((e) => e.event)).toEqual(['submitted']);
		expect((await paymentsOfMonth(db(), MONTH)).find((p) => p.id === typo.id)).toMatchObject({
			amountJpy: 403,
			reversal: { reason: '金額の入力誤り', at: AFTER.toISOString() }
		});
		// Nothing written before was changed: the payment, its part and its paid event are all still there.
		expect(await db().kysely.selectFrom('jukyo_payment_claim').select('amount_jpy').where('payment_id', '=', typo.id).execute()).toHaveLength(1);

		const right = await pay(world, versionId, destination, '4039');
		expect(right).toMatchObject({ ok: true });
		expect(await row(world, patientId)).toMatchObject({ status: 'paid', money: { claimJpy: 4039, paidJpy: 4039, differenceJpy: 0 } });
		const events = await db()
			.kysely.selectFrom('jukyo_claim_event')
			.select(['seq', 'event'])
			.where('claim_version_id', '=', versionId)
			.orderBy('seq')
			.execute();
		expect(events.map((e) => [Number(e.seq), e.event])).toEqual([
			[1, 'submitted'],
			[2, 'paid'],
			[3, 'paid']
		]);
		// Paid again is the end once more: the claim cannot be returned.
		expect(
			await moveClaim(db(), { patientId, month: MONTH, kind: 'main', action: 'return', on: '2027-10-20', reason: 'x', confirm: 'on' }, world.actor, {
				now: AFTER,
				registration: REGISTRATION
			})
		).toEqual({ ok: false, code: 'refused', reason: 'not_allowed' });

		const audit = await db().kysely.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'jukyo_insurer_payment.reverse').execute();
		expect(audit).toEqual([{ action: 'jukyo_insurer_payment.reverse', entity_id: typo.id }]);
	});

	it('keeps the reversed payment in the claim’s history, marked with the day, who and why, then submitted, then paid again', async () => {
		const { world, patientId, versionId, destination } = await submittedClaim();
		const typo = await pay(world, versionId, destination, '403');
		if (!typo.ok) throw new Error(typo.code);
		expect(await reverse(world, typo.id)).toMatchObject({ ok: true });
		expect(await pay(world, versionId, destination, '4039')).toMatchObject({ ok: true });
		const staff = await db().kysely.selectFrom('staff').select('display_name').where('id', '=', world.staffId).executeTakeFirstOrThrow();

		const version = (await row(world, patientId)).versions.at(-1)!;
		// The reversal was recorded at AFTER, the 20th in the clinic's time zone.
		expect(version.history).toEqual([
			{ kind: 'event', event: 'submitted', on: '2027-10-05', reason: '', reversed: null },
			{ kind: 'event', event: 'paid', on: '2027-10-19', reason: '', reversed: { on: '2027-10-20', by: staff.display_name, reason: '金額の入力誤り' } },
			{ kind: 'payment_reversed', on: '2027-10-20', status: 'submitted' },
			{ kind: 'event', event: 'paid', on: '2027-10-19', reason: '', reversed: null }
		]);
		// What counts toward the status and the paid figure is still only what stands.
		expect(version.events.map((e) => e.event)).toEqual(['submitted', 'paid']);
		expect(version.paidJpy).toBe(4039);
	});

	it('needs a reason and the tick, refuses an unknown payment, a second reversal and anyone but the desk', async () => {
		const { world, versionId, destination } = await submittedClaim();
		const paid = await pay(world, versionId, destination, '4039');
		if (!paid.ok) throw new Error(paid.code);
		expect(await reverse(world, paid.id, { reason: '  ' })).toEqual({ ok: false, code: 'invalid', fields: { reason: 'claimFollowups.reversal.error.reason' } });
		expect(await reverse(world, paid.id, { confirm: '' })).toEqual({ ok: false, code: 'invalid', fields: { confirm: 'claimStatus.error.confirm' } });
		expect(await reverse(world, 'x')).toEqual({ ok: false, code: 'invalid', fields: { paymentId: 'claimFollowups.reversal.error.payment' } });
		expect(await reverse(world, crypto.randomUUID())).toEqual({ ok: false, code: 'not_found' });
		const practitioner = await insertStaff(db(), 'practitioner');
		const actor = { type: 'staff' as const, id: practitioner.id, ip: null, requestId: null };
		expect(await reverseInsurerPayment(db(), { paymentId: paid.id, reason: 'x', confirm: 'on' }, actor, { now: AFTER })).toEqual({
			ok: false,
			code: 'forbidden'
		});
		expect(
			await reverseInsurerPayment(
				db(),
				{ paymentId: paid.id, reason: 'x', confirm: 'on' },
				{ type: 'system', id: null, ip: null, requestId: null },
				{ now: AFTER }
			)
		).toEqual({
			ok: false,
			code: 'forbidden'
		});
		expect(await reverse(world, paid.id)).toMatchObject({ ok: true });
		expect(await reverse(world, paid.id)).toEqual({ ok: false, code: 'already_reversed' });
		expect(await db().kysely.selectFrom('jukyo_insurer_payment_reversal').select('id').where('payment_id', '=', paid.id).execute()).toHaveLength(1);
	});

	it('reverses once when two desks reverse the same payment at once', async () => {
		const { world, patientId, versionId, destination } = await submittedClaim();
		const paid = await pay(world, versionId, destination, '4039');
		if (!paid.ok) throw new Error(paid.code);
		const results = await Promise.all([reverse(world, paid.id), reverse(world, paid.id, { reason: '二重入力' })]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'already_reversed' }]);
		expect(await db().kysely.selectFrom('jukyo_insurer_payment_reversal').select('id').where('payment_id', '=', paid.id).execute()).toHaveLength(1);
		expect(await row(world, patientId)).toMatchObject({ status: 'submitted', money: { paidJpy: 0 } });
	});
});
