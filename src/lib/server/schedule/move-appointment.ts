import { recordAudit, type AuditActor } from '../audit/audit-log';
import { findWholeAppointment, moveAppointmentTo, releaseOccupancy } from '../booking/appointment-repository';
import { isUniqueViolation, resourcesOf } from '../booking/occupancy';
import type { Db } from '../db/database';
import { findActivePractitionerId, offersService } from '../scheduling-settings/settings-repository';
import type { Appointment } from '../db/schema';
import { enqueueJob } from '../jobs/queue';
import { rescheduleReminders } from '../jobs/reminders';
import { DESK_MOVE_MAIL_JOB } from './desk-move-mail';
import { withTransaction } from '../db/transaction';
import { enqueueFreedSlot } from '../waitlist/jobs';
import { claimOrThrow, findConflict, OccupancyConflict, type ConflictingAppointment } from './appointment-conflict';
import { fitsOpeningHours, loadWeeklyPeriods } from './opening-hours-fit';
import { isVisitLength } from '../../domain/scheduling/visit-length';
import { ZMoveAppointmentSchema, type TMoveAppointment } from './schemas';
import { getClinic } from '../clinic/clinic-repository';

export type MoveAppointmentResult =
	| { ok: true; appointment: Appointment }
	| { ok: false; code: 'conflict'; conflictWith: ConflictingAppointment | null }
	| { ok: false; code: 'invalid' | 'invalid_range' | 'not_found' | 'not_movable' | 'practitioner_not_found' | 'not_offered' | 'outside_hours' };

/** Only what is still ahead can move; a visit that happened (or was missed) stays where it was. */
const MOVABLE = new Set<Appointment['status']>(['booked', 'arrived', 'blocked']);

/**
 * Moves an appointment to a new start (and, if asked, to another practitioner), keeping its
 * length (unless a new end is given: a resize), buffer and bed. The old grains are released and the new ones claimed in one
 * transaction: if the new time is taken, the rollback puts the appointment back where it was.
 */
/** Thrown inside the transaction of a dry run, so that everything it wrote rolls back. */
class DryRunDone extends Error {
	constructor(readonly result: MoveAppointmentResult) {
		super('dry run');
	}
}

/**
 * `check`: run every rule, claim the grains and roll it all back, so the schedule's drag and drop
 * can show a conflict before anything is written (issue #22), with exactly the rules of the move.
 */
export async function moveAppointment(db: Db, raw: TMoveAppointment, actor: AuditActor, options: { check?: boolean } = {}): Promise<MoveAppointmentResult> {
	const parsed = ZMoveAppointmentSchema.safeParse(raw);
	if (!parsed.success) return { ok: false, code: 'invalid' };
	const input = parsed.data;
	const current = await findWholeAppointment(db, input.appointmentId);
	if (!current) return { ok: false, code: 'not_found' };
	if (!MOVABLE.has(current.status)) return { ok: false, code: 'not_movable' };

	const practitionerId = input.practitionerId ?? current.practitioner_id;
	if (practitionerId !== current.practitioner_id) {
		const practitioner = await findActivePractitionerId(db, practitionerId);
		if (!practitioner) return { ok: false, code: 'practitioner_not_found' };
		if (current.service_id) {
			if (!(await offersService(db, practitionerId, current.service_id))) return { ok: false, code: 'not_offered' };
		}
	}

	const oldStart = Date.parse(current.starts_at);
	const start = Date.parse(input.start);
	const oldEnd = Date.parse(current.ends_at);
	// A resize gives a new end: the visit's length changes, its buffer after it stays as it was.
	const end = input.end === undefined ? start + (oldEnd - oldStart) : Date.parse(input.end);
	if (input.end !== undefined && !isVisitLength(start, end, current.status === 'blocked' ? 'blocked' : 'visit')) return { ok: false, code: 'invalid_range' };
	const heldUntil = end + (Date.parse(current.held_until) - oldEnd);
	if (current.status !== 'blocked') {
		const [clinic, periods] = await Promise.all([getClinic(db), loadWeeklyPeriods(db)]);
		if (!fitsOpeningHours(periods, start, end, clinic.time_zone)) return { ok: false, code: 'outside_hours' };
	}
	const resources = resourcesOf({ practitioner_id: practitionerId, bed_id: current.bed_id });

	try {
		return await withTransaction(db, async (tx) => {
			const moved = {
				starts_at: new Date(start).toISOString(),
				ends_at: new Date(end).toISOString(),
				held_until: new Date(heldUntil).toISOString(),
				practitioner_id: practitionerId
			};
			// An answer to a reminder was about the old time (issue #17).
			const changes = start === oldStart ? moved : { ...moved, confirmed_at: null, change_requested_at: null, answered_via: null };
			// Guarded by the status read above: a cancellation that slipped in between wins.
			if (!(await moveAppointmentTo(tx, current.id, changes, current.status))) return { ok: false, code: 'not_movable' } as const;
			await releaseOccupancy(tx, current.id);
			await claimOrThrow(tx, current.id, resources, start, heldUntil, current.status === 'blocked');
			if (options.check) throw new DryRunDone({ ok: true, appointment: { ...current, ...moved } });
			await rescheduleReminders(tx, current.id, start);
			// The time it left goes to the waiting list (issue #17).
			if (start !== oldStart || end < oldEnd || practitionerId !== current.practitioner_id)
				await enqueueFreedSlot(tx, { practitionerId: current.practitioner_id, start: oldStart });
			await recordAudit(tx, actor, {
				action: 'schedule.move',
				entityType: 'appointment',
				entityId: current.id,
				patientId: current.patient_id ?? undefined,
				detail: {
					...(input.notifyPatient ? {} : { toldInPerson: true }),
					from: current.starts_at,
					to: moved.starts_at,
					...(moved.ends_at !== current.ends_at ? { fromEnd: current.ends_at, toEnd: moved.ends_at } : {}),
					...(practitionerId !== current.practitioner_id ? { fromPractitionerId: current.practitioner_id, toPractitionerId: practitionerId } : {})
				}
			});
			// The patient hears what moved, unless the desk told them in person (the job sends nothing without an address).
			// A resize alone changes no time the patient was given to come: no mail for it.
			if (input.notifyPatient && current.patient_id && (moved.starts_at !== current.starts_at || practitionerId !== current.practitioner_id)) {
				await enqueueJob(tx, DESK_MOVE_MAIL_JOB, {
					appointmentId: current.id,
					from: current.starts_at,
					...(practitionerId !== current.practitioner_id ? { fromPractitionerId: current.practitioner_id } : {})
				});
			}
			return { ok: true, appointment: { ...current, ...moved } } as const;
		});
	} catch (cause) {
		if (cause instanceof DryRunDone) return cause.result;
		if (cause instanceof OccupancyConflict || isUniqueViolation(cause)) {
			return { ok: false, code: 'conflict', conflictWith: await findConflict(db, resources, start, heldUntil, current.id) };
		}
		throw cause;
	}
}
