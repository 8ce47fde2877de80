/*
 * The patient table: its writes, its patient-number counter, and the reads other capabilities make
 * of it (docs/architecture.md, "One owner per table"). Searches, the chart and the duplicate finder
 * read it in their own files of this folder.
 */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../db/database';
import type { Patient, PatientTable } from '../db/schema';
import { deferUntilCommit } from '../db/transaction';
import { formatPatientNumber } from './patient-number';

export type PatientColumn = keyof Patient & string;

/** Which records a read accepts; by default any, merged and erased ones included. */
export interface PatientFilter {
	/** Only a record not merged into another (a merged record's history belongs to its survivor). */
	live?: boolean;
	/** Only a record whose data was not deleted on request. */
	notErased?: boolean;
	/** On PostgreSQL, lock the row until the transaction ends (SQLite has a single writer). */
	forUpdate?: boolean;
}

function selectPatients(db: Db, filter: PatientFilter) {
	let query = db.kysely.selectFrom('patient');
	if (filter.live) query = query.where('merged_into_id', 'is', null);
	if (filter.notErased) query = query.where('erased_at', 'is', null);
	if (filter.forUpdate && db.dialect === 'postgres') query = query.forUpdate();
	return query;
}

/** The given columns of one patient; undefined for an unknown id or a record the filter leaves out. */
export async function findPatient<C extends PatientColumn>(
	db: Db,
	patientId: string,
	columns: readonly C[],
	filter: PatientFilter = {}
): Promise<Pick<Patient, C> | undefined> {
	return selectPatients(db, filter)
		.select(columns as readonly PatientColumn[])
		.where('id', '=', patientId)
		.executeTakeFirst();
}

/** The given columns of a patient who must exist (a charge's or a course's); throws Kysely's NoResultError otherwise. */
export async function getPatient<C extends PatientColumn>(db: Db, patientId: string, columns: readonly C[]): Promise<Pick<Patient, C>> {
	return db.kysely
		.selectFrom('patient')
		.select(columns as readonly PatientColumn[])
		.where('id', '=', patientId)
		.executeTakeFirstOrThrow();
}

/** The whole row of one patient; undefined for an unknown id or a record the filter leaves out. */
export async function findPatientRow(db: Db, patientId: string, filter: PatientFilter = {}): Promise<Patient | undefined> {
	return selectPatients(db, filter).selectAll().where('id', '=', patientId).executeTakeFirst();
}

/** The given columns of several patients, in no particular order; unknown ids are left out. */
export async function findPatients<C extends PatientColumn>(
	db: Db,
	patientIds: readonly string[],
	columns: readonly C[],
	filter: PatientFilter = {}
): Promise<Pick<Patient, C>[]> {
	if (patientIds.length === 0) return [];
	return selectPatients(db, filter)
		.select(columns as readonly PatientColumn[])
		.where('id', 'in', patientIds)
		.execute();
}

/** Whether the patient exists and is not merged into another. */
export async function isLivePatient(db: Db, patientId: string): Promise<boolean> {
	return (await findPatient(db, patientId, ['id'], { live: true })) !== undefined;
}

/** On PostgreSQL, locks the patient's row until the transaction ends, so a booking or a merge waits; SQLite has a single writer. */
export async function lockPatientRow(db: Db, patientId: string): Promise<void> {
	if (db.dialect === 'postgres') await db.kysely.selectFrom('patient').select('id').where('id', '=', patientId).forUpdate().execute();
}

