import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { enqueueJob } from './queue';
import { rescheduleReminders } from './reminders';

const NOW = Date.parse('2026-11-25T00:00:00Z');
const DAY = 86_400_000;

describeEachDatabase('reminders after a move', (db) => {
	it('follow the appointment to its new day, and drop when the new day is too close', async () => {
		const a = await enqueueJob(db(), 'mail.booking_reminder', { appointmentId: 'appt-a', manageToken: 't' }, new Date(NOW + 2 * DAY));
		const b = await enqueueJob(db(), 'mail.booking_reminder', { appointmentId: 'appt-b', manageToken: 't' }, new Date(NOW + 2 * DAY));
		const other = await enqueueJob(db(), 'mail.booking_confirmation', { appointmentId: 'appt-a', manageToken: 't' }, new Date(NOW));
		await rescheduleReminders(db(), 'appt-a', NOW + 5 * DAY, NOW);
		await rescheduleReminders(db(), 'appt-b', NOW + 12 * 3_600_000, NOW);
		const job = (id: string) => db().kysely.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(Date.parse((await job(a)).run_at)).toBe(NOW + 4 * DAY);
		expect((await job(a)).done_at).toBeNull();
		expect((await job(b)).done_at).not.toBeNull();
		expect(Date.parse((await job(other)).run_at)).toBe(NOW);
	});
});
