import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { packageState } from '../../domain/packages/ledger';
import type { AuditActor } from '../audit/audit-log';
import { billingWorld, insertVisit, type BillingWorld } from '../billing/test-fixtures';
import { insertPatient, insertStaff } from '../outcomes/test-fixtures';
import { expirePackages } from './expire-packages';
import { loadPackage, packageIdsForPatient } from './package-repository';
import { createPackageType, listPackageTypes, retirePackageType, updatePackageType } from './package-types';
import { quotePackageRefund, refundPackage } from './refund-package';
import { sellPackage } from './sell-package';
import { markVisitPackage, usePackageForVisit } from './use-package';
import { savePackageSettings } from './package-settings';
import { listPatientPackages } from './patient-packages';
import { packageDaySummary } from './day-summary';
import { exportPatientData } from '../portal/export-patient-data';
import { runPackageDaily, schedulePackageDaily, sendExpiryNotices } from './package-daily';
import { withTransaction } from '../db/transaction';
import { createChargeForAppointment } from '../billing/create-charge';
import { voidCharge } from '../billing/void-charge';
import { recordPayment, recordRefund } from '../billing/record-payment';

const NOW = new Date('2026-12-06T01:00:00.000Z'); // 10:00 in Tokyo
const VISIT = '2026-12-08T01:00:00.000Z';

