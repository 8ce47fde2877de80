import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { updateCheckInPain } from '../outcomes/outcome-repository';
import { recordCheckIn } from '../outcomes/record-check-in';
import { editSession, type SessionEditResult } from './edit-session';
import { fieldCodesFrom } from './field-codes';
import { ZPrePainSchema } from './schemas';
import { updateSession } from './session-repository';

/**
 * The pre-session pain NRS (leg, back) as the practitioner enters it. It also counts as an outcome
 * check-in with source 'session': the session's own check-in is corrected in place, so a second
 * save does not add a second point to the progress chart; a portal check-in is left as it was.
 */
export async function recordPrePain(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now?: Date
): Promise<SessionEditResult> {
	const parsed = ZPrePainSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const pain = parsed.data;
	return editSession(db, patientId, sessionId, input, actor, { now }, async (tx, session, at) => {
		let checkInId = session.checkInId;
		if (checkInId !== null && session.checkInSource === 'session') {
			await updateCheckInPain(tx, checkInId, pain.preLegPain, pain.preBackPain);
		} else {
			const recorded = await recordCheckIn(
				tx,
				patientId,
				{ legPain: pain.preLegPain, backPain: pain.preBackPain, psfs: null, sbi: null, pgic: null },
				'session',
				actor,
				session.appointmentId,
				at
			);
			if (!recorded.ok) return { ok: false, code: 'invalid', fields: { preLegPain: 'treatmentSession.error.nrs' } };
			checkInId = recorded.id;
		}
		await updateSession(tx, sessionId, { pre_leg_pain: pain.preLegPain, pre_back_pain: pain.preBackPain, check_in_id: checkInId });
		return {
			action: 'treatment_session.pre_pain',
			before: { preLegPain: session.preLegPain, preBackPain: session.preBackPain },
			after: { preLegPain: pain.preLegPain, preBackPain: pain.preBackPain }
		};
	});
}
