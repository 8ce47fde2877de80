/*
 * The intake questionnaire's use cases (issue #6): start or resume, save a step, submit, and the
 * reads the chart and the schedule need. Every read and change of answers is audited; audit
 * details and logs never carry an answer, only ids, step names and counts.
 */
import { randomUUID } from 'node:crypto';
import { issueMessageKey } from '../http/field-errors';
import { toSafetyFacts } from '../../domain/intake/safety-facts';
import { firstIncompleteStep, missingSteps } from '../../domain/intake/progress';
import { isAnswerStep, nextStep, type AnswerStep, type IntakeStep } from '../../domain/intake/steps';
import type { IntakeAnswers, StepAnswers } from '../../domain/intake/answers';
import { deriveSafetyAlerts, type SafetyAlert } from '../../domain/safety/alerts';
import type { TriageResult } from '../../domain/triage/assess';
import { intakeTriage } from '../../domain/intake/triage';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { intakeConsentProblemOf } from '../consent/required-consent';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { appointmentBelongsTo, nextAppointmentId } from '../booking/appointment-repository';
import { findIntake, findIntakePatient, findNewestIntake, newestSubmittedIntakes, type IntakeRecord } from './intake-repository';
import { ageAt, patientAge } from './patient-age';
import { ZIntakeStepSchemas } from './schemas';
import { insertIntake, updateIntakeInProgress } from './intake-repository';

export { acknowledgeRedFlag, listOpenRedFlags, type OpenRedFlag } from './red-flags';
export { submitIntake, type SubmitIntakeResult } from './submit-intake';
export { findIntakePatient, type IntakePatient, type IntakeRecord } from './intake-repository';

export interface StartIntakeOptions {
	/** The visit the intake prepares; by default the patient's next upcoming one. */
	appointmentId?: string;
	/** Set when staff enter the intake for the patient (entered_by_staff_id). */
	staffId?: string;
	now?: Date;
}

/**
 * The patient's newest intake still in progress, or a new one linked to the given or the next
 * upcoming appointment. Null for an unknown patient. Audited as a read (or a start).
 */
export async function getOrStartIntake(db: Db, patientId: string, actor: AuditActor, options: StartIntakeOptions = {}): Promise<IntakeRecord | null> {
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx) => {
		if (!(await findIntakePatient(tx, patientId))) return null;
		const open = await findNewestIntake(tx, patientId, 'in_progress');
		if (open) {
			await recordAudit(tx, actor, { action: 'intake.read', entityType: 'intake', entityId: open.id, patientId });
			return open;
		}
		const appointmentId =
			options.appointmentId !== undefined && (await appointmentBelongsTo(tx, options.appointmentId, patientId))
				? options.appointmentId
				: await nextAppointmentId(tx, patientId, now);
		const id = randomUUID();
		const at = now.toISOString();
		await insertIntake(tx, {
			id,
			patient_id: patientId,
			appointment_id: appointmentId,
			status: 'in_progress',
			current_step: 'history',
			answers: '{}',
			red_flag_level: null,
			red_flag_acknowledged_at: null,
			red_flag_acknowledged_by: null,
			entered_by_staff_id: options.staffId ?? null,
			created_at: at,
			updated_at: at,
			submitted_at: null
		});
		await recordAudit(tx, actor, {
			action: 'intake.start',
			entityType: 'intake',
			entityId: id,
			patientId,
			detail: { appointmentLinked: appointmentId !== null, enteredByStaff: options.staffId !== undefined }
		});
		return (await findIntake(tx, id))!;
	});
}

/** The patient's newest intake still in progress, without starting one. Audited when found. */
export async function findOpenIntake(db: Db, patientId: string, actor: AuditActor): Promise<IntakeRecord | null> {
	const open = await findNewestIntake(db, patientId, 'in_progress');
	if (open) await recordAudit(db, actor, { action: 'intake.read', entityType: 'intake', entityId: open.id, patientId });
	return open;
}

/** Field name → catalogue key (e.g. `legPain: 'intake.error.scale10'`, or a generic `validation.*`). */
export type IntakeFieldCodes = Record<string, string>;

export type SaveIntakeStepResult =
	| { ok: true; next: IntakeStep }
	| { ok: false; code: 'invalid'; fields: IntakeFieldCodes }
	| { ok: false; code: 'unknown_step' | 'not_found' | 'already_submitted' | 'no_privacy_consent' };

export interface SaveIntakeStepOptions {
	/** Portal: the signed-in patient; the intake must be theirs. */
	patientId?: string;
	/** Console: the staff member entering the answers. */
	staffId?: string;
	now?: Date;
}

/**
 * Validates one step's form input and merges it into the answers; moves `current_step` on to the
 * next step. Nothing is saved when the input is invalid or the intake is already submitted.
 */
