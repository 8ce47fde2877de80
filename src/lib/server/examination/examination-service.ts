import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { recordEditRight } from '../../domain/clinical/record-ownership';
import { examRedFlagLevel, needsAcknowledgement, withGivenHistory } from '../../domain/clinical/exam-red-flags';
import { blocksTreatment, normaliseFindings, suggestPattern, suggestRoot, type ExamFindings, type Pattern } from '../../domain/clinical/examination';
import type { TriageLevel } from '../../domain/triage/assess';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { appointmentBelongsTo } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import type { ExaminationTable } from '../db/schema-examination';
import { withTransaction } from '../db/transaction';
import { acknowledgeExaminationRedFlags, insertExamination, updateExaminationDecision } from './examination-repository';
import { givenHistoryFacts } from './given-history';
import { isLivePatient } from '../patients/patient-repository';
import { findStaffRole } from '../staff/staff-repository';

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
	/** Blocks treatment: an emergency-level red flag (docs/clinical-rules.md §1). */
	redFlagPositive: boolean;
	/** The level the red flags reach, as the self-check grades the same answers. */
	redFlagLevel: TriageLevel;
	/** An urgent or see-doctor finding taken on by the practitioner; null until then (or when none is needed). */
	acknowledgement: { at: string; by: string; reason: string } | null;
}

function parseFindings(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return {};
	}
}

function toExamination(row: Selectable<ExaminationTable> & { display_name: string; acknowledged_by_name?: string | null }): Examination {
	const findings = normaliseFindings(parseFindings(row.findings));
	return {
		id: row.id,
		kind: row.kind,
		examinedAt: row.examined_at,
		practitionerName: row.display_name,
		findings,
		suggestedRoot: row.suggested_root,
		confirmedRoot: row.confirmed_root,
		pattern: row.pattern,
		redFlagPositive: Number(row.red_flag_positive) === 1,
		redFlagLevel: examRedFlagLevel(findings.redFlags),
		acknowledgement:
			row.red_flag_acknowledged_at !== null
				? { at: row.red_flag_acknowledged_at, by: row.acknowledged_by_name ?? '', reason: row.red_flag_acknowledgement ?? '' }
				: null
	};
}

async function livePatient(db: Db, patientId: string): Promise<boolean> {
	return isLivePatient(db, patientId);
}

async function appointmentOf(db: Db, patientId: string, appointmentId: string): Promise<string | null> {
	return (await appointmentBelongsTo(db, appointmentId, patientId)) ? appointmentId : null;
}

/**
 * Records an examination with its suggestions. History facts the patient gave (a cancer at any
 * time) are kept in its red flags whatever the form says; an emergency-level flag blocks treatment
 * (docs/clinical-rules.md §1).
 */
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
		const given = (await givenHistoryFacts(tx, patientId)).map((fact) => fact.flag);
		const findings: ExamFindings = { ...input.findings, redFlags: withGivenHistory(input.findings.redFlags, given) };
		const blocked = blocksTreatment(findings);
		await insertExamination(tx, {
			id,
			patient_id: patientId,
			appointment_id: appointmentId,
			practitioner_staff_id: staffId,
			kind: input.kind,
			examined_at: at,
			findings: JSON.stringify(findings),
			suggested_root: suggestRoot(findings).root,
			confirmed_root: null,
			pattern: findings.pattern ?? suggestPattern(findings),
			red_flag_positive: blocked ? 1 : 0,
			created_at: at,
			updated_at: at
		});
		await recordAudit(tx, actor, {
			action: 'examination.create',
			entityType: 'examination',
			entityId: id,
			patientId,
			detail: { kind: input.kind, redFlag: blocked, redFlagLevel: examRedFlagLevel(findings.redFlags) }
		});
		return { ok: true, id, blocked } as const;
	});
}

