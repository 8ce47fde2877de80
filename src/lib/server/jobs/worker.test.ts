import ICAL from 'ical.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../../../../tests/support/smtp-peer';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { createBooking } from '../booking/create-booking';
import { getAvailability } from '../booking/get-availability';
import { createMailer } from '../mail/mailer';
import { cancelAppointment } from '../schedule/cancel-appointment';
import { seedDemoClinic } from '../seed/demo-clinic';
import { claimDueJobs, enqueueJob } from './queue';
import { runDueJobs } from './worker';

let peer: SmtpPeer;
let received: SmtpPeer['received'] = [];
let smtpUrl = '';
beforeAll(async () => {
	peer = await startSmtpPeer();
	received = peer.received;
	smtpUrl = peer.url;
});
afterAll(() => peer.close());

const NOW = Date.parse('2026-11-27T00:00:00Z');

describeEachDatabase('mail jobs', (db, dialect) => {
	it('sends the booking confirmation in the patient’s language with a standards-valid .ics', async () => {
		await seedDemoClinic(db());
		const service = await db().kysely.selectFrom('service').select('id').where('code', '=', 'EA').executeTakeFirstOrThrow();
		const availability = await getAvailability(db(), { service: service.id, from: '2026-12-01', to: '2026-12-01' }, { now: NOW });
		if (!availability.ok) throw new Error(availability.code);
		const email = `${dialect}-guest@example.jp`;
		const booked = await createBooking(
			db(),
			{
				serviceId: service.id,
				start: new Date(availability.slots[0]!.start).toISOString(),
				locale: 'en',
				patient: { familyName: 'Morgan', givenName: 'Alex', email, phone: '+44 20 7946 0000' },
				consent: { privacy: true }
			},
			{ type: 'anonymous', id: null, ip: null, requestId: null },
			NOW
		);
		if (!booked.ok) throw new Error(booked.code);

		const ran = await runDueJobs({ db: db(), mailer: createMailer(smtpUrl), origin: 'https://clinic.example.jp' }, new Date(NOW));
		expect(ran).toBe(1); // the reminder waits until 24 hours before
		const mail = received.find((m) => m.to && 'text' in m.to && m.to.text === email)!;
		expect(mail.subject).toMatch(/^Fuji Wellness Acupuncture: your appointment on Tuesday,? 1 December 2026 at 09:00$/);
		expect(mail.text).toContain('Dear Alex Morgan');
		expect(mail.text).toContain(`https://clinic.example.jp/en/booking/${booked.manageToken}`);
		const ics = mail.attachments.find((a) => a.filename === 'appointment.ics')!;
		const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.content.toString('utf8'))).getFirstSubcomponent('vevent')!);
		expect(event.startDate.toJSDate().toISOString()).toBe(booked.appointment.starts_at);
		expect(event.endDate.toJSDate().toISOString()).toBe(booked.appointment.ends_at);
		expect(event.summary).toContain('Electroacupuncture');

		const reminderDue = new Date(Date.parse(booked.appointment.starts_at) - 23 * 3_600_000);
		expect(await runDueJobs({ db: db(), mailer: createMailer(smtpUrl), origin: 'https://clinic.example.jp' }, reminderDue)).toBe(1);
		expect(received.filter((m) => m.to && 'text' in m.to && m.to.text === email).map((m) => m.subject)).toHaveLength(2);
	});

	it('tells the patient of a cancellation, with an .ics that cancels the same event', async () => {
		const booked = await db()
			.kysely.selectFrom('appointment')
			.innerJoin('patient', 'patient.id', 'appointment.patient_id')
			.select(['appointment.id', 'appointment.starts_at', 'patient.email'])
			.where('patient.email', '=', `${dialect}-guest@example.jp`)
			.executeTakeFirstOrThrow();
		const outcome = await cancelAppointment(db(), booked.id, { type: 'staff', id: null, ip: null, requestId: null }, new Date(NOW));
		expect(outcome).toEqual({ ok: true });
		// The cancellation mail, and the offer of the freed time to the waiting list (issue #17).
		expect(await runDueJobs({ db: db(), mailer: createMailer(smtpUrl), origin: 'https://clinic.example.jp' }, new Date(NOW))).toBe(2);
		const mail = received.filter((m) => m.to && 'text' in m.to && m.to.text === booked.email).at(-1)!;
		expect(mail.subject).toMatch(/is cancelled$/);
		const calendar = new ICAL.Component(ICAL.parse(mail.attachments[0]!.content.toString('utf8')));
		expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
		const event = calendar.getFirstSubcomponent('vevent')!;
		expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(event.getFirstPropertyValue('uid')).toBe(`${booked.id}@shinkyu`);
		// The reminder still queued for the cancelled visit sends nothing.
		const reminderDue = new Date(Date.parse(booked.starts_at) - 23 * 3_600_000);
		await runDueJobs({ db: db(), mailer: createMailer(smtpUrl), origin: 'https://clinic.example.jp' }, reminderDue);
		expect(received.filter((m) => m.to && 'text' in m.to && m.to.text === booked.email).at(-1)!.subject).toMatch(/is cancelled$/);
	});

	it('retries a failed delivery later, with backoff', async () => {
		const cancelled = await db().kysely.selectFrom('appointment').select('id').where('status', '=', 'cancelled').executeTakeFirstOrThrow();
		const id = await enqueueJob(db(), 'mail.booking_cancellation', { appointmentId: cancelled.id }, new Date(NOW));
		await runDueJobs({ db: db(), mailer: createMailer('smtp://127.0.0.1:1'), origin: 'http://localhost' }, new Date(NOW));
		const job = await db().kysely.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(job).toMatchObject({ attempts: 1, done_at: null });
		expect(job.last_error).toMatch(/ECONNREFUSED/);
		expect(Date.parse(job.run_at)).toBe(NOW + 60_000);
	});

	it('without SMTP, keeps each job to itself: one that fails leaves the others in the same commit done', async () => {
		const cancelled = await db().kysely.selectFrom('appointment').select('id').where('status', '=', 'cancelled').executeTakeFirstOrThrow();
		const outbox = () => db().kysely.selectFrom('mail_outbox').select('id').where('kind', '=', 'booking.cancellation').execute();
		const before = (await outbox()).length;
		const good = [
			await enqueueJob(db(), 'mail.booking_cancellation', { appointmentId: cancelled.id }, new Date(NOW)),
			await enqueueJob(db(), 'mail.booking_cancellation', { appointmentId: cancelled.id }, new Date(NOW))
		];
		const unknown = await enqueueJob(db(), 'test.unknown', {}, new Date(NOW));
		good.push(await enqueueJob(db(), 'mail.booking_cancellation', { appointmentId: cancelled.id }, new Date(NOW)));
		await runDueJobs({ db: db(), mailer: createMailer(undefined), origin: 'http://localhost' }, new Date(NOW));
		const jobs = await db()
			.kysely.selectFrom('job')
			.selectAll()
			.where('id', 'in', [...good, unknown])
			.execute();
		for (const id of good) expect(jobs.find((j) => j.id === id)!.done_at).not.toBeNull();
		expect(jobs.find((j) => j.id === unknown)).toMatchObject({ done_at: null, locked_until: null, last_error: 'no handler for test.unknown' });
		expect((await outbox()).length).toBe(before + 3);
	});

	it('never gives the same job to two workers at once', async () => {
		for (let i = 0; i < 30; i++) await enqueueJob(db(), 'test.noop', { i }, new Date(NOW));
		const later = new Date(NOW + 3_600_000);
		const [a, b, c] = await Promise.all([claimDueJobs(db(), 20, later), claimDueJobs(db(), 20, later), claimDueJobs(db(), 20, later)]);
		const ids = [...a!, ...b!, ...c!].map((j) => j.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBeGreaterThanOrEqual(30);
	});
});
