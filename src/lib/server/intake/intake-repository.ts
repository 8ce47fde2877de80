/* Kysely queries for intakes; nothing else in the intake module talks SQL. */
import type { IntakeAnswers } from '../../domain/intake/answers';
import { parseStoredAnswers } from '../../domain/intake/progress';
import { isIntakeStep, type IntakeStep } from '../../domain/intake/steps';
import type { TriageLevel } from '../../domain/triage/assess';
import type { Db } from '../db/database';
import type { IntakeStatus, IntakeTable } from '../db/schema';
import type { Insertable, Updateable } from 'kysely';
import { findPatient } from '../patients/patient-repository';

export interface IntakeRecord {
	id: string;
	patientId: string;
	appointmentId: string | null;
	status: IntakeStatus;
	currentStep: IntakeStep;
	answers: IntakeAnswers;
	/** Stored only when the submission reached 'emergency' or 'urgent'. */
	redFlagLevel: TriageLevel | null;
	redFlagAcknowledgedAt: string | null;
	enteredByStaffId: string | null;
	createdAt: string;
	updatedAt: string;
	submittedAt: string | null;
}

const LEVELS: readonly string[] = ['emergency', 'urgent', 'see_doctor', 'routine'];

interface IntakeRow {
	id: string;
	patient_id: string;
	appointment_id: string | null;
	status: IntakeStatus;
	current_step: string;
	answers: string;
	red_flag_level: string | null;
	red_flag_acknowledged_at: string | null;
	entered_by_staff_id: string | null;
	created_at: string;
	updated_at: string;
	submitted_at: string | null;
}

export function toIntakeRecord(row: IntakeRow): IntakeRecord {
	return {
		id: row.id,
		patientId: row.patient_id,
		appointmentId: row.appointment_id,
		status: row.status,
		currentStep: isIntakeStep(row.current_step) ? row.current_step : 'history',
		answers: parseStoredAnswers(row.answers),
		redFlagLevel: row.red_flag_level !== null && LEVELS.includes(row.red_flag_level) ? (row.red_flag_level as TriageLevel) : null,
		redFlagAcknowledgedAt: row.red_flag_acknowledged_at,
		enteredByStaffId: row.entered_by_staff_id,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		submittedAt: row.submitted_at
	};
}

const INTAKE_COLUMNS = [
	'intake.id',
	'intake.patient_id',
	'intake.appointment_id',
	'intake.status',
	'intake.current_step',
	'intake.answers',
	'intake.red_flag_level',
	'intake.red_flag_acknowledged_at',
	'intake.entered_by_staff_id',
	'intake.created_at',
	'intake.updated_at',
	'intake.submitted_at'
] as const;

export async function findIntake(db: Db, intakeId: string, patientId?: string): Promise<IntakeRecord | null> {
	let query = db.kysely.selectFrom('intake').select(INTAKE_COLUMNS).where('intake.id', '=', intakeId);
	if (patientId !== undefined) query = query.where('intake.patient_id', '=', patientId);
	const row = await query.executeTakeFirst();
	return row ? toIntakeRecord(row) : null;
}

/** The patient's newest intake, of one status or of any. */
export async function findNewestIntake(db: Db, patientId: string, status?: IntakeStatus): Promise<IntakeRecord | null> {
	let query = db.kysely.selectFrom('intake').select(INTAKE_COLUMNS).where('intake.patient_id', '=', patientId);
	if (status) query = query.where('intake.status', '=', status);
	const row = await query
		.orderBy(status === 'submitted' ? 'intake.submitted_at' : 'intake.created_at', 'desc')
		.orderBy('intake.id', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row ? toIntakeRecord(row) : null;
}

/** The newest submitted intake of each patient, in one query. */
export async function newestSubmittedIntakes(db: Db, patientIds: readonly string[]): Promise<Map<string, IntakeRecord>> {
	const newest = new Map<string, IntakeRecord>();
	if (patientIds.length === 0) return newest;
	const rows = await db.kysely
		.selectFrom('intake')
		.select(INTAKE_COLUMNS)
		.where('intake.patient_id', 'in', [...new Set(patientIds)])
		.where('intake.status', '=', 'submitted')
		.orderBy('intake.submitted_at', 'desc')
		.orderBy('intake.id', 'desc')
		.execute();
	for (const row of rows) if (!newest.has(row.patient_id)) newest.set(row.patient_id, toIntakeRecord(row));
	return newest;
}

/* What other capabilities read of the intakes (docs/architecture.md, "One owner per table"). */

/** The answers of each intake the patient submitted, oldest first, with when (the history they have given). */
export async function listSubmittedIntakeAnswers(db: Db, patientId: string) {
	return db.kysely
		.selectFrom('intake')
		.select(['answers', 'submitted_at'])
		.where('patient_id', '=', patientId)
		.where('status', '=', 'submitted')
		.orderBy('submitted_at')
		.execute();
}

/** Whether the patient has submitted any intake. */
export async function hasSubmittedIntake(db: Db, patientId: string): Promise<boolean> {
	const row = await db.kysely.selectFrom('intake').select('id').where('patient_id', '=', patientId).where('status', '=', 'submitted').executeTakeFirst();
	return row !== undefined;
}

/** Intakes that reported an emergency or urgent red flag nobody has acknowledged yet. */
export async function countUnacknowledgedRedFlags(db: Db): Promise<number> {
	const row = await db.kysely
		.selectFrom('intake')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('red_flag_level', 'in', ['emergency', 'urgent'])
		.where('red_flag_acknowledged_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export interface IntakePatient {
	id: string;
	patientNumber: string | null;
	familyName: string;
	givenName: string;
	dateOfBirth: string | null;
}

export async function findIntakePatient(db: Db, patientId: string): Promise<IntakePatient | null> {
	const row = await findPatient(db, patientId, ['id', 'patient_number', 'family_name', 'given_name', 'date_of_birth']);
	return row ? { id: row.id, patientNumber: row.patient_number, familyName: row.family_name, givenName: row.given_name, dateOfBirth: row.date_of_birth } : null;
}

/* The intake table's writes (docs/architecture.md, "One owner per table"). */

export async function insertIntake(db: Db, intake: Insertable<IntakeTable>): Promise<void> {
	await db.kysely.insertInto('intake').values(intake).execute();
}

/** Changes an intake that is still in progress; false when it no longer is (a racing submission). */
export async function updateIntakeInProgress(db: Db, intakeId: string, changes: Updateable<IntakeTable>): Promise<boolean> {
	const result = await db.kysely.updateTable('intake').set(changes).where('id', '=', intakeId).where('status', '=', 'in_progress').executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Records that staff saw the red flag, unless someone already has. */
export async function acknowledgeIntakeRedFlag(db: Db, intakeId: string, staffId: string, at: string): Promise<void> {
	await db.kysely
		.updateTable('intake')
		.set({ red_flag_acknowledged_at: at, red_flag_acknowledged_by: staffId })
		.where('id', '=', intakeId)
		.where('red_flag_acknowledged_at', 'is', null)
		.execute();
}
