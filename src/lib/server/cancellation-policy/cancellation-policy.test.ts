import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { createBooking } from '../booking/create-booking';
import { cancelBooking } from '../booking/manage-booking';
import { setStatus } from '../schedule/set-status';
import { seedSchedule, type SeededSchedule } from '../schedule/test-schedule';
import { checkPolicyTick } from './booking-tick';
import { listPatientFees, feeFigures } from './outstanding-fees';
import { saveCancellationPolicy } from './save-policy';
import { collectCancellationFee, waiveCancellationFee } from './settle-fee';

const patientActor: AuditActor = { type: 'anonymous', id: null, ip: '203.0.113.9', requestId: 'test' };
/** A Tuesday in June without public holidays. */
const DAY = '2030-06-04';
const NOW = Date.parse('2030-05-25T00:00:00Z');
const HOUR = 3_600_000;
const at = (time: string) => Date.parse(`${DAY}T${time}:00+09:00`);

describeEachDatabase('cancellation policy and its fees', (db) => {
	let s: SeededSchedule;
	let count = 0;

	beforeAll(async () => {
		s = await seedSchedule(db());
	});

	async function book(time: string, cancellationPolicyVersion?: number, practitionerId = s.sato) {
		count++;
		const result = await createBooking(
			db(),
			{
				serviceId: s.follow,
				practitionerId,
				start: `${DAY}T${time}:00+09:00`,
				locale: 'ja',
				patient: { familyName: '田中', givenName: `花子${count}`, email: `hanako${count}@example.jp`, phone: '090-1234-5678' },
				consent: { privacy: true },
				cancellationPolicyVersion
			},
			patientActor,
			NOW
		);
		if (!result.ok) throw new Error(result.code);
		return result;
	}

	const feeOf = (appointmentId: string) =>
		db().kysely.selectFrom('cancellation_fee').selectAll().where('appointment_id', '=', appointmentId).executeTakeFirst();

	it('keeps each change of the policy as a new version, and refuses bad amounts', async () => {
		expect(
			await saveCancellationPolicy(db(), { freeUntilHours: '48', lateFeeJpy: '1000', noShowFeeJpy: '3000' }, s.actor, new Date(NOW - 2 * HOUR))
		).toMatchObject({ ok: true, changed: true, policy: { version: 1 } });
		expect(
			await saveCancellationPolicy(
				db(),
				{ freeUntilHours: 24, lateFeeJpy: 2000, noShowFeeJpy: 5000, noteJa: '当日のご連絡はお電話で' },
				s.actor,
				new Date(NOW - HOUR)
			)
		).toMatchObject({ ok: true, changed: true, policy: { version: 2 } });
		expect(
			await saveCancellationPolicy(db(), { freeUntilHours: 24, lateFeeJpy: 2000, noShowFeeJpy: 5000, noteJa: '当日のご連絡はお電話で' }, s.actor)
		).toMatchObject({ ok: true, changed: false, policy: { version: 2 } });
		expect(await saveCancellationPolicy(db(), { freeUntilHours: '-1', lateFeeJpy: '1.5', noShowFeeJpy: 'abc' }, s.actor)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { freeUntilHours: 'cancellationPolicy.error.hours', lateFeeJpy: 'cancellationPolicy.error.yen', noShowFeeJpy: 'cancellationPolicy.error.yen' }
		});
		const clinic = await db().kysely.selectFrom('clinic').select('cancellation_cutoff_hours').executeTakeFirstOrThrow();
		expect(clinic.cancellation_cutoff_hours).toBe(24);
	});

	it('keeps the version ticked at booking, and ignores a version never published', async () => {
		const ticked = await book('09:00', 2);
		expect(ticked.appointment.policy_version).toBe(2);
		const unknown = await book('09:00', 99, s.fujita);
		expect(unknown.appointment.policy_version).toBeNull();
	});

	it('asks the /book form for a tick of the version in force', async () => {
		const input = {
			serviceId: s.follow,
			start: `${DAY}T16:00:00+09:00`,
			locale: 'en' as const,
			patient: { familyName: 'A', givenName: 'B', email: 'a@example.jp', phone: '090-1234-5678' },
			consent: { privacy: true as const }
		};
		const error = { ok: false, selectionLost: false, errors: { cancellationPolicy: 'Please tick that you agree to the cancellation policy.' } };
		expect(await checkPolicyTick(db(), { ok: true, input }, {}, 'en')).toEqual(error);
		expect(await checkPolicyTick(db(), { ok: true, input }, { cancellationPolicy: '1' }, 'en')).toEqual(error);
		expect(await checkPolicyTick(db(), { ok: false, selectionLost: false, errors: { email: 'x' } }, {}, 'en')).toEqual({
			...error,
			errors: { email: 'x', ...error.errors }
		});
		expect(await checkPolicyTick(db(), { ok: true, input }, { cancellationPolicy: '2' }, 'en')).toEqual({
			ok: true,
			input: { ...input, cancellationPolicyVersion: 2 }
		});
		expect(await checkPolicyTick(db(), { ok: false, selectionLost: true }, {}, 'en')).toEqual({ ok: false, selectionLost: true });
	});

	it('cancels for free inside the free window', async () => {
		const { appointment, manageToken } = await book('10:00', 2);
		expect(await cancelBooking(db(), manageToken, patientActor, at('10:00') - 24 * HOUR - 1)).toEqual({ ok: true });
		expect(await feeOf(appointment.id)).toBeUndefined();
	});

	it('lets a late cancellation through only when the patient accepts the fee, and records the fee', async () => {
		const { appointment, manageToken } = await book('10:30', 2);
		const late = at('10:30') - 2 * HOUR;
		expect(await cancelBooking(db(), manageToken, patientActor, late)).toEqual({ ok: false, code: 'past_cutoff' });
		expect(await cancelBooking(db(), manageToken, patientActor, late, { acceptFeeJpy: 1000 })).toEqual({ ok: false, code: 'fee_not_accepted' });
		expect(await cancelBooking(db(), manageToken, patientActor, late, { acceptFeeJpy: 2000 })).toEqual({ ok: true, feeJpy: 2000 });
		expect(await feeOf(appointment.id)).toMatchObject({ kind: 'late_cancellation', amount_jpy: 2000, policy_version: 2, created_by_staff_id: null });
		expect(await cancelBooking(db(), manageToken, patientActor, late, { acceptFeeJpy: 2000 })).toEqual({ ok: false, code: 'already_cancelled' });
		const audit = await db().kysely.selectFrom('audit_log').select('action').where('patient_id', '=', appointment.patient_id).execute();
		expect(audit.map((a) => a.action)).toContain('cancellation_fee.create');
	});

	it('holds a visit to the version ticked: a no-show under version 1 owes its fee', async () => {
		const { appointment } = await book('11:00', 1);
		expect(await setStatus(db(), appointment.id, 'no_show', s.actor, at('11:30'))).toMatchObject({ ok: true, changed: true, noShowFeeJpy: 3000 });
		expect(await feeOf(appointment.id)).toMatchObject({ kind: 'no_show', amount_jpy: 3000, policy_version: 1, created_by_staff_id: s.actor.id });
	});

	it('waives a no-show fee when the desk corrects the status', async () => {
		const { appointment } = await book('11:00', 2, s.fujita);
		await setStatus(db(), appointment.id, 'no_show', s.actor, at('11:30'));
		expect(await setStatus(db(), appointment.id, 'arrived', s.actor, at('11:31'))).toMatchObject({ ok: true, changed: true });
		const [fee] = await listPatientFees(db(), appointment.patient_id!);
		expect(fee).toMatchObject({ kind: 'no_show', outcome: 'waived', reason: 'status_corrected' });
		// Marked again: the one fee of the visit is not written twice.
		expect(await setStatus(db(), appointment.id, 'no_show', s.actor, at('11:32'))).not.toHaveProperty('noShowFeeJpy');
	});

	it('collects a fee as a charge paid in full, once', async () => {
		const { appointment } = await book('14:30', 2);
		await setStatus(db(), appointment.id, 'no_show', s.actor, at('15:00'));
		const [fee] = await listPatientFees(db(), appointment.patient_id!, { openOnly: true });
		expect(fee).toMatchObject({ amountJpy: 5000, outcome: null });
		expect(await collectCancellationFee(db(), fee!.id, { method: 'bitcoin' }, s.actor)).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { method: 'cancellationPolicy.error.method' }
		});
		const collected = await collectCancellationFee(db(), fee!.id, { method: 'cash' }, s.actor, { now: new Date(at('15:00') + 7 * 24 * HOUR) });
		expect(collected).toMatchObject({ ok: true });
		const chargeId = collected.ok ? collected.chargeId! : '';
		const charge = await db().kysely.selectFrom('charge').selectAll().where('id', '=', chargeId).executeTakeFirstOrThrow();
		expect(charge).toMatchObject({ patient_id: appointment.patient_id, due_jpy: 5000, consumption_tax_jpy: 0, service_date: '2030-06-11', payer: 'self_pay' });
		const payments = await db().kysely.selectFrom('payment').select(['amount_jpy', 'method']).where('charge_id', '=', chargeId).execute();
		expect(payments).toEqual([{ amount_jpy: 5000, method: 'cash' }]);
		expect(await collectCancellationFee(db(), fee!.id, { method: 'cash' }, s.actor)).toEqual({ ok: false, code: 'already_settled' });
		expect(await waiveCancellationFee(db(), fee!.id, { reason: 'x' }, s.actor)).toEqual({ ok: false, code: 'already_settled' });
		expect(await listPatientFees(db(), appointment.patient_id!, { openOnly: true })).toEqual([]);
	});

	it('waives a fee only with a reason, audited', async () => {
		const { appointment } = await book('14:30', 2, s.fujita);
		await setStatus(db(), appointment.id, 'no_show', s.actor, at('15:00'));
		const [fee] = await listPatientFees(db(), appointment.patient_id!);
		expect(await waiveCancellationFee(db(), fee!.id, { reason: '  ' }, s.actor)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { reason: 'cancellationPolicy.error.reasonRequired' }
		});
		expect(await waiveCancellationFee(db(), fee!.id, { reason: '急な発熱のため' }, s.actor, { now: new Date(at('16:00')) })).toEqual({
			ok: true,
			chargeId: null
		});
		expect(await waiveCancellationFee(db(), 'no-such-fee', { reason: 'x' }, s.actor)).toEqual({ ok: false, code: 'not_found' });
		expect(await waiveCancellationFee(db(), fee!.id, { reason: 'x' }, patientActor)).toEqual({ ok: false, code: 'forbidden' });
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'detail'])
			.where('entity_id', '=', fee!.id)
			.where('action', '=', 'cancellation_fee.waive')
			.executeTakeFirstOrThrow();
		expect(audit.detail).toContain('急な発熱のため');
	});

	it('counts fees charged, collected and waived for the reports', async () => {
		const figures = await feeFigures(db(), '2030-01-01T00:00:00.000Z', '2031-01-01T00:00:00.000Z');
		expect(figures.charged).toEqual({ count: 5, jpy: 2000 + 3000 + 5000 + 5000 + 5000 });
		expect(figures.collected).toEqual({ count: 1, jpy: 5000 });
		expect(figures.waived).toEqual({ count: 2, jpy: 10000 });
	});

	// Written after the figures above, which count every fee of the day.
	it('frees a no-show’s time; clearing the mark takes it back and waives the fee, or is refused with the fee kept once the time is booked', async () => {
		const grainsOf = async (id: string) =>
			(await db().kysely.selectFrom('occupancy').select('grain_start').where('appointment_id', '=', id).execute()).map((g) => g.grain_start).sort();
		const cleared = await book('16:30', 2, s.fujita);
		const before = await grainsOf(cleared.appointment.id);
		// Marked at 16:37: the grains from 16:35 on are free, the job offers the rest (16:35 until 17:25).
		await setStatus(db(), cleared.appointment.id, 'no_show', s.actor, at('16:37'));
		expect(await grainsOf(cleared.appointment.id)).toEqual(before.filter((g) => Date.parse(g) < at('16:35')));
		const row = await db()
			.kysely.selectFrom('appointment')
			.select(['released_from', 'held_until'])
			.where('id', '=', cleared.appointment.id)
			.executeTakeFirstOrThrow();
		expect(row.released_from).toBe(new Date(at('16:35')).toISOString());
		const jobs = await db().kysely.selectFrom('job').select('payload').where('kind', '=', 'waitlist.offer_slot').execute();
		expect(jobs.map((j) => JSON.parse(j.payload))).toContainEqual({
			practitionerId: s.fujita,
			start: new Date(at('16:35')).toISOString(),
			until: row.held_until
		});
		// Arrived after all: the time is claimed again, the mark cleared, the unpaid fee waived.
		expect(await setStatus(db(), cleared.appointment.id, 'arrived', s.actor, at('16:40'))).toMatchObject({ ok: true, changed: true });
		expect(await grainsOf(cleared.appointment.id)).toEqual(before);
		expect(await db().kysely.selectFrom('appointment').select('released_from').where('id', '=', cleared.appointment.id).executeTakeFirstOrThrow()).toEqual({
			released_from: null
		});
		expect(await listPatientFees(db(), cleared.appointment.patient_id!)).toMatchObject([{ kind: 'no_show', outcome: 'waived', reason: 'status_corrected' }]);

		const missed = await book('18:00', 2, s.fujita);
		await setStatus(db(), missed.appointment.id, 'no_show', s.actor, at('18:00'));
		// Someone else takes the freed time (a walk-in booked at 18:15): the mark stays, and so does the fee.
		const taker = await createBooking(
			db(),
			{
				serviceId: s.follow,
				practitionerId: s.fujita,
				start: `${DAY}T18:15:00+09:00`,
				locale: 'ja',
				patient: { familyName: '後藤', givenName: '守', email: 'goto@example.jp', phone: '090-1234-0000' },
				consent: { privacy: true }
			},
			patientActor,
			NOW
		);
		expect(taker.ok).toBe(true);
		expect(await setStatus(db(), missed.appointment.id, 'arrived', s.actor, at('18:20'))).toEqual({ ok: false, code: 'time_taken' });
		const after = await db()
			.kysely.selectFrom('appointment')
			.select(['status', 'released_from'])
			.where('id', '=', missed.appointment.id)
			.executeTakeFirstOrThrow();
		expect(after).toEqual({ status: 'no_show', released_from: new Date(at('18:00')).toISOString() });
		expect(await listPatientFees(db(), missed.appointment.patient_id!, { openOnly: true })).toMatchObject([
			{ kind: 'no_show', amountJpy: 5000, outcome: null }
		]);
		const refused = await db()
			.kysely.selectFrom('audit_log')
			.select('detail')
			.where('entity_id', '=', missed.appointment.id)
			.where('action', '=', 'schedule.status_refused')
			.execute();
		expect(refused.map((a) => JSON.parse(a.detail!))).toEqual([{ from: 'no_show', to: 'arrived', reason: 'time_taken' }]);
	});
});