export async function saveIntakeStep(
	db: Db,
	intakeId: string,
	step: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: SaveIntakeStepOptions = {}
): Promise<SaveIntakeStepResult> {
	if (!isAnswerStep(step)) return { ok: false, code: 'unknown_step' };
	const parsed = ZIntakeStepSchemas[step].safeParse(input);
	if (!parsed.success) {
		const fields: IntakeFieldCodes = {};
		for (const issue of parsed.error.issues) {
			const field = issue.path.map(String).join('.') || '_';
			fields[field] ??= /^(intake|validation)\./.test(issue.message) ? issue.message : issueMessageKey(issue);
		}
		return { ok: false, code: 'invalid', fields };
	}
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx) => {
		const intake = await findIntake(tx, intakeId, options.patientId);
		if (!intake) return { ok: false, code: 'not_found' } as const;
		if (intake.status !== 'in_progress') return { ok: false, code: 'already_submitted' } as const;
		// Health answers are 要配慮個人情報: none is taken without a current privacy consent (docs/clinical-rules.md §6).
		if (await intakeConsentProblemOf(tx, intake.patientId)) {
			await recordAudit(tx, actor, {
				action: 'intake.refused',
				entityType: 'intake',
				entityId: intakeId,
				patientId: intake.patientId,
				detail: { step, reason: 'no_privacy_consent' }
			});
			return { ok: false, code: 'no_privacy_consent' } as const;
		}
		let data = parsed.data;
		if (step === 'red-flags') {
			// The age is asked when the date of birth does not give it, and never assumed (docs/clinical-rules.md §1).
			const redFlags = data as StepAnswers['red-flags'];
			const known = await patientAge(tx, intake.patientId, now);
			if (known === null && redFlags.age === undefined) return { ok: false, code: 'invalid', fields: { age: 'intake.error.ageRequired' } } as const;
			if (known !== null) data = { ...redFlags, age: undefined };
		}
		const answers: IntakeAnswers = { ...intake.answers, [step]: data };
		const next = nextStep(step) ?? 'review';
		await updateIntakeInProgress(tx, intakeId, {
			answers: JSON.stringify(answers),
			current_step: next,
			updated_at: now.toISOString(),
			...(options.staffId ? { entered_by_staff_id: options.staffId } : {})
		});
		await recordAudit(tx, actor, { action: 'intake.save_step', entityType: 'intake', entityId: intakeId, patientId: intake.patientId, detail: { step } });
		return { ok: true, next } as const;
	});
}

/** The chart's safety alerts (docs/clinical-rules.md §3), from the newest submitted intake; none without one. */
export async function latestSafetyAlerts(db: Db, patientId: string): Promise<SafetyAlert[]> {
	return (await submittedIntakeAlerts(db, patientId)).alerts;
}

/**
 * Whether the patient has submitted an intake at all, and the newest one's alerts: one read for the
 * chart, where no intake means "not known yet" rather than "no alerts".
 */
export async function submittedIntakeAlerts(db: Db, patientId: string): Promise<{ submitted: boolean; alerts: SafetyAlert[] }> {
	const intake = await findNewestIntake(db, patientId, 'submitted');
	return { submitted: intake !== null, alerts: intake ? deriveSafetyAlerts(toSafetyFacts(intake.answers)) : [] };
}

/** The schedule's alerts for many patients in one query; patients without a submitted intake are absent. */
export async function safetyAlertsForPatients(db: Db, patientIds: readonly string[]): Promise<Map<string, SafetyAlert[]>> {
	const intakes = await newestSubmittedIntakes(db, patientIds);
	return new Map([...intakes].map(([patientId, intake]) => [patientId, deriveSafetyAlerts(toSafetyFacts(intake.answers))]));
}

export interface IntakeSummary extends IntakeRecord {
	/** The answer steps not yet answered. */
	missing: AnswerStep[];
	/** Where the patient or staff would resume. */
	resumeAt: IntakeStep;
	/** The self-check's level and reasons for these answers; null before the red flags are answered. */
	triage: TriageResult | null;
	safetyAlerts: SafetyAlert[];
}

/**
 * The patient's newest intake for the chart, with its triage and alerts; null when there is none.
 * Audited. A caller that has read the patient's record already (the chart) passes it as `known`,
 * and the age comes from its date of birth without another read.
 */
export async function latestIntakeSummary(
	db: Db,
	patientId: string,
	actor: AuditActor,
	now = db.clock.now(),
	known?: { dateOfBirth: string | null }
): Promise<IntakeSummary | null> {
	const intake = await findNewestIntake(db, patientId);
	if (!intake) return null;
	await recordAudit(db, actor, { action: 'intake.read', entityType: 'intake', entityId: intake.id, patientId });
	return summarise(intake, known ? ageAt(known.dateOfBirth, now) : await patientAge(db, patientId, now));
}

export function summarise(intake: IntakeRecord, age: number | null): IntakeSummary {
	return {
		...intake,
		missing: missingSteps(intake.answers),
		resumeAt: firstIncompleteStep(intake.answers),
		triage: intakeTriage(intake.answers, age),
		safetyAlerts: deriveSafetyAlerts(toSafetyFacts(intake.answers))
	};
}
