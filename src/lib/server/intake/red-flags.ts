/* The console's open red flags: intakes that reached 'emergency' or 'urgent' and nobody acknowledged. */
import type { TriageLevel } from '../../domain/triage/assess';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { acknowledgeIntakeRedFlag } from './intake-repository';

export interface OpenRedFlag {
	intakeId: string;
	patientId: string;
	patientNumber: string | null;
	familyName: string;
	givenName: string;
	level: Extract<TriageLevel, 'emergency' | 'urgent'>;
	submittedAt: string;
	/** The visit the intake prepares, when there is one. */
	appointmentStartsAt: string | null;
}

/** Emergencies first, then the newest. Audited as one read of the list. */
export async function listOpenRedFlags(db: Db, actor: AuditActor): Promise<OpenRedFlag[]> {
	const rows = await db.kysely
		.selectFrom('intake')
		.innerJoin('patient', 'patient.id', 'intake.patient_id')
		.leftJoin('appointment', 'appointment.id', 'intake.appointment_id')
		.select([
			'intake.id as intakeId',
			'intake.patient_id as patientId',
			'patient.patient_number as patientNumber',
			'patient.family_name as familyName',
			'patient.given_name as givenName',
			'intake.red_flag_level as level',
			'intake.submitted_at as submittedAt',
			'appointment.starts_at as appointmentStartsAt'
		])
		.where('intake.red_flag_level', 'in', ['emergency', 'urgent'])
		.where('intake.red_flag_acknowledged_at', 'is', null)
		.orderBy('intake.submitted_at', 'desc')
		.execute();
	await recordAudit(db, actor, { action: 'intake.red_flag_list', entityType: 'intake', detail: { count: rows.length } });
	const flags = rows.map((row) => ({
		...row,
		level: row.level as OpenRedFlag['level'],
		submittedAt: row.submittedAt ?? '',
		appointmentStartsAt: row.appointmentStartsAt ?? null
	}));
	return [...flags.filter((f) => f.level === 'emergency'), ...flags.filter((f) => f.level !== 'emergency')];
}

export type AcknowledgeRedFlagResult = { ok: true } | { ok: false; code: 'not_found' | 'already_acknowledged' };

/** A staff member has seen the red flag and taken it on; the visit keeps its level on the schedule. */
export async function acknowledgeRedFlag(
	db: Db,
	intakeId: string,
	staffId: string,
	actor: AuditActor,
	now = db.clock.now()
): Promise<AcknowledgeRedFlagResult> {
	return withTransaction(db, async (tx) => {
		const intake = await tx.kysely
			.selectFrom('intake')
			.select(['patient_id', 'red_flag_level', 'red_flag_acknowledged_at'])
			.where('id', '=', intakeId)
			.executeTakeFirst();
		if (!intake || (intake.red_flag_level !== 'emergency' && intake.red_flag_level !== 'urgent')) return { ok: false, code: 'not_found' } as const;
		if (intake.red_flag_acknowledged_at !== null) return { ok: false, code: 'already_acknowledged' } as const;
		await acknowledgeIntakeRedFlag(tx, intakeId, staffId, now.toISOString());
		await recordAudit(tx, actor, { action: 'intake.red_flag_acknowledge', entityType: 'intake', entityId: intakeId, patientId: intake.patient_id });
		return { ok: true } as const;
	});
}
