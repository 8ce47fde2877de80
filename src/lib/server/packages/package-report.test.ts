import { expect, it } from 'vitest';
import { pdfText, squashed } from '../../../../tests/support/pdf-text';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { toCsv } from '../../domain/billing/claims-csv';
import type { AuditActor } from '../audit/audit-log';
import { createChargeForAppointment } from '../billing/create-charge';
import { issueReceipt } from '../billing/issue-receipt';
import { recordPayment } from '../billing/record-payment';
import { billingWorld, insertVisit, type BillingWorld } from '../billing/test-fixtures';
import { voidCharge } from '../billing/void-charge';
import { receiptPdf } from '../documents/billing-documents';
import { recordCancellationFee } from '../cancellation-policy/record-fee';
import { saveCancellationPolicy } from '../cancellation-policy/save-policy';
import { collectCancellationFee } from '../cancellation-policy/settle-fee';
import { withTransaction } from '../db/transaction';
import { insertPatient, insertStaff } from '../outcomes/test-fixtures';
import { noShowCourseNotice } from './no-show-use';
import { packageReport, packageReportCsvRows } from './package-report';
import { savePackageSettings } from './package-settings';
import { createPackageType } from './package-types';
import { refundPackage } from './refund-package';
import { refundReceiptPdf } from './refund-receipt';
import { sellPackage } from './sell-package';
import { markVisitPackage, usePackageForVisit } from './use-package';
import { courseOutcomeOfCharge, markedCourseOfVisit } from './visit-course';

const NOW = new Date('2026-12-06T01:00:00.000Z'); // 10:00 in Tokyo
const text = (pdf: Buffer) => squashed(pdfText(pdf));

