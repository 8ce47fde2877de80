import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { packageState } from '../../domain/packages/ledger';
import type { AuditActor } from '../audit/audit-log';
import { billingWorld, insertVisit, type BillingWorld } from '../billing/test-fixtures';
import { createChargeForAppointment } from '../billing/create-charge';
import { withTransaction } from '../db/transaction';
import { insertPatient, insertStaff } from '../outcomes/test-fixtures';
import { loadPackage } from './package-repository';
import { createPackageType } from './package-types';
import { chooseVisitCourse, listOnlineOffer, listPortalPackages, visitCourses } from './portal-packages';
import { sellPackage } from './sell-package';
import { markVisitPackage, usePackageForVisit } from './use-package';

const NOW = new Date('2026-12-06T01:00:00.000Z'); // 10:00 in Tokyo
const VISIT = '2026-12-08T01:00:00.000Z';
const patient = (id: string): AuditActor => ({ type: 'patient', id, ip: null, requestId: null });

describeEachDatabase('the patient side of prepaid courses', (db) => {
	let world: BillingWorld;
	let owner: AuditActor;
	let typeId = '';
	let otherServiceId = '';

	async function newSale(patientId: string, input: Record<string, unknown> = {}) {
		const sold = await sellPackage(db(), patientId, { packageTypeId: typeId, amountJpy: '10,000', method: 'cash', ...input }, world.actor, { now: NOW });
		if (!sold.ok) throw new Error(`sale refused: ${JSON.stringify(sold)}`);
		return sold;
	}

	async function useOn(patientId: string, saleId: string, startsAt: string) {
		const visit = await insertVisit(db(), world, patientId, startsAt, 'booked');
		expect(await markVisitPackage(db(), visit, saleId, world.actor, { now: NOW })).toEqual({ ok: true });
		await db().kysely.updateTable('appointment').set({ status: 'completed' }).where('id', '=', visit).execute();
		const used = await withTransaction(db(), (tx) => usePackageForVisit(tx, visit, { insured: false, chargeId: null }, world.actor, new Date(startsAt)));
		expect(used).toMatchObject({ ok: true });
	}

	it('sets up a clinic with a course offered online and one that is not', async () => {
		world = await billingWorld(db());
		owner = { type: 'staff', id: (await insertStaff(db(), 'owner')).id, ip: null, requestId: null };
		const created = await createPackageType(
			db(),
			{
				nameJa: '鍼治療 5回券',
				nameEn: 'Acupuncture, 5 visits',
				serviceIds: [world.followId],
				visitCount: '5',
				priceJpy: '25,000',
				validityMonths: '6',
				familyShareable: 'on',
				soldOnline: 'on'
			},
			owner,
			{ now: NOW }
		);
		if (!created.ok) throw new Error('not created');
		typeId = created.id;
		expect(
			await createPackageType(
				db(),
				{ nameJa: '店頭のみ 3回券', nameEn: 'Desk only, 3 visits', serviceIds: [world.followId], visitCount: '3', priceJpy: '15000', validityMonths: '3' },
				owner,
				{ now: NOW }
			)
		).toMatchObject({ ok: true });
		const offer = await listOnlineOffer(db());
		expect(offer).toEqual([
			{
				id: typeId,
				nameJa: '鍼治療 5回券',
				nameEn: 'Acupuncture, 5 visits',
				visitCount: 5,
				priceJpy: 25_000,
				validityMonths: 6,
				familyShareable: true,
				services: [{ ja: '再診（鍼治療）', en: 'Follow-up treatment' }]
			}
		]);
		otherServiceId = world.moxaId;
	});

	it('shows the holder their course, their uses and the money; a family member only their own uses', async () => {
		const holder = await insertPatient(db());
		const child = await insertPatient(db());
		const stranger = await insertPatient(db());
		const sold = await newSale(holder, { familyPatientIds: [child] });
		await useOn(holder, sold.saleId, VISIT);
		await useOn(child, sold.saleId, '2026-12-10T01:00:00.000Z');
		await useOn(holder, sold.saleId, '2026-12-12T01:00:00.000Z');

		const mine = await listPortalPackages(db(), holder, patient(holder), { now: NOW });
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({
			saleId: sold.saleId,
			holder: true,
			remainingVisits: 2,
			visitCount: 5,
			validThrough: '2027-06-05',
			status: 'active',
			otherUses: 1,
			money: { priceJpy: 25_000, paidJpy: 10_000, balanceDueJpy: 15_000 }
		});
		expect(mine[0]!.ownUses).toEqual([
			{ visitNumber: 1, date: '2026-12-08' },
			{ visitNumber: 3, date: '2026-12-12' }
		]);

		const theirs = await listPortalPackages(db(), child, patient(child), { now: NOW });
		expect(theirs[0]).toMatchObject({ holder: false, remainingVisits: 2, otherUses: 2, money: null });
		expect(theirs[0]!.ownUses).toEqual([{ visitNumber: 2, date: '2026-12-10' }]);
		// Nothing of the holder's visits (dates, appointments, names) reaches the member.
		expect(JSON.stringify(theirs)).not.toContain('2026-12-08');
		expect(JSON.stringify(theirs)).not.toContain(holder);

		expect(await listPortalPackages(db(), stranger, patient(stranger), { now: NOW })).toEqual([]);
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'patient_id'])
			.where('action', '=', 'package.portal_read')
			.where('patient_id', '=', child)
			.execute();
		expect(audit).toHaveLength(1);
	});

	it('shows visits past the expiry day as expired, before and after the daily job writes them', async () => {
		const holder = await insertPatient(db());
		const sold = await newSale(holder);
		await useOn(holder, sold.saleId, VISIT);
		const after = new Date('2027-06-07T01:00:00.000Z');
		const list = await listPortalPackages(db(), holder, patient(holder), { now: after });
		expect(list[0]).toMatchObject({ status: 'expired', remainingVisits: 0, expiredVisits: 4, ownUses: [{ visitNumber: 1, date: '2026-12-08' }] });
	});

	it('offers a booked visit only the courses checkUse allows, and lets the patient choose one', async () => {
		const holder = await insertPatient(db());
		const child = await insertPatient(db());
		const sold = await newSale(holder, { familyPatientIds: [child] });
		const usedUp = await newSale(holder, { amountJpy: '25000' });
		for (const [i, day] of ['09', '10', '11', '14', '15'].entries()) await useOn(holder, usedUp.saleId, `2026-12-${day}T0${i}:00:00.000Z`);
		const visit = await insertVisit(db(), world, child, '2026-12-20T01:00:00.000Z', 'booked');

		const courses = await visitCourses(db(), visit, child, patient(child), { now: NOW });
		expect(courses).toMatchObject({ open: true, marked: null, choices: [{ saleId: sold.saleId, remainingVisits: 5, validThrough: '2027-06-05' }] });
		// The holder's used-up course is not the child's, and is used up anyway: never offered.
		expect(await visitCourses(db(), visit, holder, patient(holder), { now: NOW })).toBeNull();

		expect(await chooseVisitCourse(db(), visit, sold.saleId, patient(child), { now: NOW })).toBe('saved');
		expect(await visitCourses(db(), visit, child, patient(child), { now: NOW })).toMatchObject({ marked: { saleId: sold.saleId, covers: true } });
		const mark = await db().kysely.selectFrom('appointment_package').selectAll().where('appointment_id', '=', visit).executeTakeFirstOrThrow();
		expect(mark).toMatchObject({ package_sale_id: sold.saleId, marked_by: null });
		// Nothing is taken at booking.
		let pkg = (await loadPackage(db(), sold.saleId))!;
		expect(packageState(pkg.terms, pkg.entries).usedVisits).toBe(0);

		// A used-up course, someone else's course, an unknown id: refused, and the mark stays.
		const holderVisit = await insertVisit(db(), world, holder, '2026-12-21T01:00:00.000Z', 'booked');
		expect(await chooseVisitCourse(db(), holderVisit, usedUp.saleId, patient(holder), { now: NOW })).toBe('refused');
		const strangerSale = await newSale(await insertPatient(db()));
		expect(await chooseVisitCourse(db(), visit, strangerSale.saleId, patient(child), { now: NOW })).toBe('refused');
		expect(await chooseVisitCourse(db(), visit, 'no-such-sale', patient(child), { now: NOW })).toBe('refused');
		expect(await chooseVisitCourse(db(), visit, 'x'.repeat(65), patient(child), { now: NOW })).toBe('refused');
		expect((await visitCourses(db(), visit, child, patient(child), { now: NOW }))!.marked?.saleId).toBe(sold.saleId);

		// Clearing the mark.
		expect(await chooseVisitCourse(db(), visit, '', patient(child), { now: NOW })).toBe('saved');
		expect((await visitCourses(db(), visit, child, patient(child), { now: NOW }))!.marked).toBeNull();
		pkg = (await loadPackage(db(), sold.saleId))!;
		expect(packageState(pkg.terms, pkg.entries).usedVisits).toBe(0);
	});

	it("never lets a patient see or mark another patient's visit", async () => {
		const a = await insertPatient(db());
		const b = await insertPatient(db());
		const saleB = await newSale(b);
		const visitB = await insertVisit(db(), world, b, '2026-12-20T01:00:00.000Z', 'booked');
		expect(await visitCourses(db(), visitB, a, patient(a), { now: NOW })).toBeNull();
		expect(await chooseVisitCourse(db(), visitB, saleB.saleId, patient(a), { now: NOW })).toBe('not_found');
		expect(await chooseVisitCourse(db(), visitB, '', patient(a), { now: NOW })).toBe('not_found');
		expect(await markVisitPackage(db(), visitB, saleB.saleId, patient(a), { now: NOW })).toEqual({ ok: false, code: 'not_found' });
		expect(await db().kysely.selectFrom('appointment_package').select('appointment_id').where('appointment_id', '=', visitB).execute()).toEqual([]);
		expect(await markVisitPackage(db(), visitB, saleB.saleId, { type: 'anonymous', id: null, ip: null, requestId: null })).toEqual({
			ok: false,
			code: 'forbidden'
		});
	});

	it('closes the choice to the patient once the visit began or is no longer booked; the desk may still mark an arrived visit', async () => {
		const p = await insertPatient(db());
		const sold = await newSale(p);
		const visit = await insertVisit(db(), world, p, VISIT, 'booked');
		const during = new Date(Date.parse(VISIT) + 60_000);
		expect(await chooseVisitCourse(db(), visit, sold.saleId, patient(p), { now: during })).toBe('not_open');
		expect(await visitCourses(db(), visit, p, patient(p), { now: during })).toMatchObject({ open: false });
		await db().kysely.updateTable('appointment').set({ status: 'arrived' }).where('id', '=', visit).execute();
		expect(await chooseVisitCourse(db(), visit, sold.saleId, patient(p), { now: NOW })).toBe('not_open');
		expect(await visitCourses(db(), visit, p, world.actor, { now: during })).toMatchObject({ open: true });
		expect(await chooseVisitCourse(db(), visit, sold.saleId, world.actor, { now: during })).toBe('saved');
		const cancelled = await insertVisit(db(), world, p, '2026-12-22T01:00:00.000Z', 'cancelled');
		expect(await chooseVisitCourse(db(), cancelled, sold.saleId, patient(p), { now: NOW })).toBe('not_open');
	});

	it('does not offer a course for a service it does not cover', async () => {
		const p = await insertPatient(db());
		await newSale(p);
		const visit = await insertVisit(db(), world, p, '2026-12-20T01:00:00.000Z', 'booked');
		await db().kysely.updateTable('appointment').set({ service_id: otherServiceId }).where('id', '=', visit).execute();
		expect(await visitCourses(db(), visit, p, patient(p), { now: NOW })).toMatchObject({ choices: [], marked: null });
	});

	it('never uses a course the patient chose when the visit is charged to insurance', async () => {
		const p = await insertPatient(db());
		const sold = await newSale(p, { amountJpy: '25000' });
		const visit = await insertVisit(db(), world, p, '2026-12-15T01:00:00.000Z', 'booked');
		expect(await chooseVisitCourse(db(), visit, sold.saleId, patient(p), { now: NOW })).toBe('saved');
		await db().kysely.updateTable('appointment').set({ status: 'completed' }).where('id', '=', visit).execute();
		await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: '30' }, world.actor, { now: new Date('2026-12-15T02:00:00.000Z') });
		const pkg = (await loadPackage(db(), sold.saleId))!;
		expect(packageState(pkg.terms, pkg.entries).usedVisits).toBe(0);
		expect(await withTransaction(db(), (tx) => usePackageForVisit(tx, visit, { insured: true, chargeId: null }, world.actor, NOW))).toEqual({
			ok: false,
			code: 'insured_visit'
		});
	});

	it('uses the course the patient chose when the visit is charged self-pay; a cancelled booking took nothing', async () => {
		const p = await insertPatient(db());
		const sold = await newSale(p, { amountJpy: '25000' });
		const cancelledVisit = await insertVisit(db(), world, p, '2026-12-14T01:00:00.000Z', 'booked');
		expect(await chooseVisitCourse(db(), cancelledVisit, sold.saleId, patient(p), { now: NOW })).toBe('saved');
		await db().kysely.updateTable('appointment').set({ status: 'cancelled' }).where('id', '=', cancelledVisit).execute();
		const visit = await insertVisit(db(), world, p, '2026-12-15T01:00:00.000Z', 'booked');
		expect(await chooseVisitCourse(db(), visit, sold.saleId, patient(p), { now: NOW })).toBe('saved');
		await db().kysely.updateTable('appointment').set({ status: 'completed' }).where('id', '=', visit).execute();
		const charged = await createChargeForAppointment(db(), visit, { payer: 'self_pay' }, world.actor, { now: new Date('2026-12-15T02:00:00.000Z') });
		expect(charged).toMatchObject({ ok: true, charge: { patientDueJpy: 0 } });
		const pkg = (await loadPackage(db(), sold.saleId))!;
		expect(packageState(pkg.terms, pkg.entries)).toMatchObject({ usedVisits: 1, remainingVisits: 4 });
		const list = await listPortalPackages(db(), p, patient(p), { now: new Date('2026-12-16T01:00:00.000Z') });
		expect(list[0]).toMatchObject({ remainingVisits: 4, ownUses: [{ visitNumber: 1, date: '2026-12-15' }] });
	});
});