/** The given columns of the live patients registered with an address (compared trimmed and without case), oldest first. */
export async function findLivePatientsByEmail<C extends PatientColumn>(db: Db, normalisedEmail: string, columns: readonly C[]): Promise<Pick<Patient, C>[]> {
	return db.kysely
		.selectFrom('patient')
		.select(columns as readonly PatientColumn[])
		.where((eb) => eb(eb.fn('lower', [eb.fn('trim', ['email'])]), '=', normalisedEmail))
		.where('merged_into_id', 'is', null)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

/** The live patients whose address on file is exactly one of these, by family name. */
export async function findLivePatientsWithEmails(db: Db, emails: readonly string[]): Promise<Pick<Patient, 'id' | 'email' | 'family_name' | 'given_name'>[]> {
	if (emails.length === 0) return [];
	return db.kysely
		.selectFrom('patient')
		.select(['id', 'email', 'family_name', 'given_name'])
		.where('email', 'in', emails)
		.where('merged_into_id', 'is', null)
		.orderBy('family_name')
		.execute();
}

/** A sub-query of the addresses live patients have on file, for a `where(column, 'in', …)`. */
export function livePatientEmails(db: Db) {
	return db.kysely.selectFrom('patient').select('email').where('email', '!=', '').where('merged_into_id', 'is', null);
}

/** The live patients with these patient numbers. */
export async function findLivePatientsByNumber(db: Db, numbers: readonly string[]): Promise<Array<{ id: string; patient_number: string | null }>> {
	if (numbers.length === 0) return [];
	return db.kysely.selectFrom('patient').select(['id', 'patient_number']).where('patient_number', 'in', numbers).where('merged_into_id', 'is', null).execute();
}

/** How to reach a patient: their address and language, and their LINE link if they have one; undefined for an unknown id. */
export async function findPatientContact(db: Db, patientId: string) {
	return db.kysely
		.selectFrom('patient')
		.leftJoin('line_link', 'line_link.patient_id', 'patient.id')
		.select(['patient.email', 'patient.preferred_locale', 'line_link.line_user_id', 'line_link.channels'])
		.where('patient.id', '=', patientId)
		.executeTakeFirst();
}

/**
 * Live patients for the desk's booking form (schedule/search-patients.ts), with their LINE link:
 * by the digits of their phone, or by name (`compact`, lower case, no spaces) or reading
 * (`katakana`), each already escaped for LIKE with a backslash.
 */
export async function findLivePatientsForDesk(db: Db, match: { digits: string } | { compact: string; katakana: string }, limit: number) {
	return db.kysely
		.selectFrom('patient')
		.leftJoin('line_link', 'line_link.patient_id', 'patient.id')
		.select([
			'patient.id',
			'family_name',
			'given_name',
			'family_name_kana',
			'given_name_kana',
			'phone',
			'date_of_birth',
			'email',
			'line_link.line_user_id',
			'line_link.channels'
		])
		.where('merged_into_id', 'is', null)
		.where((eb) =>
			'digits' in match
				? eb(sql<string>`replace(replace(replace(phone, '-', ''), ' ', ''), '+', '')`, 'like', `%${match.digits}%`)
				: eb.or([
						eb(sql<string>`lower(family_name || given_name)`, 'like', sql<string>`${`%${match.compact}%`} escape '\\'`),
						eb(sql<string>`lower(given_name || family_name)`, 'like', sql<string>`${`%${match.compact}%`} escape '\\'`),
						eb(sql<string>`family_name_kana || given_name_kana`, 'like', sql<string>`${`%${match.katakana}%`} escape '\\'`)
					])
		)
		.orderBy('family_name_kana')
		.orderBy('family_name')
		.orderBy('patient.id')
		.limit(limit)
		.execute();
}

/** A new patient row. Joins the caller's transaction. */
export async function insertPatient(db: Db, patient: Insertable<PatientTable>): Promise<void> {
	await db.kysely.insertInto('patient').values(patient).execute();
}

/** Changes one patient's row. Joins the caller's transaction. */
export async function updatePatientRow(db: Db, patientId: string, changes: Updateable<PatientTable>): Promise<void> {
	await db.kysely.updateTable('patient').set(changes).where('id', '=', patientId).execute();
}

/**
 * Claims records about to be merged with an update that changes nothing: on PostgreSQL it locks the
 * rows, so two merges of the same records queue here and the second sees the first's result.
 * Returns how many of them were not merged yet.
 */
export async function claimUnmergedPatients(db: Db, patientIds: string[]): Promise<number> {
	const claimed = await db.kysely
		.updateTable('patient')
		.set({ merged_into_id: null })
		.where('id', 'in', patientIds)
		.where('merged_into_id', 'is', null)
		.executeTakeFirst();
	return Number(claimed.numUpdatedRows);
}

/** Marks a record as merged into its survivor: from now on it stands for the survivor. */
export async function markPatientMerged(db: Db, mergedId: string, survivorId: string, updatedAt: string): Promise<void> {
	await db.kysely.updateTable('patient').set({ merged_into_id: survivorId, updated_at: updatedAt }).where('id', '=', mergedId).execute();
}

/**
 * The number the next new patient gets. Call it inside the transaction that inserts the patient:
 * the counter row is locked until that transaction ends, so two bookings never take one number.
 */
export async function nextPatientNumber(db: Db): Promise<string> {
	const row = await db.kysely
		.updateTable('counter')
		.set((eb) => ({ value: eb('value', '+', 1) }))
		.where('name', '=', 'patient_number')
		.returning('value')
		.executeTakeFirstOrThrow();
	return formatPatientNumber(Number(row.value));
}

/**
 * Gives the new patient `patientId` (inserted without a number) the next number. On PostgreSQL this
 * is kept back until just before the commit (db/transaction.ts): the counter row stays locked from
 * the number's taking to the commit, so taken last it makes concurrent bookings wait one statement
 * and the commit, not their whole transaction. Elsewhere it is taken at once.
 */
export async function numberNewPatient(db: Db, patientId: string): Promise<void> {
	if (!deferUntilCommit(db, 'patient-number', patientId, numberPatients)) await numberPatients(db, [patientId]);
}

async function numberPatients(db: Db, patientIds: string[]): Promise<void> {
	for (const id of patientIds) {
		if (db.dialect !== 'postgres') {
			await db.kysely
				.updateTable('patient')
				.set({ patient_number: await nextPatientNumber(db) })
				.where('id', '=', id)
				.execute();
			continue;
		}
		// One statement: the counter's next value, formatted as formatPatientNumber does ('P' and at least six digits).
		await sql`with taken as (update counter set value = value + 1 where name = 'patient_number' returning value)
			update patient set patient_number = 'P' || lpad(taken.value::text, greatest(6, length(taken.value::text)), '0')
			from taken where patient.id = ${id}`.execute(db.kysely);
	}
}