export async function listExaminations(db: Db, patientId: string, actor: AuditActor): Promise<Examination[]> {
	const rows = await db.kysely
		.selectFrom('examination')
		.innerJoin('staff', 'staff.id', 'examination.practitioner_staff_id')
		// Never through a merged record: its clinical rows belong to the survivor (patients/merge-patients.ts MOVED_TABLES).
		.innerJoin('patient', (join) => join.onRef('patient.id', '=', 'examination.patient_id').on('patient.merged_into_id', 'is', null))
		.leftJoin('staff as acknowledger', 'acknowledger.id', 'examination.red_flag_acknowledged_by')
		.selectAll('examination')
		.select(['staff.display_name', 'acknowledger.display_name as acknowledged_by_name'])
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
		.leftJoin('staff as acknowledger', 'acknowledger.id', 'examination.red_flag_acknowledged_by')
		.selectAll('examination')
		.select(['staff.display_name', 'acknowledger.display_name as acknowledged_by_name'])
		.where('examination.id', '=', examId)
		.where('examination.patient_id', '=', patientId)
		.executeTakeFirst();
	if (!row) return null;
	await recordAudit(db, actor, { action: 'examination.read', entityType: 'examination', entityId: examId, patientId });
	return toExamination(row);
}

export type UpdateExaminationResult = { ok: true } | { ok: false; code: 'not_found' | 'forbidden' };

/**
 * The practitioner confirms or changes the suggested root and pattern. The examination belongs to
 * the practitioner who made it (domain/clinical/record-ownership.ts): another practitioner or
 * reception may not change it, the owner may; the audit row keeps the earlier values (issue 16).
 */
export async function updateExamination(
	db: Db,
	patientId: string,
	examId: string,
	decision: { root: string; pattern: Pattern },
	actor: AuditActor,
	now = db.clock.now()
): Promise<UpdateExaminationResult> {
	return withTransaction(db, async (tx): Promise<UpdateExaminationResult> => {
		if (!(await livePatient(tx, patientId))) return { ok: false, code: 'not_found' };
		const current = await tx.kysely
			.selectFrom('examination')
			.select(['practitioner_staff_id', 'confirmed_root', 'pattern'])
			.where('id', '=', examId)
			.where('patient_id', '=', patientId)
			.executeTakeFirst();
		if (!current) return { ok: false, code: 'not_found' };
		const editor = actor.id ? await findStaffRole(tx, actor.id) : undefined;
		if (!editor || !actor.id || recordEditRight({ staffId: actor.id, role: editor.role }, current.practitioner_staff_id) === 'none')
			return { ok: false, code: 'forbidden' };
		await updateExaminationDecision(tx, examId, decision.root, decision.pattern, now.toISOString());
		await recordAudit(tx, actor, {
			action: 'examination.confirm',
			entityType: 'examination',
			entityId: examId,
			patientId,
			detail: { ...decision, before: { root: current.confirmed_root, pattern: current.pattern } }
		});
		return { ok: true };
	});
}

export type AcknowledgeExamRedFlagsResult = { ok: true } | { ok: false; code: 'not_found' | 'not_needed' | 'already_acknowledged' };

/**
 * The practitioner takes on an urgent or see-doctor finding (docs/clinical-rules.md §1): who, when
 * and why are kept with the examination and audited, and a session may then start. An emergency
 * finding cannot be acknowledged away: it means referral.
 */
export async function acknowledgeExamRedFlags(
	db: Db,
	patientId: string,
	examId: string,
	reason: string,
	actor: AuditActor,
	now = db.clock.now()
): Promise<AcknowledgeExamRedFlagsResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'not_found' };
	const staffId = actor.id;
	return withTransaction(db, async (tx) => {
		if (!(await livePatient(tx, patientId))) return { ok: false, code: 'not_found' } as const;
		const row = await tx.kysely
			.selectFrom('examination')
			.select(['findings', 'red_flag_acknowledged_at'])
			.where('id', '=', examId)
			.where('patient_id', '=', patientId)
			.executeTakeFirst();
		if (!row) return { ok: false, code: 'not_found' } as const;
		if (!needsAcknowledgement(normaliseFindings(parseFindings(row.findings)).redFlags)) return { ok: false, code: 'not_needed' } as const;
		if (row.red_flag_acknowledged_at !== null) return { ok: false, code: 'already_acknowledged' } as const;
		const at = now.toISOString();
		if (!(await acknowledgeExaminationRedFlags(tx, examId, staffId, reason, at))) return { ok: false, code: 'already_acknowledged' } as const;
		// The reason is clinical text: the audit row says that it was given, not what it says.
		await recordAudit(tx, actor, { action: 'examination.red_flag_acknowledge', entityType: 'examination', entityId: examId, patientId });
		return { ok: true } as const;
	});
}

/** The earlier name of updateExamination, kept for callers written before it. */
export const confirmExamination = updateExamination;
