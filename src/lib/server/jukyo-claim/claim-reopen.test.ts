import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { SYSTEM_ACTOR } from '../audit/audit-log';
import type { BillingWorld } from '../billing/test-fixtures';
import { claimFormDocument } from './claim-drafts';
import { AFTER, boardRow, chargeVisit, moveSeptember, REGISTRATION, septemberClaim, signMonth } from './test-claim-fixtures';
import { recordInsurerPayment } from './insurer-payments';

/*
 * A ready claim whose records change goes back to draft by itself (issue #21): when the desk next
 * opens the claims page or submits, by the workflow's "reopen" step with the reason
 * "records_changed", written once however many desks look at once.
 */

describeEachDatabase('a ready claim reopened when its records change', (db) => {
	const events = async (versionId: string) =>
		(
			await db()
				.kysely.selectFrom('jukyo_claim_event')
				.select(['seq', 'event', 'on_date', 'reason'])
				.where('claim_version_id', '=', versionId)
				.orderBy('seq')
				.execute()
		).map((e) => [Number(e.seq), e.event, e.on_date, e.reason]);
	const reopenAudits = async (versionId: string) =>
		(await db().kysely.selectFrom('audit_log').select('action').where('entity_id', '=', versionId).where('action', '=', 'jukyo_claim.reopened').execute())
			.length;
	const lateCharge = (world: BillingWorld, patientId: string) => chargeVisit(db(), world, patientId, '2027-09-29T01:00:00.000Z');

	it('goes back to draft when the page is opened after a late charge, once, and says why', async () => {
		const { world, patientId, versionId } = await septemberClaim(db(), 'ready');
		expect(await boardRow(db(), world, patientId)).toMatchObject({ status: 'ready', changedSinceReady: false, reopenedForChanges: null });
		await lateCharge(world, patientId);
		const row = await boardRow(db(), world, patientId);
		expect(row).toMatchObject({ status: 'draft', changedSinceReady: false, reopenedForChanges: { on: '2027-10-20' }, money: null });
		// The patient must confirm the new date before it can be marked ready again.
		expect(row.current!.blockers).toEqual([{ code: 'signature_outdated', added: ['2027-09-29'], removed: [] }]);
		expect(row.versions.at(-1)!.events).toEqual([{ event: 'reopened', on: '2027-10-20', reason: 'records_changed' }]);
		// Opening the page again writes nothing more.
		await boardRow(db(), world, patientId);
		expect(await events(versionId)).toEqual([[1, 'reopened', '2027-10-20', 'records_changed']]);
		expect(await reopenAudits(versionId)).toBe(1);
		// The frozen version is kept; marked ready again after signing, it is a new version and the note goes.
		expect(await signMonth(db(), world, patientId, ['2027-09-08', '2027-09-15', '2027-09-29'], {}, new Date('2027-09-29T06:00:00.000Z'))).toMatchObject({
			ok: true
		});
		expect(await moveSeptember(db(), world, patientId, 'mark_ready')).toMatchObject({ ok: true, status: 'ready' });
		expect(await boardRow(db(), world, patientId)).toMatchObject({ status: 'ready', reopenedForChanges: null, versions: [{ version: 1 }, { version: 2 }] });
	});

	it('goes back to draft when the signature changes after ready', async () => {
		const { world, patientId, versionId } = await septemberClaim(db(), 'ready');
		expect(
			await signMonth(db(), world, patientId, ['2027-09-08', '2027-09-15'], {
				signerKind: 'proxy',
				signerName: '山田 太郎',
				proxyRelation: '長男',
				proxyReason: '本人が手を痛めているため'
			})
		).toMatchObject({ ok: true });
		expect(await boardRow(db(), world, patientId)).toMatchObject({ status: 'draft', reopenedForChanges: { on: '2027-10-20' } });
		expect(await events(versionId)).toEqual([[1, 'reopened', '2027-10-20', 'records_changed']]);
	});

	it('goes back to draft instead of being submitted, and the PDF printed the frozen form until then', async () => {
		const { world, patientId, versionId } = await septemberClaim(db(), 'ready');
		await lateCharge(world, patientId);
		const document = await claimFormDocument(db(), patientId, '2027-09', 'main', world.actor, { registration: REGISTRATION });
		expect(document!.form.treatment.days).toBe(2);
		expect(await moveSeptember(db(), world, patientId, 'submit', { on: '2027-10-05' })).toEqual({ ok: false, code: 'reopened' });
		expect(await events(versionId)).toEqual([[1, 'reopened', '2027-10-20', 'records_changed']]);
		expect(await boardRow(db(), world, patientId)).toMatchObject({ status: 'draft', reopenedForChanges: { on: '2027-10-20' } });
		// A second submit finds a draft: refused, nothing written.
		expect(await moveSeptember(db(), world, patientId, 'submit', { on: '2027-10-05' })).toEqual({ ok: false, code: 'refused', reason: 'not_allowed' });
		expect(await events(versionId)).toHaveLength(1);
	});

	it('leaves an unchanged ready claim, a submitted or paid claim, and a draft as they are', async () => {
		const ready = await septemberClaim(db(), 'ready');
		expect(await boardRow(db(), ready.world, ready.patientId)).toMatchObject({ status: 'ready', reopenedForChanges: null });
		expect(await events(ready.versionId)).toEqual([]);

		const submitted = await septemberClaim(db(), 'submitted');
		await lateCharge(submitted.world, submitted.patientId);
		expect(await boardRow(db(), submitted.world, submitted.patientId)).toMatchObject({ status: 'submitted', reopenedForChanges: null });
		expect((await events(submitted.versionId)).map((e) => e[1])).toEqual(['submitted']);

		const paid = await septemberClaim(db(), 'submitted');
		const payment = await recordInsurerPayment(
			db(),
			{
				confirm: 'on',
				receivedOn: '2027-10-19',
				amountJpy: '4039',
				destination: paid.destination,
				claim: paid.versionId,
				[`amount_${paid.versionId}`]: '4039'
			},
			paid.world.actor,
			{ now: AFTER }
		);
		expect(payment).toMatchObject({ ok: true });
		await lateCharge(paid.world, paid.patientId);
		expect(await boardRow(db(), paid.world, paid.patientId)).toMatchObject({ status: 'paid', reopenedForChanges: null });

		const draft = await septemberClaim(db(), 'draft');
		await lateCharge(draft.world, draft.patientId);
		expect(await boardRow(db(), draft.world, draft.patientId)).toMatchObject({ status: 'draft', reopenedForChanges: null, versions: [] });
	});

	it('is not moved by a view that names no staff member', async () => {
		const { world, patientId, versionId } = await septemberClaim(db(), 'ready');
		await lateCharge(world, patientId);
		expect(await boardRow(db(), world, patientId, SYSTEM_ACTOR)).toMatchObject({ status: 'ready', changedSinceReady: true, reopenedForChanges: null });
		expect(await events(versionId)).toEqual([]);
	});

	it('submits once when two desks submit at once, and reopens once when both find the records changed', async () => {
		const first = await septemberClaim(db(), 'ready');
		const both = await Promise.all([
			moveSeptember(db(), first.world, first.patientId, 'submit', { on: '2027-10-05' }),
			moveSeptember(db(), first.world, first.patientId, 'submit', { on: '2027-10-06' })
		]);
		expect(both.filter((r) => r.ok)).toHaveLength(1);
		expect(both.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'refused', reason: 'not_allowed' }]);
		expect((await events(first.versionId)).map((e) => e[1])).toEqual(['submitted']);

		const second = await septemberClaim(db(), 'ready');
		await lateCharge(second.world, second.patientId);
		const reopened = await Promise.all([
			moveSeptember(db(), second.world, second.patientId, 'submit', { on: '2027-10-05' }),
			moveSeptember(db(), second.world, second.patientId, 'submit', { on: '2027-10-05' })
		]);
		expect(reopened).toContainEqual({ ok: false, code: 'reopened' });
		expect(await events(second.versionId)).toEqual([[1, 'reopened', '2027-10-20', 'records_changed']]);
	});

	it('reopens once when two desks open the page at once', async () => {
		const { world, patientId, versionId } = await septemberClaim(db(), 'ready');
		await lateCharge(world, patientId);
		const rows = await Promise.all([boardRow(db(), world, patientId), boardRow(db(), world, patientId), boardRow(db(), world, patientId)]);
		for (const row of rows) expect(row).toMatchObject({ status: 'draft', reopenedForChanges: { on: '2027-10-20' } });
		expect(await events(versionId)).toEqual([[1, 'reopened', '2027-10-20', 'records_changed']]);
		expect(await reopenAudits(versionId)).toBe(1);
	});
});
