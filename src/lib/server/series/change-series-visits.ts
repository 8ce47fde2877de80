import { recordAudit, type AuditActor } from '../audit/audit-log';
import { bookedSeriesVisitsFrom, findWholeAppointment, markAppointmentCancelled, moveAppointmentTo, releaseOccupancy } from '../booking/appointment-repository';
import { isUniqueViolation, resourcesOf } from '../booking/occupancy';
import type { Db } from '../db/database';
import type { Appointment } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { enqueueJobs } from '../jobs/queue';
import { rescheduleReminders } from '../jobs/reminders';
import { claimOrThrow, OccupancyConflict } from '../schedule/appointment-conflict';
import { fitsOpeningHours, loadWeeklyPeriods } from '../schedule/opening-hours-fit';
import { enqueueFreedSlot } from '../waitlist/jobs';
import { SERIES_CANCELLATION_MAIL_JOB } from './series-mail';
import { getClinic } from '../clinic/clinic-repository';

export type SeriesScope = 'one' | 'following';

export type ChangeSeriesResult =
	{ ok: true; changed: number; seriesId: string | null } | { ok: false; code: 'not_found' | 'not_changeable' | 'outside_hours' | 'conflict' };

/** The visit and, for "this and the following", every later visit of its series still booked. */
async function targetsOf(db: Db, appointmentId: string, scope: SeriesScope): Promise<Appointment[] | 'not_found' | 'not_changeable'> {
	const current = await findWholeAppointment(db, appointmentId);
	if (!current || current.status === 'blocked') return 'not_found';
	if (current.status !== 'booked') return 'not_changeable';
	if (scope === 'one' || !current.series_id) return [current];
	return bookedSeriesVisitsFrom(db, current.series_id, current.starts_at);
}

/**
 * Cancels one visit of a series, or it and every later one (issue #17), in one transaction: the
 * grains are freed at once and offered to the waiting list, each visit is audited, and the
 * patient gets one message listing every visit cancelled (by mail and their other channels).
 */
export async function cancelSeriesVisits(
	db: Db,
	appointmentId: string,
	scope: SeriesScope,
	actor: AuditActor,
	now = db.clock.now()
): Promise<ChangeSeriesResult> {
	return withTransaction(db, async (tx) => {
		const targets = await targetsOf(tx, appointmentId, scope);
		if (typeof targets === 'string') return { ok: false, code: targets } as const;
		const cancelled: Appointment[] = [];
		for (const visit of targets) {
			if (!(await markAppointmentCancelled(tx, visit.id, 'booked', now.toISOString()))) continue;
			cancelled.push(visit);
			await releaseOccupancy(tx, visit.id);
			await enqueueFreedSlot(tx, { practitionerId: visit.practitioner_id, start: visit.starts_at }, now);
			await recordAudit(tx, actor, {
				action: 'schedule.cancel',
				entityType: 'appointment',
				entityId: visit.id,
				patientId: visit.patient_id ?? undefined,
				detail: { from: 'booked', seriesId: visit.series_id, scope }
			});
		}
		// One visit: its own cancellation (with its .ics); several: one message listing them all.
		if (cancelled.length === 1) await enqueueJobs(tx, [{ kind: 'mail.booking_cancellation', payload: { appointmentId: cancelled[0]!.id } }], now);
		else if (cancelled.length > 1)
			await enqueueJobs(tx, [{ kind: SERIES_CANCELLATION_MAIL_JOB, payload: { appointmentIds: cancelled.map((v) => v.id).join(',') } }], now);
		return { ok: true, changed: targets.length, seriesId: targets[0]?.series_id ?? null } as const;
	});
}

/**
 * Moves one visit to a new start, or it and every later visit of its series by the same shift
 * (issue #17). All the visits' grains are released first and claimed again at their new times in
 * one transaction: one taken grain, or one visit outside the opening hours, and nothing moves.
 */
export async function moveSeriesVisits(db: Db, appointmentId: string, scope: SeriesScope, newStart: number, actor: AuditActor): Promise<ChangeSeriesResult> {
	const [clinic, periods] = await Promise.all([getClinic(db), loadWeeklyPeriods(db)]);
	try {
		return await withTransaction(db, async (tx) => {
			const targets = await targetsOf(tx, appointmentId, scope);
			if (typeof targets === 'string') return { ok: false, code: targets } as const;
			const shift = newStart - Date.parse(targets[0]!.starts_at);
			const moved = targets.map((v) => ({
				visit: v,
				start: Date.parse(v.starts_at) + shift,
				end: Date.parse(v.ends_at) + shift,
				heldUntil: Date.parse(v.held_until) + shift
			}));
			if (moved.some((m) => !fitsOpeningHours(periods, m.start, m.end, clinic.time_zone))) return { ok: false, code: 'outside_hours' } as const;
			for (const m of moved) await releaseOccupancy(tx, m.visit.id);
			for (const m of moved) {
				await moveAppointmentTo(tx, m.visit.id, {
					starts_at: new Date(m.start).toISOString(),
					ends_at: new Date(m.end).toISOString(),
					held_until: new Date(m.heldUntil).toISOString()
				});
				await claimOrThrow(tx, m.visit.id, resourcesOf(m.visit), m.start, m.heldUntil);
				await rescheduleReminders(tx, m.visit.id, m.start);
				await recordAudit(tx, actor, {
					action: 'schedule.move',
					entityType: 'appointment',
					entityId: m.visit.id,
					patientId: m.visit.patient_id ?? undefined,
					detail: { from: m.visit.starts_at, to: new Date(m.start).toISOString(), seriesId: m.visit.series_id, scope }
				});
			}
			return { ok: true, changed: moved.length, seriesId: targets[0]!.series_id } as const;
		});
	} catch (cause) {
		if (cause instanceof OccupancyConflict || isUniqueViolation(cause)) return { ok: false, code: 'conflict' };
		throw cause;
	}
}
