import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { findAcupoint } from '../../domain/acupoints/points';
import { POINT_SIDES } from '../../domain/clinical/point-suggestions';
import { checkTreatment } from '../../domain/clinical/safety-check';
import { DEFAULT_RETENTION_MINUTES, NO_TECHNIQUES, planPointsForSession } from '../../domain/clinical/session-rules';
import { localDayAround } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { sessionConsentProblemOf } from '../consent/required-consent';
import { redFlagSessionGate } from '../examination/latest-examination';
import { findPatientVisitBed } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { findPortalPainBetween } from '../outcomes/outcome-repository';
import type { PointSide } from '../db/schema-session';
import { withTransaction } from '../db/transaction';
import { fieldCodesFrom, type SessionFieldCodes } from './field-codes';
import { ZStartSessionSchema } from './schemas';
import { findSessionPatient, insertSession, insertSessionPoints, licencesOf } from './session-repository';
import { currentSafetyAlerts } from './session-safety';
import { clinicTimeZone } from '../clinic/clinic-settings';
import { selectActivePlanPointsJson } from '../treatment-plan/plan-repository';

export type StartSessionResult =
	/** `held`: how many of the plan's points wait for an acknowledgement before they join the record. */
	| { ok: true; id: string; resumed: boolean; preFilled: boolean; held: number }
	| { ok: false; code: 'invalid'; fields: SessionFieldCodes }
	| { ok: false; code: 'not_found' | 'forbidden' | 'no_treatment_consent' }
	/** The newest examination found an emergency-level red flag: referral, not needles (docs/clinical-rules.md §1). */
	| { ok: false; code: 'red_flag_blocked'; examinationId: string }
	/** An urgent or see-doctor finding waits for the practitioner's acknowledgement. */
	| { ok: false; code: 'red_flag_unacknowledged'; examinationId: string };

export interface StartSessionOptions {
	now?: Date;
	/** The clinic's time zone: "today" for the portal check-in is the clinic's day. */
	timeZone?: string;
}

/**
 * Opens a session for a patient, run by the acting staff member, optionally for one of the
 * patient's appointments (its bed becomes the session's bed). When the patient did a portal
 * check-in today, its leg and back NRS pre-fill the pre-session pain. Starting twice for the same
 * appointment (a double tap) returns the session already open.
 *
 * The active plan's points start the record, re-checked against the patient's alerts as they are
 * now (docs/clinical-rules.md §3): they may have changed since the plan was saved, and the plan's
 * acknowledgements were given for the plan, not at this bed. A point that meets an alert or its
 * own caution is held back (`held_plan_points`): the session starts, and the page asks for a reason
 * before the point joins the record (or the practitioner leaves it out).
 */
