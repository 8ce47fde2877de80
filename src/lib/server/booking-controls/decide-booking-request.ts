import { recordAudit, type AuditActor } from '../audit/audit-log';
import { reminderTiming } from '../reminders/reminder-settings';
import { bookingMailJobs } from '../booking/booking-mail-jobs';
import { decideAppointmentApproval, findAppointment, releaseOccupancy } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { enqueueJobs } from '../jobs/queue';
import { BOOKING_DECLINED_MAIL_JOB } from './approval-mail-jobs';

export type BookingDecision = 'approve' | 'decline';
export type DecideBookingRequestResult = { ok: true } | { ok: false; code: 'not_found' | 'not_pending' };

/**
 * The desk's answer to a new patient's online booking (issue #17). Approved: the visit stands, the
 * patient gets the usual confirmation and reminder. Declined: it is cancelled, its held grains are
 * freed, and the patient is told. Either way exactly once: the update is guarded by 'pending'.
 */
export async function decideBookingRequest(
	db: Db,
	appointmentId: string,
	decision: BookingDecision,
	actor: AuditActor,
	now = db.clock.now().getTime()
): Promise<DecideBookingRequestResult> {
	return withTransaction(db, async (tx) => {
		const current = await findAppointment(tx, appointmentId, ['id', 'patient_id', 'starts_at', 'status', 'approval']);
		if (!current) return { ok: false, code: 'not_found' } as const;
		if (current.status !== 'booked' || current.approval !== 'pending') return { ok: false, code: 'not_pending' } as const;
		const at = new Date(now).toISOString();
		if (!(await decideAppointmentApproval(tx, current.id, decision, at))) return { ok: false, code: 'not_pending' } as const;
		if (decision === 'approve') {
			await enqueueJobs(
				tx,
				bookingMailJobs(tx.secrets, { appointmentId: current.id, patientId: current.patient_id }, Date.parse(current.starts_at), now, await reminderTiming(tx)),
				new Date(now)
			);
		} else {
			await releaseOccupancy(tx, current.id);
			await enqueueJobs(tx, [{ kind: BOOKING_DECLINED_MAIL_JOB, payload: { appointmentId: current.id } }], new Date(now));
		}
		await recordAudit(tx, actor, {
			action: decision === 'approve' ? 'booking.approve' : 'booking.decline',
			entityType: 'appointment',
			entityId: current.id,
			patientId: current.patient_id ?? undefined
		});
		return { ok: true } as const;
	});
}