describeEachDatabase('prepaid courses: the owner’s report, the refund receipt, no-shows and warnings', (db) => {
	let world: BillingWorld;
	let owner: AuditActor;
	let typeId = '';

	async function setUp() {
		if (typeId) return;
		world = await billingWorld(db());
		owner = { type: 'staff', id: (await insertStaff(db(), 'owner')).id, ip: null, requestId: null };
		const created = await createPackageType(
			db(),
			{
				nameJa: '鍼治療 5回券',
				nameEn: 'Acupuncture, 5 visits',
				serviceIds: [world.followId],
				visitCount: '5',
				priceJpy: '25000',
				validityMonths: '6',
				familyShareable: 'on'
			},
			owner,
			{ now: NOW }
		);
		if (!created.ok) throw new Error('type not created');
		typeId = created.id;
	}

	async function newSale(patientId: string, input: Record<string, unknown> = {}, now = NOW) {
		const sold = await sellPackage(db(), patientId, { packageTypeId: typeId, amountJpy: '10000', method: 'cash', ...input }, world.actor, { now });
		if (!sold.ok) throw new Error(`sale refused: ${JSON.stringify(sold)}`);
		return sold;
	}

	/** A booked visit marked for the course, then completed and its use written at the visit's time. */
	async function useAt(patientId: string, saleId: string, startsAt: string) {
		const visit = await insertVisit(db(), world, patientId, startsAt, 'booked');
		expect(await markVisitPackage(db(), visit, saleId, world.actor, { now: NOW })).toEqual({ ok: true });
		await db().kysely.updateTable('appointment').set({ status: 'completed' }).where('id', '=', visit).execute();
		const used = await withTransaction(db(), (tx) => usePackageForVisit(tx, visit, { insured: false, chargeId: null }, world.actor, new Date(startsAt)));
		expect(used.ok).toBe(true);
		return visit;
	}

	async function rowAt(saleId: string, date: string) {
		const result = await packageReport(db(), date, owner);
		if (!result.ok) throw new Error(result.code);
		return { row: result.report.rows.find((r) => r.saleId === saleId) ?? null, report: result.report };
	}

	it('recounts the liability (前受金) at any date: before a use, after it, after the refund', async () => {
		await setUp();
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId); // 10,000 of 25,000 paid on 2026-12-06
		await useAt(patientId, sold.saleId, '2026-12-08T01:00:00.000Z');
		const refunded = await refundPackage(db(), sold.saleId, { method: 'cash' }, world.actor, { now: new Date('2026-12-20T01:00:00.000Z') });
		expect(refunded).toMatchObject({ ok: true, computation: { unusedVisits: 4, heldJpy: 5_000, feeJpy: 0, refundJpy: 5_000 } });

		expect((await rowAt(sold.saleId, '2026-12-05')).row).toBeNull();
		expect((await rowAt(sold.saleId, '2026-12-07')).row).toMatchObject({
			usedVisits: 0,
			paidJpy: 10_000,
			remainingVisits: 5,
			liabilityJpy: 10_000,
			status: 'active',
			refundedVisits: 0
		});
		expect((await rowAt(sold.saleId, '2026-12-08')).row).toMatchObject({ usedVisits: 1, remainingVisits: 4, liabilityJpy: 5_000, status: 'active' });
		expect((await rowAt(sold.saleId, '2026-12-19')).row).toMatchObject({ liabilityJpy: 5_000, refundedVisits: 0, refundedJpy: 0 });
		const after = await rowAt(sold.saleId, '2026-12-20');
		expect(after.row).toMatchObject({
			usedVisits: 1,
			refundedVisits: 4,
			refundedJpy: 5_000,
			feeJpy: 0,
			remainingVisits: 0,
			liabilityJpy: 0,
			status: 'refunded',
			validThrough: '2027-06-05',
			soldOn: '2026-12-06'
		});
		// The totals row is the sum of the rows.
		const { report } = after;
		expect(report.totals.courses).toBe(report.rows.length);
		expect(report.totals.liabilityJpy).toBe(report.rows.reduce((sum, r) => sum + r.liabilityJpy, 0));
		expect(report.totals.usedVisits).toBe(report.rows.reduce((sum, r) => sum + r.usedVisits, 0));
		const audit = await db().kysely.selectFrom('audit_log').select(['actor_id', 'detail']).where('action', '=', 'package.report_read').execute();
		expect(audit.length).toBeGreaterThanOrEqual(5);
		expect(audit.every((a) => a.actor_id === owner.id)).toBe(true);
	});

	it('counts the visits of an expired course as expired at its expiry, never as liability', async () => {
		await setUp();
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId, { amountJpy: '25000' }, new Date('2025-01-10T01:00:00.000Z')); // valid through 2025-07-09
		await useAt(patientId, sold.saleId, '2025-01-15T01:00:00.000Z');
		expect((await rowAt(sold.saleId, '2025-07-09')).row).toMatchObject({ status: 'active', liabilityJpy: 20_000 });
		// Past its day the status says expired at once; the expiry entry moves the money.
		expect((await rowAt(sold.saleId, '2025-07-10')).row).toMatchObject({ status: 'expired', remainingVisits: 4 });
	});

	it('writes the CSV with one row per course, a totals row, and formulas kept as text', async () => {
		await setUp();
		const patientId = await insertPatient(db());
		await db().kysely.updateTable('patient').set({ family_name: '=HYPERLINK("http://x")', given_name: '太郎' }).where('id', '=', patientId).execute();
		const sold = await newSale(patientId, {}, new Date('2031-03-01T01:00:00.000Z'));
		const result = await packageReport(db(), '2031-03-01', owner);
		if (!result.ok) throw new Error(result.code);
		const rows = packageReportCsvRows(result.report, 'ja', { status: (s) => s, total: '合計' });
		expect(rows).toHaveLength(result.report.rows.length + 1);
		const mine = rows[result.report.rows.findIndex((r) => r.saleId === sold.saleId)]!;
		expect(mine.slice(2, 15)).toEqual(['鍼治療 5回券', '2031-03-01', '2031-08-31', 5, 25_000, 10_000, 0, 0, 0, 0, 0, 5, 10_000]);
		const totals = rows[rows.length - 1]!;
		expect(totals[0]).toBe('合計');
		expect(totals[14]).toBe(result.report.totals.liabilityJpy);
		const csv = toCsv(['a'], rows);
		expect(csv).toContain(`"'=HYPERLINK(""http://x"") 太郎"`);
		expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
	});

	it('lets only the owner read the report, and refuses a bad date', async () => {
		await setUp();
		expect(await packageReport(db(), '2026-12-01', world.actor)).toEqual({ ok: false, code: 'forbidden' });
		expect(await packageReport(db(), '2026-12-01', { type: 'patient', id: 'p', ip: null, requestId: null })).toEqual({ ok: false, code: 'forbidden' });
		for (const bad of ['2026-02-30', 'yesterday', '2026-1-01', '1999-12-31'])
			expect(await packageReport(db(), bad, owner)).toEqual({ ok: false, code: 'invalid', fields: { date: 'packageReports.error.date' } });
		expect(await packageReport(db(), null, owner, { now: NOW })).toMatchObject({ ok: true, report: { asOf: '2026-12-06' } });
	});

	it('prints the refund receipt with the computation and the law', async () => {
		await setUp();
		await savePackageSettings(db(), { cancellationFeeJpy: '3000', documentedAverageDamageJpy: '1200' }, owner, { now: NOW });
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId, { amountJpy: '25000' });
		await useAt(patientId, sold.saleId, '2026-12-08T01:00:00.000Z');
		expect(await refundReceiptPdf(db(), patientId, sold.saleId, 'ja', world.actor)).toBeNull();
		const done = await refundPackage(db(), sold.saleId, { method: 'cash' }, world.actor, { now: new Date('2026-12-20T01:00:00.000Z') });
		expect(done).toMatchObject({
			ok: true,
			computation: { unusedVisits: 4, perVisitJpy: 5_000, unusedValueJpy: 20_000, feeJpy: 1_200, feeCappedBy: 'average_damage', refundJpy: 18_800 }
		});
		const ja = await refundReceiptPdf(db(), patientId, sold.saleId, 'ja', world.actor);
		expect(ja!.filename).toMatch(/^回数券 解約・返金明細書_.*_2026-12-20\.pdf$/);
		const jaText = text(ja!.pdf);
		for (const expected of [
			'回数券 解約・返金明細書',
			'鍼治療 5回券',
			'未使用 4回 × 1回あたり ￥5,000',
			'￥20,000',
			'− ￥1,200',
			'平均的な損害の上限',
			'返金額 ￥18,800',
			'消費者契約法 第9条第1項第1号',
			'特定商取引法',
			'現金'
		])
			expect(jaText).toContain(squashed(expected));
		const enText = text((await refundReceiptPdf(db(), patientId, sold.saleId, 'en', world.actor))!.pdf);
		for (const expected of ['4 unused visits × ¥5,000 a visit', 'Refund ¥18,800', 'Consumer Contract Act', 'Cash'])
			expect(enText).toContain(squashed(expected));
		// Another patient's address for the same sale finds nothing.
		expect(await refundReceiptPdf(db(), await insertPatient(db()), sold.saleId, 'ja', world.actor)).toBeNull();
		const printed = await db()
			.kysely.selectFrom('audit_log')
			.select('patient_id')
			.where('action', '=', 'package.refund_receipt_print')
			.where('entity_id', '=', sold.saleId)
			.execute();
		expect(printed).toEqual([{ patient_id: patientId }, { patient_id: patientId }]);
		await db().kysely.deleteFrom('package_settings').execute();
	});

	it('uses a visit of the marked course for a charged no-show only when the clinic says so', async () => {
		await setUp();
		const saved = await saveCancellationPolicy(db(), { freeUntilHours: '24', lateFeeJpy: '1000', noShowFeeJpy: '3000' }, owner, NOW);
		if (!saved.ok) throw new Error('no policy');
		const noShow = async (patientId: string, saleId: string, startsAt: string) => {
			const visit = await insertVisit(db(), world, patientId, startsAt, 'booked');
			expect(await markVisitPackage(db(), visit, saleId, world.actor, { now: NOW })).toEqual({ ok: true });
			await db().kysely.updateTable('appointment').set({ status: 'no_show' }).where('id', '=', visit).execute();
			const amount = await withTransaction(db(), (tx) =>
				recordCancellationFee(
					tx,
					{ id: visit, patient_id: patientId, policy_version: saved.policy.version },
					'no_show',
					3000,
					saved.policy.version,
					world.actor,
					Date.parse(startsAt)
				)
			);
			expect(amount).toBe(3000);
			const fee = await db().kysely.selectFrom('cancellation_fee').select('id').where('appointment_id', '=', visit).executeTakeFirstOrThrow();
			const notice = await noShowCourseNotice(db(), fee.id);
			const collected = await collectCancellationFee(db(), fee.id, { method: 'cash' }, world.actor, { now: new Date('2026-12-15T01:00:00.000Z') });
			if (!collected.ok || !collected.chargeId) throw new Error('not collected');
			const charge = await db().kysely.selectFrom('charge').select(['due_jpy']).where('id', '=', collected.chargeId).executeTakeFirstOrThrow();
			const line = await db()
				.kysely.selectFrom('charge_line')
				.select(['name_ja', 'amount_jpy'])
				.where('charge_id', '=', collected.chargeId)
				.executeTakeFirstOrThrow();
			const uses = await db().kysely.selectFrom('package_entry').select('id').where('charge_id', '=', collected.chargeId).where('kind', '=', 'use').execute();
			const paid = await db().kysely.selectFrom('payment').select('amount_jpy').where('charge_id', '=', collected.chargeId).execute();
			return { notice, due: Number(charge.due_jpy), line, uses: uses.length, paid: paid.map((p) => Number(p.amount_jpy)), chargeId: collected.chargeId };
		};
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId, { amountJpy: '25000' });

		// Setting off: the fee is money, the course untouched.
		const off = await noShow(patientId, sold.saleId, '2026-12-09T01:00:00.000Z');
		expect(off).toMatchObject({ notice: null, due: 3000, uses: 0, paid: [3000] });

		// Setting on: the no-show uses visit 1 of 5 instead, and its charge names it.
		expect(await savePackageSettings(db(), { cancellationFeeJpy: '0', noShowUsesVisit: 'on' }, owner, { now: NOW })).toEqual({ ok: true });
		const on = await noShow(patientId, sold.saleId, '2026-12-10T01:00:00.000Z');
		expect(on).toMatchObject({ notice: { covers: true, visitNumber: 1, visitCount: 5 }, due: 0, uses: 1, paid: [] });
		expect(on.line.name_ja).toContain('鍼治療 5回券 1/5回目・残り4回');
		expect(await courseOutcomeOfCharge(db(), on.chargeId)).toMatchObject({ used: true, saleId: sold.saleId });
		// Voiding the no-show's charge gives the visit back, and the charge no longer claims it.
		expect(await voidCharge(db(), on.chargeId, { reason: '誤って会計' }, world.actor, { now: new Date('2026-12-15T02:00:00.000Z') })).toMatchObject({
			ok: true
		});
		expect(await courseOutcomeOfCharge(db(), on.chargeId)).toBeNull();
		expect(await db().kysely.selectFrom('package_entry').select('kind').where('charge_id', '=', on.chargeId).orderBy('entry_number').execute()).toEqual([
			{ kind: 'use' },
			{ kind: 'reinstate' }
		]);

		// Setting on, but the course does not cover the no-show any more (it was used up): money again.
		const last = await newSale(patientId, { amountJpy: '25000' });
		const spare = await insertVisit(db(), world, patientId, '2026-12-11T01:00:00.000Z', 'booked');
		expect(await markVisitPackage(db(), spare, last.saleId, world.actor, { now: NOW })).toEqual({ ok: true });
		for (const day of ['12', '13', '14', '16', '17']) await useAt(patientId, last.saleId, `2026-12-${day}T01:00:00.000Z`);
		await db().kysely.updateTable('appointment').set({ status: 'no_show' }).where('id', '=', spare).execute();
		await withTransaction(db(), (tx) =>
			recordCancellationFee(
				tx,
				{ id: spare, patient_id: patientId, policy_version: saved.policy.version },
				'no_show',
				3000,
				saved.policy.version,
				world.actor,
				NOW.getTime()
			)
		);
		const fee = await db().kysely.selectFrom('cancellation_fee').select('id').where('appointment_id', '=', spare).executeTakeFirstOrThrow();
		expect(await noShowCourseNotice(db(), fee.id)).toMatchObject({ covers: false, reason: 'none_left' });
		const collected = await collectCancellationFee(db(), fee.id, { method: 'cash' }, world.actor, { now: new Date('2026-12-18T01:00:00.000Z') });
		if (!collected.ok) throw new Error('not collected');
		expect(Number((await db().kysely.selectFrom('charge').select('due_jpy').where('id', '=', collected.chargeId!).executeTakeFirstOrThrow()).due_jpy)).toBe(
			3000
		);
		await db().kysely.deleteFrom('package_settings').execute();
	});

	it('warns the desk before charging when the marked course no longer covers the visit, and says so on the charge', async () => {
		await setUp();
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId, { amountJpy: '25000' }); // valid through 2027-06-05

		// Covered: the desk is told which visit of the course it will be.
		const covered = await insertVisit(db(), world, patientId, '2026-12-08T01:00:00.000Z', 'booked');
		await markVisitPackage(db(), covered, sold.saleId, world.actor, { now: NOW });
		expect(await markedCourseOfVisit(db(), covered)).toMatchObject({ covers: true, visitNumber: 1, remainingAfter: 4, visitCount: 5 });
		expect(await markedCourseOfVisit(db(), covered, { insured: true })).toMatchObject({ covers: false, reason: 'insured_visit' });

		// Marked while valid, the visit later moved past the expiry: expired, with the last valid day.
		const late = await insertVisit(db(), world, patientId, '2027-06-10T01:00:00.000Z', 'completed');
		await db()
			.kysely.insertInto('appointment_package')
			.values({ appointment_id: late, package_sale_id: sold.saleId, marked_at: NOW.toISOString(), marked_by: world.staffId })
			.execute();
		expect(await markedCourseOfVisit(db(), late)).toMatchObject({ covers: false, reason: 'expired', validThrough: '2027-06-05', nameJa: '鍼治療 5回券' });
		const charged = await createChargeForAppointment(db(), late, { payer: 'self_pay' }, world.actor, { now: new Date('2027-06-10T03:00:00.000Z') });
		if (!charged.ok) throw new Error(charged.code);
		expect(charged.charge.patientDueJpy).toBe(5500);
		expect(await courseOutcomeOfCharge(db(), charged.chargeId)).toMatchObject({ used: false, covers: false, reason: 'expired', validThrough: '2027-06-05' });

		// Two visits marked for the last visit left: the second is told there is none left.
		const other = await newSale(patientId, { amountJpy: '25000' });
		for (const day of ['09', '10', '11', '12']) await useAt(patientId, other.saleId, `2026-12-${day}T01:00:00.000Z`);
		const first = await insertVisit(db(), world, patientId, '2026-12-15T01:00:00.000Z', 'booked');
		const second = await insertVisit(db(), world, patientId, '2026-12-16T01:00:00.000Z', 'booked');
		await markVisitPackage(db(), first, other.saleId, world.actor, { now: NOW });
		await markVisitPackage(db(), second, other.saleId, world.actor, { now: NOW });
		await db().kysely.updateTable('appointment').set({ status: 'completed' }).where('id', 'in', [first, second]).execute();
		const usedLast = await createChargeForAppointment(db(), first, { payer: 'self_pay', addOnServiceIds: [world.moxaId] }, world.actor, {
			now: new Date('2026-12-15T03:00:00.000Z')
		});
		if (!usedLast.ok) throw new Error(usedLast.code);
		expect(usedLast.charge.patientDueJpy).toBe(1100);
		expect(await courseOutcomeOfCharge(db(), usedLast.chargeId)).toMatchObject({ used: true, saleId: other.saleId });
		// The receipt (領収書) of the add-on paid says the course paid the visit, and what is left.
		await recordPayment(db(), usedLast.chargeId, { method: 'cash', amountJpy: 1100 }, world.actor, { now: new Date('2026-12-15T03:00:00.000Z') });
		const issued = await issueReceipt(db(), usedLast.chargeId, world.actor, { now: new Date('2026-12-15T03:00:00.000Z') });
		if (!issued.ok) throw new Error(issued.code);
		expect(text((await receiptPdf(db(), issued.receipt.id, 'ja', world.actor))!.pdf)).toContain(
			squashed('回数券のご利用：再診（鍼治療）（鍼治療 5回券 5/5回目・残り0回・有効期限 2027-06-05）')
		);
		expect(text((await receiptPdf(db(), issued.receipt.id, 'en', world.actor))!.pdf)).toContain(
			squashed('Paid by prepaid package: Follow-up treatment (Acupuncture, 5 visits, visit 5 of 5, 0 left')
		);
		expect(await markedCourseOfVisit(db(), second)).toMatchObject({ covers: false, reason: 'none_left' });
		const full = await createChargeForAppointment(db(), second, { payer: 'self_pay' }, world.actor, { now: new Date('2026-12-16T03:00:00.000Z') });
		if (!full.ok) throw new Error(full.code);
		expect(full.charge.patientDueJpy).toBe(5500);
		expect(await courseOutcomeOfCharge(db(), full.chargeId)).toMatchObject({ used: false, reason: 'none_left' });
		// A visit with no course marked says nothing.
		const plain = await insertVisit(db(), world, patientId, '2026-12-17T01:00:00.000Z', 'completed');
		expect(await markedCourseOfVisit(db(), plain)).toBeNull();
	});
});
