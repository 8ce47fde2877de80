import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { packageState } from '../../domain/packages/ledger';
import type { AuditActor } from '../audit/audit-log';
import { createChargeForAppointment } from '../billing/create-charge';
import { recordPayment } from '../billing/record-payment';
import { billingWorld, insertVisit, type BillingWorld } from '../billing/test-fixtures';
import { voidCharge } from '../billing/void-charge';
import { insertPatient, insertStaff } from '../outcomes/test-fixtures';
import { expirePackages } from './expire-packages';
import { listPatientPlans } from './monthly-desk';
import { renewPlan, renewPlans, startPlan, stopPlan } from './monthly-plans';
import { createPlanType, listPlanTypes, updatePlanType } from './monthly-types';
import { markVisitPlan } from './monthly-use';
import { loadPackage } from './package-repository';
import { listPackageTypes, retirePackageType } from './package-types';
import { refundPackage } from './refund-package';
import { sellPackage } from './sell-package';
import { markVisitPackage } from './use-package';
import { runPackageDaily } from './package-daily';

const NOW = new Date('2026-12-06T01:00:00.000Z'); // 10:00 in Tokyo, 6 December
const JAN = new Date('2027-01-01T00:30:00.000Z'); // 09:30 on 1 January
const FEB = new Date('2027-02-01T00:30:00.000Z');

