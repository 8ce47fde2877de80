import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { pdfText, squashed } from '../../../../tests/support/pdf-text';
import type { BillingWorld } from '../billing/test-fixtures';
import { insertStaff } from '../outcomes/test-fixtures';
import { claimFormDocument } from './claim-drafts';
import { claimBoard, moveClaim, type ClaimBoardRow } from './claim-workflow';
import { recordInsurerPayment } from './insurer-payments';
import { monthConfirmationView, recordMonthConfirmation } from './month-confirmations';
import { AFTER, chargeVisit, IN_MONTH, insuredSeptember, MONTH, REGISTRATION } from './test-claim-fixtures';

describeEachDatabase('the claim workflow: signature, status and payment', (db) => {
	async function row(world: BillingWorld, patientId: string): Promise<ClaimBoardRow> {
		const groups = await claimBoard(db(), MONTH, world.actor, { registration: REGISTRATION });
		return groups.flatMap((g) => g.rows).find((r) => r.patientId === patientId && r.kind === 'main')!;
	}

	const move = (world: BillingWorld, patientId: string, action: string, extra: Record<string, string> = {}, now = AFTER) =>
		moveClaim(db(), { patientId, month: MONTH, kind: 'main', action, confirm: 'on', ...extra }, world.actor, { now, registration: REGISTRATION });

	const sign = (world: BillingWorld, patientId: string, dates: string[], extra: Record<string, unknown> = {}, now = IN_MONTH) =>
		recordMonthConfirmation(
			db(),
			patientId,
			{ month: MONTH, date: dates, agree: 'on', signerKind: 'patient', signerName: '山田 花子', ...extra },
			world.actor,
			{ now }
		);

	it('blocks an unsigned month, takes the signature, and asks again after a later visit', async () => {
		const { world, patientId } = await insuredSeptember(db());
		expect((await row(world, patientId)).current!.blockers).toEqual([{ code: 'unsigned_month' }]);
		expect(await move(world, patientId, 'mark_ready')).toEqual({ ok: false, code: 'refused', reason: 'blocked' });

		// The page showed two dates; a signature for other dates is refused.
		expect(await sign(world, patientId, ['2027-09-08'])).toEqual({ ok: false, code: 'dates_changed', dates: ['2027-09-08', '2027-09-15'] });
		expect(await sign(world, patientId, ['2027-09-08', '2027-09-15'], { signerKind: 'proxy', proxyRelation: '' })).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { proxyRelation: 'claimStatus.confirm.error.proxyRelation', proxyReason: 'claimStatus.confirm.error.proxyReason' }
		});
		expect(await sign(world, patientId, ['2027-09-08', '2027-09-15'], { signaturePath: 'M1 1 L2 2"/><script>' })).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { signaturePath: 'claimStatus.confirm.error.signature' }
		});
		expect(await sign(world, patientId, ['2027-09-08', '2027-09-15'], { agree: undefined })).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { agree: 'claimStatus.confirm.error.agree' }
		});
		expect(await sign(world, patientId, ['2027-09-08', '2027-09-15'], { signaturePath: 'M10 10 L100 50 L200 20' })).toMatchObject({ ok: true });
		expect((await row(world, patientId)).current!.blockers).toEqual([]);

		// A later visit in the month: the signature no longer covers it.
		await chargeVisit(db(), world, patientId, '2027-09-29T01:00:00.000Z');
		expect((await row(world, patientId)).current!.blockers).toEqual([{ code: 'signature_outdated', added: ['2027-09-29'], removed: [] }]);
		const view = await monthConfirmationView(db(), patientId, MONTH, world.actor);
		expect(view).toMatchObject({ state: 'changed', added: ['2027-09-29'], dates: ['2027-09-08', '2027-09-15', '2027-09-29'] });

		// Signed again by a 代理人: a new row, the old one kept.
		expect(
			await sign(
				world,
				patientId,
				['2027-09-08', '2027-09-15', '2027-09-29'],
				{ signerKind: 'proxy', signerName: '山田 太郎', proxyRelation: '長男', proxyReason: '本人が手を痛めているため' },
				new Date('2027-09-29T06:00:00.000Z')
			)
		).toMatchObject({ ok: true });
		const rows = await db().kysely.selectFrom('jukyo_month_confirmation').selectAll().where('patient_id', '=', patientId).orderBy('created_at').execute();
		expect(rows.map((r) => [r.signer_kind, r.signer_name, r.proxy_relation, r.signature_kind, r.signed_on])).toEqual([
			['patient', '山田 花子', '', 'drawn', '2027-09-22'],
			['proxy', '山田 太郎', '長男', 'typed', '2027-09-29']
		]);
		expect((await row(world, patientId)).current!.blockers).toEqual([]);

		// The PDF prints the 代理人, the relation and the reason, and dates the 申請・委任 on the signing day.
		const document = await claimFormDocument(db(), patientId, MONTH, 'main', world.actor, { registration: REGISTRATION });
		const text = squashed(pdfText(document!.pdf));
		expect(text).toContain('代理人山田太郎（続柄：長男）');
		expect(text).toContain('本人が手を痛めているため');
		expect(document!.form.application.appliedOn).toBe('2027-09-29');
		const audit = await db().kysely.selectFrom('audit_log').select('action').where('patient_id', '=', patientId).execute();
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['jukyo_month_confirmation.sign', 'jukyo_month_confirmation.view']));
	});

	it('moves a claim ready → submitted → returned → a new version → submitted → paid, nothing edited in place', async () => {
		const { world, patientId } = await insuredSeptember(db());
		await sign(world, patientId, ['2027-09-08', '2027-09-15']);
		expect(await move(world, patientId, 'mark_ready', { confirm: '' })).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { confirm: 'claimStatus.error.confirm' }
		});
		const ready = await move(world, patientId, 'mark_ready');
		expect(ready).toMatchObject({ ok: true, status: 'ready' });
		expect(await move(world, patientId, 'submit', { on: '2027-09-30' })).toEqual({ ok: false, code: 'refused', reason: 'too_early' });
		expect(await move(world, patientId, 'submit', { on: '2027-10-21' })).toEqual({ ok: false, code: 'refused', reason: 'future' });
		expect(await move(world, patientId, 'pay', { on: '2027-10-05' })).toMatchObject({ ok: false, code: 'invalid' });
		expect(await move(world, patientId, 'submit', { on: '2027-10-05' })).toMatchObject({ ok: true, status: 'submitted' });
		expect(await move(world, patientId, 'return', { on: '2027-10-15', reason: ' ' })).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { reason: 'claimStatus.error.reason_required' }
		});
		expect(await move(world, patientId, 'return', { on: '2027-10-15', reason: '続柄の記載漏れ' })).toMatchObject({ ok: true, status: 'returned' });
		const corrected = await move(world, patientId, 'mark_ready');
		expect(corrected).toMatchObject({ ok: true, status: 'ready' });
		expect(await move(world, patientId, 'submit', { on: '2027-10-18' })).toMatchObject({ ok: true, status: 'submitted' });

		const versions = await db().kysely.selectFrom('jukyo_claim_version').selectAll().where('patient_id', '=', patientId).orderBy('version').execute();
		expect(versions.map((v) => [Number(v.version), v.previous_id, Number(v.claim_jpy), v.destination])).toEqual([
			[1, null, 4039, 'insurer:06130012'],
			[2, versions[0]!.id, 4039, 'insurer:06130012']
		]);
		let r = await row(world, patientId);
		expect(r).toMatchObject({ status: 'submitted', submittedOn: '2027-10-18', money: { claimJpy: 4039, paidJpy: 0, differenceJpy: 4039 } });
		expect(r.versions[0]!.events).toEqual([
			{ event: 'submitted', on: '2027-10-05', reason: '' },
			{ event: 'returned', on: '2027-10-15', reason: '続柄の記載漏れ' }
		]);

		// The returned version cannot be paid; the newest one can, in part.
		const destination = r.destination.key;
		expect(
			await recordInsurerPayment(
				db(),
				{ confirm: 'on', receivedOn: '2027-10-19', amountJpy: '2000', destination, claim: [versions[0]!.id], [`amount_${versions[0]!.id}`]: '2000' },
				world.actor,
				{ now: AFTER }
			)
		).toMatchObject({ ok: false, code: 'refused', reason: 'not_allowed' });
		expect(
			await recordInsurerPayment(
				db(),
				{ confirm: 'on', receivedOn: '2027-10-19', amountJpy: '2100', destination, claim: versions[1]!.id, [`amount_${versions[1]!.id}`]: '2000' },
				world.actor,
				{ now: AFTER }
			)
		).toEqual({ ok: false, code: 'problems', problems: [{ code: 'sum_mismatch', sumJpy: 2000 }] });
		expect(
			await recordInsurerPayment(
				db(),
				{ confirm: 'on', receivedOn: '2027-10-17', amountJpy: '2000', destination, claim: versions[1]!.id, [`amount_${versions[1]!.id}`]: '2000' },
				world.actor,
				{ now: AFTER }
			)
		).toMatchObject({ ok: false, code: 'refused', reason: 'before_submission' });
		expect(
			await recordInsurerPayment(
				db(),
				{ confirm: 'on', receivedOn: '2027-10-19', amountJpy: '2.5', destination, claim: versions[1]!.id, [`amount_${versions[1]!.id}`]: 'x' },
				world.actor,
				{ now: AFTER }
			)
		).toMatchObject({ ok: false, code: 'invalid' });
		const paid = await recordInsurerPayment(
			db(),
			{ confirm: 'on', receivedOn: '2027-10-19', amountJpy: '２，０００', destination, claim: versions[1]!.id, [`amount_${versions[1]!.id}`]: '2000' },
			world.actor,
			{ now: AFTER }
		);
		expect(paid).toMatchObject({ ok: true });
		r = await row(world, patientId);
		expect(r).toMatchObject({ status: 'paid', money: { claimJpy: 4039, paidJpy: 2000, differenceJpy: 2039 } });
		// Paid is the end.
		expect(await move(world, patientId, 'return', { on: '2027-10-20', reason: 'x' })).toEqual({ ok: false, code: 'refused', reason: 'not_allowed' });

		const audit = await db().kysely.selectFrom('audit_log').select('action').where('actor_id', '=', world.staffId).execute();
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['jukyo_claim.ready', 'jukyo_claim.submitted', 'jukyo_claim.returned', 'jukyo_insurer_payment.record', 'jukyo_claim.list'])
		);
	});

	it('freezes the form at "ready": the PDF prints it, and changed records take it back to draft before submitting', async () => {
		const { world, patientId } = await insuredSeptember(db());
		await sign(world, patientId, ['2027-09-08', '2027-09-15']);
		expect(await move(world, patientId, 'mark_ready')).toMatchObject({ ok: true });
		// A late charge after "ready": the frozen form stays what is printed, and submitting reopens it instead (issue #21).
		await chargeVisit(db(), world, patientId, '2027-09-29T01:00:00.000Z');
		const document = await claimFormDocument(db(), patientId, MONTH, 'main', world.actor, { registration: REGISTRATION });
		expect(document!.form.treatment.days).toBe(2);
		expect(await move(world, patientId, 'submit', { on: '2027-10-05' })).toEqual({ ok: false, code: 'reopened' });
		expect(await row(world, patientId)).toMatchObject({ status: 'draft', changedSinceReady: false });
		// Still blocked until the patient confirms the new date.
		expect(await move(world, patientId, 'mark_ready')).toEqual({ ok: false, code: 'refused', reason: 'blocked' });
	});

	it('still lets the desk reopen an unchanged ready claim by hand, with no reason', async () => {
		const { world, patientId } = await insuredSeptember(db());
		await sign(world, patientId, ['2027-09-08', '2027-09-15']);
		expect(await move(world, patientId, 'mark_ready')).toMatchObject({ ok: true });
		expect(await move(world, patientId, 'reopen')).toMatchObject({ ok: true, status: 'draft' });
		expect(await row(world, patientId)).toMatchObject({ status: 'draft', reopenedForChanges: null });
	});

	it('lets only the desk move claims, sign and record payments', async () => {
		const { world, patientId } = await insuredSeptember(db());
		const practitioner = await insertStaff(db(), 'practitioner');
		const actor = { type: 'staff' as const, id: practitioner.id, ip: null, requestId: null };
		expect(
			await recordMonthConfirmation(
				db(),
				patientId,
				{ month: MONTH, date: ['2027-09-08', '2027-09-15'], agree: 'on', signerKind: 'patient', signerName: 'x' },
				actor,
				{ now: IN_MONTH }
			)
		).toEqual({ ok: false, code: 'forbidden' });
		expect(
			await moveClaim(db(), { patientId, month: MONTH, kind: 'main', action: 'mark_ready', confirm: 'on' }, actor, { now: AFTER, registration: REGISTRATION })
		).toEqual({ ok: false, code: 'forbidden' });
		expect(
			await recordInsurerPayment(db(), { confirm: 'on', receivedOn: '2027-10-19', amountJpy: '0', destination: 'x', claim: crypto.randomUUID() }, actor, {
				now: AFTER
			})
		).toMatchObject({ ok: false });
		expect(
			await moveClaim(db(), { patientId: crypto.randomUUID(), month: MONTH, kind: 'main', action: 'mark_ready', confirm: 'on' }, world.actor, {
				now: AFTER,
				registration: REGISTRATION
			})
		).toEqual({ ok: false, code: 'not_found' });
		expect(await db().kysely.selectFrom('jukyo_claim_version').select('id').where('patient_id', '=', patientId).execute()).toEqual([]);
	});
});
