import { isConsentChannel, isConsentKind, type ConsentChannel, type ConsentKind } from '../../domain/consent/kinds';
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { ConsentDocumentTable, ConsentSignatureTable } from '../db/schema';
import { findPatient } from '../patients/patient-repository';

/** Kysely queries for consent documents and signatures; nothing else in consent/ talks SQL. */

export interface ConsentDocument {
	id: string;
	kind: ConsentKind;
	version: number;
	required: boolean;
	titleJa: string;
	titleEn: string;
	bodyJa: string;
	bodyEn: string;
	createdAt: string;
	createdBy: string | null;
}

export interface ConsentSignature {
	id: string;
	documentId: string;
	kind: ConsentKind;
	version: number;
	agreed: boolean;
	signedName: string;
	signedAt: string;
	ip: string | null;
	userAgent: string | null;
	recordedByStaffId: string | null;
	/** The staff member who recorded it at the desk (or took it aloud); null when the patient signed in the portal or when booking. */
	recordedByName: string | null;
	/** How the answer was given. */
	channel: ConsentChannel;
}

interface DocumentRow {
	id: string;
	kind: string;
	version: number | string;
	required: number | string;
	title_ja: string;
	title_en: string;
	body_ja: string;
	body_en: string;
	created_at: string;
	created_by: string | null;
}

function toDocument(row: DocumentRow): ConsentDocument | null {
	if (!isConsentKind(row.kind)) return null;
	return {
		id: row.id,
		kind: row.kind,
		version: Number(row.version),
		required: Number(row.required) === 1,
		titleJa: row.title_ja,
		titleEn: row.title_en,
		bodyJa: row.body_ja,
		bodyEn: row.body_en,
		createdAt: row.created_at,
		createdBy: row.created_by
	};
}

const isPresent = <T>(value: T | null): value is T => value !== null;

/** Every version of every known kind, oldest first. */
export async function selectDocuments(db: Db): Promise<ConsentDocument[]> {
	const rows = await db.kysely.selectFrom('consent_document').selectAll().orderBy('kind').orderBy('version').execute();
	return rows.map(toDocument).filter(isPresent);
}

export async function selectDocument(db: Db, id: string): Promise<ConsentDocument | null> {
	const row = await db.kysely.selectFrom('consent_document').selectAll().where('id', '=', id).executeTakeFirst();
	return row ? toDocument(row) : null;
}

/** The highest version published for a kind (0 before any). */
export async function selectCurrentVersion(db: Db, kind: ConsentKind): Promise<number> {
	const row = await db.kysely
		.selectFrom('consent_document')
		.select((eb) => eb.fn.max('version').as('version'))
		.where('kind', '=', kind)
		.executeTakeFirst();
	return Number(row?.version ?? 0);
}

function signatureQuery(db: Db) {
	return db.kysely
		.selectFrom('consent_signature')
		.innerJoin('consent_document', 'consent_document.id', 'consent_signature.document_id')
		.leftJoin('staff', 'staff.id', 'consent_signature.recorded_by_staff_id')
		.select([
			'consent_signature.id',
			'consent_signature.document_id',
			'consent_signature.agreed',
			'consent_signature.signed_name',
			'consent_signature.signed_at',
			'consent_signature.ip',
			'consent_signature.user_agent',
			'consent_signature.recorded_by_staff_id',
			'consent_signature.channel',
			'consent_document.kind',
			'consent_document.version',
			'staff.display_name'
		]);
}

type SignatureRow = Awaited<ReturnType<ReturnType<typeof signatureQuery>['execute']>>[number];

function toSignature(row: SignatureRow): ConsentSignature | null {
	if (!isConsentKind(row.kind)) return null;
	return {
		id: row.id,
		documentId: row.document_id,
		kind: row.kind,
		version: Number(row.version),
		agreed: Number(row.agreed) === 1,
		signedName: row.signed_name,
		signedAt: row.signed_at,
		ip: row.ip,
		userAgent: row.user_agent,
		recordedByStaffId: row.recorded_by_staff_id,
		recordedByName: row.display_name ?? null,
		channel: isConsentChannel(row.channel) ? row.channel : row.recorded_by_staff_id ? 'desk' : 'portal'
	};
}