describeEachDatabase('monthly plans (月額)', (db) => {
	let world: BillingWorld;
	let owner: AuditActor;
	let typeId = '';
	const typeInput = () => ({
		nameJa: '鍼灸月額プラン',
		nameEn: 'Monthly acupuncture',
		serviceIds: [world.followId],
		visitsPerMonth: '4',
		monthlyPriceJpy: '¥20,000',
		carryOver: 'on',
		renewalDay: '1',
		familyShareable: 'on'
	});

	async function start(patientId: string, input: Record<string, unknown> = {}) {
		const started = await startPlan(db(), patientId, { packageTypeId: typeId, amountJpy: '20000', method: 'cash', ...input }, world.actor, { now: NOW });
		if (!started.ok) throw new Error(`plan refused: ${JSON.stringify(started)}`);
		return started;
	}

	async function chargeVisit(patientId: string, planId: string, startsAt: string) {
		const visit = await insertVisit(db(), world, patientId, startsAt, 'booked');
		expect(await markVisitPlan(db(), visit, planId, world.actor, { now: NOW })).toEqual({ ok: true });
		await db().kysely.updateTable('appointment').set({ status: 'completed' }).where('id', '=', visit).execute();
		const charged = await createChargeForAppointment(db(), visit, { payer: 'self_pay', addOnServiceIds: [] }, world.actor, {
			now: new Date(Date.parse(startsAt) + 3_600_000)
		});
		if (!charged.ok) throw new Error(`not charged: ${JSON.stringify(charged)}`);
		const line = await db()
			.kysely.selectFrom('charge_line')
			.select(['name_ja', 'name_en', 'amount_jpy'])
			.where('charge_id', '=', charged.chargeId)
			.where('kind', '=', 'service')
			.executeTakeFirstOrThrow();
		return { visit, chargeId: charged.chargeId, line };
	}

	async function remaining(saleId: string) {
		const pkg = (await loadPackage(db(), saleId))!;
		return packageState(pkg.terms, pkg.entries);
	}

	it('lets the owner set up a plan type, kept apart from the courses', async () => {
		world = await billingWorld(db());
		owner = { type: 'staff', id: (await insertStaff(db(), 'owner')).id, ip: null, requestId: null };
		expect(await createPlanType(db(), typeInput(), world.actor)).toEqual({ ok: false, code: 'forbidden' });
		const bad = await createPlanType(db(), { ...typeInput(), visitsPerMonth: '0', renewalDay: '31', monthlyPriceJpy: '1.5' }, owner);
		expect(bad).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { visitsPerMonth: 'packagePlans.error.visitsPerMonth', renewalDay: 'packagePlans.error.renewalDay', monthlyPriceJpy: 'packages.error.price' }
		});
		const created = await createPlanType(db(), typeInput(), owner, { now: NOW });
		if (!created.ok) throw new Error('not created');
		typeId = created.id;
		expect(await listPlanTypes(db())).toEqual([
			expect.objectContaining({ id: typeId, visitsPerMonth: 4, monthlyPriceJpy: 20_000, carryOver: true, renewalDay: 1, familyShareable: true })
		]);
		// Never listed, sold or edited as a course.
		expect((await listPackageTypes(db(), { includeRetired: true })).some((t) => t.id === typeId)).toBe(false);
		const patientId = await insertPatient(db());
		expect(await sellPackage(db(), patientId, { packageTypeId: typeId }, world.actor, { now: NOW })).toMatchObject({ ok: false, code: 'invalid' });
	});

	it('starts a plan: the first month is a self-pay charge with a part payment, tax as billing computes it', async () => {
		const patientId = await insertPatient(db());
		const started = await start(patientId, { amountJpy: '5,000' });
		const charge = await db().kysely.selectFrom('charge').selectAll().where('id', '=', started.chargeId).executeTakeFirstOrThrow();
		expect(charge).toMatchObject({
			payer: 'self_pay',
			appointment_id: null,
			due_jpy: 20_000,
			tax_rate_percent: 10,
			consumption_tax_jpy: 1_818,
			service_date: '2026-12-06'
		});
		const line = await db().kysely.selectFrom('charge_line').select(['name_ja', 'name_en']).where('charge_id', '=', started.chargeId).executeTakeFirstOrThrow();
		expect(line).toEqual({ name_ja: '鍼灸月額プラン 2026年12月分', name_en: 'Monthly acupuncture for December 2026' });
		const pkg = (await loadPackage(db(), started.saleId))!;
		expect(pkg.sale).toMatchObject({ sold_on: '2026-12-06', expires_on: '2027-02-01', visit_count: 4 });
		expect(pkg.holder.validFrom).toBe('2026-12-01');
		expect(await remaining(started.saleId)).toMatchObject({ remainingVisits: 4, paidJpy: 5_000, balanceDueJpy: 15_000, liabilityJpy: 5_000 });
		// The rest is paid at billing's desk.
		expect(await recordPayment(db(), started.chargeId, { amountJpy: '15000', method: 'card' }, world.actor, { now: NOW })).toMatchObject({ ok: true });
		expect(await remaining(started.saleId)).toMatchObject({ balanceDueJpy: 0, liabilityJpy: 20_000 });
		expect(await startPlan(db(), patientId, { packageTypeId: typeId }, world.actor, { now: NOW })).toEqual({ ok: false, code: 'already_active' });
		expect(await startPlan(db(), patientId, { packageTypeId: typeId, startOn: '2026-11-30' }, world.actor, { now: NOW })).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { startOn: 'packagePlans.error.startOn' }
		});
	});

	it('keeps a started plan’s terms when the owner changes or retires the type', async () => {
		const patientId = await insertPatient(db());
		const started = await start(patientId);
		expect(await updatePlanType(db(), typeId, { ...typeInput(), visitsPerMonth: '8', monthlyPriceJpy: '30000', carryOver: '' }, owner)).toEqual({
			ok: true,
			id: typeId
		});
		expect(await renewPlans(db(), { now: JAN })).toContain(
			(
				await db()
					.kysely.selectFrom('package_plan_period')
					.select('package_sale_id')
					.where('plan_id', '=', started.planId)
					.where('period_start', '=', '2027-01-01')
					.executeTakeFirstOrThrow()
			).package_sale_id
		);
		const january = await db()
			.kysely.selectFrom('package_plan_period')
			.innerJoin('package_sale', 'package_sale.id', 'package_plan_period.package_sale_id')
			.select(['visit_count', 'price_jpy', 'expires_on'])
			.where('plan_id', '=', started.planId)
			.where('period_start', '=', '2027-01-01')
			.executeTakeFirstOrThrow();
		expect(january).toMatchObject({ visit_count: 4, expires_on: '2027-03-01' });
		expect(Number(january.price_jpy)).toBe(20_000);
		await expect(db().kysely.updateTable('package_plan').set({ monthly_price_jpy: 1 }).where('id', '=', started.planId).execute()).rejects.toThrow();
		await expect(db().kysely.deleteFrom('package_plan_period').where('plan_id', '=', started.planId).execute()).rejects.toThrow();
		expect(await updatePlanType(db(), typeId, typeInput(), owner)).toEqual({ ok: true, id: typeId });
	});

	it('uses the month on a self-pay charge and prints the month, the visit and what is left on the receipt line', async () => {
		const patientId = await insertPatient(db());
		const started = await start(patientId);
		const first = await chargeVisit(patientId, started.planId, '2026-12-08T01:00:00.000Z');
		expect(first.line).toMatchObject({ name_ja: '再診（鍼治療）（鍼灸月額プラン 12月 1/4回、残り3回）', amount_jpy: 0 });
		const second = await chargeVisit(patientId, started.planId, '2026-12-15T01:00:00.000Z');
		expect(second.line.name_ja).toContain('12月 2/4回、残り2回');
		expect(second.line.name_en).toContain('December: visit 2/4, 2 left');
		expect(await remaining(started.saleId)).toMatchObject({ usedVisits: 2, remainingVisits: 2, liabilityJpy: 10_000 });
		// A voided visit charge gives its visit back to its month.
		expect(await voidCharge(db(), second.chargeId, { reason: 'mistake' }, world.actor, { now: new Date('2026-12-15T03:00:00.000Z') })).toMatchObject({
			ok: true
		});
		expect(await remaining(started.saleId)).toMatchObject({ usedVisits: 1, remainingVisits: 3 });
		expect((await listPatientPlans(db(), patientId, { now: NOW }))[0]).toMatchObject({
			planId: started.planId,
			remainingToday: 3,
			nextRenewalOn: '2027-01-01'
		});
	});

	it('carries unused visits one month only, and uses them first', async () => {
		const patientId = await insertPatient(db());
		const started = await start(patientId);
		await chargeVisit(patientId, started.planId, '2026-12-08T01:00:00.000Z');
		expect((await renewPlans(db(), { now: JAN })).length).toBeGreaterThan(0);
		const janSale = (
			await db()
				.kysely.selectFrom('package_plan_period')
				.select('package_sale_id')
				.where('plan_id', '=', started.planId)
				.where('period_start', '=', '2027-01-01')
				.executeTakeFirstOrThrow()
		).package_sale_id;
		const carried = await chargeVisit(patientId, started.planId, '2027-01-10T01:00:00.000Z');
		expect(carried.line.name_ja).toContain('12月分の繰越 2/4回、残り6回');
		expect(await remaining(started.saleId)).toMatchObject({ remainingVisits: 2 });
		expect(await remaining(janSale)).toMatchObject({ remainingVisits: 4 });
		// On 1 February December's two are expired (kept in the ledger), January's carry into February.
		await renewPlans(db(), { now: FEB });
		expect(await expirePackages(db(), { now: FEB })).toContain(started.saleId);
		expect(await remaining(started.saleId)).toMatchObject({ expiredVisits: 2, remainingVisits: 0, liabilityJpy: 0, status: 'expired' });
		const feb = await chargeVisit(patientId, started.planId, '2027-02-03T01:00:00.000Z');
		expect(feb.line.name_ja).toContain('1月分の繰越 1/4回、残り7回');
	});

	it('never takes next month’s visits and never renews a stopped plan; the month sold stays usable', async () => {
		const patientId = await insertPatient(db());
		const started = await start(patientId, { startOn: '2027-01-05' });
		// Started ahead: the first month is January; a December visit is not covered.
		const visit = await insertVisit(db(), world, patientId, '2026-12-20T01:00:00.000Z', 'booked');
		expect(await markVisitPlan(db(), visit, started.planId, world.actor, { now: NOW })).toEqual({ ok: false, code: 'not_active' });
		expect(await markVisitPackage(db(), visit, started.saleId, world.actor, { now: NOW })).toEqual({ ok: false, code: 'not_active' });
		expect(await renewPlan(db(), started.planId, world.actor, { now: JAN })).toEqual({ ok: false, code: 'nothing_due' });
		expect(await stopPlan(db(), started.planId, world.actor, { now: JAN })).toEqual({ ok: true, stoppedOn: '2027-01-01' });
		expect(await stopPlan(db(), started.planId, world.actor, { now: JAN })).toEqual({ ok: false, code: 'already_stopped' });
		const used = await chargeVisit(patientId, started.planId, '2027-01-10T01:00:00.000Z');
		expect(used.line.amount_jpy).toBe(0);
		expect(await renewPlans(db(), { now: FEB })).not.toContain(started.saleId);
		expect(await db().kysely.selectFrom('package_plan_period').select('period_start').where('plan_id', '=', started.planId).execute()).toEqual([
			{ period_start: '2027-01-01' }
		]);
		// A month to come cannot be marked once stopped.
		const later = await insertVisit(db(), world, patientId, '2027-03-10T01:00:00.000Z', 'booked');
		expect(await markVisitPlan(db(), later, started.planId, world.actor, { now: FEB })).toEqual({ ok: false, code: 'not_active' });
	});

	it('renews once per month from the daily job, again or at the desk', async () => {
		const patientId = await insertPatient(db());
		const started = await start(patientId, { amountJpy: '' });
		await runPackageDaily(db(), 'https://clinic.example.jp', JAN);
		await runPackageDaily(db(), 'https://clinic.example.jp', new Date(JAN.getTime() + 60_000));
		expect(await renewPlan(db(), started.planId, world.actor, { now: JAN })).toEqual({ ok: false, code: 'nothing_due' });
		const periods = await db()
			.kysely.selectFrom('package_plan_period')
			.select('period_start')
			.where('plan_id', '=', started.planId)
			.orderBy('period_start')
			.execute();
		expect(periods).toEqual([{ period_start: '2026-12-01' }, { period_start: '2027-01-01' }]);
		// Two runs at once (two instances): the month is sold once.
		const racing = await start(await insertPatient(db()));
		await Promise.all([renewPlans(db(), { now: JAN }), renewPlans(db(), { now: JAN })]);
		expect(
			await db().kysely.selectFrom('package_plan_period').select('period_start').where('plan_id', '=', racing.planId).orderBy('period_start').execute()
		).toEqual([{ period_start: '2026-12-01' }, { period_start: '2027-01-01' }]);
		const other = await start(await insertPatient(db()));
		const desk = await renewPlan(db(), other.planId, world.actor, { now: FEB });
		expect(desk).toMatchObject({ ok: true });
		// A type retired stops new plans, never running ones.
		expect(await retirePackageType(db(), typeId, owner)).toMatchObject({ ok: true });
		expect(await startPlan(db(), await insertPatient(db()), { packageTypeId: typeId }, world.actor, { now: NOW })).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { packageTypeId: 'packagePlans.error.planType' }
		});
		await db().kysely.updateTable('package_type').set({ retired_at: null }).where('id', '=', typeId).execute();
	});

	it('refunds the unused visits of a paid month by the course rule', async () => {
		const patientId = await insertPatient(db());
		const started = await start(patientId);
		await chargeVisit(patientId, started.planId, '2026-12-08T01:00:00.000Z');
		const refunded = await refundPackage(db(), started.saleId, { method: 'cash' }, world.actor, { now: new Date('2026-12-09T01:00:00.000Z') });
		expect(refunded).toMatchObject({ ok: true, computation: { unusedVisits: 3, unusedValueJpy: 15_000, feeJpy: 0, refundJpy: 15_000 } });
		expect(await remaining(started.saleId)).toMatchObject({ status: 'refunded', liabilityJpy: 0, remainingVisits: 0 });
	});
});
