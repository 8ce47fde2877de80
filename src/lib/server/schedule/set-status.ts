import { visitDayHasCome } from '../../domain/scheduling/visit-day';
import type { NeedleProblem } from '../../domain/clinical/needle-account';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { Appointment } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { recordNoShowFee, waiveNoShowFeeOnCorrection } from '../cancellation-policy/record-fee';
import { claimOccupancy, findVisitWithPatientName, releaseOccupancyFrom, setAppointmentStatus } from '../booking/appointment-repository';
import { GRAIN_MINUTES, isUniqueViolation, practitionerPlaces, resourcesOf } from '../booking/occupancy';
import { inSavepoint } from '../db/transaction';
import { enqueueFreedSlot } from '../waitlist/jobs';
import { unaccountedSessionOfVisit } from '../treatment-session/needle-account';
import { STAFF_SETTABLE_STATUSES, type StaffSettableStatus } from './schemas';
import { getClinic } from '../clinic/clinic-repository';

export type SetStatusResult =
	/** `noShowFeeJpy`: the fee a no-show created under the cancellation policy (issue #17), else 0. */
	| { ok: true; changed: boolean; patientName: { familyName: string; givenName: string } | null; noShowFeeJpy?: number }
	| { ok: false; code: 'invalid' | 'not_found' | 'not_a_visit' }
	/** The visit's day (clinic-local) has not come: nobody arrives, completes or fails to come early. */
	| { ok: false; code: 'before_visit_day' }
	/** A no-show's freed time was booked or held since: the mark cannot be cleared (issue #17). */
	| { ok: false; code: 'time_taken' }
	/** A session of the visit has needles unaccounted for (docs/clinical-rules.md §3): it cannot be completed. */
	| { ok: false; code: 'needles_unaccounted'; sessionId: string; problem: NeedleProblem; needlesIn: number; needlesOut: number };

/** Statuses of a visit; a mistaken tap (arrived instead of no-show) can be corrected either way. */
const VISIT_STATUSES = new Set<Appointment['status']>(['booked', 'arrived', 'completed', 'no_show']);

const GRAIN_MS = GRAIN_MINUTES * 60_000;

/**
 * Reception's desk buttons: arrived, completed, no-show. Arrived and completed keep the grains
 * claimed, because the time was used for this patient. A no-show frees the rest of its time from
 * the grain it was marked in, and the freed time goes to the waiting list as a cancellation's does
 * (issue #17); clearing the mark (arrived or completed after all) claims that time back, or is
 * refused when it was booked or held meanwhile. A visit whose session still has needles
 * unaccounted for is not completed (docs/clinical-rules.md §3).
 */
export async function setStatus(
	db: Db,
	appointmentId: string,
	status: StaffSettableStatus,
	actor: AuditActor,
	now = db.clock.now().getTime()
): Promise<SetStatusResult> {
	if (!STAFF_SETTABLE_STATUSES.includes(status)) return { ok: false, code: 'invalid' };
	return withTransaction(db, async (tx) => {
		const current = await findVisitWithPatientName(tx, appointmentId);
		if (!current) return { ok: false, code: 'not_found' } as const;
		if (!VISIT_STATUSES.has(current.status)) return { ok: false, code: 'not_a_visit' } as const;
		const patientName = current.family_name !== null && current.given_name !== null ? { familyName: current.family_name, givenName: current.given_name } : null;
		if (current.status === status) return { ok: true, changed: false, patientName } as const;
		// Every status the desk sets says the visit's day has come (arrived, completed, no-show).
		const clinic = await getClinic(tx);
		if (!visitDayHasCome(Date.parse(current.starts_at), now, clinic.time_zone)) return { ok: false, code: 'before_visit_day' } as const;
		if (status === 'completed') {
			const open = await unaccountedSessionOfVisit(tx, current.id);
			if (open?.problem) {
				await recordAudit(tx, actor, {
					action: 'schedule.status_refused',
					entityType: 'appointment',
					entityId: current.id,
					patientId: current.patient_id ?? undefined,
					detail: { to: status, reason: 'needles_unaccounted', sessionId: open.sessionId }
				});
				return {
					ok: false,
					code: 'needles_unaccounted',
					sessionId: open.sessionId,
					problem: open.problem,
					needlesIn: open.needlesIn,
					needlesOut: open.needlesOut
				} as const;
			}
		}
		// Clearing a no-show takes its freed time back, unless someone has it now.
		if (current.status === 'no_show' && current.released_from !== null) {
			const from = Date.parse(current.released_from);
			const until = Date.parse(current.held_until);
			if (from < until) {
				const places = await practitionerPlaces(tx, current.practitioner_id);
				const start = Math.max(from, Date.parse(current.starts_at));
				const claimed = await inSavepoint(tx, () => claimOccupancy(tx, current.id, resourcesOf(current), start, until, places));
				if (!claimed.ok) {
					if (!isUniqueViolation(claimed.cause)) throw claimed.cause;
					await recordAudit(tx, actor, {
						action: 'schedule.status_refused',
						entityType: 'appointment',
						entityId: current.id,
						patientId: current.patient_id ?? undefined,
						detail: { from: current.status, to: status, reason: 'time_taken' }
					});
					return { ok: false, code: 'time_taken' } as const;
				}
			}
		}
		// A no-show frees its time from the grain it is marked in (issue #17).
		const releasedFrom = status === 'no_show' ? Math.floor(now / GRAIN_MS) * GRAIN_MS : null;
		const releases = releasedFrom !== null && releasedFrom < Date.parse(current.held_until);
		const releasedFromIso = releases ? new Date(releasedFrom).toISOString() : null;
		if (!(await setAppointmentStatus(tx, current.id, current.status, status, releasedFromIso))) return { ok: false, code: 'not_a_visit' } as const;
		await recordAudit(tx, actor, {
			action: 'schedule.status',
			entityType: 'appointment',
			entityId: current.id,
			patientId: current.patient_id ?? undefined,
			detail: { from: current.status, to: status, ...(releases ? { releasedFrom: new Date(releasedFrom).toISOString() } : {}) }
		});
		if (releases) {
			const released = new Date(releasedFrom).toISOString();
			await releaseOccupancyFrom(tx, current.id, released);
			// The rest of the visit goes to the waiting list, as a cancellation's time does.
			await enqueueFreedSlot(
				tx,
				{ practitionerId: current.practitioner_id, start: Math.max(releasedFrom, Date.parse(current.starts_at)), until: current.held_until },
				now
			);
		}
		// A no-show owes the policy's fee; a no-show corrected by the desk owes nothing.
		let noShowFeeJpy = 0;
		if (status === 'no_show') noShowFeeJpy = (await recordNoShowFee(tx, current, actor, now)) ?? 0;
		else if (current.status === 'no_show') await waiveNoShowFeeOnCorrection(tx, current.id, actor, now);
		return { ok: true, changed: true, patientName, ...(noShowFeeJpy > 0 ? { noShowFeeJpy } : {}) } as const;
	});
}
