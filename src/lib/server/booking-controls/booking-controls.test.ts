import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { createBooking } from '../booking/create-booking';
import { getAvailability } from '../booking/get-availability';
import type { TCreateBooking } from '../booking/schemas';
import { seedDemoClinic } from '../seed/demo-clinic';
import { decideBookingRequest } from './decide-booking-request';
import { listBookingRequests } from './list-booking-requests';
import { updateBookingControls, updateServiceWindow } from './update-booking-controls';
import { listDay } from '../schedule/list-day';
import { calendarEvents } from '../../components/console/calendar-events';

const anonymous: AuditActor = { type: 'anonymous', id: null, ip: '192.0.2.1', requestId: 'test' };
// Friday 09:00 in Tokyo; the Monday after is DAY.
const NOW = Date.parse('2026-11-27T00:00:00Z');
const DAY = '2026-11-30';

function request(serviceId: string, start: number, who: { familyName: string; email: string }): TCreateBooking {
	return {
		serviceId,
		start: new Date(start).toISOString(),
		locale: 'ja',
		patient: {
			familyName: who.familyName,
			givenName: '花子',
			familyNameKana: 'ヤマダ',
			givenNameKana: 'ハナコ',
			email: who.email,
			phone: '090-1234-5678',
			dateOfBirth: '1980-01-01'
		},
		consent: { privacy: true }
	};
}

