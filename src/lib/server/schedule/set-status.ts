import { visitDayHasCome } from '../../domain/scheduling/visit-day';
import type { NeedleProblem } from '../../domain/clinical/needle-account';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { Appointment } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { recordNoShowFee, waiveNoShowFeeOnCorrection } from '../cancellation-policy/record-fee';
import { unaccountedSessionOfVisit } from '../treatment-session/needle-account';
import { STAFF_SETTABLE_STATUSES, type StaffSettableStatus } from './schemas';

export type SetStatusResult =
	/** `noShowFeeJpy`: the fee a no-show created under the cancellation policy (issue #17), else 0. */
	| { ok: true; changed: boolean; patientName: { familyName: string; givenName: string } | null; noShowFeeJpy?: number }
	| { ok: false; code: 'invalid' | 'not_found' | 'not_a_visit' }
	/** The visit's day (clinic-local) has not come: nobody arrives, completes or fails to come early. */
	| { ok: false; code: 'before_visit_day' }
	/** A session of the visit has needles unaccounted for (docs/clinical-rules.md §3): it cannot be completed. */
	| { ok: false; code: 'needles_unaccounted'; sessionId: string; problem: NeedleProblem; needlesIn: number; needlesOut: number };

/** Statuses of a visit; a mistaken tap (arrived instead of no-show) can be corrected either way. */
const VISIT_STATUSES = new Set<Appointment['status']>(['booked', 'arrived', 'completed', 'no_show']);

/**
 * Reception's desk buttons: arrived, completed, no-show. The grains stay claimed whatever the
 * status, because the time was used (or kept free) for this patient. A visit whose session still
 * has needles unaccounted for is not completed (docs/clinical-rules.md §3).
 */
export async function setStatus(db: Db, appointmentId: string, status: StaffSettableStatus, actor: AuditActor, now = db.clock.now().getTime()): Promise<SetStatusResult> {
	if (!STAFF_SETTABLE_STATUSES.includes(status)) return { ok: false, code: 'invalid' };
	return withTransaction(db, async (tx) => {
		const current = await tx.kysely
			.selectFrom('appointment')
			.leftJoin('patient', 'patient.id', 'appointment.patient_id')
			.select(['appointment.id', 'appointment.status', 'appointment.patient_id', 'appointment.starts_at', 'appointment.policy_version', 'patient.family_name', 'patient.given_name'])
			.where('appointment.id', '=', appointmentId)
			.executeTakeFirst();
		if (!current) return { ok: false, code: 'not_found' } as const;
		if (!VISIT_STATUSES.has(current.status)) return { ok: false, code: 'not_a_visit' } as const;
		const patientName = current.family_name !== null && current.given_name !== null ? { familyName: current.family_name, givenName: current.given_name } : null;
		if (current.status === status) return { ok: true, changed: false, patientName } as const;
		// Every status the desk sets says the visit's day has come (arrived, completed, no-show).
		const clinic = await tx.kysely.selectFrom('clinic').select('time_zone').executeTakeFirstOrThrow();
		if (!visitDayHasCome(Date.parse(current.starts_at), now, clinic.time_zone)) return { ok: false, code: 'before_visit_day' } as const;
		if (status === 'completed') {
			const open = await unaccountedSessionOfVisit(tx, current.id);
			if (open?.problem) {
				await recordAudit(tx, actor, { action: 'schedule.status_refused', entityType: 'appointment', entityId: current.id, patientId: current.patient_id ?? undefined, detail: { to: status, reason: 'needles_unaccounted', sessionId: open.sessionId } });
				return { ok: false, code: 'needles_unaccounted', sessionId: open.sessionId, problem: open.problem, needlesIn: open.needlesIn, needlesOut: open.needlesOut } as const;
			}
		}
		const updated = await tx.kysely
			.updateTable('appointment')
			.set({ status })
			.where('id', '=', current.id)
			.where('status', '=', current.status)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) !== 1) return { ok: false, code: 'not_a_visit' } as const;
		await recordAudit(tx, actor, {
			action: 'schedule.status',
			entityType: 'appointment',
			entityId: current.id,
			patientId: current.patient_id ?? undefined,
			detail: { from: current.status, to: status }
		});
		// A no-show owes the policy's fee; a no-show corrected by the desk owes nothing.
		let noShowFeeJpy = 0;
		if (status === 'no_show') noShowFeeJpy = (await recordNoShowFee(tx, current, actor, now)) ?? 0;
		else if (current.status === 'no_show') await waiveNoShowFeeOnCorrection(tx, current.id, actor, now);
		return { ok: true, changed: true, patientName, ...(noShowFeeJpy > 0 ? { noShowFeeJpy } : {}) } as const;
	});
}
