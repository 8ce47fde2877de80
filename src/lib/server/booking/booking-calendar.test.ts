import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { seedDemoClinic } from '../seed/demo-clinic';
import { bookingCalendarFile } from './booking-calendar';
import { createBooking } from './create-booking';
import { cancelBooking } from './manage-booking';

const actor: AuditActor = { type: 'anonymous', id: null, ip: '203.0.113.9', requestId: 'test' };
/** A Tuesday in June without public holidays, booked ten days ahead. */
const DAY = '2030-06-04';
const NOW = Date.parse('2030-05-25T00:00:00Z');
const ORIGIN = 'https://clinic.example';

describeEachDatabase('add to calendar from the manage link', (db) => {
	let serviceId = '';
	let practitionerId = '';

	beforeAll(async () => {
		await seedDemoClinic(db());
		serviceId = (await db().kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow()).id;
		practitionerId = (await db().kysely.selectFrom('practitioner').select('id').where('family_name_en', '=', 'Sato').executeTakeFirstOrThrow()).id;
	});

	async function book(time: string, givenName: string) {
		const result = await createBooking(
			db(),
			{
				serviceId,
				practitionerId,
				start: `${DAY}T${time}:00+09:00`,
				locale: 'en',
				patient: { familyName: 'Tanaka', givenName, email: `${givenName.toLowerCase()}@example.jp`, phone: '090-1234-5678' },
				consent: { privacy: true }
			},
			actor,
			NOW
		);
		if (!result.ok) throw new Error(result.code);
		return result;
	}

	it('gives the booked visit as one event with the id, times, place and manage link of the mail', async () => {
		const booked = await book('10:00', 'Hanako');
		const file = await bookingCalendarFile(db(), booked.manageToken, 'en', ORIGIN);
		expect(file).not.toBeNull();
		const events = new ICAL.Component(ICAL.parse(file!.content)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		expect(events).toHaveLength(1);
		const event = events[0]!;
		expect(event.uid).toBe(`${booked.appointment.id}@shinkyu`);
		expect(event.startDate.toJSDate().toISOString()).toBe(new Date(`${DAY}T10:00:00+09:00`).toISOString());
		expect(event.endDate.toJSDate().toISOString()).toBe(booked.appointment.ends_at);
		expect(event.location).toContain('Tokyo');
		expect(event.description).toBe(`${ORIGIN}/en/booking/${booked.manageToken}`);
		// Only what the patient chose and where: no answers, no notes.
		expect(file!.content).not.toContain('Hanako');
	});

	it('gives nothing for a cancelled visit or a wrong token', async () => {
		const booked = await book('11:00', 'Yumi');
		expect(await cancelBooking(db(), booked.manageToken, actor, NOW)).toMatchObject({ ok: true });
		expect(await bookingCalendarFile(db(), booked.manageToken, 'en', ORIGIN)).toBeNull();
		expect(await bookingCalendarFile(db(), 'not-a-token', 'en', ORIGIN)).toBeNull();
	});
});
