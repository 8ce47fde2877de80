import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { Db } from '../db/database';
import { getCharge } from './charge-view';
import { endDoctorTreatment, recordDoctorTreatment } from '../jukyo/doctor-treatment';
import { createChargeForAppointment } from './create-charge';
import { dayEndSummary } from './day-end-summary';
import { recordDoctorConsent } from './doctor-consent';
import { recordPayment, recordRefund } from './record-payment';
import { billingWorld, checkEligibility, CONSENT_INPUT, insertSession, insertVisit, insuredPatient, type BillingWorld } from './test-fixtures';
import { voidCharge } from './void-charge';

const NOW = new Date('2028-06-01T03:00:00.000Z');

async function consentFor(db: Db, world: BillingWorld, patientId: string, signedOn: string, firstTreatmentOn?: string) {
	const recorded = await recordDoctorConsent(db, patientId, { ...CONSENT_INPUT, signedOn, firstTreatmentOn }, world.actor, { now: NOW });
	if (!recorded.ok) throw new Error(recorded.code);
	return recorded.id;
}

async function selfPayCharge(db: Db, world: BillingWorld) {
	const patientId = await insuredPatient(db);
	const appointmentId = await insertVisit(db, world, patientId, '2027-11-02T01:00:00.000Z');
	const created = await createChargeForAppointment(db, appointmentId, { payer: 'self_pay' }, world.actor, { now: NOW });
	if (!created.ok) throw new Error(created.code);
	return { patientId, appointmentId, chargeId: created.chargeId };
}

