import { formatReminderHours, parseReminderHours, storedReminderHours } from '../../domain/scheduling/reminder-timing';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { ReminderTiming } from '../booking/booking-mail-jobs';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { lineConfig, type LineConfig } from '../line/line-config';
import { updateClinic, findClinic } from '../clinic/clinic-repository';

/** The clinic's reminder timing per channel (issue #17). */
export async function reminderTiming(db: Db, line: LineConfig | null = lineConfig()): Promise<ReminderTiming> {
	const clinic = await findClinic(db);
	return reminderTimingOf(clinic, line);
}

/** The timing from the clinic row's stored hours, for a caller that has read the row already. */
export function reminderTimingOf(
	clinic: { reminder_hours_mail: string; reminder_hours_line: string } | undefined,
	line: LineConfig | null = lineConfig()
): ReminderTiming {
	if (!clinic) return { mail: [24], line: [24], lineEnabled: line !== null };
	return { mail: storedReminderHours(clinic.reminder_hours_mail), line: storedReminderHours(clinic.reminder_hours_line), lineEnabled: line !== null };
}

export type SaveReminderTimingResult = { ok: true; timing: ReminderTiming } | { ok: false; fields: Array<'mail' | 'line'> };

/** The owner's setting; it applies to reminders queued from now on (bookings and moves). */
export async function saveReminderTiming(db: Db, input: { mail: string; line: string }, actor: AuditActor): Promise<SaveReminderTimingResult> {
	const mail = parseReminderHours(input.mail);
	const line = parseReminderHours(input.line);
	const fields = [...(mail ? [] : ['mail' as const]), ...(line ? [] : ['line' as const])];
	if (!mail || !line) return { ok: false, fields };
	return withTransaction(db, async (tx) => {
		await updateClinic(tx, { reminder_hours_mail: formatReminderHours(mail), reminder_hours_line: formatReminderHours(line) });
		await recordAudit(tx, actor, { action: 'clinic.reminder_timing', entityType: 'clinic', detail: { mail, line } });
		return { ok: true, timing: { mail, line } } as const;
	});
}