describeEachDatabase('prepaid courses (回数券)', (db) => {
	let world: BillingWorld;
	let owner: AuditActor;
	let typeId = '';

	async function newSale(patientId: string, input: Record<string, unknown> = {}) {
		const sold = await sellPackage(db(), patientId, { packageTypeId: typeId, amountJpy: '10,000', method: 'cash', ...input }, world.actor, { now: NOW });
		if (!sold.ok) throw new Error(`sale refused: ${JSON.stringify(sold)}`);
		return sold;
	}

	async function completeWithPackage(patientId: string, saleId: string, startsAt = VISIT, insured = false) {
		const visit = await insertVisit(db(), world, patientId, startsAt, 'booked');
		const marked = await markVisitPackage(db(), visit, saleId, world.actor, { now: NOW });
		expect(marked).toEqual({ ok: true });
		await db().kysely.updateTable('appointment').set({ status: 'completed' }).where('id', '=', visit).execute();
		return withTransaction(db(), (tx) => usePackageForVisit(tx, visit, { insured, chargeId: null }, world.actor, new Date(startsAt)));
	}

	it('lets the owner set up a type, and nobody else', async () => {
		world = await billingWorld(db());
		owner = { type: 'staff', id: (await insertStaff(db(), 'owner')).id, ip: null, requestId: null };
		const input = {
			nameJa: '鍼治療 5回券',
			nameEn: 'Acupuncture, 5 visits',
			serviceIds: [world.followId],
			visitCount: '5',
			priceJpy: '25,000',
			validityMonths: '6',
			familyShareable: 'on'
		};
		expect(await createPackageType(db(), input, world.actor)).toEqual({ ok: false, code: 'forbidden' });
		const created = await createPackageType(db(), input, owner, { now: NOW });
		if (!created.ok) throw new Error('not created');
		typeId = created.id;
		expect((await listPackageTypes(db())).find((t) => t.id === typeId)).toMatchObject({
			visitCount: 5,
			priceJpy: 25_000,
			familyShareable: true,
			soldOnline: false
		});
	});

	it('refuses a type with bad fields or an add-on as its service, with field codes', async () => {
		const bad = await createPackageType(db(), { nameJa: '', nameEn: 'x', serviceIds: [], visitCount: '0', priceJpy: '1.5', validityMonths: '99' }, owner);
		expect(bad).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: {
				nameJa: 'packages.error.required',
				serviceIds: 'packages.error.services',
				visitCount: 'packages.error.visitCount',
				priceJpy: 'packages.error.price',
				validityMonths: 'packages.error.validityMonths'
			}
		});
		const addOn = await createPackageType(
			db(),
			{ nameJa: 'お灸', nameEn: 'Moxa', serviceIds: [world.moxaId], visitCount: '5', priceJpy: '5000', validityMonths: '6' },
			owner
		);
		expect(addOn).toMatchObject({ ok: false, code: 'invalid', fields: { serviceIds: 'packages.error.services' } });
	});

	it('sells a course as a self-pay charge with a part payment, tax as billing computes it', async () => {
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId);
		const charge = await db().kysely.selectFrom('charge').selectAll().where('id', '=', sold.chargeId).executeTakeFirstOrThrow();
		expect(charge).toMatchObject({
			payer: 'self_pay',
			appointment_id: null,
			due_jpy: 25_000,
			tax_rate_percent: 10,
			consumption_tax_jpy: 2_272,
			service_date: '2026-12-06'
		});
		const pkg = (await loadPackage(db(), sold.saleId))!;
		expect(pkg.sale).toMatchObject({ sold_on: '2026-12-06', expires_on: '2027-06-06', visit_count: 5 });
		expect(packageState(pkg.terms, pkg.entries)).toMatchObject({
			remainingVisits: 5,
			paidJpy: 10_000,
			balanceDueJpy: 15_000,
			liabilityJpy: 10_000,
			status: 'active'
		});
		expect(await packageIdsForPatient(db(), patientId)).toEqual([sold.saleId]);
	});

	it('keeps what was sold when the owner changes or retires the type', async () => {
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId);
		expect(
			await updatePackageType(
				db(),
				typeId,
				{
					nameJa: '鍼治療 5回券',
					nameEn: 'Acupuncture, 5 visits',
					serviceIds: [world.followId],
					visitCount: '6',
					priceJpy: '27000',
					validityMonths: '3',
					familyShareable: 'on'
				},
				owner
			)
		).toMatchObject({ ok: true });
		const pkg = (await loadPackage(db(), sold.saleId))!;
		expect(pkg.terms).toMatchObject({ visitCount: 5, priceJpy: 25_000, validityMonths: 6 });
		await expect(db().kysely.updateTable('package_sale').set({ price_jpy: 1 }).where('id', '=', sold.saleId).execute()).rejects.toThrow();
		await expect(db().kysely.deleteFrom('package_sale').where('id', '=', sold.saleId).execute()).rejects.toThrow();
		await updatePackageType(
			db(),
			typeId,
			{
				nameJa: '鍼治療 5回券',
				nameEn: 'Acupuncture, 5 visits',
				serviceIds: [world.followId],
				visitCount: '5',
				priceJpy: '25000',
				validityMonths: '6',
				familyShareable: 'on'
			},
			owner
		);
	});

	it('uses a visit on completion, numbering it, and refuses an insured visit or a stranger', async () => {
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId);
		expect(await completeWithPackage(patientId, sold.saleId)).toMatchObject({
			ok: true,
			use: { visitNumber: 1, visitCount: 5, remainingVisits: 4, expiresOn: '2027-06-06' }
		});
		expect(await completeWithPackage(patientId, sold.saleId, '2026-12-15T01:00:00.000Z')).toMatchObject({
			ok: true,
			use: { visitNumber: 2, remainingVisits: 3 }
		});
		expect(await completeWithPackage(patientId, sold.saleId, '2026-12-22T01:00:00.000Z', true)).toEqual({ ok: false, code: 'insured_visit' });
		const stranger = await insertPatient(db());
		const visit = await insertVisit(db(), world, stranger, VISIT, 'booked');
		expect(await markVisitPackage(db(), visit, sold.saleId, world.actor, { now: NOW })).toEqual({ ok: false, code: 'not_allowed_user' });
		const rows = await db()
			.kysely.selectFrom('package_entry')
			.select(['kind', 'sequence', 'entry_number'])
			.where('package_sale_id', '=', sold.saleId)
			.orderBy('entry_number')
			.execute();
		expect(rows).toEqual([
			{ kind: 'use', sequence: 1, entry_number: 1 },
			{ kind: 'use', sequence: 2, entry_number: 2 }
		]);
		await expect(db().kysely.deleteFrom('package_entry').where('package_sale_id', '=', sold.saleId).execute()).rejects.toThrow();
		await expect(db().kysely.updateTable('package_entry').set({ visits: 0 }).where('package_sale_id', '=', sold.saleId).execute()).rejects.toThrow();
	});

	it('uses a visit once when the same visit is charged again', async () => {
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId);
		const visit = await insertVisit(db(), world, patientId, VISIT, 'booked');
		await markVisitPackage(db(), visit, sold.saleId, world.actor, { now: NOW });
		const first = await withTransaction(db(), (tx) => usePackageForVisit(tx, visit, { insured: false, chargeId: null }, world.actor, new Date(VISIT)));
		const again = await withTransaction(db(), (tx) => usePackageForVisit(tx, visit, { insured: false, chargeId: null }, world.actor, new Date(VISIT)));
		expect(again).toEqual(first);
		expect(packageState((await loadPackage(db(), sold.saleId))!.terms, (await loadPackage(db(), sold.saleId))!.entries).remainingVisits).toBe(4);
	});

	it('charges a marked visit through the course: the line prints the course, visit number, visits left and expiry', async () => {
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId, { amountJpy: '25000' });
		await completeWithPackage(patientId, sold.saleId);
		const visit = await insertVisit(db(), world, patientId, '2026-12-15T01:00:00.000Z', 'booked');
		await markVisitPackage(db(), visit, sold.saleId, world.actor, { now: NOW });
		await db().kysely.updateTable('appointment').set({ status: 'completed' }).where('id', '=', visit).execute();
		const charged = await createChargeForAppointment(db(), visit, { payer: 'self_pay', addOnServiceIds: [world.moxaId] }, world.actor, {
			now: new Date('2026-12-15T02:00:00.000Z')
		});
		if (!charged.ok) throw new Error(`not charged: ${JSON.stringify(charged)}`);
		const lines = await db()
			.kysely.selectFrom('charge_line')
			.select(['kind', 'name_ja', 'name_en', 'amount_jpy'])
			.where('charge_id', '=', charged.chargeId)
			.orderBy('position')
			.execute();
		expect(lines[0]).toMatchObject({
			kind: 'service',
			amount_jpy: 0,
			name_ja: expect.stringContaining('鍼治療 5回券 2/5回目・残り3回・有効期限 2027-06-05') as string,
			name_en: expect.stringContaining('visit 2 of 5, 3 left, valid until 2027-06-05') as string
		});
		expect(lines[1]).toMatchObject({ kind: 'add_on', amount_jpy: 1_100 });
		expect(charged.charge.patientDueJpy).toBe(1_100);
		let pkg = (await loadPackage(db(), sold.saleId))!;
		expect(packageState(pkg.terms, pkg.entries)).toMatchObject({ usedVisits: 2, remainingVisits: 3 });
		expect(await voidCharge(db(), charged.chargeId, { reason: '誤って会計' }, world.actor, { now: new Date('2026-12-15T03:00:00.000Z') })).toMatchObject({
			ok: true
		});
		pkg = (await loadPackage(db(), sold.saleId))!;
		expect(packageState(pkg.terms, pkg.entries)).toMatchObject({ usedVisits: 1, remainingVisits: 4 });
	});

	it('charges an insured visit without using the course', async () => {
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId, { amountJpy: '25000' });
		const visit = await insertVisit(db(), world, patientId, '2026-12-15T01:00:00.000Z', 'booked');
		await markVisitPackage(db(), visit, sold.saleId, world.actor, { now: NOW });
		await db().kysely.updateTable('appointment').set({ status: 'completed' }).where('id', '=', visit).execute();
		await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: '30' }, world.actor, { now: new Date('2026-12-15T02:00:00.000Z') });
		const pkg = (await loadPackage(db(), sold.saleId))!;
		expect(packageState(pkg.terms, pkg.entries).usedVisits).toBe(0);
	});

	it('lets a named family member use a shareable course, and says who used it', async () => {
		const holder = await insertPatient(db());
		const child = await insertPatient(db());
		const sold = await newSale(holder, { familyPatientIds: [child] });
		expect(await completeWithPackage(child, sold.saleId)).toMatchObject({ ok: true, use: { visitNumber: 1 } });
		const use = await db().kysely.selectFrom('package_entry').select('patient_id').where('package_sale_id', '=', sold.saleId).executeTakeFirstOrThrow();
		expect(use.patient_id).toBe(child);
		expect(await packageIdsForPatient(db(), child)).toEqual([sold.saleId]);
	});

	it('refunds the visits left at the price paid, minus the capped fee, in the ledger and in billing', async () => {
		await db()
			.kysely.insertInto('package_settings')
			.values({
				clinic_id: 'clinic-fuji-wellness',
				cancellation_fee_jpy: 2_000,
				documented_average_damage_jpy: 1_000,
				no_show_uses_visit: 0,
				updated_at: NOW.toISOString(),
				updated_by: null
			})
			.execute();
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId, { amountJpy: '25000' });
		await completeWithPackage(patientId, sold.saleId);
		await completeWithPackage(patientId, sold.saleId, '2026-12-15T01:00:00.000Z');
		const quote = await quotePackageRefund(db(), sold.saleId, world.actor, { now: new Date('2026-12-20T01:00:00.000Z') });
		expect(quote).toMatchObject({
			ok: true,
			computation: { unusedVisits: 3, unusedValueJpy: 15_000, feeJpy: 1_000, feeCappedBy: 'average_damage', refundJpy: 14_000 }
		});
		const done = await refundPackage(db(), sold.saleId, { method: 'cash' }, world.actor, { now: new Date('2026-12-20T01:00:00.000Z') });
		expect(done).toMatchObject({ ok: true, computation: { refundJpy: 14_000 } });
		const refund = await db()
			.kysely.selectFrom('payment')
			.select(['kind', 'amount_jpy', 'method'])
			.where('charge_id', '=', sold.chargeId)
			.where('kind', '=', 'refund')
			.execute();
		expect(refund).toEqual([{ kind: 'refund', amount_jpy: 14_000, method: 'cash' }]);
		const pkg = (await loadPackage(db(), sold.saleId))!;
		expect(packageState(pkg.terms, pkg.entries)).toMatchObject({ status: 'refunded', remainingVisits: 0, liabilityJpy: 0, returnedJpy: 14_000 });
		expect(await refundPackage(db(), sold.saleId, { method: 'cash' }, world.actor, { now: new Date('2026-12-21T01:00:00.000Z') })).toEqual({
			ok: false,
			code: 'nothing_to_refund'
		});
		expect(await refundPackage(db(), sold.saleId, { method: 'gold' }, world.actor)).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { method: 'packages.error.method' }
		});
		// Billing's own refund and payment forms stay closed to the course's charge.
		expect(await recordRefund(db(), sold.chargeId, { method: 'cash', amountJpy: '100', reason: 'x' }, world.actor)).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { _: 'packages.error.refundOnPackagePage' }
		});
		expect(await recordPayment(db(), sold.chargeId, { method: 'cash', amountJpy: '100' }, world.actor)).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { _: 'packages.error.refundedPackage' }
		});
		await db().kysely.deleteFrom('package_settings').execute();
	});

	it('refuses to refund by a method the money did not come in', async () => {
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId, { amountJpy: '25000', method: 'card' });
		expect(await refundPackage(db(), sold.saleId, { method: 'cash' }, world.actor, { now: NOW })).toEqual({ ok: false, code: 'refund_exceeds_paid' });
		expect(await db().kysely.selectFrom('package_entry').select('id').where('package_sale_id', '=', sold.saleId).execute()).toEqual([]);
	});

	it('writes the expiry of a course past its day once, keeping the visits as expired', async () => {
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId, { amountJpy: '25000' });
		await completeWithPackage(patientId, sold.saleId);
		const later = new Date('2027-06-06T00:00:00.000Z'); // 09:00 in Tokyo on the expiry day
		expect(await expirePackages(db(), { now: later })).toContain(sold.saleId);
		expect(await expirePackages(db(), { now: later })).not.toContain(sold.saleId);
		const pkg = (await loadPackage(db(), sold.saleId))!;
		expect(packageState(pkg.terms, pkg.entries)).toMatchObject({ status: 'expired', expiredVisits: 4, usedVisits: 1, liabilityJpy: 0 });
	});

	it('retires a type: no longer sold, still valid where sold', async () => {
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId);
		expect(await retirePackageType(db(), typeId, owner)).toMatchObject({ ok: true });
		expect(await sellPackage(db(), patientId, { packageTypeId: typeId }, world.actor)).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { packageTypeId: 'packages.error.packageType' }
		});
		expect(await completeWithPackage(patientId, sold.saleId)).toMatchObject({ ok: true, use: { visitNumber: 1 } });
	});

	it('lets only the owner save the refund settings, and shows the desk each course with its refund quote', async () => {
		expect(await savePackageSettings(db(), { cancellationFeeJpy: '500', documentedAverageDamageJpy: '' }, world.actor)).toEqual({
			ok: false,
			code: 'forbidden'
		});
		expect(await savePackageSettings(db(), { cancellationFeeJpy: '-1' }, owner)).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { cancellationFeeJpy: 'packages.error.amount' }
		});
		expect(await savePackageSettings(db(), { cancellationFeeJpy: '500', documentedAverageDamageJpy: '800' }, owner, { now: NOW })).toEqual({ ok: true });
		const patientId = await insertPatient(db());
		await updatePackageType(
			db(),
			typeId,
			{
				nameJa: '鍼治療 5回券',
				nameEn: 'Acupuncture, 5 visits',
				serviceIds: [world.followId],
				visitCount: '5',
				priceJpy: '25000',
				validityMonths: '6',
				familyShareable: 'on'
			},
			owner
		);
		await db().kysely.updateTable('package_type').set({ retired_at: null }).where('id', '=', typeId).execute();
		const sold = await newSale(patientId, { amountJpy: '25000' });
		await completeWithPackage(patientId, sold.saleId);
		const [view] = await listPatientPackages(db(), patientId, world.actor, { now: NOW });
		expect(view).toMatchObject({
			saleId: sold.saleId,
			remainingVisits: 4,
			validThrough: '2027-06-05',
			liabilityJpy: 20_000,
			status: 'active',
			refundQuote: { feeJpy: 500, refundJpy: 19_500 }
		});
		expect(view!.uses).toEqual([expect.objectContaining({ visitNumber: 1, patientId })]);
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select('action')
			.where('patient_id', '=', patientId)
			.where('action', '=', 'package.list_read')
			.execute();
		expect(audit).toHaveLength(1);
		await db().kysely.deleteFrom('package_settings').execute();
	});

	it('separates the package sales, money and uses of a day for the day-end', async () => {
		const day = { from: '2030-01-07T15:00:00.000Z', to: '2030-01-08T15:00:00.000Z' };
		const at = new Date('2030-01-08T01:00:00.000Z');
		const before = await packageDaySummary(db(), day.from, day.to);
		const patientId = await insertPatient(db());
		const sold = await sellPackage(db(), patientId, { packageTypeId: typeId, amountJpy: '20000', method: 'card' }, world.actor, { now: at });
		if (!sold.ok) throw new Error('not sold');
		const visit = await insertVisit(db(), world, patientId, '2030-01-08T02:00:00.000Z', 'booked');
		await markVisitPackage(db(), visit, sold.saleId, world.actor, { now: at });
		await withTransaction(db(), (tx) => usePackageForVisit(tx, visit, { insured: false, chargeId: null }, world.actor, new Date('2030-01-08T03:00:00.000Z')));
		const after = await packageDaySummary(db(), day.from, day.to);
		expect({
			sales: after.sales - before.sales,
			soldJpy: after.soldJpy - before.soldJpy,
			receivedJpy: after.receivedJpy - before.receivedJpy,
			visitsUsed: after.visitsUsed - before.visitsUsed
		}).toEqual({ sales: 1, soldJpy: 25_000, receivedJpy: 20_000, visitsUsed: 1 });
	});

	it("puts a course in the holder's download, and only their own uses in a family member's", async () => {
		const holder = await insertPatient(db());
		const child = await insertPatient(db());
		const sold = await newSale(holder, { familyPatientIds: [child] });
		await completeWithPackage(child, sold.saleId);
		await completeWithPackage(holder, sold.saleId, '2026-12-15T01:00:00.000Z');
		const patientActor = (id: string): AuditActor => ({ type: 'patient', id, ip: null, requestId: null });
		const mine = await exportPatientData(db(), holder, patientActor(holder), NOW);
		expect(mine!.packages).toEqual([
			expect.objectContaining({ priceJpy: 25_000, paidJpy: 10_000, remainingVisits: 3, uses: [expect.objectContaining({ visitNumber: 2 })] })
		]);
		const theirs = await exportPatientData(db(), child, patientActor(child), NOW);
		expect(theirs!.packages).toEqual([expect.objectContaining({ sharedWithMe: true, uses: [expect.objectContaining({ visitNumber: 1 })] })]);
		expect(theirs!.packages[0]).not.toHaveProperty('paidJpy');
	});

	it('sends a notice a missed daily run skipped with the next run, once', async () => {
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId); // valid through 2027-06-05
		const notice = (iso: string) => sendExpiryNotices(db(), 'https://clinic.example.jp', new Date(iso));
		// No run on 05-06 (30 days before): the run 5 days later still tells the holder, once.
		expect(await notice('2027-05-11T01:00:00.000Z')).toContain(sold.saleId);
		expect(await notice('2027-05-11T01:00:00.000Z')).not.toContain(sold.saleId);
		// Runs missed for the whole last week but the last valid day: the 7-day notice goes then.
		expect(await notice('2027-06-05T01:00:00.000Z')).toContain(sold.saleId);
		expect(await notice('2027-06-06T01:00:00.000Z')).not.toContain(sold.saleId);
		const notices = await db()
			.kysely.selectFrom('package_notice')
			.select(['days_before', 'sent_at'])
			.where('package_sale_id', '=', sold.saleId)
			.orderBy('sent_at')
			.execute();
		expect(notices).toEqual([
			{ days_before: 30, sent_at: '2027-05-11T01:00:00.000Z' },
			{ days_before: 7, sent_at: '2027-06-05T01:00:00.000Z' }
		]);
	});

	it('tells the holder 30 and 7 days before the last valid day, and queues its own next run', async () => {
		const patientId = await insertPatient(db());
		const sold = await newSale(patientId); // valid through 2027-06-05
		const notice = (iso: string) => sendExpiryNotices(db(), 'https://clinic.example.jp', new Date(iso));
		expect(await notice('2027-05-06T01:00:00.000Z')).toContain(sold.saleId);
		expect(await notice('2027-05-07T01:00:00.000Z')).not.toContain(sold.saleId);
		expect(await notice('2027-05-29T01:00:00.000Z')).toContain(sold.saleId);
		expect(await notice('2027-05-30T01:00:00.000Z')).not.toContain(sold.saleId);
		const notices = await db()
			.kysely.selectFrom('package_notice')
			.select('days_before')
			.where('package_sale_id', '=', sold.saleId)
			.orderBy('days_before')
			.execute();
		expect(notices.map((n) => n.days_before)).toEqual([7, 30]);
		await schedulePackageDaily(db(), new Date('2027-05-29T01:00:00.000Z'));
		await schedulePackageDaily(db(), new Date('2027-05-29T01:00:00.000Z'));
		const queued = await db().kysely.selectFrom('job').select('id').where('kind', '=', 'packages.daily').execute();
		expect(queued).toHaveLength(1);
		const ran = await runPackageDaily(db(), 'https://clinic.example.jp', new Date('2027-06-06T01:00:00.000Z'));
		expect(ran.expired).toContain(sold.saleId);
		expect(await db().kysely.selectFrom('job').select('id').where('id', '=', 'packages.daily:2027-06-07').execute()).toHaveLength(1);
	});
});
