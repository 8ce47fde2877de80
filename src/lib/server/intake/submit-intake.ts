/*
 * Submitting an intake (issue #6): in one transaction the intake is closed, its red-flag level is
 * set on the intake and on the visit it prepares, the clinic is mailed, and the baseline outcome
 * check-in (docs/clinical-rules.md §4) is written.
 */
import { randomUUID } from 'node:crypto';
import type { AnswerStep } from '../../domain/intake/steps';
import { missingSteps } from '../../domain/intake/progress';
import { intakeTriage, needsClinicAlert } from '../../domain/intake/triage';
import type { TriageLevel, TriageReason } from '../../domain/triage/assess';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { intakeConsentProblemOf } from '../consent/required-consent';
import { raiseRedFlagLevel } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import type { Mailer } from '../mail/mailer';
import { insertCheckIn } from '../outcomes/outcome-repository';
import { findIntake, updateIntakeInProgress } from './intake-repository';
import { patientAge } from './patient-age';
import { notifyClinicOfRedFlag } from './red-flag-mail';

export type SubmitIntakeResult =
	| { ok: true; level: TriageLevel; reasons: TriageReason[]; alerted: boolean }
	| { ok: false; code: 'not_found' | 'already_submitted' | 'no_privacy_consent' }
	| { ok: false; code: 'incomplete'; missing: AnswerStep[] };

export interface SubmitIntakeOptions {
	/** Portal: the signed-in patient; the intake must be theirs. */
	patientId?: string;
	/** Console: the staff member who entered the intake. */
	staffId?: string;
	/** The site's origin, for the console link in the clinic's mail. */
	origin?: string;
	now?: Date;
}

export async function submitIntake(
	db: Db,
	mailer: Mailer,
	intakeId: string,
	actor: AuditActor,
	options: SubmitIntakeOptions = {}
): Promise<SubmitIntakeResult> {
	const now = options.now ?? db.clock.now();
	const at = now.toISOString();
	const result = await withTransaction(db, async (tx): Promise<SubmitIntakeResult & { patientId?: string }> => {
		const intake = await findIntake(tx, intakeId, options.patientId);
		if (!intake) return { ok: false, code: 'not_found' };
		if (intake.status !== 'in_progress') return { ok: false, code: 'already_submitted' };
		// The same rule as each step's save (docs/clinical-rules.md §6): a consent withdrawn or outdated since stops it here too.
		if (await intakeConsentProblemOf(tx, intake.patientId)) {
			await recordAudit(tx, actor, {
				action: 'intake.refused',
				entityType: 'intake',
				entityId: intakeId,
				patientId: intake.patientId,
				detail: { step: 'review', reason: 'no_privacy_consent' }
			});
			return { ok: false, code: 'no_privacy_consent' };
		}
		const missing = missingSteps(intake.answers);
		if (missing.length > 0) return { ok: false, code: 'incomplete', missing };
		const { measures } = intake.answers;
		const triage = intakeTriage(intake.answers, await patientAge(tx, intake.patientId, now));
		// Without an age (no date of birth and none given) the rule cannot run: the step is asked again.
		if (!triage) return { ok: false, code: 'incomplete', missing: ['red-flags'] };
		const alerted = needsClinicAlert(triage.level);

		const closed = await updateIntakeInProgress(tx, intakeId, {
			status: 'submitted',
			submitted_at: at,
			updated_at: at,
			current_step: 'review',
			red_flag_level: alerted ? triage.level : null,
			...(options.staffId ? { entered_by_staff_id: options.staffId } : {})
		});
		// Two submissions racing: the second finds the intake already closed.
		if (!closed) return { ok: false, code: 'already_submitted' };

		if (alerted && intake.appointmentId) {
			// The visit keeps the worst level reported for it: an urgent never hides an emergency.
			await raiseRedFlagLevel(tx, intake.appointmentId, triage.level);
		}

		const checkInId = randomUUID();
		await insertCheckIn(tx, {
			id: checkInId,
			patient_id: intake.patientId,
			appointment_id: intake.appointmentId,
			recorded_at: at,
			source: 'intake',
			leg_pain: measures!.legPain,
			back_pain: measures!.backPain,
			psfs: JSON.stringify(measures!.psfs.map(({ activity, score }) => ({ activity, score }))),
			sbi: JSON.stringify(measures!.sbi),
			pgic: null
		});

		await recordAudit(tx, actor, {
			action: 'intake.submit',
			entityType: 'intake',
			entityId: intakeId,
			patientId: intake.patientId,
			detail: { checkInId, redFlagAlert: alerted }
		});
		return { ok: true, level: triage.level, reasons: triage.reasons, alerted, patientId: intake.patientId };
	});
	if (!result.ok) return result;
	// Mail after the commit: a slow mail server must not hold the database's write lock.
	const { patientId, ...submitted } = result;
	if (submitted.alerted && patientId) await notifyClinicOfRedFlag(db, mailer, patientId, intakeId, actor, options.origin);
	return submitted;
}
