import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { bookingMail } from '../booking/booking-mail';
import { createBooking } from '../booking/create-booking';
import { rescheduleReminders } from '../jobs/reminders';
import { seedDemoClinic } from '../seed/demo-clinic';
import { answerReminder } from './answer-reminder';
import { readReminderAnswerToken, reminderAnswerToken } from './answer-token';
import { reminderTiming, saveReminderTiming } from './reminder-settings';

const actor: AuditActor = { type: 'anonymous', id: null, ip: '203.0.113.9', requestId: 'test' };
const DAY = '2030-06-04';
const NOW = new Date('2030-05-25T00:00:00Z');
const HOUR = 3_600_000;

describeEachDatabase('answering a reminder', (db) => {
	let serviceId = '';
	let count = 0;

	beforeAll(async () => {
		await seedDemoClinic(db());
		serviceId = (await db().kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow()).id;
	});

	async function book(time: string) {
		count++;
		const result = await createBooking(
			db(),
			{
				serviceId,
				start: `${DAY}T${time}:00+09:00`,
				locale: 'en',
				patient: { familyName: 'Mori', givenName: `Aki${count}`, email: `aki${count}@example.jp`, phone: '090-1234-5678' },
				consent: { privacy: true }
			},
			actor,
			NOW.getTime()
		);
		if (!result.ok) throw new Error(result.code);
		return result;
	}

	const row = (id: string) =>
		db()
			.kysely.selectFrom('appointment')
			.select(['confirmed_at', 'change_requested_at', 'answered_via', 'status'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();

	it('records "I\'ll come", then "I need to change", on the appointment, each audited', async () => {
		const { appointment } = await book('10:00');
		expect(await answerReminder(db(), { appointmentId: appointment.id, choice: 'come', via: 'mail' }, actor, NOW)).toMatchObject({ ok: true, choice: 'come' });
		expect(await row(appointment.id)).toMatchObject({ confirmed_at: NOW.toISOString(), change_requested_at: null, answered_via: 'mail' });
		const later = new Date(NOW.getTime() + HOUR);
		await answerReminder(db(), { appointmentId: appointment.id, choice: 'change', via: 'desk' }, actor, later);
		expect(await row(appointment.id)).toMatchObject({ confirmed_at: null, change_requested_at: later.toISOString(), answered_via: 'desk' });
		const audits = await db()
			.kysely.selectFrom('audit_log')
			.select('detail')
			.where('entity_id', '=', appointment.id)
			.where('action', '=', 'appointment.reminder_answer')
			.execute();
		expect(audits.map((a) => JSON.parse(a.detail!))).toEqual([
			{ choice: 'come', via: 'mail' },
			{ choice: 'change', via: 'desk' }
		]);
	});

	it('refuses an answer once the visit has begun, and for an unknown appointment', async () => {
		const { appointment } = await book('10:45');
		expect(
			await answerReminder(db(), { appointmentId: appointment.id, choice: 'come', via: 'line' }, actor, new Date(Date.parse(appointment.starts_at)))
		).toEqual({ ok: false, code: 'not_open' });
		expect(await answerReminder(db(), { appointmentId: '00000000-0000-4000-8000-000000000000', choice: 'come', via: 'line' }, actor, NOW)).toEqual({
			ok: false,
			code: 'not_found'
		});
		expect(await row(appointment.id)).toMatchObject({ confirmed_at: null, answered_via: null });
	});

	it("signs the answer link so that only this server's tokens open it", () => {
		const token = reminderAnswerToken(db().secrets, '11111111-2222-4333-8444-555555555555');
		expect(readReminderAnswerToken(db().secrets, token)).toBe('11111111-2222-4333-8444-555555555555');
		const [id, mac] = token.split('.');
		expect(readReminderAnswerToken(db().secrets, `${id!.replace('1', '2')}.${mac}`)).toBeNull();
		expect(readReminderAnswerToken(db().secrets, `${id}.${'0'.repeat(mac!.length)}`)).toBeNull();
		expect(readReminderAnswerToken(db().secrets, 'nonsense')).toBeNull();
	});

	it('puts the answer links in the reminder mail, and not in the confirmation', async () => {
		const { appointment, manageToken } = await book('11:30');
		const reminder = await bookingMail(db(), appointment.id, manageToken, 'reminder', 'https://clinic.example.jp');
		expect(reminder!.text).toContain(`https://clinic.example.jp/en/reminder/${reminderAnswerToken(db().secrets, appointment.id)}?choice=come`);
		expect(reminder!.text).toContain('choice=change');
		const confirmation = await bookingMail(db(), appointment.id, manageToken, 'confirmation', 'https://clinic.example.jp');
		expect(confirmation!.text).not.toContain('/reminder/');
	});

	it("queues reminders at the clinic's times per channel, and moves each by its own hours", async () => {
		expect(await saveReminderTiming(db(), { mail: '2, 24', line: '' }, actor)).toMatchObject({ ok: true });
		expect(await reminderTiming(db(), null)).toEqual({ mail: [24, 2], line: [], lineEnabled: false });
		expect(await saveReminderTiming(db(), { mail: '0', line: '200' }, actor)).toEqual({ ok: false, fields: ['mail', 'line'] });
		const { appointment } = await book('14:30');
		const reminders = async () =>
			(
				await db()
					.kysely.selectFrom('job')
					.select(['run_at', 'payload'])
					.where('kind', '=', 'mail.booking_reminder')
					.where('done_at', 'is', null)
					.where('payload', 'like', `%"appointmentId":"${appointment.id}"%`)
					.execute()
			)
				.map((job) => job.run_at)
				.sort();
		const start = Date.parse(appointment.starts_at);
		expect(await reminders()).toEqual([new Date(start - 24 * HOUR).toISOString(), new Date(start - 2 * HOUR).toISOString()]);
		await rescheduleReminders(db(), appointment.id, start + 48 * HOUR, NOW.getTime());
		expect(await reminders()).toEqual([new Date(start + 24 * HOUR).toISOString(), new Date(start + 46 * HOUR).toISOString()]);
		await saveReminderTiming(db(), { mail: '24', line: '24' }, actor);
	});
});