/** A patient's signatures, newest first. */
export async function selectSignatures(db: Db, patientId: string): Promise<ConsentSignature[]> {
	const rows = await signatureQuery(db)
		.where('consent_signature.patient_id', '=', patientId)
		.orderBy('consent_signature.signed_at', 'desc')
		.orderBy('consent_document.version', 'desc')
		.orderBy('consent_signature.id', 'desc')
		.execute();
	return rows.map(toSignature).filter(isPresent);
}

/** One signature, only if it belongs to this patient. */
export async function selectSignature(db: Db, patientId: string, signatureId: string): Promise<ConsentSignature | null> {
	const row = await signatureQuery(db).where('consent_signature.id', '=', signatureId).where('consent_signature.patient_id', '=', patientId).executeTakeFirst();
	return row ? toSignature(row) : null;
}

export interface SignerName {
	id: string;
	familyName: string;
	givenName: string;
	familyNameKana: string;
	givenNameKana: string;
	preferredLocale: 'ja' | 'en';
}

/** The patient's name as the register holds it; null for an unknown or merged-away record. */
export async function selectSigner(db: Db, patientId: string): Promise<SignerName | null> {
	const row = await findPatient(db, patientId, [
		'id',
		'family_name',
		'given_name',
		'family_name_kana',
		'given_name_kana',
		'preferred_locale',
		'merged_into_id'
	]);
	if (!row) return null;
	return signerOf({
		id: row.id,
		familyName: row.family_name,
		givenName: row.given_name,
		familyNameKana: row.family_name_kana,
		givenNameKana: row.given_name_kana,
		preferredLocale: row.preferred_locale,
		mergedIntoId: row.merged_into_id
	});
}

/** What the signer's name is made from: the patient's record as already read (the chart's `PatientRecord`). */
export interface SignerSource {
	id: string;
	familyName: string;
	givenName: string;
	familyNameKana: string;
	givenNameKana: string;
	preferredLocale: string;
	mergedIntoId: string | null;
}

/** The signer's name from a record already read; null for a merged-away record. */
export function signerOf(patient: SignerSource): SignerName | null {
	if (patient.mergedIntoId !== null) return null;
	const { id, familyName, givenName, familyNameKana, givenNameKana } = patient;
	return { id, familyName, givenName, familyNameKana, givenNameKana, preferredLocale: patient.preferredLocale === 'en' ? 'en' : 'ja' };
}

/* The consent tables' writes (docs/architecture.md, "One owner per table"). */

export async function insertConsentDocument(db: Db, document: Insertable<ConsentDocumentTable>): Promise<void> {
	await db.kysely.insertInto('consent_document').values(document).execute();
}

/** Inserts the documents a version of the clinic does not have yet; an existing (kind, version) stays as it is. */
export async function insertMissingConsentDocuments(db: Db, documents: Insertable<ConsentDocumentTable>[]): Promise<void> {
	await db.kysely
		.insertInto('consent_document')
		.values(documents)
		.onConflict((oc) => oc.columns(['kind', 'version']).doNothing())
		.execute();
}

export async function insertConsentSignature(db: Db, signature: Insertable<ConsentSignatureTable>): Promise<void> {
	await db.kysely.insertInto('consent_signature').values(signature).execute();
}

/** The raw answers to one kind of consent, of every patient or of one, with their document's version. */
export async function selectSignatureRowsOfKind(db: Db, kind: ConsentKind, patientId?: string) {
	let query = db.kysely
		.selectFrom('consent_signature')
		.innerJoin('consent_document', 'consent_document.id', 'consent_signature.document_id')
		.select([
			'consent_signature.id',
			'consent_signature.patient_id',
			'consent_signature.document_id',
			'consent_document.kind',
			'consent_document.version',
			'consent_signature.agreed',
			'consent_signature.signed_at'
		])
		.where('consent_document.kind', '=', kind);
	if (patientId !== undefined) query = query.where('consent_signature.patient_id', '=', patientId);
	return query.execute();
}
