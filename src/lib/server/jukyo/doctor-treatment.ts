import { randomUUID } from 'node:crypto';
import { isInsuredCondition } from '../../domain/billing/insured-conditions';
import type { DoctorTreatmentFacts } from '../../domain/jukyo/doctor-treatment';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { clinicToday, findBillablePatient, findBillingClinic } from '../billing/billing-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { insertDoctorTreatment, setDoctorTreatmentEnded } from './jukyo-repository';
import { jukyoFieldCodes, ZDoctorTreatmentSchema, ZEndDoctorTreatmentSchema, type JukyoFieldCodes } from './schemas';

/*
 * "A doctor treats this condition under insurance" (issue #19, docs/jukyo-inin.md §6), recorded by
 * the desk on the patient; insured charges for the condition are refused from that day.
 */

export interface DoctorTreatmentView extends DoctorTreatmentFacts {
	note: string;
	recordedBy: string;
	createdAt: string;
}

export type DoctorTreatmentResult =
	{ ok: true; treatment: DoctorTreatmentView } | { ok: false; code: 'invalid'; fields: JukyoFieldCodes } | { ok: false; code: 'not_found' | 'forbidden' };

export async function recordDoctorTreatment(
	db: Db,
	patientId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<DoctorTreatmentResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZDoctorTreatmentSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: jukyoFieldCodes(parsed.error) };
	const data = parsed.data;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<DoctorTreatmentResult> => {
		if (data.sinceOn > clinicToday(await findBillingClinic(tx), now))
			return { ok: false, code: 'invalid', fields: { sinceOn: 'jukyoRegistration.error.dateInFuture' } };
		if (!(await findBillablePatient(tx, patientId))) return { ok: false, code: 'not_found' };
		const row = {
			id: randomUUID(),
			patient_id: patientId,
			condition: data.condition,
			since_on: data.sinceOn,
			ended_on: null,
			note: data.note,
			recorded_by: staffId,
			created_at: now.toISOString()
		};
		await insertDoctorTreatment(tx, row);
		await recordAudit(tx, actor, {
			action: 'doctor_treatment.record',
			entityType: 'doctor_treatment',
			entityId: row.id,
			patientId,
			detail: { sinceOn: data.sinceOn }
		});
		return {
			ok: true,
			treatment: { id: row.id, condition: data.condition, sinceOn: row.since_on, endedOn: null, note: row.note, recordedBy: staffId, createdAt: row.created_at }
		};
	});
}

/** The doctor's treatment ended: 療養費 may be claimed again from the next day. */
export async function endDoctorTreatment(db: Db, patientId: string, input: Record<string, unknown>, actor: AuditActor): Promise<DoctorTreatmentResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const parsed = ZEndDoctorTreatmentSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: jukyoFieldCodes(parsed.error) };
	const { treatmentId, endedOn } = parsed.data;
	return withTransaction(db, async (tx): Promise<DoctorTreatmentResult> => {
		const row = await tx.kysely.selectFrom('doctor_treatment').selectAll().where('id', '=', treatmentId).where('patient_id', '=', patientId).executeTakeFirst();
		if (!row) return { ok: false, code: 'not_found' };
		if (endedOn < row.since_on) return { ok: false, code: 'invalid', fields: { endedOn: 'jukyoRegistration.error.endedBeforeSince' } };
		await setDoctorTreatmentEnded(tx, treatmentId, endedOn);
		await recordAudit(tx, actor, {
			action: 'doctor_treatment.end',
			entityType: 'doctor_treatment',
			entityId: treatmentId,
			patientId,
			detail: { endedOn, before: row.ended_on }
		});
		return { ok: true, treatment: { ...toView(row), endedOn } };
	});
}

/** The patient's recorded doctor treatments, oldest first (the caller audits). */
export async function doctorTreatmentsOf(db: Db, patientId: string): Promise<DoctorTreatmentView[]> {
	const rows = await db.kysely
		.selectFrom('doctor_treatment')
		.selectAll()
		.where('patient_id', '=', patientId)
		.orderBy('since_on')
		.orderBy('created_at')
		.execute();
	return rows.filter((r) => isInsuredCondition(r.condition)).map(toView);
}

function toView(r: {
	id: string;
	condition: string;
	since_on: string;
	ended_on: string | null;
	note: string;
	recorded_by: string;
	created_at: string;
}): DoctorTreatmentView {
	return {
		id: r.id,
		condition: r.condition as DoctorTreatmentView['condition'],
		sinceOn: r.since_on,
		endedOn: r.ended_on,
		note: r.note,
		recordedBy: r.recorded_by,
		createdAt: r.created_at
	};
}
