import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { blocksTreatment, normaliseFindings, suggestPattern, suggestRoot, type ExamFindings, type Pattern } from '../../domain/clinical/examination';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { ExaminationTable } from '../db/schema-examination';
import { withTransaction } from '../db/transaction';

export interface Examination {
	id: string;
	kind: 'initial' | 'reassessment';
	examinedAt: string;
	practitionerName: string;
	findings: ExamFindings;
	suggestedRoot: string | null;
	confirmedRoot: string | null;
	/** The confirmed pattern, or the suggested one until confirmed. */
	pattern: string | null;
	redFlagPositive: boolean;
}

function parseFindings(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return {};
	}
}

function toExamination(row: Selectable<ExaminationTable> & { display_name: string }): Examination {
	return {
		id: row.id,
		kind: row.kind,
		examinedAt: row.examined_at,
		practitionerName: row.display_name,
		findings: normaliseFindings(parseFindings(row.findings)),
		suggestedRoot: row.suggested_root,
		confirmedRoot: row.confirmed_root,
		pattern: row.pattern,
		redFlagPositive: row.red_flag_positive === 1
	};
}

async function livePatient(db: Db, patientId: string): Promise<boolean> {
	return (await db.kysely.selectFrom('patient').select('id').where('id', '=', patientId).where('merged_into_id', 'is', null).executeTakeFirst()) !== undefined;
}

async function appointmentOf(db: Db, patientId: string, appointmentId: string): Promise<string | null> {
	const row = await db.kysely.selectFrom('appointment').select('id').where('id', '=', appointmentId).where('patient_id', '=', patientId).executeTakeFirst();
	return row?.id ?? null;
}

/** Records an examination with its suggestions; a red flag found again is kept as blocking treatment. */
export async function recordExamination(
	db: Db,
	patientId: string,
	input: { kind: 'initial' | 'reassessment'; appointmentId?: string | null; findings: ExamFindings },
	staffId: string,
	actor: AuditActor,
	now = db.clock.now()
): Promise<{ ok: true; id: string; blocked: boolean } | { ok: false; code: 'not_found' }> {
	return withTransaction(db, async (tx) => {
		if (!(await livePatient(tx, patientId))) return { ok: false, code: 'not_found' } as const;
		// A visit of another patient is never linked: the examination then stands on its own.
		const appointmentId = input.appointmentId ? await appointmentOf(tx, patientId, input.appointmentId) : null;
		const id = randomUUID();
		const at = now.toISOString();
		const blocked = blocksTreatment(input.findings);
		await tx.kysely
			.insertInto('examination')
			.values({
				id,
				patient_id: patientId,
				appointment_id: appointmentId,
				practitioner_staff_id: staffId,
				kind: input.kind,
				examined_at: at,
				findings: JSON.stringify(input.findings),
				suggested_root: suggestRoot(input.findings).root,
				confirmed_root: null,
				pattern: input.findings.pattern ?? suggestPattern(input.findings),
				red_flag_positive: blocked ? 1 : 0,
				created_at: at,
				updated_at: at
			})
			.execute();
		await recordAudit(tx, actor, { action: 'examination.create', entityType: 'examination', entityId: id, patientId, detail: { kind: input.kind, redFlag: blocked } });
		return { ok: true, id, blocked } as const;
	});
}

export async function listExaminations(db: Db, patientId: string, actor: AuditActor): Promise<Examination[]> {
	const rows = await db.kysely
		.selectFrom('examination')
		.innerJoin('staff', 'staff.id', 'examination.practitioner_staff_id')
		// Never through a merged record: its clinical rows belong to the survivor (patients/merge-patients.ts MOVED_TABLES).
		.innerJoin('patient', (join) => join.onRef('patient.id', '=', 'examination.patient_id').on('patient.merged_into_id', 'is', null))
		.selectAll('examination')
		.select('staff.display_name')
		.where('examination.patient_id', '=', patientId)
		.orderBy('examination.created_at', 'desc')
		.orderBy('examination.id', 'desc')
		.execute();
	await recordAudit(db, actor, { action: 'examination.list', entityType: 'patient', entityId: patientId, patientId, detail: { count: rows.length } });
	return rows.map(toExamination);
}

/** One examination of this patient; null when the id belongs to nobody or to another patient. */
export async function getExamination(db: Db, patientId: string, examId: string, actor: AuditActor): Promise<Examination | null> {
	const row = await db.kysely
		.selectFrom('examination')
		.innerJoin('staff', 'staff.id', 'examination.practitioner_staff_id')
		// Never through a merged record: its clinical rows belong to the survivor (patients/merge-patients.ts MOVED_TABLES).
		.innerJoin('patient', (join) => join.onRef('patient.id', '=', 'examination.patient_id').on('patient.merged_into_id', 'is', null))
		.selectAll('examination')
		.select('staff.display_name')
		.where('examination.id', '=', examId)
		.where('examination.patient_id', '=', patientId)
		.executeTakeFirst();
	if (!row) return null;
	await recordAudit(db, actor, { action: 'examination.read', entityType: 'examination', entityId: examId, patientId });
	return toExamination(row);
}

/** The practitioner confirms or changes the suggested root and pattern; false for an unknown exam or patient. */
export async function updateExamination(
	db: Db,
	patientId: string,
	examId: string,
	decision: { root: string; pattern: Pattern },
	actor: AuditActor,
	now = db.clock.now()
): Promise<boolean> {
	return withTransaction(db, async (tx) => {
		if (!(await livePatient(tx, patientId))) return false;
		const result = await tx.kysely
			.updateTable('examination')
			.set({ confirmed_root: decision.root, pattern: decision.pattern, updated_at: now.toISOString() })
			.where('id', '=', examId)
			.where('patient_id', '=', patientId)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) !== 1) return false;
		await recordAudit(tx, actor, { action: 'examination.confirm', entityType: 'examination', entityId: examId, patientId, detail: decision });
		return true;
	});
}

/** The earlier name of updateExamination, kept for callers written before it. */
export const confirmExamination = updateExamination;