describeEachDatabase('booking controls', (db) => {
	let follow = '';
	let staff: AuditActor;
	const slotsOn = async (day = DAY) => {
		const result = await getAvailability(db(), { service: follow, from: day, to: day }, { now: NOW });
		if (!result.ok) throw new Error(result.code);
		return result.slots;
	};

	it('holds a new patient’s booking for the desk: the slot is taken, the patient told it is pending', async () => {
		await seedDemoClinic(db());
		follow = (await db().kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow()).id;
		const reception = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'reception').executeTakeFirstOrThrow();
		staff = { type: 'staff', id: reception.id, ip: '192.0.2.9', requestId: 'test' };
		await updateBookingControls(db(), { approveNewPatients: true, maxUpcomingVisits: 0 }, staff);
		const slot = (await slotsOn())[0]!;
		const result = await createBooking(db(), request(follow, slot.start, { familyName: '山田', email: 'yamada@example.jp' }), anonymous, NOW);
		if (!result.ok) throw new Error(result.code);
		expect(result.pending).toBe(true);
		expect(result.appointment.approval).toBe('pending');
		expect((await slotsOn()).some((s) => s.start === slot.start && s.practitionerId === slot.practitionerId)).toBe(false);
		const jobs = await db().kysely.selectFrom('job').select('kind').execute();
		expect(jobs.map((j) => j.kind)).toEqual(['mail.booking_pending']);
		expect((await listBookingRequests(db(), staff)).map((r) => r.id)).toEqual([result.appointment.id]);
		// The staff schedule marks it pending: the day list and the calendar's title and class.
		const day = await listDay(db(), DAY, 'Asia/Tokyo');
		expect(day.find((a) => a.id === result.appointment.id)?.pending).toBe(true);
		for (const [locale, label] of [
			['ja', '承認待ち · 山田'],
			['en', 'Awaiting approval · ']
		] as const) {
			const event = calendarEvents(day, { locale, timeZone: 'Asia/Tokyo', blockedLabel: '' }).find((e) => e.id === result.appointment.id)!;
			expect(event.title.startsWith(label)).toBe(true);
			expect(event.className).toContain('appt-pending');
		}
	});

	it('approves once: the usual confirmation and reminder follow, and a second answer is refused', async () => {
		const [pending] = await listBookingRequests(db(), staff);
		expect(await decideBookingRequest(db(), pending!.id, 'approve', staff, NOW)).toEqual({ ok: true });
		const row = await db().kysely.selectFrom('appointment').select(['status', 'approval']).where('id', '=', pending!.id).executeTakeFirstOrThrow();
		expect(row).toEqual({ status: 'booked', approval: 'approved' });
		const approved = (await listDay(db(), DAY, 'Asia/Tokyo')).find((a) => a.id === pending!.id)!;
		expect(approved.pending).toBe(false);
		expect(calendarEvents([approved], { locale: 'ja', timeZone: 'Asia/Tokyo', blockedLabel: '' })[0]!.className).toEqual(['appt-booked']);
		const kinds = (await db().kysely.selectFrom('job').select('kind').execute()).map((j) => j.kind).sort();
		expect(kinds).toEqual(['mail.booking_confirmation', 'mail.booking_pending', 'mail.booking_reminder']);
		expect(await decideBookingRequest(db(), pending!.id, 'decline', staff, NOW)).toEqual({ ok: false, code: 'not_pending' });
		const audit = await db().kysely.selectFrom('audit_log').select('action').where('entity_id', '=', pending!.id).execute();
		expect(audit.map((a) => a.action)).toContain('booking.approve');
	});

	it('declines: the visit is cancelled, its slot is free again and the patient is told', async () => {
		const slot = (await slotsOn()).at(-1)!;
		const result = await createBooking(db(), request(follow, slot.start, { familyName: '佐々木', email: 'sasaki@example.jp' }), anonymous, NOW);
		if (!result.ok) throw new Error(result.code);
		expect(await decideBookingRequest(db(), result.appointment.id, 'decline', staff, NOW)).toEqual({ ok: true });
		expect((await slotsOn()).some((s) => s.start === slot.start)).toBe(true);
		expect(await db().kysely.selectFrom('occupancy').select('resource').where('appointment_id', '=', result.appointment.id).execute()).toEqual([]);
		const declined = await db().kysely.selectFrom('job').select('payload').where('kind', '=', 'mail.booking_declined').execute();
		expect(declined.map((j) => JSON.parse(j.payload).appointmentId)).toEqual([result.appointment.id]);
	});

	it('refuses an online booking beyond the limit of upcoming visits and writes nothing', async () => {
		await updateBookingControls(db(), { approveNewPatients: false, maxUpcomingVisits: 1 }, staff);
		const before = (await db().kysely.selectFrom('appointment').select('id').execute()).length;
		const slot = (await slotsOn())[3]!;
		// 山田 already holds the approved visit.
		const result = await createBooking(db(), request(follow, slot.start, { familyName: '山田', email: 'yamada@example.jp' }), anonymous, NOW);
		expect(result).toEqual({ ok: false, code: 'too_many_upcoming', limit: 1 });
		expect((await db().kysely.selectFrom('appointment').select('id').execute()).length).toBe(before);
		// Someone new is below the limit, and with approval off the booking is confirmed at once.
		const other = await createBooking(db(), request(follow, slot.start, { familyName: '田中', email: 'tanaka@example.jp' }), anonymous, NOW);
		expect(other.ok && other.pending).toBe(false);
	});

	it('honours a service’s own minimum notice and horizon in availability and in booking', async () => {
		const slot = (await slotsOn())[5]!;
		// Five days' notice: nothing on Monday, seen from Friday.
		await updateServiceWindow(db(), { serviceId: follow, minNoticeMinutes: 5 * 24 * 60, horizonDays: null }, staff);
		expect(await slotsOn()).toEqual([]);
		await updateBookingControls(db(), { approveNewPatients: false, maxUpcomingVisits: 0 }, staff);
		expect(await createBooking(db(), request(follow, slot.start, { familyName: '小林', email: 'kobayashi@example.jp' }), anonymous, NOW)).toEqual({
			ok: false,
			code: 'slot_taken'
		});
		// A horizon of two days: Monday is beyond it, for availability and for a booking.
		await updateServiceWindow(db(), { serviceId: follow, minNoticeMinutes: null, horizonDays: 2 }, staff);
		expect(await getAvailability(db(), { service: follow, from: DAY, to: DAY }, { now: NOW })).toEqual({
			ok: false,
			code: 'outside_booking_window',
			field: 'to'
		});
		expect(await createBooking(db(), request(follow, slot.start, { familyName: '小林', email: 'kobayashi@example.jp' }), anonymous, NOW)).toEqual({
			ok: false,
			code: 'slot_taken'
		});
		await updateServiceWindow(db(), { serviceId: follow, minNoticeMinutes: null, horizonDays: null }, staff);
		expect((await slotsOn()).length).toBeGreaterThan(0);
	});
});
