import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { seedDemoClinic } from '../seed/demo-clinic';
import { movedVisitMail } from './booking-mail';
import { manageTokenContext } from './booking-mail-jobs';
import { createBooking } from './create-booking';
import { getAvailability } from './get-availability';
import { cancelBooking, findBooking, findBookingByToken, moveBooking } from './manage-booking';

const actor: AuditActor = { type: 'anonymous', id: null, ip: '203.0.113.9', requestId: 'test' };
/** A Tuesday in June, a month without public holidays; the clinic is open 09:00–12:30 and 14:30–19:30. */
const DAY = '2030-06-04';
/** Booked ten days ahead, well before any cutoff. */
const NOW = Date.parse('2030-05-25T00:00:00Z');
const HOUR = 3_600_000;
const at = (time: string) => Date.parse(`${DAY}T${time}:00+09:00`);

describeEachDatabase('managing a booking from its e-mail link', (db) => {
	let serviceId = '';
	let practitionerId = '';
	let patientCount = 0;

	beforeAll(async () => {
		await seedDemoClinic(db());
		serviceId = (await db().kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow()).id;
		practitionerId = (await db().kysely.selectFrom('practitioner').select('id').where('family_name_en', '=', 'Sato').executeTakeFirstOrThrow()).id;
	});

	async function book(time: string) {
		patientCount++;
		const result = await createBooking(
			db(),
			{
				serviceId,
				practitionerId,
				start: `${DAY}T${time}:00+09:00`,
				locale: 'en',
				patient: { familyName: 'Tanaka', givenName: `Hanako${patientCount}`, email: `hanako${patientCount}@example.jp`, phone: '090-1234-5678' },
				consent: { privacy: true }
			},
			actor,
			NOW
		);
		if (!result.ok) throw new Error(result.code);
		return result;
	}

	async function isFree(time: string, now = NOW): Promise<boolean> {
		const result = await getAvailability(db(), { service: serviceId, from: DAY, to: DAY, practitioner: practitionerId }, { now });
		if (!result.ok) throw new Error(result.code);
		return result.slots.some((s) => s.start === at(time));
	}

	async function appointmentRow(id: string) {
		return db().kysely.selectFrom('appointment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	}

	async function grainsOf(id: string) {
		const rows = await db().kysely.selectFrom('occupancy').select(['resource', 'grain_start']).where('appointment_id', '=', id).execute();
		return rows.map((r) => `${r.resource}@${r.grain_start}`).sort();
	}

	it('finds the appointment by its token and nothing by another', async () => {
		const { appointment, manageToken } = await book('09:00');
		const found = await findBookingByToken(db(), manageToken);
		expect(found?.appointment.id).toBe(appointment.id);
		expect(found?.practitionerName.en).toBe('Miho Sato');
		expect(found?.changeDeadline).toBe(at('09:00') - 24 * HOUR);
		expect(await findBookingByToken(db(), `${manageToken}x`)).toBeUndefined();
		expect(await findBookingByToken(db(), '')).toBeUndefined();
		expect(await cancelBooking(db(), 'no-such-token', actor, NOW)).toEqual({ ok: false, code: 'not_found' });
	});

	it('frees the slot when the patient cancels, and records who did it', async () => {
		const { appointment, manageToken } = await book('10:00');
		expect(await isFree('10:00')).toBe(false);
		expect(await cancelBooking(db(), manageToken, actor, NOW)).toEqual({ ok: true });
		expect(await isFree('10:00')).toBe(true);
		const row = await appointmentRow(appointment.id);
		expect(row.status).toBe('cancelled');
		expect(row.cancelled_at).toBe(new Date(NOW).toISOString());
		expect(await grainsOf(appointment.id)).toEqual([]);
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'booking.cancel')
			.where('entity_id', '=', appointment.id)
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]!.patient_id).toBe(appointment.patient_id);
	});

	it('answers already_cancelled to a second cancel', async () => {
		const { manageToken } = await book('11:00');
		expect(await cancelBooking(db(), manageToken, actor, NOW)).toEqual({ ok: true });
		expect(await cancelBooking(db(), manageToken, actor, NOW)).toEqual({ ok: false, code: 'already_cancelled' });
		expect(await moveBooking(db(), manageToken, at('11:30'), actor, NOW)).toEqual({ ok: false, code: 'already_cancelled' });
	});

	it('refuses to cancel or move once the cutoff has passed, and keeps the appointment', async () => {
		const { appointment, manageToken } = await book('14:30');
		const justPast = at('14:30') - 24 * HOUR;
		expect(await cancelBooking(db(), manageToken, actor, justPast)).toEqual({ ok: false, code: 'past_cutoff' });
		expect(await moveBooking(db(), manageToken, at('16:00'), actor, justPast)).toEqual({ ok: false, code: 'past_cutoff' });
		expect((await appointmentRow(appointment.id)).status).toBe('booked');
		expect(await cancelBooking(db(), manageToken, actor, justPast - 1)).toEqual({ ok: true });
	});

	it('moves to a free time, frees the old one, and sends a new confirmation', async () => {
		const { appointment, manageToken } = await book('15:30');
		expect(await moveBooking(db(), manageToken, at('17:30'), actor, NOW)).toEqual({ ok: true });
		expect(await isFree('15:30')).toBe(true);
		expect(await isFree('17:30')).toBe(false);
		const row = await appointmentRow(appointment.id);
		expect(row.starts_at).toBe(new Date(at('17:30')).toISOString());
		expect(row.ends_at).toBe(new Date(at('18:15')).toISOString());
		expect(row.held_until).toBe(new Date(at('18:25')).toISOString());
		const grains = await grainsOf(appointment.id);
		expect(grains).toContain(`practitioner:${practitionerId}@${new Date(at('17:30')).toISOString()}`);
		expect(grains.some((g) => g.endsWith(new Date(at('15:30')).toISOString()))).toBe(false);
		const jobs = await db().kysely.selectFrom('job').selectAll().where('payload', 'like', `%${appointment.id}%`).execute();
		const confirmations = jobs.filter((j) => j.kind === 'mail.booking_confirmation');
		expect(confirmations).toHaveLength(2);
		// The job keeps the manage link sealed; the worker opens it to build the mail (issue 16).
		const payload = JSON.parse(confirmations[1]!.payload) as { appointmentId: string; manageToken: string; movedFrom: string };
		expect(payload.appointmentId).toBe(appointment.id);
		// The mail says what moved: the old time and the new (issue #22).
		expect(payload.movedFrom).toBe(new Date(at('15:30')).toISOString());
		const mail = (await movedVisitMail(db(), appointment.id, { from: payload.movedFrom }, 'https://clinic.example', { manageToken }))!;
		expect(mail.subject).toContain('your appointment has moved to');
		expect(mail.text).toMatch(/Before: [^\n]*15:30\nNow: [^\n]*17:30\nWhat changed: the time\n/);
		expect(mail.text).toContain(manageToken);
		expect(mail.attachments!()[0]!.content).toContain(`UID:${appointment.id}@shinkyu`);
		expect(payload.manageToken).not.toContain(manageToken);
		expect(db().secrets.open(payload.manageToken, manageTokenContext(appointment.id))).toBe(manageToken);
		const pendingReminders = jobs.filter((j) => j.kind === 'mail.booking_reminder' && j.done_at === null);
		expect(pendingReminders.map((j) => j.run_at)).toEqual([new Date(at('17:30') - 24 * HOUR).toISOString()]);
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select('patient_id')
			.where('action', '=', 'booking.move')
			.where('entity_id', '=', appointment.id)
			.execute();
		expect(audit).toEqual([{ patient_id: appointment.patient_id }]);
	});

	it('lets an appointment shift onto part of its own time', async () => {
		const { appointment, manageToken } = await book('10:15');
		expect(await moveBooking(db(), manageToken, at('10:30'), actor, NOW)).toEqual({ ok: true });
		expect((await appointmentRow(appointment.id)).starts_at).toBe(new Date(at('10:30')).toISOString());
	});

	it('refuses a move onto a taken time and changes nothing', async () => {
		const first = await book('16:30');
		const second = await book('14:30');
		const before = { row: await appointmentRow(second.appointment.id), grains: await grainsOf(second.appointment.id) };
		const jobsBefore = await db().kysely.selectFrom('job').select('id').execute();
		expect(await moveBooking(db(), second.manageToken, at('16:45'), actor, NOW)).toEqual({ ok: false, code: 'slot_taken' });
		expect(await moveBooking(db(), second.manageToken, at('16:30'), actor, NOW)).toEqual({ ok: false, code: 'slot_taken' });
		expect(await appointmentRow(second.appointment.id)).toEqual(before.row);
		expect(await grainsOf(second.appointment.id)).toEqual(before.grains);
		expect(await db().kysely.selectFrom('job').select('id').execute()).toHaveLength(jobsBefore.length);
		expect((await appointmentRow(first.appointment.id)).starts_at).toBe(new Date(at('16:30')).toISOString());
	});

	it('finds, moves and cancels from the portal by appointment id, only for the patient it belongs to', async () => {
		const mine = await book('18:30');
		const theirs = await book('11:30');
		const me = { appointmentId: mine.appointment.id, patientId: mine.appointment.patient_id! };
		const portalActor: AuditActor = { type: 'patient', id: me.patientId, ip: null, requestId: 'test' };
		expect((await findBooking(db(), me))?.appointment.id).toBe(mine.appointment.id);
		// Another patient's appointment id, with my patient id: as if it did not exist.
		const notMine = { appointmentId: theirs.appointment.id, patientId: me.patientId };
		expect(await findBooking(db(), notMine)).toBeUndefined();
		expect(await cancelBooking(db(), notMine, portalActor, NOW)).toEqual({ ok: false, code: 'not_found' });
		expect(await moveBooking(db(), notMine, at('15:30'), portalActor, NOW)).toEqual({ ok: false, code: 'not_found' });
		expect((await appointmentRow(theirs.appointment.id)).status).toBe('booked');

		expect(await moveBooking(db(), me, at('15:30'), portalActor, NOW)).toEqual({ ok: true });
		expect((await appointmentRow(mine.appointment.id)).starts_at).toBe(new Date(at('15:30')).toISOString());
		const confirmations = await db()
			.kysely.selectFrom('job')
			.select('payload')
			.where('kind', '=', 'mail.booking_confirmation')
			.where('payload', 'like', `%${mine.appointment.id}%`)
			.execute();
		// The portal never knows the manage token, so the new confirmation carries none. (Rows come
		// back in no promised order: on PostgreSQL the move's queued jobs may land before the first.)
		expect(confirmations).toHaveLength(2);
		expect(confirmations.map((c) => JSON.parse(c.payload))).toContainEqual({ appointmentId: mine.appointment.id, movedFrom: mine.appointment.starts_at });
		expect(await cancelBooking(db(), me, portalActor, NOW)).toEqual({ ok: true });
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'actor_type', 'detail'])
			.where('entity_id', '=', mine.appointment.id)
			.where('action', 'like', 'booking.%')
			.execute();
		expect(audit.map((a) => [a.action, a.actor_type, JSON.parse(a.detail!).via])).toEqual([
			['booking.create', 'anonymous', undefined],
			['booking.move', 'patient', 'portal'],
			['booking.cancel', 'patient', 'portal']
		]);
	});
});