describeEachDatabase('charges and payments', (db) => {
	describe('charging a visit', () => {
		it('charges a self-pay visit with its add-on, keeping the names and the tax as charged', async () => {
			const world = await billingWorld(db());
			const patientId = await insuredPatient(db());
			const appointmentId = await insertVisit(db(), world, patientId, '2027-11-02T01:00:00.000Z');
			const created = await createChargeForAppointment(db(), appointmentId, { payer: 'self_pay', addOnServiceIds: [world.moxaId] }, world.actor, { now: NOW });
			expect(created).toMatchObject({
				ok: true,
				consentId: null,
				charge: { payer: 'self_pay', selfPayJpy: 6600, consumptionTaxJpy: 600, patientDueJpy: 6600 }
			});
			const view = await getCharge(db(), created.ok ? created.chargeId : '', world.actor);
			expect(view?.lines.map((l) => [l.kind, l.nameJa, l.amountJpy, l.taxable])).toEqual([
				['service', '再診（鍼治療）', 5500, true],
				['add_on', 'お灸（追加）', 1100, true]
			]);
			expect(view).toMatchObject({ serviceDate: '2027-11-02', chargedJpy: 6600, ledger: { balanceJpy: 6600 } });
			const audit = await db()
				.kysely.selectFrom('audit_log')
				.select(['action', 'patient_id'])
				.where('entity_id', '=', created.ok ? created.chargeId : '')
				.execute();
			expect(audit).toEqual([{ action: 'charge.create', patient_id: patientId }]);
		});

		it('charges insurance under a consent, starts its period on the first visit, and takes 初検料 only then', async () => {
			const world = await billingWorld(db());
			const patientId = await insuredPatient(db());
			const consentId = await consentFor(db(), world, patientId, '2027-09-10');
			const checkId = await checkEligibility(db(), world, patientId, '2027-09-16');
			const first = await insertVisit(db(), world, patientId, '2027-09-16T01:00:00.000Z');
			expect(await createChargeForAppointment(db(), first, { payer: 'insurance', sharePercent: '30' }, world.actor, { now: NOW })).toMatchObject({
				ok: true,
				consentId,
				consentPeriodStarted: true,
				charge: { insurance: { feeTotalJpy: 3560, patientShareJpy: 1068, insurerClaimJpy: 2492 }, patientDueJpy: 1068 }
			});
			const consent = await db()
				.kysely.selectFrom('doctor_consent')
				.select(['first_treatment_on', 'expires_on'])
				.where('id', '=', consentId)
				.executeTakeFirstOrThrow();
			expect(consent).toEqual({ first_treatment_on: '2027-09-16', expires_on: '2028-03-31' });
			// The charge's card is the one the month's eligibility check gave, linked to it.
			expect(
				await db()
					.kysely.selectFrom('charge_insurance_card as card')
					.innerJoin('charge', 'charge.id', 'card.charge_id')
					.select(['card.insurer_number', 'card.eligibility_check_id'])
					.where('charge.appointment_id', '=', first)
					.executeTakeFirst()
			).toEqual({ insurer_number: '06130012', eligibility_check_id: checkId });

			// A new card that month (9割給付): the newest check gives the share.
			await checkEligibility(db(), world, patientId, '2027-09-23', { benefitPercent: 90 });
			const second = await insertVisit(db(), world, patientId, '2027-09-23T01:00:00.000Z');
			await insertSession(
				db(),
				patientId,
				second,
				{ electroacupuncture: { pairs: 2, frequencyHz: 2, minutes: 15 }, moxibustion: { type: 'indirect', cones: 3 }, cupping: null },
				8
			);
			const again = await createChargeForAppointment(db(), second, { payer: 'insurance', sharePercent: 10 }, world.actor, { now: NOW });
			expect(again.ok && again.charge.lines.map((l) => l.code)).toEqual(['treatment_combined', 'electro']);
			expect(again).toMatchObject({ consentPeriodStarted: false, charge: { insurance: { feeTotalJpy: 1870, patientShareJpy: 187 } } });
			const names = await db()
				.kysely.selectFrom('charge_line')
				.select(['name_ja', 'name_en'])
				.where('charge_id', '=', again.ok ? again.chargeId : '')
				.orderBy('position')
				.execute();
			expect(names[0]).toEqual({ name_ja: '施術料（2術）', name_en: 'Treatment fee (needling and moxibustion)' });
		});

		it('refuses an insured 2術 charge when the treating practitioner lacks きゅう師, storing nothing, and charges 1術 (docs/clinical-rules.md §6)', async () => {
			const world = await billingWorld(db());
			const patientId = await insuredPatient(db());
			await consentFor(db(), world, patientId, '2027-09-10', '2027-09-16');
			await checkEligibility(db(), world, patientId, '2027-09-23');
			const visit = await insertVisit(db(), world, patientId, '2027-09-23T01:00:00.000Z');
			await insertSession(db(), patientId, visit, { electroacupuncture: null, moxibustion: { type: 'indirect', cones: 3 }, cupping: null }, 6, {
				licences: { hari: true, kyu: false }
			});
			expect(await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: '30' }, world.actor, { now: NOW })).toEqual({
				ok: false,
				code: 'licence_refused',
				reason: 'needs_hari_and_kyu'
			});
			expect(
				await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: '30', arts: 'combined' }, world.actor, { now: NOW })
			).toMatchObject({ code: 'licence_refused' });
			expect(await db().kysely.selectFrom('charge').select('id').where('appointment_id', '=', visit).execute()).toEqual([]);
			const refused = await db()
				.kysely.selectFrom('audit_log')
				.select('detail')
				.where('entity_id', '=', visit)
				.where('action', '=', 'charge.refused')
				.execute();
			expect(refused.map((r) => JSON.parse(r.detail!).reason)).toEqual(['needs_hari_and_kyu', 'needs_hari_and_kyu']);
			const single = await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: '30', arts: 'single' }, world.actor, { now: NOW });
			expect(single.ok && single.charge.lines.map((l) => l.code)).toEqual(['initial_exam_single', 'treatment_single']);
		});

		it('judges a 2術 charge without a session by the booked practitioner’s licences', async () => {
			const world = await billingWorld(db());
			await db().kysely.updateTable('practitioner').set({ kyu_licence: null }).where('id', '=', world.practitionerId).execute();
			const patientId = await insuredPatient(db());
			await consentFor(db(), world, patientId, '2027-09-10', '2027-09-16');
			await checkEligibility(db(), world, patientId, '2027-09-23');
			const visit = await insertVisit(db(), world, patientId, '2027-09-23T01:00:00.000Z');
			expect(
				await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: '30', arts: 'combined' }, world.actor, { now: NOW })
			).toMatchObject({ code: 'licence_refused', reason: 'needs_hari_and_kyu' });
			await db().kysely.updateTable('practitioner').set({ kyu_licence: '第2号' }).where('id', '=', world.practitionerId).execute();
			expect(
				await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: '30', arts: 'combined' }, world.actor, { now: NOW })
			).toMatchObject({ ok: true });
		});

		it('refuses insurance after the consent expired, with the reason and the self-pay price, and stores nothing', async () => {
			const world = await billingWorld(db());
			const patientId = await insuredPatient(db());
			await consentFor(db(), world, patientId, '2027-09-01', '2027-09-16'); // until 2028-03-31
			await checkEligibility(db(), world, patientId, '2028-03-02');
			await checkEligibility(db(), world, patientId, '2028-04-01');
			const onExpiryDay = await insertVisit(db(), world, patientId, '2028-03-31T09:00:00.000Z'); // 18:00 in Tokyo, still the 31st
			expect(await createChargeForAppointment(db(), onExpiryDay, { payer: 'insurance', sharePercent: '30' }, world.actor, { now: NOW })).toMatchObject({
				ok: true
			});
			const dayAfter = await insertVisit(db(), world, patientId, '2028-03-31T15:00:00.000Z'); // 00:00 on April 1st in Tokyo
			const refused = await createChargeForAppointment(db(), dayAfter, { payer: 'insurance', sharePercent: '30', addOnServiceIds: world.moxaId }, world.actor, {
				now: NOW
			});
			expect(refused).toMatchObject({ ok: false, code: 'insurance_refused', reason: 'consent_expired', selfPay: { payer: 'self_pay', patientDueJpy: 6600 } });
			expect(await db().kysely.selectFrom('charge').select('id').where('appointment_id', '=', dayAfter).execute()).toEqual([]);
			expect(await createChargeForAppointment(db(), dayAfter, { payer: 'self_pay', addOnServiceIds: world.moxaId }, world.actor, { now: NOW })).toMatchObject({
				ok: true,
				charge: { patientDueJpy: 6600 }
			});
		});

		it('refuses insurance without a consent, or without an eligibility check of the visit’s month that covers it', async () => {
			const world = await billingWorld(db());
			const noConsent = await insuredPatient(db());
			await checkEligibility(db(), world, noConsent, '2027-11-02');
			const visit = await insertVisit(db(), world, noConsent, '2027-11-02T01:00:00.000Z');
			expect(await createChargeForAppointment(db(), visit, { payer: 'insurance' }, world.actor, { now: NOW })).toMatchObject({
				code: 'insurance_refused',
				reason: 'no_consent'
			});
			// The card on the patient's record does not count: only the month's check does (docs/jukyo-inin.md §3).
			const unchecked = await insuredPatient(db());
			await consentFor(db(), world, unchecked, '2027-10-01');
			await checkEligibility(db(), world, unchecked, '2027-10-05');
			const november = await insertVisit(db(), world, unchecked, '2027-11-02T01:00:00.000Z');
			expect(await createChargeForAppointment(db(), november, { payer: 'insurance' }, world.actor, { now: NOW })).toMatchObject({
				code: 'insurance_refused',
				reason: 'no_eligibility_this_month',
				selfPay: { payer: 'self_pay' }
			});
			await checkEligibility(db(), world, unchecked, '2027-11-02', {
				result: 'not_confirmed',
				insuranceKind: '',
				holderKind: '',
				benefitPercent: '',
				insurerNumber: '',
				insuranceNumber: ''
			});
			expect(await createChargeForAppointment(db(), november, { payer: 'insurance' }, world.actor, { now: NOW })).toMatchObject({
				code: 'insurance_refused',
				reason: 'eligibility_not_confirmed'
			});
			const certificate = await insuredPatient(db());
			await consentFor(db(), world, certificate, '2027-10-01');
			await checkEligibility(db(), world, certificate, '2027-11-01', { method: 'eligibility_certificate', validUntil: '2027-11-01' });
			expect(
				await createChargeForAppointment(db(), await insertVisit(db(), world, certificate, '2027-11-02T01:00:00.000Z'), { payer: 'insurance' }, world.actor, {
					now: NOW
				})
			).toMatchObject({ code: 'insurance_refused', reason: 'eligibility_expired' });
			expect(await db().kysely.selectFrom('charge').select('id').where('patient_id', 'in', [noConsent, unchecked, certificate]).execute()).toEqual([]);
		});

		it('refuses insurance for a condition a doctor treats under insurance, from the day recorded, with the reason', async () => {
			const world = await billingWorld(db());
			const patientId = await insuredPatient(db());
			await consentFor(db(), world, patientId, '2027-10-01'); // neuralgia and lumbago
			await checkEligibility(db(), world, patientId, '2027-11-01');
			const recorded = await recordDoctorTreatment(db(), patientId, { condition: 'lumbago', sinceOn: '2027-11-02', note: '整形外科' }, world.actor, {
				now: NOW
			});
			expect(recorded).toMatchObject({ ok: true, treatment: { condition: 'lumbago', sinceOn: '2027-11-02', endedOn: null } });
			expect(
				await createChargeForAppointment(db(), await insertVisit(db(), world, patientId, '2027-11-01T01:00:00.000Z'), { payer: 'insurance' }, world.actor, {
					now: NOW
				})
			).toMatchObject({ ok: true });
			const visit = await insertVisit(db(), world, patientId, '2027-11-02T01:00:00.000Z');
			expect(await createChargeForAppointment(db(), visit, { payer: 'insurance' }, world.actor, { now: NOW })).toMatchObject({
				code: 'insurance_refused',
				reason: 'doctor_treats_condition'
			});
			const refused = await db()
				.kysely.selectFrom('audit_log')
				.select('detail')
				.where('entity_id', '=', visit)
				.where('action', '=', 'charge.refused')
				.execute();
			expect(refused.map((r) => JSON.parse(r.detail!).reason)).toEqual(['doctor_treats_condition']);
			// The doctor's treatment ended: insurance again from the next day.
			if (!recorded.ok) throw new Error('not recorded');
			expect(await endDoctorTreatment(db(), patientId, { treatmentId: recorded.treatment.id, endedOn: '2027-11-01' }, world.actor)).toMatchObject({
				ok: false,
				fields: { endedOn: 'jukyoRegistration.error.endedBeforeSince' }
			});
			expect(await endDoctorTreatment(db(), patientId, { treatmentId: recorded.treatment.id, endedOn: '2027-11-02' }, world.actor)).toMatchObject({ ok: true });
			expect(await createChargeForAppointment(db(), visit, { payer: 'insurance' }, world.actor, { now: NOW })).toMatchObject({
				code: 'insurance_refused',
				reason: 'doctor_treats_condition'
			});
			expect(
				await createChargeForAppointment(db(), await insertVisit(db(), world, patientId, '2027-11-03T01:00:00.000Z'), { payer: 'insurance' }, world.actor, {
					now: NOW
				})
			).toMatchObject({ ok: true });
		});

		it('charges a visit once, again only after voiding, and only a visit that took place', async () => {
			const world = await billingWorld(db());
			const { patientId, appointmentId, chargeId } = await selfPayCharge(db(), world);
			expect(await createChargeForAppointment(db(), appointmentId, { payer: 'self_pay' }, world.actor, { now: NOW })).toEqual({
				ok: false,
				code: 'already_charged',
				chargeId
			});
			expect(await voidCharge(db(), chargeId, { reason: '' }, world.actor)).toEqual({
				ok: false,
				code: 'invalid',
				fields: { reason: 'billing.error.reasonRequired' }
			});
			expect(await voidCharge(db(), chargeId, { reason: '保険で会計し直すため' }, world.actor, { now: NOW })).toEqual({ ok: true, balanceJpy: 0 });
			expect(await voidCharge(db(), chargeId, { reason: '二重' }, world.actor, { now: NOW })).toEqual({ ok: false, code: 'already_voided' });
			expect(await createChargeForAppointment(db(), appointmentId, { payer: 'self_pay' }, world.actor, { now: NOW })).toMatchObject({ ok: true });
			const booked = await insertVisit(db(), world, patientId, '2028-07-01T01:00:00.000Z', 'booked');
			expect(await createChargeForAppointment(db(), booked, { payer: 'self_pay' }, world.actor, { now: NOW })).toEqual({ ok: false, code: 'not_chargeable' });
			// An arrived visit whose day has not come (a wrong tap) is not charged either.
			const early = await insertVisit(db(), world, patientId, '2028-06-02T01:00:00.000Z', 'arrived');
			expect(await createChargeForAppointment(db(), early, { payer: 'self_pay' }, world.actor, { now: NOW })).toEqual({ ok: false, code: 'before_visit_day' });
			expect(await createChargeForAppointment(db(), early, { payer: 'self_pay' }, world.actor, { now: new Date('2028-06-01T15:00:00.000Z') })).toMatchObject({
				ok: true
			});
		});

		it('reports bad charge input by field', async () => {
			const world = await billingWorld(db());
			const patientId = await insuredPatient(db());
			await consentFor(db(), world, patientId, '2027-10-01');
			const visit = await insertVisit(db(), world, patientId, '2027-11-02T01:00:00.000Z');
			expect(await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: '15' }, world.actor, { now: NOW })).toMatchObject({
				code: 'invalid',
				fields: { sharePercent: 'billing.error.sharePercent' }
			});
			// The share comes from the month's check; a different one typed at the desk is refused,
			// and a check without a share the charge rules know (10割) needs it typed.
			await checkEligibility(db(), world, patientId, '2027-11-01');
			expect(await createChargeForAppointment(db(), visit, { payer: 'insurance', sharePercent: '20' }, world.actor, { now: NOW })).toMatchObject({
				code: 'invalid',
				fields: { sharePercent: 'jukyoRegistration.error.shareDiffers' }
			});
			await checkEligibility(db(), world, patientId, '2027-11-02', { benefitPercent: 100 });
			expect(await createChargeForAppointment(db(), visit, { payer: 'insurance' }, world.actor, { now: NOW })).toMatchObject({
				code: 'invalid',
				fields: { sharePercent: 'billing.error.sharePercent' }
			});
			expect(await createChargeForAppointment(db(), visit, { payer: 'free' }, world.actor, { now: NOW })).toMatchObject({
				code: 'invalid',
				fields: { payer: 'billing.error.payer' }
			});
			expect(await createChargeForAppointment(db(), visit, { payer: 'self_pay', addOnServiceIds: [world.followId] }, world.actor, { now: NOW })).toMatchObject({
				code: 'invalid',
				fields: { addOnServiceIds: 'billing.error.addOn' }
			});
		});
	});

	describe('payments and refunds', () => {
		it('takes cash against the amount tendered, gives the change, and refuses too little with nothing written', async () => {
			const world = await billingWorld(db());
			const { chargeId } = await selfPayCharge(db(), world);
			expect(await recordPayment(db(), chargeId, { method: 'cash', amountJpy: 5500, tenderedJpy: '5,000' }, world.actor, { now: NOW })).toEqual({
				ok: false,
				code: 'invalid',
				fields: { tenderedJpy: 'desk.error.tenderedShort' }
			});
			expect(await db().kysely.selectFrom('payment').select('id').where('charge_id', '=', chargeId).execute()).toHaveLength(0);
			expect(await recordPayment(db(), chargeId, { method: 'cash', amountJpy: 5500, tenderedJpy: '１００００' }, world.actor, { now: NOW })).toMatchObject({
				ok: true,
				changeJpy: 4500,
				ledger: { balanceJpy: 0 }
			});
			const audit = await db()
				.kysely.selectFrom('audit_log')
				.select('detail')
				.where('action', '=', 'payment.record')
				.where('detail', 'like', `%${chargeId}%`)
				.executeTakeFirstOrThrow();
			expect(JSON.parse(audit.detail!)).toMatchObject({ tenderedJpy: 10000, changeJpy: 4500 });
		});

		it('takes a card payment without change, whatever was typed as tendered', async () => {
			const world = await billingWorld(db());
			const { chargeId } = await selfPayCharge(db(), world);
			expect(await recordPayment(db(), chargeId, { method: 'card', amountJpy: 5500, tenderedJpy: '' }, world.actor, { now: NOW })).toMatchObject({
				ok: true,
				changeJpy: null
			});
		});

		it('takes partial payments by several methods and refuses more than is owed', async () => {
			const world = await billingWorld(db());
			const { chargeId } = await selfPayCharge(db(), world);
			expect(await recordPayment(db(), chargeId, { method: 'cash', amountJpy: '２,０００円' }, world.actor, { now: NOW })).toMatchObject({
				ok: true,
				ledger: { paidJpy: 2000, balanceJpy: 3500 }
			});
			expect(await recordPayment(db(), chargeId, { method: 'card', amountJpy: 3501 }, world.actor, { now: NOW })).toMatchObject({
				ok: false,
				code: 'exceeds_balance',
				ledger: { balanceJpy: 3500 }
			});
			expect(await recordPayment(db(), chargeId, { method: 'qr', amountJpy: 3500 }, world.actor, { now: NOW })).toMatchObject({
				ok: true,
				ledger: { balanceJpy: 0 }
			});
			expect(await recordPayment(db(), chargeId, { method: 'cash', amountJpy: 1 }, world.actor, { now: NOW })).toMatchObject({
				ok: false,
				code: 'nothing_due'
			});
		});

		it('refuses amounts that are not whole positive yen, and unknown methods', async () => {
			const world = await billingWorld(db());
			const { chargeId } = await selfPayCharge(db(), world);
			for (const amountJpy of ['1.5', 1.5, '-100', 0, '1e3', '', 'abc']) {
				expect(await recordPayment(db(), chargeId, { method: 'cash', amountJpy }, world.actor)).toEqual({
					ok: false,
					code: 'invalid',
					fields: { amountJpy: 'billing.error.amount' }
				});
			}
			expect(await recordPayment(db(), chargeId, { method: 'cheque', amountJpy: 100 }, world.actor)).toEqual({
				ok: false,
				code: 'invalid',
				fields: { method: 'billing.error.method' }
			});
			expect(await db().kysely.selectFrom('payment').select('id').where('charge_id', '=', chargeId).execute()).toEqual([]);
		});

		it('refunds by the method paid, never more than it kept, always with a reason', async () => {
			const world = await billingWorld(db());
			const { chargeId, patientId } = await selfPayCharge(db(), world);
			await recordPayment(db(), chargeId, { method: 'cash', amountJpy: 1500 }, world.actor, { now: NOW });
			await recordPayment(db(), chargeId, { method: 'card', amountJpy: 4000 }, world.actor, { now: NOW });
			expect(await recordRefund(db(), chargeId, { method: 'cash', amountJpy: 1501, reason: '返金' }, world.actor, { now: NOW })).toMatchObject({
				ok: false,
				code: 'refund_exceeds_paid'
			});
			expect(await recordRefund(db(), chargeId, { method: 'qr', amountJpy: 1, reason: '返金' }, world.actor, { now: NOW })).toMatchObject({
				ok: false,
				code: 'refund_exceeds_paid'
			});
			expect(await recordRefund(db(), chargeId, { method: 'cash', amountJpy: 500 }, world.actor, { now: NOW })).toMatchObject({
				code: 'invalid',
				fields: { reason: 'billing.error.reasonRequired' }
			});
			await voidCharge(db(), chargeId, { reason: '施術の取り消し' }, world.actor, { now: NOW });
			expect(await recordRefund(db(), chargeId, { method: 'card', amountJpy: 4000, reason: '会計の取り消し' }, world.actor, { now: NOW })).toMatchObject({
				ok: true,
				ledger: { balanceJpy: -1500 }
			});
			expect(await recordRefund(db(), chargeId, { method: 'cash', amountJpy: 1500, reason: '会計の取り消し' }, world.actor, { now: NOW })).toMatchObject({
				ok: true,
				ledger: { dueJpy: 0, paidJpy: 5500, refundedJpy: 5500, balanceJpy: 0 }
			});
			const actions = await db().kysely.selectFrom('audit_log').select('action').where('patient_id', '=', patientId).orderBy('seq').execute();
			expect(actions.map((a) => a.action)).toEqual(['charge.create', 'payment.record', 'payment.record', 'charge.void', 'payment.refund', 'payment.refund']);
		});
	});

	it('sums the reception day per method in clinic time', async () => {
		const world = await billingWorld(db());
		const { chargeId } = await selfPayCharge(db(), world);
		const lateEvening = new Date('2031-05-01T14:59:00.000Z'); // 23:59 on May 1st in Tokyo
		const afterMidnight = new Date('2031-05-01T15:01:00.000Z'); // 00:01 on May 2nd in Tokyo
		await recordPayment(db(), chargeId, { method: 'cash', amountJpy: 1000 }, world.actor, { now: new Date('2031-04-30T15:00:00.000Z') }); // 00:00 May 1st
		await recordPayment(db(), chargeId, { method: 'card', amountJpy: 2000 }, world.actor, { now: lateEvening });
		await recordRefund(db(), chargeId, { method: 'cash', amountJpy: 300, reason: '釣り銭の誤り' }, world.actor, { now: lateEvening });
		await recordPayment(db(), chargeId, { method: 'qr', amountJpy: 700 }, world.actor, { now: afterMidnight });
		const result = await dayEndSummary(db(), { date: '2031-05-01' }, world.actor);
		if (!result.ok) throw new Error(result.code);
		expect(result.summary.methods).toEqual([
			{ method: 'cash', payments: 1, paidJpy: 1000, refunds: 1, refundedJpy: 300, netJpy: 700 },
			{ method: 'card', payments: 1, paidJpy: 2000, refunds: 0, refundedJpy: 0, netJpy: 2000 },
			{ method: 'qr', payments: 0, paidJpy: 0, refunds: 0, refundedJpy: 0, netJpy: 0 },
			{ method: 'bank_transfer', payments: 0, paidJpy: 0, refunds: 0, refundedJpy: 0, netJpy: 0 }
		]);
		expect(result.summary).toMatchObject({
			from: '2031-04-30T15:00:00.000Z',
			to: '2031-05-01T15:00:00.000Z',
			totals: { payments: 2, paidJpy: 3000, refundedJpy: 300, netJpy: 2700 }
		});
		expect(await dayEndSummary(db(), { date: '2031-02-30' }, world.actor)).toEqual({ ok: false, code: 'invalid', fields: { date: 'billing.error.date' } });
	});
});
