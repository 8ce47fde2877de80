import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { bookingMail } from '../booking/booking-mail';
import { createBooking } from '../booking/create-booking';
import { getAvailability } from '../booking/get-availability';
import { seedDemoClinic } from '../seed/demo-clinic';
import { BOOKING_LINK_TTL_MS, consumeMagicLink } from './magic-link';

const NOW = Date.parse('2030-05-25T00:00:00Z');

describeEachDatabase('the portal link in a booking confirmation', (db) => {
	it('invites the patient to prepare, with a week-long single-use link that opens the questionnaire', async () => {
		await seedDemoClinic(db());
		const service = await db().kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow();
		const availability = await getAvailability(db(), { service: service.id, from: '2030-06-04', to: '2030-06-04' }, { now: NOW });
		if (!availability.ok) throw new Error(availability.code);
		const booked = await createBooking(
			db(),
			{
				serviceId: service.id,
				start: new Date(availability.slots[0]!.start).toISOString(),
				locale: 'en',
				patient: { familyName: 'Morgan', givenName: 'Alex', email: 'alex@example.jp', phone: '+44 20 7946 0000' },
				consent: { privacy: true }
			},
			{ type: 'anonymous', id: null, ip: null, requestId: null },
			NOW
		);
		if (!booked.ok) throw new Error(booked.code);
		const before = Date.now();
		const mail = await bookingMail(db(), booked.appointment.id, booked.manageToken, 'confirmation', 'https://clinic.example.jp');
		expect(mail!.text).toContain('Prepare for your visit (questionnaire and consent)');
		const match = /https:\/\/clinic\.example\.jp\/en\/portal\/auth\/([a-z0-9]+)\?next=\/portal\/intake/.exec(mail!.text);
		expect(match).not.toBeNull();
		const link = await db()
			.kysely.selectFrom('patient_magic_link')
			.selectAll()
			.where('patient_id', '=', booked.appointment.patient_id!)
			.executeTakeFirstOrThrow();
		expect(Date.parse(link.expires_at) - Date.parse(link.created_at)).toBe(BOOKING_LINK_TTL_MS);
		expect(Date.parse(link.created_at)).toBeGreaterThanOrEqual(before - 1000);
		expect(await consumeMagicLink(db(), match![1]!)).toBe(booked.appointment.patient_id);

		const reminder = await bookingMail(db(), booked.appointment.id, booked.manageToken, 'reminder', 'https://clinic.example.jp');
		expect(reminder!.text).not.toContain('/portal/auth/');
	});
});
