import { recordAudit, type AuditActor } from '../audit/audit-log';
import { findAppointment, markAppointmentCancelled, releaseOccupancy } from '../booking/appointment-repository';
import { enqueueJob } from '../jobs/queue';
import type { Db } from '../db/database';
import type { Appointment } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { enqueueFreedSlot } from '../waitlist/jobs';

export type CancelAppointmentResult = { ok: true } | { ok: false; code: 'not_found' | 'not_cancellable' };

/** A visit that happened or was missed is a record, not a plan: it is corrected, not cancelled. */
const CANCELLABLE = new Set<Appointment['status']>(['booked', 'arrived', 'blocked']);

/**
 * Cancels an appointment, or lifts blocked time, and frees its grains at once so the time can be
 * booked again. The row stays, with `cancelled_at`, for the patient's history and the audit trail.
 */
export async function cancelAppointment(
	db: Db,
	appointmentId: string,
	actor: AuditActor,
	now = db.clock.now(),
	options: { notifyPatient?: boolean } = {}
): Promise<CancelAppointmentResult> {
	const notifyPatient = options.notifyPatient ?? true;
	return withTransaction(db, async (tx) => {
		const current = await findAppointment(tx, appointmentId, ['id', 'status', 'patient_id', 'practitioner_id', 'starts_at']);
		if (!current) return { ok: false, code: 'not_found' } as const;
		if (!CANCELLABLE.has(current.status)) return { ok: false, code: 'not_cancellable' } as const;
		if (!(await markAppointmentCancelled(tx, current.id, current.status, now.toISOString()))) return { ok: false, code: 'not_cancellable' } as const;
		await releaseOccupancy(tx, current.id);
		await recordAudit(tx, actor, {
			action: 'schedule.cancel',
			entityType: 'appointment',
			entityId: current.id,
			patientId: current.patient_id ?? undefined,
			detail: { from: current.status, ...(notifyPatient ? {} : { toldInPerson: true }) }
		});
		// The patient hears of it (the job finds no address for a walk-in or a block, and sends nothing).
		// Unless the desk told them in person (issue #22).
		if (notifyPatient) await enqueueJob(tx, 'mail.booking_cancellation', { appointmentId: current.id }, undefined, now);
		// The freed time (a visit or lifted blocked time) goes to the waiting list (issue #17).
		await enqueueFreedSlot(tx, { practitionerId: current.practitioner_id, start: current.starts_at }, now);
		return { ok: true } as const;
	});
}
