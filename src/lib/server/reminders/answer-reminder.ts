import { decideAttendanceAnswer, type AnswerChannel, type AttendanceChoice } from '../../domain/scheduling/attendance-answer';
import type { AuditActor } from '../audit/audit-log';
import { recordAudit } from '../audit/audit-log';
import { findAppointment, recordReminderAnswer } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';

export type AnswerReminderResult =
	{ ok: true; appointmentId: string; patientId: string | null; choice: AttendanceChoice } | { ok: false; code: 'not_found' | 'not_open' };

/**
 * Records the patient's answer to a reminder on the appointment (issue #17): the ONE place the
 * mail's answer page, LINE's postback and the desk all go through, so every channel records the
 * same columns (migration 0025) and writes the same audit row.
 */
export async function answerReminder(
	db: Db,
	input: { appointmentId: string; choice: AttendanceChoice; via: AnswerChannel },
	actor: AuditActor,
	now = db.clock.now()
): Promise<AnswerReminderResult> {
	return withTransaction(db, async (tx) => {
		const appointment = await findAppointment(tx, input.appointmentId, ['id', 'patient_id', 'status', 'starts_at']);
		if (!appointment || appointment.status === 'blocked') return { ok: false, code: 'not_found' } as const;
		const decision = decideAttendanceAnswer({ status: appointment.status, startsAt: Date.parse(appointment.starts_at) }, input.choice, now.getTime());
		if (!decision.ok) return decision;
		await recordReminderAnswer(tx, appointment.id, {
			confirmed_at: decision.confirmedAt,
			change_requested_at: decision.changeRequestedAt,
			answered_via: input.via
		});
		await recordAudit(tx, actor, {
			action: 'appointment.reminder_answer',
			entityType: 'appointment',
			entityId: appointment.id,
			patientId: appointment.patient_id ?? undefined,
			detail: { choice: input.choice, via: input.via }
		});
		return { ok: true, appointmentId: appointment.id, patientId: appointment.patient_id, choice: input.choice } as const;
	});
}