export async function startSession(
	db: Db,
	patientId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: StartSessionOptions = {}
): Promise<StartSessionResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZStartSessionSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const { appointmentId } = parsed.data;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx) => {
		if (!(await findSessionPatient(tx, patientId))) return { ok: false, code: 'not_found' } as const;
		let bedId: string | null = null;
		if (appointmentId !== null) {
			const appointment = await findPatientVisitBed(tx, appointmentId, patientId, ['booked', 'arrived', 'completed']);
			if (!appointment) return { ok: false, code: 'invalid', fields: { appointmentId: 'treatmentSession.error.appointment' } } as const;
			bedId = appointment.bed_id;
		}
		let open = tx.kysely
			.selectFrom('treatment_session')
			.select('id')
			.where('patient_id', '=', patientId)
			.where('closed_at', 'is', null)
			.where('practitioner_staff_id', '=', staffId);
		open =
			appointmentId === null
				? open.where('appointment_id', 'is', null).where('started_at', '>=', localDayAround(now, options.timeZone ?? (await clinicTimeZone(tx))).start)
				: open.where('appointment_id', '=', appointmentId);
		const existing = await open.executeTakeFirst();
		if (existing) {
			await recordAudit(tx, actor, { action: 'treatment_session.resume', entityType: 'treatment_session', entityId: existing.id, patientId });
			return { ok: true, id: existing.id, resumed: true, preFilled: false, held: 0 } as const;
		}
		// The same rule wherever a session starts (docs/clinical-rules.md §1): checked here, in the use
		// case. A session already open is resumed above, so needles already in can still be counted out.
		const redFlags = await redFlagSessionGate(tx, patientId);
		if (redFlags.gate === 'blocked') return { ok: false, code: 'red_flag_blocked', examinationId: redFlags.examinationId! } as const;
		if (redFlags.gate === 'needs_acknowledgement') return { ok: false, code: 'red_flag_unacknowledged', examinationId: redFlags.examinationId! } as const;
		// Informed consent before treatment (docs/clinical-rules.md §6): signed, or taken aloud at the desk.
		if (await sessionConsentProblemOf(tx, patientId)) {
			await recordAudit(tx, actor, {
				action: 'treatment_session.start_refused',
				entityType: 'patient',
				entityId: patientId,
				patientId,
				detail: { reason: 'no_treatment_consent' }
			});
			return { ok: false, code: 'no_treatment_consent' } as const;
		}
		const day = localDayAround(now, options.timeZone ?? (await clinicTimeZone(tx)));
		const checkIn = await findPortalPainBetween(tx, patientId, day.start, day.end);
		const id = randomUUID();
		const at = now.toISOString();
		// Plan points are needled points: a practitioner without はり師 starts with none (docs/clinical-rules.md §6).
		const allPlanPoints = await activePlanPoints(tx, patientId);
		const planPoints = planPointsForSession(allPlanPoints, await licencesOf(tx, staffId));
		const { alerts } = await currentSafetyAlerts(tx, patientId);
		const conflicting = new Set(
			checkTreatment(alerts, { points: planPoints, electroacupuncture: false }).conflicts.flatMap(({ conflict }) =>
				'pointCode' in conflict ? [conflict.pointCode] : []
			)
		);
		const copied = planPoints.filter((p) => !conflicting.has(p.code));
		const held = planPoints.filter((p) => conflicting.has(p.code));
		await insertSession(tx, {
			id,
			patient_id: patientId,
			appointment_id: appointmentId,
			practitioner_staff_id: staffId,
			bed_id: bedId,
			started_at: at,
			closed_at: null,
			pre_leg_pain: checkIn?.leg_pain ?? null,
			pre_back_pain: checkIn?.back_pain ?? null,
			check_in_id: checkIn?.id ?? null,
			retention_minutes: DEFAULT_RETENTION_MINUTES,
			timer_started_at: null,
			techniques: JSON.stringify(NO_TECHNIQUES),
			notes: '',
			held_plan_points: JSON.stringify(held),
			created_at: at,
			updated_at: at
		});
		// The active plan's points without a conflict start the record: the practitioner removes or adds at the bed.
		if (copied.length > 0) {
			await insertSessionPoints(
				tx,
				copied.map((point) => ({
					id: randomUUID(),
					session_id: id,
					code: point.code,
					side: point.side,
					gauge: null,
					length_mm: null,
					depth_mm: null,
					technique: null,
					deqi: null,
					deep: point.deep ? 1 : 0,
					created_at: at
				}))
			);
		}
		await recordAudit(tx, actor, {
			action: 'treatment_session.start',
			entityType: 'treatment_session',
			entityId: id,
			patientId,
			detail: {
				appointmentLinked: appointmentId !== null,
				preFilledFromCheckIn: checkIn !== undefined,
				pointsFromPlan: copied.length,
				planPointsHeld: held.length,
				planPointsNotCopied: allPlanPoints.length - planPoints.length
			}
		});
		return { ok: true, id, resumed: false, preFilled: checkIn !== undefined, held: held.length } as const;
	});
}

/** The points of the patient's active treatment plan, as the plan stores them; none without a plan. */
async function activePlanPoints(db: Db, patientId: string): Promise<Array<{ code: string; side: PointSide; deep: boolean }>> {
	const points = await selectActivePlanPointsJson(db, patientId);
	if (points === undefined) return [];
	const parsed = z
		.array(z.object({ code: z.string().max(16), side: z.enum(POINT_SIDES), deep: z.boolean().catch(false).default(false) }))
		.safeParse(JSON.parse(points));
	return parsed.success ? parsed.data.filter((p) => Boolean(findAcupoint(p.code))) : [];
}
