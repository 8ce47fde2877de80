import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { RetentionDuty } from '../../domain/patients/retention';
import { localizePath } from '../../i18n/locales';
import { translate } from '../../i18n/translate';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { findClinic } from '../clinic/clinic-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import type { Mailer } from '../mail/mailer';
import { erasePatientData, type ErasureReport } from '../privacy/erase-patient';
import { loadRetentionDuties } from '../privacy/retention-facts';
import type { TDeletionRequest, TResolveDeletionRequest } from './schemas';
import { clinicTimeZone } from '../clinic/clinic-settings';
import { findPatient, lockPatientRow } from '../patients/patient-repository';

/*
 * A patient's request to delete their data (APPI), and the owner's answer. Records under a
 * retention duty stay (domain/patients/retention.ts: 施術録 five years from the last treatment,
 * the books as the tax rules require); the owner sees each duty, its reason and until when, and
 * what marking the request done will delete.
 */

export type DeletionRequestStatus = 'open' | 'done' | 'declined';

export interface PatientDeletionRequest {
	id: string;
	createdAt: string;
	reason: string;
	status: DeletionRequestStatus;
	handledAt: string | null;
	response: string;
}

export type CreateDeletionRequestResult = { ok: true; id: string } | { ok: false; code: 'already_open' | 'not_found' };

/** At most one open request per patient; the clinic is told by mail (a number and a link, no name). */
export async function createDeletionRequest(
	db: Db,
	mailer: Mailer,
	patientId: string,
	input: TDeletionRequest,
	actor: AuditActor,
	origin: string,
	now = db.clock.now()
): Promise<CreateDeletionRequestResult> {
	const result = await withTransaction(db, async (tx) => {
		// PostgreSQL: two requests at once queue on the patient's row; SQLite has a single writer.
		const patient = await findPatient(tx, patientId, ['id', 'patient_number'], { live: true, forUpdate: true });
		if (!patient) return { ok: false, code: 'not_found' } as const;
		const open = await tx.kysely
			.selectFrom('deletion_request')
			.select('id')
			.where('patient_id', '=', patientId)
			.where('status', '=', 'open')
			.executeTakeFirst();
		if (open) return { ok: false, code: 'already_open' } as const;
		const id = randomUUID();
		await tx.kysely
			.insertInto('deletion_request')
			.values({ id, patient_id: patientId, created_at: now.toISOString(), reason: input.reason, status: 'open', handled_at: null, handled_by: null })
			.execute();
		await recordAudit(tx, actor, { action: 'portal.deletion_request', entityType: 'deletion_request', entityId: id, patientId });
		return { ok: true, id, patientNumber: patient.patient_number } as const;
	});
	if (!result.ok) return result;
	const clinic = await findClinic(db);
	if (clinic?.email) {
		const params = {
			clinic: clinic.name_ja,
			number: result.patientNumber ?? '—',
			url: new URL(localizePath('/staff/deletion-requests', 'ja'), origin).toString()
		};
		await mailer.send(db, {
			to: clinic.email,
			kind: 'portal.deletion_request',
			subject: translate('ja', 'portal.mailDeletionSubject', params),
			text: translate('ja', 'portal.mailDeletionBody', params)
		});
	}
	return { ok: true, id: result.id };
}

/** The patient's own requests, newest first. */
export async function listPatientDeletionRequests(db: Db, patientId: string): Promise<PatientDeletionRequest[]> {
	const rows = await db.kysely
		.selectFrom('deletion_request')
		.select(['id', 'created_at', 'reason', 'status', 'handled_at', 'response'])
		.where('patient_id', '=', patientId)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map((r) => ({ id: r.id, createdAt: r.created_at, reason: r.reason, status: r.status, handledAt: r.handled_at, response: r.response }));
}

export interface DeletionRequestForOwner extends PatientDeletionRequest {
	patient: { id: string; number: string | null; familyName: string; givenName: string; erased: boolean };
	/** What must still be kept, with its reason and until when; for an open request also what marking it done would delete. */
	retention: { duties: RetentionDuty[]; preview: ErasureReport | null };
}

/** Every request with its patient and what must still be kept; open ones first, oldest first. */
export async function listDeletionRequests(db: Db, now = db.clock.now()): Promise<DeletionRequestForOwner[]> {
	const rows = await db.kysely
		.selectFrom('deletion_request')
		.innerJoin('patient', 'patient.id', 'deletion_request.patient_id')
		.select([
			'deletion_request.id',
			'deletion_request.created_at',
			'deletion_request.reason',
			'deletion_request.status',
			'deletion_request.handled_at',
			'deletion_request.response',
			'patient.id as patient_id',
			'patient.patient_number',
			'patient.family_name',
			'patient.given_name',
			'patient.erased_at'
		])
		.orderBy(sql`case when deletion_request.status = 'open' then 0 else 1 end`)
		.orderBy('deletion_request.created_at')
		.limit(200)
		.execute();
	const timeZone = await clinicTimeZone(db);
	const dutiesOf = new Map<string, RetentionDuty[]>();
	for (const patientId of new Set(rows.map((r) => r.patient_id))) dutiesOf.set(patientId, await loadRetentionDuties(db, patientId, timeZone, now));
	const previewOf = new Map<string, ErasureReport>();
	for (const patientId of new Set(rows.filter((r) => r.status === 'open').map((r) => r.patient_id))) {
		previewOf.set(patientId, await erasePatientData(db, patientId, dutiesOf.get(patientId)!, 'request', now, { dryRun: true }));
	}
	return rows.map((r) => ({
		id: r.id,
		createdAt: r.created_at,
		reason: r.reason,
		status: r.status,
		handledAt: r.handled_at,
		response: r.response,
		patient: { id: r.patient_id, number: r.patient_number, familyName: r.family_name, givenName: r.given_name, erased: r.erased_at !== null },
		retention: { duties: dutiesOf.get(r.patient_id)!, preview: r.status === 'open' ? previewOf.get(r.patient_id)! : null }
	}));
}

export type ResolveDeletionRequestResult = { ok: true; erasure: ErasureReport | null } | { ok: false; code: 'not_found' | 'already_handled' };

/**
 * The owner marks a request done or declined, with an answer. Done means done: in the same
 * transaction, everything no retention duty covers is deleted or cleared (privacy/erase-patient.ts),
 * and the audit row lists what went and what stayed with its reason (counts and names of tables,
 * never personal details).
 */
export async function resolveDeletionRequest(
	db: Db,
	input: TResolveDeletionRequest,
	actor: AuditActor,
	now = db.clock.now()
): Promise<ResolveDeletionRequestResult> {
	return withTransaction(db, async (tx) => {
		const request = await tx.kysely.selectFrom('deletion_request').select(['id', 'patient_id', 'status']).where('id', '=', input.id).executeTakeFirst();
		if (!request) return { ok: false, code: 'not_found' } as const;
		// PostgreSQL: a booking or a merge for this patient waits until the deletion is complete.
		await lockPatientRow(tx, request.patient_id);
		// Only an open request changes: of two answers at once, the second finds nothing to do.
		const updated = await tx.kysely
			.updateTable('deletion_request')
			.set({ status: input.status, response: input.response, handled_at: now.toISOString(), handled_by: actor.id })
			.where('id', '=', input.id)
			.where('status', '=', 'open')
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0) return { ok: false, code: 'already_handled' } as const;
		let erasure: ErasureReport | null = null;
		if (input.status === 'done') {
			const timeZone = await clinicTimeZone(tx);
			const duties = await loadRetentionDuties(tx, request.patient_id, timeZone, now);
			erasure = await erasePatientData(tx, request.patient_id, duties, 'request', now);
		}
		await recordAudit(tx, actor, {
			action: 'deletion_request.resolve',
			entityType: 'deletion_request',
			entityId: request.id,
			patientId: request.patient_id,
			detail: erasure ? { status: input.status, deleted: erasure.deleted, kept: erasure.kept, clearedFields: erasure.clearedFields } : { status: input.status }
		});
		return { ok: true, erasure } as const;
	});
}
